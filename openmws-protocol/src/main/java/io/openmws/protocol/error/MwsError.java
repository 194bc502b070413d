package io.openmws.protocol.error;

import io.openmws.protocol.ApiSection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One MWS error: the content of one {@code <Error>} element. Immutable.
 *
 * <p>Errors this platform sends are made from the catalog ({@link #of(MwsErrorCode, String)} and
 * the named factories, which carry the real MWS texts), so they always have a known code and a
 * type. Errors read from another server ({@link #received}) may carry any code and no type.
 *
 * <p>A message is sent to the caller as is: never put a secret, a signature or an MWS Auth Token in
 * it. Text that echoes the request (a path, a parameter name) is shortened to
 * {@value #MAX_ECHO} characters.
 */
public final class MwsError {

    /** The longest piece of request text (a path, a name) echoed into a message. */
    public static final int MAX_ECHO = 200;

    private static final DateTimeFormatter QUOTA_RESET =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private final String code;
    private final ErrorType type;
    private final String message;
    private final String detail;

    private MwsError(String code, ErrorType type, String message, String detail) {
        this.code = code;
        this.type = type;
        this.message = message;
        this.detail = detail;
    }

    /**
     * The error {@code code} with its catalog default message.
     *
     * @param code the catalog entry
     * @return the error
     */
    public static MwsError of(MwsErrorCode code) {
        return of(code, code.defaultMessage());
    }

    /**
     * The error {@code code} with a specific message.
     *
     * @param code the catalog entry
     * @param message what went wrong and how to fix it; not blank, never a secret
     * @return the error
     */
    public static MwsError of(MwsErrorCode code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("An MWS error message must not be blank: clients need"
                    + " Type, Code and Message all present. Use MwsError.of(code) for the default text.");
        }
        return new MwsError(code.code(), code.type(), message, null);
    }

    /**
     * An error as read from a response, with whatever it carried.
     *
     * @param type the type, or {@code null} when {@code <Type>} was missing or empty
     * @param code the {@code <Code>} text; not blank
     * @param message the {@code <Message>} text, or {@code null} when missing (read as empty)
     * @param detail the {@code <Detail>} text, or {@code null} when there was none
     * @return the error
     */
    public static MwsError received(ErrorType type, String code, String message, String detail) {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("An MWS error needs a Code.");
        }
        return new MwsError(code, type, message == null ? "" : message, detail);
    }

    /**
     * This error with a {@code <Detail>} element.
     *
     * @param detail the detail text (may be empty, which writes an empty element), or {@code null}
     *               for none
     * @return a new error; this one is unchanged
     */
    public MwsError withDetail(String detail) {
        return new MwsError(code, type, message, detail);
    }

    /**
     * {@code InvalidParameterValue}: {@code Missing required parameter SellerId.} (real text; MWS has
     * no {@code MissingParameter} code).
     *
     * @param name the parameter's name
     * @return the error
     */
    public static MwsError missingParameter(String name) {
        return of(MwsErrorCode.INVALID_PARAMETER_VALUE, "Missing required parameter " + echo(name) + ".");
    }

    /** {@code ValidationError} for a ByNextToken call without {@code NextToken} (real text). */
    public static MwsError missingNextToken() {
        return of(MwsErrorCode.VALIDATION_ERROR);
    }

    /** {@code AccessDenied}: {@code Access denied} (real text; also for a wrong or revoked token). */
    public static MwsError accessDenied() {
        return of(MwsErrorCode.ACCESS_DENIED);
    }

    /** {@code AccessDenied}: {@code Missing required MWSAuthToken for Seller.} (real text). */
    public static MwsError missingAuthToken() {
        return of(MwsErrorCode.ACCESS_DENIED, "Missing required MWSAuthToken for Seller.");
    }

    /**
     * {@code AccessDenied} for an operation the developer may not call:
     * {@code Access to Reports.GetReportRequestList is denied} (real text).
     *
     * @param section the section of the operation
     * @param action the operation name
     * @return the error
     */
    public static MwsError accessDeniedToOperation(ApiSection section, String action) {
        return of(MwsErrorCode.ACCESS_DENIED,
                "Access to " + section.sectionName() + "." + echo(action) + " is denied");
    }

    /** {@code InvalidAccessKeyId} with the real text. */
    public static MwsError invalidAccessKeyId() {
        return of(MwsErrorCode.INVALID_ACCESS_KEY_ID);
    }

    /** {@code SignatureDoesNotMatch} with the real text. */
    public static MwsError signatureDoesNotMatch() {
        return of(MwsErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    /**
     * {@code InvalidAddress} for a path this server does not serve:
     * {@code Resource /Foo/2011-07-01 is not found on this server.}
     *
     * @param path the request path as received
     * @return the error
     */
    public static MwsError invalidAddress(String path) {
        return of(MwsErrorCode.INVALID_ADDRESS, "Resource " + echo(path) + " is not found on this server.");
    }

    /**
     * {@code InvalidAddress} for a section path without its version, real text:
     * {@code Resource /Sellers/ is not found on this server. API Version is missing}.
     *
     * @param path the request path as received
     * @return the error
     */
    public static MwsError invalidAddressVersionMissing(String path) {
        return of(MwsErrorCode.INVALID_ADDRESS,
                "Resource " + echo(path) + " is not found on this server. API Version is missing");
    }

    /** {@code RequestThrottled}: {@code Request is throttled} (real text). */
    public static MwsError requestThrottled() {
        return of(MwsErrorCode.REQUEST_THROTTLED);
    }

    /**
     * {@code QuotaExceeded} in the real wording, e.g. {@code You exceeded your quota of 80.0 requests
     * per 1 hour for operation Feeds/2009-01-01/GetFeedSubmissionList.  Your quota will reset on Thu
     * Dec 18 07:39:00 UTC 2014} (two spaces after the first sentence, as MWS wrote it).
     *
     * @param hourlyQuota the hourly quota of the operation
     * @param section the section of the operation
     * @param action the operation name
     * @param resetsOn when the quota resets
     * @return the error
     */
    public static MwsError quotaExceeded(int hourlyQuota, ApiSection section, String action, Instant resetsOn) {
        return of(MwsErrorCode.QUOTA_EXCEEDED, "You exceeded your quota of " + hourlyQuota + ".0 requests per"
                + " 1 hour for operation " + section.sectionName() + "/" + section.version() + "/" + echo(action)
                + ".  Your quota will reset on " + QUOTA_RESET.format(resetsOn));
    }

    /**
     * {@code RequestExpired} for a Timestamp too far in the past, real text:
     * {@code Request signature is too far in the past and has expired. Timestamp date: 2018-09-23T10:04:57Z}.
     *
     * @param timestamp the Timestamp parameter as received
     * @return the error
     */
    public static MwsError requestExpiredInThePast(String timestamp) {
        return of(MwsErrorCode.REQUEST_EXPIRED,
                "Request signature is too far in the past and has expired. Timestamp date: " + echo(timestamp));
    }

    /**
     * {@code RequestExpired} for a Timestamp too far in the future. Only the beginning of the real
     * text is known ({@code Request signature is too far in the future}); the rest is this project's.
     *
     * @param timestamp the Timestamp parameter as received
     * @return the error
     */
    public static MwsError requestExpiredInTheFuture(String timestamp) {
        return of(MwsErrorCode.REQUEST_EXPIRED, "Request signature is too far in the future and is not yet"
                + " valid; check the client's clock. Timestamp date: " + echo(timestamp));
    }

    /** The {@code <Code>} text, e.g. {@code AccessDenied}. */
    public String code() {
        return code;
    }

    /** The catalog entry of the code; empty only for an error received with a code outside the catalog. */
    public Optional<MwsErrorCode> knownCode() {
        return MwsErrorCode.fromCode(code);
    }

    /** The type; empty only for an error received without one. */
    public Optional<ErrorType> type() {
        return Optional.ofNullable(type);
    }

    /** The {@code <Message>} text; empty only for an error received without one. */
    public String message() {
        return message;
    }

    /** The {@code <Detail>} text, when there is a {@code <Detail>} element. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /**
     * The HTTP status for this error: the catalog's; for a received code outside the catalog, 500 for
     * a {@code Receiver} fault and 400 otherwise.
     */
    public int httpStatus() {
        return knownCode().map(MwsErrorCode::httpStatus)
                .orElse(type == ErrorType.RECEIVER ? 500 : 400);
    }

    private static String echo(String requestText) {
        String text = String.valueOf(requestText);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MwsError e && code.equals(e.code) && type == e.type
                && message.equals(e.message) && Objects.equals(detail, e.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, type, message, detail);
    }

    @Override
    public String toString() {
        return code + " (" + (type == null ? "no type" : type.wireName()) + "): " + message;
    }
}
