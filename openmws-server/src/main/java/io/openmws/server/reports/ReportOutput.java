package io.openmws.server.reports;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The tab-delimited text of a flat-file report (mws-data-apis.md §3.3): a header line, then one line per
 * row, each ended by {@code \n}, in the charset of the report's marketplace ({@link #charsetFor}).
 * A value's tabs and line breaks become spaces, so a row is always one line with the header's columns;
 * characters the charset cannot show become {@code ?}. Buffered: nothing is held beyond the buffer.
 */
public final class ReportOutput implements Flushable {

    /** Windows-1252, what MWS uses for flat files in North America and Europe. */
    public static final Charset WESTERN = Charset.forName("windows-1252");
    /** Shift_JIS, what MWS uses for flat files in Japan. */
    public static final Charset JAPANESE = Charset.forName("Shift_JIS");

    private static final String JAPAN = "A1VC38T7YXB528";

    private final Writer writer;
    private final Charset charset;
    private int columns = -1;
    private long rows;

    public ReportOutput(OutputStream out, Charset charset) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, charset), 64 * 1024);
        this.charset = charset;
    }

    /** The charset of a report for these marketplaces: Shift_JIS when the first is Japan, else Windows-1252. */
    public static Charset charsetFor(List<String> marketplaceIds) {
        return !marketplaceIds.isEmpty() && JAPAN.equals(marketplaceIds.get(0)) ? JAPANESE : WESTERN;
    }

    /** The {@code Content-Type} GetReport sends for text in {@code charset}. */
    public static String contentType(Charset charset) {
        return "text/plain;charset=" + charset.name();
    }

    public Charset charset() {
        return charset;
    }

    /** Writes the header line; exactly once, first. */
    public void header(String... names) throws IOException {
        if (columns >= 0) {
            throw new IllegalStateException("The header is already written");
        }
        columns = names.length;
        line(names);
    }

    /** Writes one data row with as many values as the header has names; null values are empty. */
    public void row(String... values) throws IOException {
        if (columns < 0) {
            throw new IllegalStateException("Write the header first");
        }
        if (values.length != columns) {
            throw new IllegalArgumentException("A row of " + values.length + " values under a header of " + columns);
        }
        line(values);
        rows++;
    }

    /** The number of data rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    private void line(String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                writer.write('\t');
            }
            String value = values[i];
            if (value != null && !value.isEmpty()) {
                writer.write(oneLine(value));
            }
        }
        writer.write('\n');
    }

    private static String oneLine(String value) {
        // indexOf is vectorized; most values hold none of the three.
        if (value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
