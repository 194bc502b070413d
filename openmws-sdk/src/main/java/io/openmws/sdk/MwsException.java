package io.openmws.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception of the SDK: a call that did not succeed, with the MWS error {@link #code()} (such as
 * {@code AccessDenied}), the {@link #httpStatus()}, the {@link #requestId()} to quote to the endpoint's
 * operator, the endpoint's message, and a {@link #kind()} that groups codes by what the caller can do.
 *
 * <pre>{@code
 * try {
 *     client.sellers().listMarketplaceParticipations(seller);
 * } catch (MwsException e) {
 *     switch (e.kind()) {
 *         case ACCESS_DENIED -> askTheSellerToAuthorizeAgain(seller);
 *         case THROTTLED, QUOTA_EXCEEDED -> tryLater();
 *         default -> throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>Failures without an MWS answer have a kind too: {@link Kind#COMMUNICATION} (no response),
 * {@link Kind#UNEXPECTED_RESPONSE} (an answer that is not MWS XML), {@link Kind#INTERRUPTED}. Their
 * {@link #code()} is then the kind's name and {@link #httpStatus()} is the status received, or 0.
 *
 * <p>Messages never contain a secret or a token.
 */
public final class MwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What a caller can do about an error; several MWS codes share a kind. */
    public enum Kind {
        /** {@code RequestThrottled}: the operation's request bucket is empty; wait for it to restore. */
        THROTTLED,
        /** {@code QuotaExceeded}: the hourly quota is used up until it resets. */
        QUOTA_EXCEEDED,
        /** {@code AccessDenied}: no valid authorization for this seller (missing, wrong, revoked or expired token). */
        ACCESS_DENIED,
        /** {@code InvalidAccessKeyId} (or {@code InvalidClientTokenId}): the endpoint does not know the Access Key ID. */
        INVALID_ACCESS_KEY,
        /** {@code SignatureDoesNotMatch}: the Secret Key is wrong for the Access Key ID, or the request was altered. */
        SIGNATURE,
        /** {@code RequestExpired}: the Timestamp was more than 15 minutes from the endpoint's time. */
        REQUEST_EXPIRED,
        /** {@code InvalidParameterValue}, {@code ValidationError}, {@code NextTokenCorrupted} and other caller errors. */
        INVALID_PARAMETER,
        /** {@code InvalidAddress} (404): the endpoint does not serve this path, version or operation. */
        NOT_FOUND,
        /** {@code InternalError}, {@code ServiceUnavailable} or another 5xx: the endpoint failed; retrying may help. */
        SERVICE_ERROR,
        /** No answer: the connection failed or timed out. */
        COMMUNICATION,
        /** An answer that is not an MWS response (an HTML page, broken XML, an unknown document). */
        UNEXPECTED_RESPONSE,
        /** The thread was interrupted while waiting for the endpoint, a throttle slot or a retry. */
        INTERRUPTED,
        /**
         * {@code FeedProcessingResultNotReady} or {@code ReportNotReady}: the result is not there yet; ask again
         * later ({@link FeedsApi#awaitResult} and {@link ReportsApi#awaitReport} wait for it). Also what they throw
         * when their time is up.
         */
        NOT_READY,
        /** {@code FeedCanceled}: the feed was cancelled before processing; it has no processing report. */
        CANCELED,
        /** An MWS error code this SDK does not know, from a 4xx answer. */
        OTHER;

        /**
         * Whether an error of this kind is worth sending again ({@link RetryPolicy} retries it): throttling,
         * quota, service errors.
         *
         * @return {@code true} for {@link #THROTTLED}, {@link #QUOTA_EXCEEDED} and {@link #SERVICE_ERROR}
         */
        public boolean isRetryable() {
            return this == THROTTLED || this == QUOTA_EXCEEDED || this == SERVICE_ERROR;
        }

        /**
         * The kind of an MWS error code.
         *
         * @param code the {@code <Code>} as received
         * @param httpStatus the HTTP status of the answer
         * @return the kind; {@link #SERVICE_ERROR} or {@link #OTHER} for unknown codes, by status
         */
        public static Kind of(String code, int httpStatus) {
            switch (Objects.requireNonNullElse(code, "")) {
                case "RequestThrottled":
                    return THROTTLED;
                case "QuotaExceeded":
                    return QUOTA_EXCEEDED;
                case "AccessDenied":
                case "AccessToReportDenied":
                    return ACCESS_DENIED;
                case "InvalidAccessKeyId":
                case "InvalidClientTokenId":
                    return INVALID_ACCESS_KEY;
                case "SignatureDoesNotMatch":
                    return SIGNATURE;
                case "RequestExpired":
                    return REQUEST_EXPIRED;
                case "InvalidParameterValue":
                case "ValidationError":
                case "InputStreamDisconnected":
                case "NextTokenCorrupted":
                case "InvalidRequest":
                case "ContentMD5Missing":
                case "ContentMD5DoesNotMatch":
                case "InvalidFeedType":
                case "InvalidFeedSubmissionId":
                case "InvalidReportId":
                case "InvalidReportRequestId":
                case "InvalidReportType":
                case "InvalidScheduleFrequency":
                case "ReportNoLongerAvailable":
                    return INVALID_PARAMETER;
                case "FeedProcessingResultNotReady":
                case "ReportNotReady":
                    return NOT_READY;
                case "FeedCanceled":
                    return CANCELED;
                case "InvalidAddress":
                    return NOT_FOUND;
                case "InternalError":
                case "ServiceUnavailable":
                    return SERVICE_ERROR;
                default:
                    return httpStatus >= 500 ? SERVICE_ERROR : OTHER;
            }
        }
    }

    private final Kind kind;
    private final String code;
    private final int httpStatus;
    private final String requestId;
    private final String endpointMessage;
    private final int attempts;

    private MwsException(Builder b) {
        super(describe(b), b.cause);
        this.kind = b.kind;
        this.code = b.code;
        this.httpStatus = b.httpStatus;
        this.requestId = b.requestId;
        this.endpointMessage = b.message;
        this.attempts = b.attempts;
    }

    private static String describe(Builder b) {
        StringBuilder s = new StringBuilder();
        s.append(b.code);
        if (b.httpStatus > 0) {
            s.append(" (HTTP ").append(b.httpStatus).append(')');
        }
        s.append(": ").append(b.message);
        if (b.requestId != null) {
            s.append(" [RequestId ").append(b.requestId).append(']');
        }
        if (b.attempts > 1) {
            s.append(" after ").append(b.attempts).append(" attempts");
        }
        String hint = hint(b.kind);
        if (!hint.isEmpty()) {
            s.append(". ").append(hint);
        }
        return s.toString();
    }

    private static String hint(Kind kind) {
        return switch (kind) {
            case ACCESS_DENIED -> "Check the Seller ID and MWS Auth Token; the seller may have revoked the"
                    + " authorization or let it expire and must authorize you again";
            case INVALID_ACCESS_KEY -> "Check the Access Key ID and that the endpoint is the one (and the region)"
                    + " where the developer is registered";
            case SIGNATURE -> "Check the Secret Key belongs to the Access Key ID";
            case REQUEST_EXPIRED -> "Check this machine's clock (the SDK corrects a skew once per call)";
            case THROTTLED -> "Slow down, or raise RetryPolicy.maxAttempts";
            case QUOTA_EXCEEDED -> "Wait until the hourly quota resets";
            case NOT_READY -> "Ask again later, or wait for it with FeedsApi.awaitResult or ReportsApi.awaitReport";
            default -> "";
        };
    }

    /** A builder, for the SDK's internals and for test doubles of code that handles these errors. */
    public static Builder builder() {
        return new Builder();
    }

    /** What the caller can do about it. */
    public Kind kind() {
        return kind;
    }

    /** The MWS error code, e.g. {@code AccessDenied}; for failures without an MWS answer, the kind's name. */
    public String code() {
        return code;
    }

    /** The HTTP status of the answer; 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The request id of the answer ({@code x-mws-request-id} or the document's), when there is one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The endpoint's own message (or the SDK's, for failures without one), without the code and hints. */
    public String endpointMessage() {
        return endpointMessage;
    }

    /** How many HTTP requests the call made before giving up (0 when none was sent). */
    public int attempts() {
        return attempts;
    }

    /** Whether the error is one the SDK retries: throttling, quota, 5xx. */
    public boolean isRetryable() {
        return kind.isRetryable();
    }

    /** Collects the parts of an {@link MwsException}. */
    public static final class Builder {
        private Kind kind;
        private String code;
        private int httpStatus;
        private String requestId;
        private String message = "";
        private int attempts;
        private Throwable cause;

        private Builder() {
        }

        /** The kind; when unset, derived from the code and status. */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** The MWS error code. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** The HTTP status, 0 for none. */
        public Builder httpStatus(int httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /** The request id, or {@code null}. */
        public Builder requestId(String requestId) {
            this.requestId = requestId == null || requestId.isBlank() ? null : requestId;
            return this;
        }

        /** The message; never a secret. */
        public Builder message(String message) {
            this.message = message == null ? "" : message;
            return this;
        }

        /** The number of HTTP requests made. */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /** The cause, for failures without an MWS answer. */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * The exception.
         *
         * @throws IllegalStateException when neither a code nor a kind is set
         */
        public MwsException build() {
            if (code == null && kind == null) {
                throw new IllegalStateException("An MwsException needs a code or a kind");
            }
            if (kind == null) {
                kind = Kind.of(code, httpStatus);
            }
            if (code == null) {
                code = kind.name();
            }
            return new MwsException(this);
        }
    }
}
