package io.openmws.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.protocol.ApiSection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorResponseReaderTest {

    private static ErrorResponse read(String xml) throws IOException {
        return ErrorResponseReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheDocumentationExampleWithRequestIdSpelledId() throws IOException {
        ErrorResponse r = read("<?xml version=\"1.0\"?>\n"
                + "<ErrorResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">\n"
                + "  <Error>\n"
                + "    <Type>Sender</Type>\n"
                + "    <Code>InvalidReportRequestId</Code>\n"
                + "    <Message>One or more of the provided ReportRequestIds could not be found.</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>2cfbb31d-b6ac-42b4-a018-11fa95472eb3</RequestId>\n"
                + "</ErrorResponse>");

        assertThat(r.namespace()).isEqualTo("http://mws.amazonaws.com/doc/2009-01-01/");
        assertThat(r.requestId()).contains("2cfbb31d-b6ac-42b4-a018-11fa95472eb3");
        assertThat(r.errors()).containsExactly(MwsError.of(MwsErrorCode.INVALID_REPORT_REQUEST_ID));
    }

    @Test
    void readsRequestIdSpelledIDAndAnEmptyTypeAsNoType() throws IOException {
        ErrorResponse r = read("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"https://mws.amazonservices.com/Orders/2013-09-01\">"
                + "<Error><Type></Type><Code>RequestThrottled</Code><Message>Request is throttled</Message></Error>"
                + "<RequestID>dba0b719-f4c3-4b26-a08a-2582b37111a4</RequestID></ErrorResponse>");

        assertThat(r.requestId()).contains("dba0b719-f4c3-4b26-a08a-2582b37111a4");
        MwsError e = r.errors().get(0);
        assertThat(e.type()).isEmpty();
        assertThat(e.code()).isEqualTo("RequestThrottled");
        assertThat(e.knownCode()).contains(MwsErrorCode.REQUEST_THROTTLED);
        assertThat(r.httpStatus()).isEqualTo(503);
    }

    @Test
    void readsSeveralErrorsAMissingTypeMessageAndStructuredDetail() throws IOException {
        ErrorResponse r = read("<ErrorResponse>"
                + "<Error><Code>InvalidClientTokenId</Code><Message>m</Message><Detail><x>a</x>b</Detail></Error>"
                + "<Error><Type>Receiver</Type><Code>InternalError</Code></Error>"
                + "<Extra>ignored</Extra></ErrorResponse>");

        assertThat(r.namespace()).isEmpty();
        assertThat(r.requestId()).isEmpty();
        assertThat(r.errors()).containsExactly(
                MwsError.received(null, "InvalidClientTokenId", "m", "ab"),
                MwsError.received(ErrorType.RECEIVER, "InternalError", "", null));
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() throws IOException {
        ErrorResponse written = ErrorResponse.of(ApiSection.FEEDS.namespace(), "req-1",
                MwsError.missingParameter("FeedType"),
                MwsError.of(MwsErrorCode.CONTENT_MD5_DOES_NOT_MATCH).withDetail("a < b & \"c\""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ErrorResponseWriter.write(written, out);

        assertThat(ErrorResponseReader.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(written);
    }

    @Test
    void aDocumentThatIsNotAnErrorResponseIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><GetOrderResponse/>"))
                .isInstanceOf(IOException.class).hasMessageContaining("root element is <GetOrderResponse>");
        assertThatThrownBy(() -> read("<ErrorResponse><RequestID>x</RequestID></ErrorResponse>"))
                .isInstanceOf(IOException.class).hasMessageContaining("no <Error>");
        assertThatThrownBy(() -> read("<ErrorResponse><Error><Message>m</Message></Error></ErrorResponse>"))
                .isInstanceOf(IOException.class).hasMessageContaining("no <Code>");
        assertThatThrownBy(() -> read("<html><body>502 Bad Gateway"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("<ErrorResponse><Error>"))
                .isInstanceOf(IOException.class).hasMessageContaining("well-formed");
    }

    @Test
    void anEntityInAnErrorResponseIsNeverExpanded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("s.txt");
        java.nio.file.Files.writeString(file, "SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE ErrorResponse [<!ENTITY x SYSTEM \"" + file.toUri() + "\">]>"
                + "<ErrorResponse><Error><Code>C</Code><Message>&x;</Message></Error></ErrorResponse>";
        try {
            ErrorResponse r = read(xxe);
            assertThat(r.errors().get(0).message()).doesNotContain("SECRET-CONTENT");
        } catch (IOException refused) {
            assertThat(refused.getMessage()).doesNotContain("SECRET-CONTENT");
        }
    }
}
