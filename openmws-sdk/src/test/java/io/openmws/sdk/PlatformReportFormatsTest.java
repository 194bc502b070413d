package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.feeds.MessageResult;
import io.openmws.server.feeds.ProcessingReports;
import io.openmws.server.feeds.ProcessingSummary;
import io.openmws.server.reports.ReportOutput;
import java.nio.charset.Charset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SDK reads what the platform writes: reports made by the platform's own writers
 * ({@code ProcessingReports}, on the class path through the testkit) parse to the same counts and results, and
 * flat-file reports written by the platform's {@code ReportOutput} read back by column in the charset its
 * Content-Type names.
 */
class PlatformReportFormatsTest {

    private static final List<MessageResult> RESULTS = List.of(
            MessageResult.error(0, 5001, "The file ends in the middle of an element", null),
            MessageResult.error(2, 8560, "SKU ABC-1, Missing Attributes standard_product_id.", "ABC-1"),
            MessageResult.warning(3, 5000, "identical to feed 51793018437", "D\u00c9F-2"),
            MessageResult.error(3, 13013, "SKU D\u00c9F-2\tnot found", "D\u00c9F-2"));

    @Test
    void thePlatformsXmlReportReadsBackExactly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeXml(out, "A1XSELLER", 51793018437L, new ProcessingSummary(4, 1, 3, 1), RESULTS.iterator());

        ProcessingReport report = ProcessingReport.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(report.format()).isEqualTo(ProcessingReport.Format.XML);
        assertThat(report.documentTransactionId()).hasValue("51793018437");
        assertThat(List.of(report.messagesProcessed(), report.messagesSuccessful(), report.messagesWithError(),
                report.messagesWithWarning())).containsExactly(4L, 1L, 3L, 1L);
        assertThat(report.results()).containsExactly(
                new ProcessingReport.Result(0, "Error", 5001, "The file ends in the middle of an element", Optional.empty(), Map.of()),
                new ProcessingReport.Result(2, "Error", 8560, "SKU ABC-1, Missing Attributes standard_product_id.",
                        Optional.of("ABC-1"), Map.of("SKU", "ABC-1")),
                new ProcessingReport.Result(3, "Warning", 5000, "identical to feed 51793018437", Optional.of("D\u00c9F-2"),
                        Map.of("SKU", "D\u00c9F-2")),
                new ProcessingReport.Result(3, "Error", 13013, "SKU D\u00c9F-2\tnot found", Optional.of("D\u00c9F-2"),
                        Map.of("SKU", "D\u00c9F-2")));
    }

    @Test
    void thePlatformsFlatReportReadsBackWithItsCounts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeFlat(out, new ProcessingSummary(4, 1, 3, 1), RESULTS.iterator());

        ProcessingReport report = ProcessingReport.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(report.format()).isEqualTo(ProcessingReport.Format.FLAT_FILE);
        assertThat(report.messagesProcessed()).isEqualTo(4);
        assertThat(report.messagesSuccessful()).isEqualTo(1);
        assertThat(report.messagesWithError()).as("records 0, 2 and 3 have errors").isEqualTo(3);
        assertThat(report.messagesWithWarning()).isEqualTo(1);
        assertThat(report.results()).extracting(ProcessingReport.Result::messageId).containsExactly(0L, 2L, 3L, 3L);
        assertThat(report.results().get(3).description()).isEqualTo("SKU D\u00c9F-2 not found");
        assertThat(report.results().get(2).sku()).hasValue("D\u00c9F-2");
    }

    @Test
    void aCleanFlatReportHasNoResults() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeFlat(out, new ProcessingSummary(1000, 1000, 0, 0), List.<MessageResult>of().iterator());

        ProcessingReport report = ProcessingReport.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(report.messagesSuccessful()).isEqualTo(1000);
        assertThat(report.results()).isEmpty();
    }

    @Test
    void thePlatformsFlatFileReportsReadBackByColumnInTheirContentTypesCharset() throws Exception {
        for (String marketplace : List.of("ATVPDKIKX0DER", "A1VC38T7YXB528")) {
            Charset charset = ReportOutput.charsetFor(List.of(marketplace));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportOutput report = new ReportOutput(out, charset);
            report.header("sku", "item-name", "price", "quantity");
            report.row("MUG-1", "Caf\u00e9 mug\twith a tab", "12.50", "3");
            report.row("TRAIN-\u6728", null, "8.00", "0");
            report.flush();

            try (FlatFileReport read = FlatFileReport.read(new ByteArrayInputStream(out.toByteArray()),
                    FlatFileReport.charsetOf(ReportOutput.contentType(charset)))) {
                assertThat(read.rows().map(FlatFileReport.Row::asMap)).as(marketplace).containsExactly(
                        Map.of("sku", "MUG-1", "item-name", shown("Caf\u00e9 mug with a tab", charset), "price", "12.50",
                                "quantity", "3"),
                        Map.of("sku", shown("TRAIN-\u6728", charset), "item-name", "", "price", "8.00", "quantity", "0"));
            }
        }
    }

    /** The text as a charset shows it: what it cannot encode becomes {@code ?}, as in the platform's reports. */
    private static String shown(String text, Charset charset) {
        return new String(text.getBytes(charset), charset);
    }
}
