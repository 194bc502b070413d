package io.openmws.protocol.time;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of {@link RequestTimeWindow#check(String, String)}: a status and, when the request is
 * refused, the message to put in the MWS error. Immutable.
 */
public final class TimeWindowCheck {

    /** The verdict. */
    public enum Status {
        /** Within the window (or before {@code Expires}). */
        OK,
        /** {@code Timestamp} is more than the tolerance before the clock. MWS: {@code RequestExpired}. */
        TOO_OLD,
        /** {@code Timestamp} is more than the tolerance after the clock. MWS: {@code RequestExpired}. */
        TOO_NEW,
        /** The clock is past {@code Expires}. MWS: {@code RequestExpired}. */
        EXPIRED,
        /** Both {@code Timestamp} and {@code Expires} are present. */
        TIMESTAMP_AND_EXPIRES,
        /** Neither {@code Timestamp} nor {@code Expires} is present. MWS: {@code MissingParameter}. */
        MISSING,
        /** The value is not a timestamp; see {@link #parameterName()}. MWS: {@code InvalidParameterValue}. */
        MALFORMED
    }

    private final Status status;
    private final String message;
    private final String parameterName;
    private final Instant requestTime;

    TimeWindowCheck(Status status, String message, String parameterName, Instant requestTime) {
        this.status = status;
        this.message = message;
        this.parameterName = parameterName;
        this.requestTime = requestTime;
    }

    /** The verdict. */
    public Status status() {
        return status;
    }

    /** Whether the request may proceed. */
    public boolean isOk() {
        return status == Status.OK;
    }

    /** The error message for a refused request (empty text for {@link Status#OK}). */
    public String message() {
        return message;
    }

    /** The parameter concerned ({@code Timestamp} or {@code Expires}), when one is. */
    public Optional<String> parameterName() {
        return Optional.ofNullable(parameterName);
    }

    /** The parsed {@code Timestamp} or {@code Expires}, when it parsed. */
    public Optional<Instant> requestTime() {
        return Optional.ofNullable(requestTime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindowCheck c && status == c.status && message.equals(c.message)
                && Objects.equals(parameterName, c.parameterName) && Objects.equals(requestTime, c.requestTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, message, parameterName, requestTime);
    }

    @Override
    public String toString() {
        return "TimeWindowCheck[" + status + (message.isEmpty() ? "" : ": " + message) + "]";
    }
}
