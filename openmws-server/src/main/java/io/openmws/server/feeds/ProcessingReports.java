package io.openmws.server.feeds;

import io.openmws.protocol.xml.MwsXmlWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;

/**
 * Writes a feed's processing report (../shared/spec/mws-data-apis.md §1.4), streaming the results: the
 * XML {@code AmazonEnvelope} for XML feeds, the tab-delimited summary for flat-file feeds. Both are UTF-8
 * and leave {@code out} open.
 */
public final class ProcessingReports {

    /** The XML Schema instance namespace the report's root declares. */
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private ProcessingReports() {
    }

    /**
     * The XML processing report: {@code AmazonEnvelope} (no namespace, {@code xsi:noNamespaceSchemaLocation}),
     * {@code Header} (DocumentVersion 1.02, MerchantIdentifier), {@code MessageType} ProcessingReport, one
     * {@code Message} (MessageID 1) holding the {@code ProcessingReport}: DocumentTransactionID (the feed
     * submission id), StatusCode Complete, ProcessingSummary, then one {@code Result} per element of
     * {@code results} in their order, with {@code AdditionalInfo/SKU} when the result has a SKU.
     */
    public static void writeXml(OutputStream out, String merchantIdentifier, long feedSubmissionId,
                                ProcessingSummary summary, Iterator<MessageResult> results) throws IOException {
        writeXml(out, merchantIdentifier, feedSubmissionId, summary, results, "SKU");
    }

    /**
     * The XML processing report whose {@code AdditionalInfo} names each result's key
     * ({@link MessageResult#sku()}) with {@code keyElement}: {@code SKU} for the catalog feeds,
     * {@code AmazonOrderID} for the order feeds.
     */
    public static void writeXml(OutputStream out, String merchantIdentifier, long feedSubmissionId,
                                ProcessingSummary summary, Iterator<MessageResult> results, String keyElement)
            throws IOException {
        Objects.requireNonNull(merchantIdentifier, "merchantIdentifier");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(results, "results");
        try (MwsXmlWriter xml = MwsXmlWriter.open(out, MwsXmlWriter.Layout.INDENTED)) {
            xml.startRoot("AmazonEnvelope").namespace("xsi", XSI)
                    .attribute("xsi:noNamespaceSchemaLocation", "amzn-envelope.xsd");
            xml.start("Header").element("DocumentVersion", "1.02")
                    .element("MerchantIdentifier", merchantIdentifier).end();
            xml.element("MessageType", "ProcessingReport");
            xml.start("Message").element("MessageID", "1");
            xml.start("ProcessingReport");
            xml.element("DocumentTransactionID", feedSubmissionId);
            xml.element("StatusCode", "Complete");
            xml.start("ProcessingSummary")
                    .element("MessagesProcessed", summary.processed())
                    .element("MessagesSuccessful", summary.successful())
                    .element("MessagesWithError", summary.withError())
                    .element("MessagesWithWarning", summary.withWarning())
                    .end();
            int written = 0;
            while (results.hasNext()) {
                MessageResult result = results.next();
                xml.start("Result");
                xml.element("MessageID", result.messageId());
                xml.element("ResultCode", result.resultCode());
                xml.element("ResultMessageCode", result.messageCode());
                xml.element("ResultDescription", result.description() == null ? "" : result.description());
                if (result.sku() != null && !result.sku().isEmpty()) {
                    xml.start("AdditionalInfo").element(keyElement, result.sku()).end();
                }
                xml.end();
                if (++written % 1000 == 0) {
                    xml.flush();
                }
            }
            xml.end().end().end();
        }
    }

    /**
     * The flat-file processing report: the summary block, then (when there are results) the header
     * {@code original-record-number sku error-code error-type error-message} and one row per result.
     * Tabs and line breaks inside a value become spaces so every result stays one row.
     */
    public static void writeFlat(OutputStream out, ProcessingSummary summary,
                                 Iterator<MessageResult> results) throws IOException {
        writeFlat(out, summary, results, "sku");
    }

    /**
     * The flat-file processing report whose second column, each result's key ({@link MessageResult#sku()}),
     * is headed {@code keyColumn}: {@code sku} for the catalog feeds, {@code order-id} for the order feeds.
     */
    public static void writeFlat(OutputStream out, ProcessingSummary summary, Iterator<MessageResult> results,
                                 String keyColumn) throws IOException {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(results, "results");
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
        text.write("Feed Processing Summary:\n");
        text.write("\tNumber of records processed\t\t" + summary.processed() + "\n");
        text.write("\tNumber of records successful\t\t" + summary.successful() + "\n");
        if (results.hasNext()) {
            text.write("\noriginal-record-number\t" + keyColumn + "\terror-code\terror-type\terror-message\n");
            while (results.hasNext()) {
                MessageResult result = results.next();
                text.write(result.messageId() + "\t" + cell(result.sku()) + "\t" + result.messageCode() + "\t"
                        + cell(result.resultCode()) + "\t" + cell(result.description()) + "\n");
            }
        }
        text.flush();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }
}
