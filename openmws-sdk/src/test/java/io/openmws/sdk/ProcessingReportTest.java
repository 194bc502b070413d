package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Processing reports of both forms (spec §1.4), the spec's own samples first, read without a server. */
class ProcessingReportTest {

    private static ProcessingReport resource(String name) throws IOException {
        try (InputStream in = ProcessingReportTest.class.getResourceAsStream("reports/" + name)) {
            return ProcessingReport.read(in);
        }
    }

    private static ProcessingReport text(String report) throws IOException {
        return ProcessingReport.read(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSpecsXmlReportIsReadWithItsSummaryAndItsErrorResult() throws Exception {
        ProcessingReport report = resource("spec-xml-report.xml");

        assertThat(report.format()).isEqualTo(ProcessingReport.Format.XML);
        assertThat(report.documentTransactionId()).hasValue("51793018437");
        assertThat(report.statusCode()).hasValue("Complete");
        assertThat(report.messagesProcessed()).isEqualTo(2);
        assertThat(report.messagesSuccessful()).isEqualTo(1);
        assertThat(report.messagesWithError()).isEqualTo(1);
        assertThat(report.messagesWithWarning()).isZero();
        assertThat(report.results()).containsExactly(new ProcessingReport.Result(2, "Error", 8560,
                "SKU ABC-1, Missing Attributes standard_product_id.", Optional.of("ABC-1"), Map.of("SKU", "ABC-1")));
        assertThat(report.errors()).hasSize(1);
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void theSpecsFlatReportIsReadByItsTabSummary() throws Exception {
        ProcessingReport report = resource("spec-flat-report.txt");

        assertThat(report.format()).isEqualTo(ProcessingReport.Format.FLAT_FILE);
        assertThat(report.documentTransactionId()).isEmpty();
        assertThat(report.messagesProcessed()).isEqualTo(2);
        assertThat(report.messagesSuccessful()).isEqualTo(1);
        assertThat(report.messagesWithError()).isEqualTo(1);
        assertThat(report.messagesWithWarning()).isZero();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo(1);
            assertThat(r.isError()).isTrue();
            assertThat(r.messageCode()).isEqualTo(8560);
            assertThat(r.sku()).hasValue("ABC-1");
            assertThat(r.description()).startsWith("SKU ABC-1, Missing Attributes");
        });
    }

    @Test
    void aFlatReportWithErrorAndWarningCountsColumnsInAnotherOrderABomAndCrLfIsRead() throws Exception {
        ProcessingReport report = text("\uFEFFFeed Processing Summary:\r\n"
                + "\tNumber of records processed\t\t3\r\n\tNumber of records successful\t\t1\r\n"
                + "\tNumber of records with errors\t\t1\r\n\tNumber of records with warnings\t\t1\r\n\r\n"
                + "sku\toriginal-record-number\terror-type\terror-code\terror-message\r\n"
                + "ÄÖ-2\t2\tWarning\t5000\tidentical to feed 1\r\n"
                + "\t0\tError\t90215\t100% of the products in the file failed\r\n");

        assertThat(report.messagesWithError()).isEqualTo(1);
        assertThat(report.messagesWithWarning()).isEqualTo(1);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.sku()).hasValue("ÄÖ-2");
            assertThat(w.messageId()).isEqualTo(2);
            assertThat(w.messageCode()).isEqualTo(5000);
        });
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isZero();
            assertThat(e.sku()).isEmpty();
        });
    }

    @Test
    void aFlatReportWithoutErrorCountLinesCountsTheRecordsOfItsRows() throws Exception {
        ProcessingReport report = text("Feed Processing Summary:\n\tNumber of records processed\t\t4\n"
                + "\tNumber of records successful\t\t2\n\noriginal-record-number\tsku\terror-code\terror-type\terror-message\n"
                + "1\tA\t13013\tError\tSKU A not found\n1\tA\t90205\tError\tprice is invalid\n3\tC\t13013\tError\tnot found\n");

        assertThat(report.messagesWithError()).isEqualTo(2);
        assertThat(report.results()).hasSize(3);
    }

    @Test
    void resultsCanBeHandedOverAsTheyAreReadInsteadOfKept() throws Exception {
        java.util.List<ProcessingReport.Result> seen = new java.util.ArrayList<>();
        ProcessingReport xml;
        try (InputStream in = ProcessingReportTest.class.getResourceAsStream("reports/spec-xml-report.xml")) {
            xml = ProcessingReport.read(in, seen::add);
        }

        assertThat(xml.results()).isEmpty();
        assertThat(xml.messagesWithError()).isEqualTo(1);
        assertThat(seen).extracting(ProcessingReport.Result::messageCode).containsExactly(8560);
    }

    @Test
    void aFlatReportOfManyErrorRowsIsCountedWithoutKeepingThem() throws Exception {
        int rows = 100_000;
        InputStream report = new java.io.SequenceInputStream(new ByteArrayInputStream(("Feed Processing Summary:\n"
                + "\tNumber of records processed\t\t" + rows + "\n\tNumber of records successful\t\t0\n\n"
                + "original-record-number\tsku\terror-code\terror-type\terror-message\n").getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    private int row;
                    private byte[] line = new byte[0];
                    private int at;

                    @Override
                    public int read() {
                        if (at == line.length) {
                            if (row == rows) {
                                return -1;
                            }
                            row++;
                            line = (row + "\tSKU-" + row + "\t13013\tError\tSKU not found\n").getBytes(StandardCharsets.US_ASCII);
                            at = 0;
                        }
                        return line[at++];
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int n = 0;
                        while (n < len) {
                            int c = read();
                            if (c < 0) {
                                return n == 0 ? -1 : n;
                            }
                            b[off + n++] = (byte) c;
                        }
                        return n;
                    }
                });
        long[] count = new long[1];

        ProcessingReport parsed = ProcessingReport.read(new java.io.BufferedInputStream(report), r -> count[0]++);

        assertThat(count[0]).isEqualTo(rows);
        assertThat(parsed.messagesWithError()).isEqualTo(rows);
        assertThat(parsed.results()).isEmpty();
    }

    @Test
    void anXmlReportWithoutResultsHasNone() throws Exception {
        ProcessingReport report = text("<AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion></Header>"
                + "<MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport>"
                + "<DocumentTransactionID>1</DocumentTransactionID><StatusCode>Complete</StatusCode><ProcessingSummary>"
                + "<MessagesProcessed>5</MessagesProcessed><MessagesSuccessful>5</MessagesSuccessful>"
                + "<MessagesWithError>0</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning>"
                + "</ProcessingSummary></ProcessingReport></Message></AmazonEnvelope>");

        assertThat(report.messagesSuccessful()).isEqualTo(5);
        assertThat(report.results()).isEmpty();
    }

    @Test
    void anExternalEntityInAReportIsNeverFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<AmazonEnvelope><Message><ProcessingReport><Result><MessageID>1</MessageID><ResultCode>Error</ResultCode>"
                + "<ResultMessageCode>5000</ResultMessageCode><ResultDescription>&x;</ResultDescription></Result>"
                + "</ProcessingReport></Message></AmazonEnvelope>";

        assertThatThrownBy(() -> text(xxe)).isInstanceOf(IOException.class).hasMessageNotContaining("root:");
    }

    @Test
    void whatIsNotAProcessingReportIsRefusedWithWhatItWas() {
        assertThatThrownBy(() -> text("<html><body>Hello</body></html>")).isInstanceOf(IOException.class)
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> text("Hello, world\n")).isInstanceOf(IOException.class).hasMessageContaining("Hello, world");
        assertThatThrownBy(() -> text("")).isInstanceOf(IOException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> text("<AmazonEnvelope><Message><ProcessingReport><Result>"))
                .isInstanceOf(IOException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> text("Feed Processing Summary:\n\tNumber of records processed\t\tmany\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("many");
    }
}
