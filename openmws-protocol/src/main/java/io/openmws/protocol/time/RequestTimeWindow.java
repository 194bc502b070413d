package io.openmws.protocol.time;

import io.openmws.protocol.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The request time check of MWS ({@code docs/protocol.md} §4): a {@code Timestamp} may differ from
 * the server clock by at most 15 minutes either way; alternatively an {@code Expires} must not have
 * passed.
 *
 * <p>Boundaries: a timestamp exactly 15 minutes away is accepted; 15 minutes and 1 ms is refused.
 * A request whose {@code Expires} equals the clock is accepted; 1 ms later it is refused.
 * {@code Expires} has no upper bound (AWS SigV2 set none). Giving both parameters is refused;
 * giving neither is its own status.
 *
 * <p>The time always comes from the given {@link Clock}, never from {@code Instant.now()}.
 * Immutable and thread-safe.
 */
public final class RequestTimeWindow {

    /** The MWS tolerance: 15 minutes. */
    public static final Duration MWS_TOLERANCE = Duration.ofMinutes(15);

    private final Clock clock;
    private final Duration tolerance;

    private RequestTimeWindow(Clock clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("The tolerance must not be negative");
        }
    }

    /**
     * The MWS window: 15 minutes either side of {@code clock}.
     *
     * @param clock the platform clock
     * @return the window
     */
    public static RequestTimeWindow of(Clock clock) {
        return new RequestTimeWindow(clock, MWS_TOLERANCE);
    }

    /**
     * A window with another tolerance (tests, or a deliberately lenient sandbox).
     *
     * @param clock the platform clock
     * @param tolerance how far either side of the clock a timestamp may be
     * @return the window
     */
    public static RequestTimeWindow of(Clock clock, Duration tolerance) {
        return new RequestTimeWindow(clock, tolerance);
    }

    /**
     * Checks a request's {@code Timestamp} or {@code Expires}.
     *
     * @param timestamp the decoded {@code Timestamp} value, null when absent
     * @param expires the decoded {@code Expires} value, null when absent
     * @return the verdict, with the MWS message when refused
     */
    public TimeWindowCheck check(String timestamp, String expires) {
        if (timestamp != null && expires != null) {
            return new TimeWindowCheck(TimeWindowCheck.Status.TIMESTAMP_AND_EXPIRES,
                    "Parameters Timestamp and Expires cannot both be specified; send only Timestamp", "Expires", null);
        }
        if (timestamp == null && expires == null) {
            return new TimeWindowCheck(TimeWindowCheck.Status.MISSING,
                    "The request must contain the parameter Timestamp", "Timestamp", null);
        }
        String name = timestamp != null ? "Timestamp" : "Expires";
        String value = timestamp != null ? timestamp : expires;
        Instant at;
        try {
            at = Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            return new TimeWindowCheck(TimeWindowCheck.Status.MALFORMED, "Value (" + Text.abbreviate(value, 64)
                    + ") for parameter " + name + " is invalid. Must be in ISO8601 format, e.g. 2020-05-28T11:22:23Z",
                    name, null);
        }
        Instant now = clock.instant();
        if (expires != null) {
            if (now.isAfter(at)) {
                return new TimeWindowCheck(TimeWindowCheck.Status.EXPIRED,
                        "Request has expired. Expires date: " + Timestamps.formatSeconds(at), name, at);
            }
            return new TimeWindowCheck(TimeWindowCheck.Status.OK, "", name, at);
        }
        if (at.isBefore(now.minus(tolerance))) {
            return new TimeWindowCheck(TimeWindowCheck.Status.TOO_OLD,
                    "Request signature is too far in the past and has expired. Timestamp date: "
                            + Timestamps.formatSeconds(at), name, at);
        }
        if (at.isAfter(now.plus(tolerance))) {
            return new TimeWindowCheck(TimeWindowCheck.Status.TOO_NEW,
                    "Request signature is too far in the future. Timestamp date: " + Timestamps.formatSeconds(at),
                    name, at);
        }
        return new TimeWindowCheck(TimeWindowCheck.Status.OK, "", name, at);
    }


    @Override
    public String toString() {
        return "RequestTimeWindow[tolerance=" + tolerance + ", clock=" + clock + "]";
    }
}
