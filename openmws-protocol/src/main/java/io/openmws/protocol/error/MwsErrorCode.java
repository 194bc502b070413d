package io.openmws.protocol.error;

import java.util.Optional;

/**
 * The catalog of MWS error codes this platform sends: the wire code, the HTTP status, the fault
 * type and a default message ({@code docs/protocol.md} §5.3). This enum is the one place that maps an
 * error to an HTTP status.
 *
 * <p>Clients such as the ScaleLeap SDK only recognise the codes real MWS used, so no code is invented
 * here: the common codes of §5.3, the section codes clients know, and {@code InvalidReportRequestId}
 * from the documentation's own {@code ErrorResponse} example.
 *
 * <p>Default messages are the exact real texts where the spec records one (marked "real text");
 * the others are this project's wording, written to tell the caller what to fix. The section codes
 * have no documented HTTP status; they use 400, like every other caller error.
 */
public enum MwsErrorCode {

    /** 400: the request body could not be read to its end. */
    INPUT_STREAM_DISCONNECTED("InputStreamDisconnected", 400, ErrorType.SENDER,
            "The request body could not be read to its end. Send the request again."),
    /** 400: a parameter is missing or has a bad value; see {@link MwsError#missingParameter}. */
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, ErrorType.SENDER,
            "A parameter has an invalid value. Check the operation's documentation for the allowed values."),
    /** 400: a required member is null; real text for a ByNextToken call without {@code NextToken}. */
    VALIDATION_ERROR("ValidationError", 400, ErrorType.SENDER,
            "1 validation error detected: Value null at 'nextToken' failed to satisfy constraint:"
                    + " Member must not be null"),
    /** 400 (the spec's choice; real status unconfirmed): the Timestamp is outside ±15 minutes. */
    REQUEST_EXPIRED("RequestExpired", 400, ErrorType.SENDER,
            "Request signature has expired. Send a Timestamp within 15 minutes of the current UTC time."),
    /** 401: the caller may not act for this seller or call this operation; real text. */
    ACCESS_DENIED("AccessDenied", 401, ErrorType.SENDER, "Access denied"),
    /** 403: unknown {@code AWSAccessKeyId}; real text. */
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403, ErrorType.SENDER,
            "The AWS Access Key Id you provided does not exist in our records."),
    /** 403: the signature does not verify; real text. */
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403, ErrorType.SENDER,
            "The request signature we calculated does not match the signature you provided."
                    + " Check your AWS Secret Access Key and signing method."
                    + " Consult the service documentation for details."),
    /** 404: unknown path, API version or operation; see {@link MwsError#invalidAddress}. */
    INVALID_ADDRESS("InvalidAddress", 404, ErrorType.SENDER,
            "The requested resource is not found on this server. Check the path, Version and Action."),
    /** 500, Receiver: internal failure; clients retry with back-off. */
    INTERNAL_ERROR("InternalError", 500, ErrorType.RECEIVER,
            "We encountered an internal error. Please try again."),
    /** 503: the hourly quota is used up; see {@link MwsError#quotaExceeded}. */
    QUOTA_EXCEEDED("QuotaExceeded", 503, ErrorType.SENDER,
            "You exceeded your hourly request quota for this operation. Wait until it resets."),
    /** 503: the operation's request bucket is empty; real text. */
    REQUEST_THROTTLED("RequestThrottled", 503, ErrorType.SENDER, "Request is throttled"),
    /** 503, Receiver: the service is unavailable for now. */
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, ErrorType.RECEIVER,
            "The service is temporarily unavailable. Please try again later."),

    /** 400 (section code): the NextToken is not one this server issued, or no longer valid. */
    NEXT_TOKEN_CORRUPTED("NextTokenCorrupted", 400, ErrorType.SENDER,
            "The NextToken is corrupted or has expired. Start again with the operation that returned it."),
    /** 400 (Feeds): SubmitFeed without a Content-MD5 header or ContentMD5Value parameter. */
    CONTENT_MD5_MISSING("ContentMD5Missing", 400, ErrorType.SENDER,
            "The feed's Content-MD5 is missing. Send the base64 MD5 of the feed as the ContentMD5Value"
                    + " parameter or the Content-MD5 header."),
    /** 400 (Feeds, real status unconfirmed): the feed's MD5 differs from the one sent; real text. */
    CONTENT_MD5_DOES_NOT_MATCH("ContentMD5DoesNotMatch", 400, ErrorType.SENDER,
            "the Content-MD5 HTTP header you passed for your feed did not match the Content-MD5 we"
                    + " calculated for your feed"),
    /** 400 (Feeds): the processing result is asked for before processing finished. */
    FEED_PROCESSING_RESULT_NOT_READY("FeedProcessingResultNotReady", 400, ErrorType.SENDER,
            "Feed Submission Result is not ready. Poll GetFeedSubmissionList until the status is _DONE_."),
    /** 400 (Feeds): no feed submission with that id for this seller. */
    INVALID_FEED_SUBMISSION_ID("InvalidFeedSubmissionId", 400, ErrorType.SENDER,
            "The FeedSubmissionId is not one of this seller's feed submissions."),
    /** 400 (Feeds): SubmitFeed with a FeedType the platform does not accept. */
    INVALID_FEED_TYPE("InvalidFeedType", 400, ErrorType.SENDER,
            "The FeedType is not a valid feed type. Check the documentation for the accepted feed types."),
    /** 400 (Feeds): the processing result of a cancelled submission is asked for. */
    FEED_CANCELED("FeedCanceled", 400, ErrorType.SENDER,
            "The feed submission was cancelled: it has no processing result."),
    /** 400 (Reports): no report with that id for this seller. */
    INVALID_REPORT_ID("InvalidReportId", 400, ErrorType.SENDER,
            "The ReportId is not one of this seller's reports."),
    /** 400 (Reports): real text of the documentation's example. */
    INVALID_REPORT_REQUEST_ID("InvalidReportRequestId", 400, ErrorType.SENDER,
            "One or more of the provided ReportRequestIds could not be found."),
    /** 400 (Reports): the report is asked for before it was generated. */
    REPORT_NOT_READY("ReportNotReady", 400, ErrorType.SENDER,
            "The report is not ready. Poll GetReportRequestList until the request is _DONE_."),
    /** 400 (Reports): RequestReport or ManageReportSchedule with a ReportType the platform does not know. */
    INVALID_REPORT_TYPE("InvalidReportType", 400, ErrorType.SENDER,
            "The ReportType is not a valid report type. Check the documentation for the accepted report types."),
    /** 400 (Reports): ManageReportSchedule with a Schedule outside the documented enumeration. */
    INVALID_SCHEDULE_FREQUENCY("InvalidScheduleFrequency", 400, ErrorType.SENDER,
            "The Schedule is not a valid schedule frequency."),
    /** 400 (Reports): GetReport for a report older than the 90 days reports are kept. */
    REPORT_NO_LONGER_AVAILABLE("ReportNoLongerAvailable", 400, ErrorType.SENDER,
            "The report is no longer available: reports are kept for 90 days."),
    /** 401 (Reports): the report exists but the caller may not read it. */
    ACCESS_TO_REPORT_DENIED("AccessToReportDenied", 401, ErrorType.SENDER,
            "Access to the report is denied."),
    /** 400 (section code): the request as a whole is not acceptable. */
    INVALID_REQUEST("InvalidRequest", 400, ErrorType.SENDER,
            "The request is invalid. Check the operation's documentation.");

    private final String code;
    private final int httpStatus;
    private final ErrorType type;
    private final String defaultMessage;

    MwsErrorCode(String code, int httpStatus, ErrorType type, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.type = type;
        this.defaultMessage = defaultMessage;
    }

    /** The code as it appears in {@code <Code>}, e.g. {@code InvalidParameterValue}. */
    public String code() {
        return code;
    }

    /** The HTTP status of a response carrying this error. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The fault type written in {@code <Type>}. */
    public ErrorType type() {
        return type;
    }

    /** The message used when none more specific is given. Never empty. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /**
     * The catalog entry for a code as it appears on the wire.
     *
     * @param code the {@code <Code>} text; case-sensitive, as MWS codes are
     * @return the entry, or empty for a code this catalog does not hold
     */
    public static Optional<MwsErrorCode> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (MwsErrorCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
