package io.openmws.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.ApiSection;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MwsErrorCodeTest {

    /** Rows copied from docs/protocol.md §5.3, plus the section codes (400, Sender: our choice). */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "InputStreamDisconnected, 400, Sender",
            "InvalidParameterValue,   400, Sender",
            "ValidationError,         400, Sender",
            "RequestExpired,          400, Sender",
            "AccessDenied,            401, Sender",
            "InvalidAccessKeyId,      403, Sender",
            "SignatureDoesNotMatch,   403, Sender",
            "InvalidAddress,          404, Sender",
            "InternalError,           500, Receiver",
            "QuotaExceeded,           503, Sender",
            "RequestThrottled,        503, Sender",
            "ServiceUnavailable,      503, Receiver",
            "NextTokenCorrupted,      400, Sender",
            "ContentMD5Missing,       400, Sender",
            "ContentMD5DoesNotMatch,  400, Sender",
            "FeedProcessingResultNotReady, 400, Sender",
            "InvalidFeedSubmissionId, 400, Sender",
            "InvalidReportId,         400, Sender",
            "InvalidReportRequestId,  400, Sender",
            "ReportNotReady,          400, Sender",
            "InvalidReportType,       400, Sender",
            "InvalidScheduleFrequency, 400, Sender",
            "ReportNoLongerAvailable, 400, Sender",
            "AccessToReportDenied,    401, Sender",
            "InvalidRequest,          400, Sender",
    })
    void catalogRowHasTheStatusAndTypeOfTheSpecTable(String code, int status, String type) {
        MwsErrorCode entry = MwsErrorCode.fromCode(code).orElseThrow();
        assertThat(entry.code()).isEqualTo(code);
        assertThat(entry.httpStatus()).isEqualTo(status);
        assertThat(entry.type().wireName()).isEqualTo(type);
        assertThat(MwsError.of(entry).httpStatus()).isEqualTo(status);
    }

    @Test
    void catalogHoldsExactlyTheCodesOfTheTableAndNoInventedOnes() {
        Set<String> codes = Arrays.stream(MwsErrorCode.values()).map(MwsErrorCode::code).collect(Collectors.toSet());
        assertThat(codes).containsExactlyInAnyOrder("InputStreamDisconnected", "InvalidParameterValue",
                "ValidationError", "RequestExpired", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
                "InvalidAddress", "InternalError", "QuotaExceeded", "RequestThrottled", "ServiceUnavailable",
                "NextTokenCorrupted", "ContentMD5Missing", "ContentMD5DoesNotMatch", "FeedProcessingResultNotReady",
                "InvalidFeedSubmissionId", "InvalidFeedType", "FeedCanceled", "InvalidReportId", "InvalidReportRequestId", "ReportNotReady",
                "InvalidReportType", "InvalidScheduleFrequency", "ReportNoLongerAvailable", "AccessToReportDenied",
                "InvalidRequest");
        assertThat(MwsErrorCode.fromCode("MissingParameter")).isEmpty();
        assertThat(MwsErrorCode.fromCode("accessdenied")).isEmpty();
    }

    @Test
    void everyCodeHasANonBlankDefaultMessage() {
        for (MwsErrorCode c : MwsErrorCode.values()) {
            assertThat(c.defaultMessage()).as(c.code()).isNotBlank();
        }
    }

    @Test
    void standardMessagesAreTheRealMwsTexts() {
        assertThat(MwsError.signatureDoesNotMatch().message()).isEqualTo("The request signature we calculated does not"
                + " match the signature you provided. Check your AWS Secret Access Key and signing method."
                + " Consult the service documentation for details.");
        assertThat(MwsError.invalidAccessKeyId().message())
                .isEqualTo("The AWS Access Key Id you provided does not exist in our records.");
        assertThat(MwsError.accessDenied().message()).isEqualTo("Access denied");
        assertThat(MwsError.missingAuthToken().code()).isEqualTo("AccessDenied");
        assertThat(MwsError.missingAuthToken().message()).isEqualTo("Missing required MWSAuthToken for Seller.");
        assertThat(MwsError.missingParameter("SellerId").code()).isEqualTo("InvalidParameterValue");
        assertThat(MwsError.missingParameter("SellerId").message()).isEqualTo("Missing required parameter SellerId.");
        assertThat(MwsError.invalidAddressVersionMissing("/Sellers/").message())
                .isEqualTo("Resource /Sellers/ is not found on this server. API Version is missing");
        assertThat(MwsError.requestThrottled().message()).isEqualTo("Request is throttled");
        assertThat(MwsError.accessDeniedToOperation(ApiSection.REPORTS, "GetReportRequestList").message())
                .isEqualTo("Access to Reports.GetReportRequestList is denied");
        assertThat(MwsError.missingNextToken().message()).isEqualTo("1 validation error detected: Value null at"
                + " 'nextToken' failed to satisfy constraint: Member must not be null");
        assertThat(MwsError.requestExpiredInThePast("2018-09-23T10:04:57Z").message()).isEqualTo("Request signature"
                + " is too far in the past and has expired. Timestamp date: 2018-09-23T10:04:57Z");
        assertThat(MwsError.requestExpiredInTheFuture("2030-01-01T00:00:00Z").message())
                .startsWith("Request signature is too far in the future");
        assertThat(MwsError.quotaExceeded(80, ApiSection.FEEDS, "GetFeedSubmissionList",
                Instant.parse("2014-12-18T07:39:00Z")).message()).isEqualTo("You exceeded your quota of 80.0 requests"
                + " per 1 hour for operation Feeds/2009-01-01/GetFeedSubmissionList.  Your quota will reset on"
                + " Thu Dec 18 07:39:00 UTC 2014");
    }

    @Test
    void longRequestTextIsShortenedInMessages() {
        String path = "/" + "a".repeat(5000);
        assertThat(MwsError.invalidAddress(path).message()).hasSizeLessThan(MwsError.MAX_ECHO + 60).contains("...");
    }

    @Test
    void receivedCodesOutsideTheCatalogMapByType() {
        assertThat(MwsError.received(ErrorType.SENDER, "InvalidClientTokenId", "x", null).httpStatus()).isEqualTo(400);
        assertThat(MwsError.received(ErrorType.RECEIVER, "SomethingElse", "x", null).httpStatus()).isEqualTo(500);
        assertThat(MwsError.received(null, "RequestThrottled", "x", null).httpStatus()).isEqualTo(503);
    }
}
