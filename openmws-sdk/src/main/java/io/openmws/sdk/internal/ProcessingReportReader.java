package io.openmws.sdk.internal;

import io.openmws.protocol.Text;
import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.ProcessingReport;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads processing reports (spec §1.4): the XML {@code AmazonEnvelope}/{@code ProcessingReport} with the
 * hardened StAX parser, and the tab-delimited {@code Feed Processing Summary} of flat-file feeds. Both are
 * read as a stream; only the results are kept.
 */
public final class ProcessingReportReader {

    private static final int SNIFF = 64;
    private static final int MAX_LINE = 1 << 20;

    private ProcessingReportReader() {
    }

    /**
     * Reads a report of either form; the first character that is not a byte-order mark or white space
     * tells them apart ({@code <} for XML).
     *
     * @param in the report; not closed
     * @return the report
     * @throws IOException when it is neither form, or broken
     */
    public static ProcessingReport read(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * Reads a report of either form, handing each result to {@code each} as it is read instead of keeping it.
     *
     * @param in the report; not closed
     * @param each receives the results in order; {@code null} to keep them in the report
     * @return the report, without results when {@code each} was given
     * @throws IOException when it is neither form, or broken
     */
    public static ProcessingReport read(InputStream in, Consumer<ProcessingReport.Result> each) throws IOException {
        List<ProcessingReport.Result> kept = new ArrayList<>();
        Consumer<ProcessingReport.Result> sink = each != null ? each : kept::add;
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(SNIFF);
        int first = -1;
        for (int i = 0; i < SNIFF; i++) {
            int b = buffered.read();
            if (b < 0) {
                break;
            }
            if (b == 0xEF || b == 0xBB || b == 0xBF || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            first = b;
            break;
        }
        buffered.reset();
        if (first < 0) {
            throw new IOException("the processing report is empty");
        }
        ProcessingReport report = first == '<' ? readXml(buffered, sink) : readFlat(buffered, sink);
        return each != null ? report : new ProcessingReport(report.format(), report.documentTransactionId(),
                report.statusCode(), report.messagesProcessed(), report.messagesSuccessful(), report.messagesWithError(),
                report.messagesWithWarning(), kept);
    }

    // ---------------------------------------------------------------- XML

    private static ProcessingReport readXml(InputStream in, Consumer<ProcessingReport.Result> sink) throws IOException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!r.isStartElement() || !"AmazonEnvelope".equals(r.getLocalName())) {
                throw new IOException("the XML processing report's root is not <AmazonEnvelope>"
                        + (r.isStartElement() ? " but <" + r.getLocalName() + ">" : ""));
            }
            boolean sawReport = false;
            String transactionId = null;
            String statusCode = null;
            long[] counts = new long[4];
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "ProcessingReport" -> sawReport = true;
                    case "DocumentTransactionID" -> transactionId = SafeXml.elementText(r).strip();
                    case "StatusCode" -> statusCode = SafeXml.elementText(r).strip();
                    case "MessagesProcessed" -> counts[0] = number(SafeXml.elementText(r), "MessagesProcessed");
                    case "MessagesSuccessful" -> counts[1] = number(SafeXml.elementText(r), "MessagesSuccessful");
                    case "MessagesWithError" -> counts[2] = number(SafeXml.elementText(r), "MessagesWithError");
                    case "MessagesWithWarning" -> counts[3] = number(SafeXml.elementText(r), "MessagesWithWarning");
                    case "Result" -> sink.accept(result(r));
                    default -> {
                        // Header, Message, MessageID of the envelope, ProcessingSummary, unknown elements
                    }
                }
            }
            if (!sawReport) {
                throw new IOException("the AmazonEnvelope holds no <ProcessingReport>");
            }
            return new ProcessingReport(ProcessingReport.Format.XML, Optional.ofNullable(transactionId).filter(s -> !s.isEmpty()),
                    Optional.ofNullable(statusCode).filter(s -> !s.isEmpty()), counts[0], counts[1], counts[2], counts[3],
                    List.of());
        } catch (XMLStreamException e) {
            throw new IOException("the processing report is not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // releases parser state only
                }
            }
        }
    }

    /** One {@code Result}; the reader stands on its start tag and is left on its end tag. */
    private static ProcessingReport.Result result(XMLStreamReader r) throws XMLStreamException, IOException {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> additional = new LinkedHashMap<>();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if ("AdditionalInfo".equals(r.getLocalName())) {
                while (true) {
                    int inner = r.next();
                    if (inner == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (inner == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        additional.putIfAbsent(name, SafeXml.elementText(r).strip());
                    }
                }
            } else {
                String name = r.getLocalName();
                fields.putIfAbsent(name, SafeXml.elementText(r).strip());
            }
        }
        String code = fields.get("ResultMessageCode");
        if (code == null) {
            throw new IOException("a <Result> has no <ResultMessageCode>");
        }
        return new ProcessingReport.Result(number(fields.getOrDefault("MessageID", "0"), "MessageID"),
                fields.getOrDefault("ResultCode", ""), (int) number(code, "ResultMessageCode"),
                fields.getOrDefault("ResultDescription", ""),
                Optional.ofNullable(additional.get("SKU")).filter(s -> !s.isEmpty()), additional);
    }

    // ---------------------------------------------------------------- flat file

    private static ProcessingReport readFlat(InputStream in, Consumer<ProcessingReport.Result> sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        boolean sawSummary = false;
        Long processed = null;
        Long successful = null;
        Long withError = null;
        Long withWarning = null;
        Map<String, Integer> columns = null;
        // Records with errors (warnings) counted as their rows come: a record's rows are next to each other.
        long errorRecords = 0;
        long warningRecords = 0;
        long lastError = -1;
        long lastWarning = -1;
        String line;
        int lineNumber = 0;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.length() > MAX_LINE) {
                throw new IOException("line " + lineNumber + " of the processing report is longer than " + MAX_LINE + " characters");
            }
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (columns == null) {
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (lower.startsWith("feed processing summary")) {
                    sawSummary = true;
                } else if (lower.startsWith("number of records")) {
                    sawSummary = true;
                    long value = lastNumber(line, lineNumber);
                    if (lower.contains("processed")) {
                        processed = value;
                    } else if (lower.contains("successful")) {
                        successful = value;
                    } else if (lower.contains("error")) {
                        withError = value;
                    } else if (lower.contains("warning")) {
                        withWarning = value;
                    }
                } else if (header(line).containsKey("original-record-number")) {
                    columns = header(line);
                } else if (!sawSummary) {
                    throw new IOException("the report is neither XML nor a flat-file processing summary: it begins with '"
                            + Text.abbreviate(trimmed, 60) + "'");
                }
                continue;
            }
            String[] cells = line.split("\t", -1);
            long record = number(cell(cells, columns, "original-record-number"), "original-record-number");
            String type = cell(cells, columns, "error-type");
            String sku = cell(cells, columns, "sku");
            ProcessingReport.Result result = new ProcessingReport.Result(record, type,
                    (int) number(cell(cells, columns, "error-code"), "error-code"), cell(cells, columns, "error-message"),
                    Optional.of(sku).filter(s -> !s.isEmpty()), sku.isEmpty() ? Map.of() : Map.of("SKU", sku));
            sink.accept(result);
            if (result.isError() && record != lastError) {
                errorRecords++;
                lastError = record;
            } else if (result.isWarning() && record != lastWarning) {
                warningRecords++;
                lastWarning = record;
            }
        }
        if (!sawSummary || processed == null) {
            throw new IOException("the flat-file processing report has no 'Number of records processed' line");
        }
        long errors = withError != null ? withError : errorRecords;
        long warnings = withWarning != null ? withWarning : warningRecords;
        long ok = successful != null ? successful : Math.max(0, processed - errors);
        return new ProcessingReport(ProcessingReport.Format.FLAT_FILE, Optional.empty(), Optional.empty(), processed, ok,
                errors, warnings, List.of());
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = line.split("\t", -1);
        for (int i = 0; i < names.length; i++) {
            columns.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= cells.length ? "" : cells[i].strip();
    }

    private static long lastNumber(String line, int lineNumber) throws IOException {
        String[] cells = line.split("\t");
        for (int i = cells.length - 1; i >= 0; i--) {
            String c = cells[i].strip();
            if (!c.isEmpty()) {
                return number(c, "line " + lineNumber);
            }
        }
        throw new IOException("line " + lineNumber + " of the processing report has no count");
    }

    private static long number(String text, String what) throws IOException {
        String t = text.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IOException(what + " is '" + Text.abbreviate(t, 30) + "', not a number");
        }
    }
}
