package io.openmws.server.support;

import java.io.IOException;
import java.io.Writer;

/**
 * Rows of a CSV download (RFC 4180, CRLF). Cells are quoted when they hold a comma, quote or line
 * break, and a cell a spreadsheet would read as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) gets a leading apostrophe, so a business name like {@code =HYPERLINK(...)} stays
 * text (CSV injection).
 */
public final class Csv {

    private Csv() {}

    /** One cell as written; {@code null} is an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** One line of cells, ended by CRLF. */
    public static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    /**
     * Starts a CSV download: an attachment named {@code filename}, not cached, and the writer its rows
     * go to as they are read (nothing holds the whole list).
     */
    public static Writer download(jakarta.servlet.http.HttpServletResponse response, String filename) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                .filename(filename).build().toString());
        response.setHeader("Cache-Control", "no-store");
        try {
            return response.getWriter();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes one line, turning the writer's failure (the browser went away) into an unchecked one. */
    public static void write(Writer out, String... cells) {
        try {
            out.write(row(cells));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
