package io.openmws.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders what commands show, in the format chosen with {@code --output}: an aligned {@code table} for
 * people (the default), {@code json} (an array of objects, or one object for a single record) or
 * {@code csv} (RFC 4180, a header line first) for programs. Results go to standard output; {@link #info}
 * messages go to standard error and are silenced by {@code --quiet}, so a pipe receives only results.
 */
public final class Output {

    /** The formats of {@code --output}. */
    public enum Format {
        /** Aligned columns under a header, for people. */
        TABLE,
        /** JSON, for programs. */
        JSON,
        /** Comma-separated values with a header line, for spreadsheets. */
        CSV
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Terminal terminal;
    private final Format format;
    private final boolean quiet;

    /**
     * An output.
     *
     * @param terminal where to write
     * @param format the chosen format
     * @param quiet whether {@link #info} is silenced
     */
    public Output(Terminal terminal, Format format, boolean quiet) {
        this.terminal = terminal;
        this.format = format;
        this.quiet = quiet;
    }

    /** The chosen format. */
    public Format format() {
        return format;
    }

    /** Whether {@code --quiet} was given. */
    public boolean quiet() {
        return quiet;
    }

    /** Prints a table of any number of rows (an empty JSON array, or only the CSV header, when none). */
    public void print(Table table) {
        PrintStream out = terminal.out();
        switch (format) {
            case TABLE -> printAligned(table, out);
            case JSON -> printJson(table, out, false);
            case CSV -> printCsv(table, out);
        }
        out.flush();
    }

    /**
     * Prints a single record: {@code Title: value} lines for people, one JSON object, or a CSV header and
     * one line.
     *
     * @param record a table of exactly one row
     */
    public void printRecord(Table record) {
        if (record.rows().size() != 1) {
            throw new IllegalArgumentException("A record is one row; got " + record.rows().size());
        }
        PrintStream out = terminal.out();
        switch (format) {
            case TABLE -> {
                int width = record.columns().stream().mapToInt(c -> c.title().length()).max().orElse(0);
                List<String> values = record.rows().get(0);
                for (int i = 0; i < values.size(); i++) {
                    String title = record.columns().get(i).title();
                    out.println(title + ":" + " ".repeat(width - title.length() + 1) + nullToEmpty(values.get(i)));
                }
            }
            case JSON -> printJson(record, out, true);
            case CSV -> printCsv(record, out);
        }
        out.flush();
    }

    /** A message for people on standard error, unless {@code --quiet}. */
    public void info(String message) {
        if (!quiet) {
            terminal.err().println(message);
            terminal.err().flush();
        }
    }

    private static void printAligned(Table table, PrintStream out) {
        List<Table.Column> columns = table.columns();
        List<List<String>> rows = table.rows();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).title().length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], nullToEmpty(row.get(i)).length());
            }
        }
        out.println(line(columns.stream().map(Table.Column::title).toList(), widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = nullToEmpty(cells.get(i));
            b.append(cell);
            if (i < cells.size() - 1) {
                b.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        return b.toString().stripTrailing();
    }

    private static void printJson(Table table, PrintStream out, boolean single) {
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (!single) {
                json.writeStartArray();
            }
            for (List<String> row : table.rows()) {
                json.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    json.writeStringField(table.columns().get(i).key(), row.get(i));
                }
                json.writeEndObject();
            }
            if (!single) {
                json.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void printCsv(Table table, PrintStream out) {
        out.print(csvLine(table.columns().stream().map(Table.Column::key).toList()));
        for (List<String> row : table.rows()) {
            out.print(csvLine(row));
        }
    }

    /** One RFC 4180 record, CRLF-terminated; fields with a comma, quote or line break are quoted. */
    static String csvLine(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String cell = nullToEmpty(cells.get(i));
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                b.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                b.append(cell);
            }
        }
        return b.append("\r\n").toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
