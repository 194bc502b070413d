package io.openmws.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.protocol.ApiSection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorResponseWriterTest {

    private static final String RID = "2cfbb31d-b6ac-42b4-a018-11fa95472eb3";

    private static String write(ErrorResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ErrorResponseWriter.write(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void accessDeniedIsWrittenExactly() throws IOException {
        String xml = write(ErrorResponse.of(ApiSection.SELLERS, RID, MwsError.accessDenied()));

        assertThat(xml).isEqualTo("<?xml version=\"1.0\"?>\n"
                + "<ErrorResponse xmlns=\"https://mws.amazonservices.com/Sellers/2011-07-01\">"
                + "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Access denied</Message></Error>"
                + "<RequestID>" + RID + "</RequestID>"
                + "</ErrorResponse>");
    }

    @Test
    void twoErrorsInOneResponseAreWrittenInOrderWithDetail() throws IOException {
        String xml = write(ErrorResponse.of(ApiSection.REPORTS.namespace(), RID,
                MwsError.of(MwsErrorCode.INVALID_REPORT_REQUEST_ID),
                MwsError.of(MwsErrorCode.INTERNAL_ERROR).withDetail("")));

        assertThat(xml).isEqualTo("<?xml version=\"1.0\"?>\n"
                + "<ErrorResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "<Error><Type>Sender</Type><Code>InvalidReportRequestId</Code>"
                + "<Message>One or more of the provided ReportRequestIds could not be found.</Message></Error>"
                + "<Error><Type>Receiver</Type><Code>InternalError</Code>"
                + "<Message>We encountered an internal error. Please try again.</Message><Detail></Detail></Error>"
                + "<RequestID>" + RID + "</RequestID>"
                + "</ErrorResponse>");
    }

    @Test
    void unknownPathErrorUsesTheUnknownPathNamespaceAndTheRealMessage() throws IOException {
        String xml = write(ErrorResponse.of(ApiSection.UNKNOWN_PATH_NAMESPACE, RID,
                MwsError.invalidAddressVersionMissing("/Sellers/")));

        assertThat(xml).contains("<ErrorResponse xmlns=\"https://mws.amazonservices.com/\">"
                + "<Error><Type>Sender</Type><Code>InvalidAddress</Code>"
                + "<Message>Resource /Sellers/ is not found on this server. API Version is missing</Message>");
    }

    @Test
    void requestTextEchoedInAMessageIsEscapedAndSanitised() throws IOException {
        String xml = write(ErrorResponse.of(ApiSection.UNKNOWN_PATH_NAMESPACE, RID,
                MwsError.invalidAddress("/x<y>&\u0000")));

        assertThat(xml).contains("<Message>Resource /x&lt;y&gt;&amp;\uFFFD is not found on this server.</Message>");
    }

    @Test
    void writerTargetGetsTheSameDocument() throws IOException {
        ErrorResponse response = ErrorResponse.of(ApiSection.ORDERS, RID, MwsError.requestThrottled());
        StringWriter out = new StringWriter();
        ErrorResponseWriter.write(response, out);
        assertThat(out.toString()).isEqualTo(write(response));
    }

    @Test
    void throttlingErrorsCarryTypeSenderNotAnEmptyType() throws IOException {
        assertThat(write(ErrorResponse.of(ApiSection.ORDERS, RID, MwsError.requestThrottled())))
                .contains("<Type>Sender</Type><Code>RequestThrottled</Code><Message>Request is throttled</Message>");
        assertThat(write(ErrorResponse.of(ApiSection.FEEDS, RID,
                MwsError.quotaExceeded(80, ApiSection.FEEDS, "GetFeedSubmissionList", Instant.parse("2014-12-18T07:39:00Z")))))
                .contains("<Type>Sender</Type><Code>QuotaExceeded</Code><Message>You exceeded your quota of 80.0 requests"
                        + " per 1 hour for operation Feeds/2009-01-01/GetFeedSubmissionList.  Your quota will reset on"
                        + " Thu Dec 18 07:39:00 UTC 2014</Message>");
    }

    @Test
    void aReceivedErrorWithoutTypeIsWrittenWithAnEmptyType() throws IOException {
        MwsError received = MwsError.received(null, "RequestThrottled", "Request is throttled", null);
        assertThat(write(ErrorResponse.of(ApiSection.ORDERS, RID, received)))
                .contains("<Error><Type></Type><Code>RequestThrottled</Code>");
    }

    @Test
    void aResponseWithoutRequestIdCannotBeWritten() {
        ErrorResponse noId = ErrorResponse.of(ApiSection.ORDERS.namespace(), null, MwsError.accessDenied());
        assertThatThrownBy(() -> write(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-mws-request-id");
    }

    @Test
    void anEmptyResponseOrBlankMessageIsRefused() {
        assertThatThrownBy(() -> ErrorResponse.of("urn:x", RID, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one Error");
        assertThatThrownBy(() -> MwsError.of(MwsErrorCode.ACCESS_DENIED, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Type, Code and Message");
    }
}
