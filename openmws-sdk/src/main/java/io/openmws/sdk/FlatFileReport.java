package io.openmws.sdk;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A flat-file report (spec §3.3: tab-separated, the first line a header) read row by row, by column name:
 * {@code row.get("seller-sku")}. Columns drift by marketplace and year, so nothing here depends on their
 * order or number: added and reordered columns are read the same, and a program asks only for the ones it
 * knows. Lines end in {@code \n} or {@code \r\n}; a UTF-8 byte order mark is stripped (and then the text is
 * read as UTF-8, whatever charset was given).
 *
 * <pre>{@code
 * ReportDownload download = client.reports().download(seller, reportId, Path.of("orders.txt"));
 * try (FlatFileReport report = FlatFileReport.open(Path.of("orders.txt"), download.charset())) {
 *     for (FlatFileReport.Row row : report) {
 *         System.out.println(row.get("amazon-order-id") + " " + row.find("sku").orElse("-"));
 *     }
 * }
 * }</pre>
 *
 * <p>Streaming: one line in memory at a time, whatever the report's size; the rows can be read once, through
 * {@link #iterator()} or {@link #rows()}. Closing the report closes its input. Not thread-safe.
 */
public final class FlatFileReport implements Iterable<FlatFileReport.Row>, AutoCloseable {

    /** Windows-1252: what MWS uses for flat files in North America and Europe, and the default here. */
    public static final Charset DEFAULT_CHARSET = Charset.forName("windows-1252");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final BufferedReader reader;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private long lineNumber = 1;
    private boolean iterated;

    private FlatFileReport(BufferedReader reader) throws IOException {
        this.reader = reader;
        String first = reader.readLine();
        this.header = first == null ? List.of() : List.of(first.split("\t", -1));
        Map<String, Integer> byName = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            byName.put(header.get(i), i); // the first of two equal names wins
        }
        for (int i = header.size() - 1; i >= 0; i--) {
            byName.putIfAbsent(lower(header.get(i)), i);
        }
        this.columns = byName;
    }

    /**
     * Opens a report file in the default charset, Windows-1252.
     *
     * @param file the report
     * @return the report, positioned after its header
     * @throws UncheckedIOException when the file cannot be read
     */
    public static FlatFileReport open(Path file) {
        return open(file, DEFAULT_CHARSET);
    }

    /**
     * Opens a report file in a charset ({@link ReportDownload#charset()} says which).
     *
     * @param file the report
     * @param charset its charset
     * @return the report, positioned after its header
     * @throws UncheckedIOException when the file cannot be read
     */
    public static FlatFileReport open(Path file, Charset charset) {
        Objects.requireNonNull(file, "file");
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The report " + file + " cannot be read: " + e.getMessage(), e);
        }
        return read(in, charset);
    }

    /**
     * Reads a report from a stream, which {@link #close()} closes.
     *
     * @param in the report's bytes
     * @param charset its charset
     * @return the report, positioned after its header
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static FlatFileReport read(InputStream in, Charset charset) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(charset, "charset");
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
            buffered.mark(UTF8_BOM.length);
            byte[] start = buffered.readNBytes(UTF8_BOM.length);
            Charset actual = charset;
            if (Arrays.equals(start, UTF8_BOM)) {
                actual = StandardCharsets.UTF_8; // the mark says what the bytes are
            } else {
                buffered.reset();
            }
            return new FlatFileReport(new BufferedReader(new InputStreamReader(buffered, actual), 64 * 1024));
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("The report cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The charset a {@code Content-Type} names, e.g. {@code text/plain;charset=Shift_JIS}; {@link #DEFAULT_CHARSET}
     * when it names none, or one this Java does not have.
     *
     * @param contentType the header; {@code null} for none
     * @return the charset
     */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return DEFAULT_CHARSET;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unknown) {
                    return DEFAULT_CHARSET;
                }
            }
        }
        return DEFAULT_CHARSET;
    }

    /** The column names, in the file's order; empty for an empty file. */
    public List<String> header() {
        return header;
    }

    /** Whether the report has this column (names are matched exactly, else ignoring case). */
    public boolean hasColumn(String name) {
        return index(name) != null;
    }

    /**
     * The rows, read as they are consumed; once only. Blank lines are skipped.
     *
     * @throws IllegalStateException when the rows were already read
     * @throws UncheckedIOException (when iterating) when the input fails
     */
    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException("The rows of a report are read once; open it again to read them again");
        }
        iterated = true;
        return new Iterator<>() {
            private Row next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    String line;
                    do {
                        line = reader.readLine();
                        lineNumber++;
                    } while (line != null && line.isEmpty());
                    if (line == null) {
                        done = true;
                        return false;
                    }
                    next = new Row(lineNumber, line.split("\t", -1));
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException("The report cannot be read after line " + (lineNumber - 1) + ": "
                            + e.getMessage(), e);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    /** The rows as a sequential stream, read as it is consumed; once only. */
    public Stream<Row> rows() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Closes the input. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be closed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FlatFileReport[" + header.size() + " columns]";
    }

    private Integer index(String name) {
        Integer i = columns.get(name);
        return i != null ? i : columns.get(lower(name));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** One data row: its values by column name. Values are the text between tabs, as written. */
    public final class Row {
        private final long line;
        private final String[] values;

        private Row(long line, String[] values) {
            this.line = line;
            this.values = values;
        }

        /** The row's line in the file (the header is line 1). */
        public long lineNumber() {
            return line;
        }

        /**
         * The value of a column; empty text when the row is shorter than the header.
         *
         * @param column a header name, e.g. {@code sku}
         * @return the value, possibly empty
         * @throws IllegalArgumentException when the report has no such column (the message lists those it has)
         */
        public String get(String column) {
            Integer i = index(column);
            if (i == null) {
                throw new IllegalArgumentException("The report has no column '" + column + "'; its columns are "
                        + header);
            }
            return i < values.length ? values[i] : "";
        }

        /** The value of a column when the report has it and it is not empty. */
        public Optional<String> find(String column) {
            Integer i = index(column);
            return i == null || i >= values.length || values[i].isEmpty() ? Optional.empty() : Optional.of(values[i]);
        }

        /**
         * A column's decimal number, e.g. a price: {@code 12.50}.
         *
         * @return empty when the column is absent or empty
         * @throws IllegalArgumentException when the value is not a decimal number
         */
        public Optional<BigDecimal> decimal(String column) {
            Optional<String> v = find(column);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(v.get().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Column '" + column + "' of line " + line + " is '" + v.get()
                        + "', not a decimal number");
            }
        }

        /** The values in the file's order (a row longer than the header keeps its extra values). */
        public List<String> values() {
            return Collections.unmodifiableList(Arrays.asList(values));
        }

        /** The values by column name, in the header's order. */
        public Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.putIfAbsent(header.get(i), i < values.length ? values[i] : "");
            }
            return map;
        }

        @Override
        public String toString() {
            return "Row[line " + line + ", " + asMap() + "]";
        }
    }
}
