package io.openmws.server.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a tab-delimited flat-file feed (../shared/spec/mws-data-apis.md §2.4) one data row at a time,
 * holding only the current line (at most {@value #MAX_LINE_BYTES} bytes).
 *
 * <p>Header: an optional {@code TemplateType=...} line and label rows may come first; the header is the
 * first of the first {@value #HEADER_SEARCH_LINES} non-blank lines that names a key column ({@code sku},
 * {@code item_sku} or {@code order-id}). Column names are trimmed and lower-cased; columns may come in
 * any order; a column without a name is ignored. No such line: {@link FeedFormatException} with
 * {@value #FILE_ERROR}.
 *
 * <p>Rows: {@code \n} or {@code \r\n}; blank lines are skipped and not counted; the message id is the
 * 1-based data row. Cells are trimmed; blank cells are left out; a row with fewer cells than the header
 * has the rest blank; a row with non-blank cells beyond the header, or longer than
 * {@value #MAX_LINE_BYTES} bytes, is returned with a problem.
 *
 * <p>Encoding: a byte-order mark wins (UTF-8, UTF-16BE, UTF-16LE); otherwise the charset the request's
 * Content-Type names; otherwise each line is read as UTF-8, or as ISO-8859-1 when it is not valid UTF-8
 * (sellers' spreadsheets save either). ISO-8859-1, declared or fallen back to, reads the bytes 0x80-0x9F
 * as Windows-1252 does (curly quotes, the euro sign), as browsers do: Windows spreadsheets save those
 * characters under that name.
 */
public final class FlatFileReader implements FeedReader {

    /** ResultMessageCode of a file that cannot be read as a flat file at all (§2.7, file-level). */
    public static final int FILE_ERROR = 90215;
    /** Longest line read, in bytes (in characters for UTF-16). */
    public static final int MAX_LINE_BYTES = 1024 * 1024;
    /** How many non-blank lines may come before the header (TemplateType and label rows included). */
    public static final int HEADER_SEARCH_LINES = 10;

    /** What Windows-1252 makes of the bytes 0x80-0x9F; the five it leaves undefined stay as in ISO-8859-1. */
    private static final String WINDOWS_1252_C1 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021"
            + "\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014"
            + "\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static final Set<String> KEY_COLUMNS = Set.of("sku", "item_sku", "order-id");

    private final InputStream body;
    private final Charset declared;
    private LineSource lines;
    private List<String> header;
    private String templateType;
    private long row;
    private boolean finished;

    /**
     * @param body    the feed's bytes; closed by {@link #close()}
     * @param charset the charset the request declared, or null when it named none
     */
    public FlatFileReader(InputStream body, Charset charset) {
        this.body = Objects.requireNonNull(body, "body");
        this.declared = charset;
    }

    /** The value of a leading {@code TemplateType=} line, or null when there was none (or before the first read). */
    public String templateType() {
        return templateType;
    }

    /** The header's column names, trimmed and lower-cased, in file order; null before the first read. */
    public List<String> columns() {
        return header;
    }

    @Override
    public FeedRecord next() throws IOException, FeedFormatException {
        if (finished) {
            return null;
        }
        if (header == null) {
            if (lines != null) {
                throw new IllegalStateException("This feed has no header row; its FeedFormatException was thrown before.");
            }
            lines = new LineSource(body, declared);
            readHeader();
        }
        while (true) {
            Line line = lines.next();
            if (line == null) {
                finished = true;
                return null;
            }
            if (line.tooLong()) {
                row++;
                return new FeedRecord(row, "", Map.of(), List.of("Row " + row + " is longer than "
                        + MAX_LINE_BYTES + " bytes and was not read"));
            }
            if (line.text().isBlank()) {
                continue;
            }
            row++;
            return record(line.text());
        }
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        } else {
            body.close();
        }
    }

    private void readHeader() throws IOException, FeedFormatException {
        int seen = 0;
        boolean commas = false;
        while (seen < HEADER_SEARCH_LINES) {
            Line line = lines.next();
            if (line == null) {
                break;
            }
            if (line.tooLong()) {
                throw new FeedFormatException(FILE_ERROR, "A line before the header row is longer than "
                        + MAX_LINE_BYTES + " bytes; this is not a tab-delimited feed");
            }
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            seen++;
            if (seen == 1 && text.regionMatches(true, 0, "TemplateType=", 0, "TemplateType=".length())) {
                String first = text.split("\t", 2)[0];
                templateType = first.substring("TemplateType=".length()).strip();
                continue;
            }
            commas |= text.indexOf('\t') < 0 && text.indexOf(',') >= 0;
            List<String> names = new ArrayList<>();
            boolean hasKey = false;
            for (String cell : text.split("\t", -1)) {
                String name = cell.strip().toLowerCase(Locale.ROOT);
                names.add(name);
                hasKey |= KEY_COLUMNS.contains(name);
            }
            if (hasKey) {
                header = names;
                return;
            }
        }
        throw new FeedFormatException(FILE_ERROR, "No header row found: the first " + HEADER_SEARCH_LINES
                + " lines hold no tab-separated row naming a sku, item_sku or order-id column"
                + (commas ? "; the file looks comma-separated, but flat-file feeds are tab-separated" : ""));
    }

    private FeedRecord record(String text) {
        String[] cells = text.split("\t", -1);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String value = i < cells.length ? cells[i].strip() : "";
            if (!name.isEmpty() && !value.isEmpty()) {
                fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
        }
        for (int i = header.size(); i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                problems.add("Row " + row + " has a value in column " + (i + 1) + ", but the header has only "
                        + header.size() + " columns");
                break;
            }
        }
        return new FeedRecord(row, "", fields, problems);
    }

    /** One line without its terminator; {@code tooLong} lines carry no text. */
    private record Line(String text, boolean tooLong) {
    }

    /** Splits the body into decoded lines, one at a time. */
    private static final class LineSource {
        private final InputStream bytes;
        private final Reader chars;
        /** For byte-wise reading: the declared charset, or null for UTF-8 with an ISO-8859-1 fallback. */
        private final Charset charset;
        private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private byte[] line = new byte[256];
        private StringBuilder charLine;
        private boolean eof;

        LineSource(InputStream body, Charset declared) throws IOException {
            PushbackInputStream in = new PushbackInputStream(body, 3);
            Charset bom = bom(in);
            Charset byCharacters = bom != null && bom != StandardCharsets.UTF_8 ? bom
                    : bom == null && declared != null && !asciiCompatible(declared) ? declared : null;
            this.bytes = in;
            if (byCharacters != null) {
                this.chars = new BufferedReader(new InputStreamReader(in, byCharacters), 16 * 1024);
                this.charset = byCharacters;
                this.charLine = new StringBuilder();
            } else {
                this.chars = null;
                // A UTF-8 BOM, no charset, or UTF-8 declared: UTF-8 per line with the ISO-8859-1 fallback.
                this.charset = bom != null || declared == null || declared.equals(StandardCharsets.UTF_8) ? null
                        : declared.equals(StandardCharsets.ISO_8859_1) ? StandardCharsets.ISO_8859_1 : declared;
            }
        }

        /** Reads and drops a byte-order mark, returning its charset, or null (bytes put back). */
        private static Charset bom(PushbackInputStream in) throws IOException {
            byte[] head = new byte[3];
            int n = 0;
            while (n < 3) {
                int read = in.read(head, n, 3 - n);
                if (read < 0) {
                    break;
                }
                n += read;
            }
            if (n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                in.unread(head, 2, n - 2);
                return StandardCharsets.UTF_16BE;
            }
            if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                in.unread(head, 2, n - 2);
                return StandardCharsets.UTF_16LE;
            }
            in.unread(head, 0, n);
            return null;
        }

        /** Whether {@code \n} and {@code \t} are single bytes of their own, so lines can be split as bytes. */
        private static boolean asciiCompatible(Charset charset) {
            String name = charset.name().toUpperCase(Locale.ROOT);
            return !name.startsWith("UTF-16") && !name.startsWith("UTF-32") && !name.startsWith("X-UTF-16")
                    && !name.startsWith("X-UTF-32") && !name.contains("EBCDIC") && !name.startsWith("IBM0")
                    && !name.startsWith("IBM-0");
        }

        Line next() throws IOException {
            return chars != null ? nextChars() : nextBytes();
        }

        private Line nextBytes() throws IOException {
            int length = 0;
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    if (eof) {
                        break;
                    }
                    int read = bytes.read(buffer, 0, buffer.length);
                    if (read < 0) {
                        eof = true;
                        break;
                    }
                    position = 0;
                    limit = read;
                    continue;
                }
                byte b = buffer[position++];
                any = true;
                if (b == '\n') {
                    return line(length, tooLong);
                }
                if (tooLong) {
                    continue;
                }
                if (length == MAX_LINE_BYTES) {
                    tooLong = true;
                    continue;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                }
                line[length++] = b;
            }
            return any ? line(length, tooLong) : null;
        }

        private Line line(int length, boolean tooLong) {
            if (tooLong) {
                return new Line("", true);
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (charset == StandardCharsets.ISO_8859_1) {
                return new Line(latin1(line, length), false);
            }
            if (charset != null) {
                return new Line(new String(line, 0, length, charset), false);
            }
            try {
                CharBuffer decoded = strictUtf8.reset().decode(ByteBuffer.wrap(line, 0, length));
                return new Line(decoded.toString(), false);
            } catch (CharacterCodingException notUtf8) {
                return new Line(latin1(line, length), false);
            }
        }

        /** ISO-8859-1, with the characters Windows-1252 gives the bytes 0x80-0x9F where it has one. */
        private static String latin1(byte[] bytes, int length) {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                chars[i] = b >= 0x80 && b <= 0x9F ? WINDOWS_1252_C1.charAt(b - 0x80) : (char) b;
            }
            return new String(chars);
        }

        private Line nextChars() throws IOException {
            charLine.setLength(0);
            boolean tooLong = false;
            boolean any = false;
            int c;
            while ((c = chars.read()) >= 0) {
                any = true;
                if (c == '\n') {
                    break;
                }
                if (tooLong) {
                    continue;
                }
                if (charLine.length() == MAX_LINE_BYTES) {
                    tooLong = true;
                    charLine.setLength(0);
                    continue;
                }
                charLine.append((char) c);
            }
            if (!any) {
                return null;
            }
            if (tooLong) {
                return new Line("", true);
            }
            int length = charLine.length();
            if (length > 0 && charLine.charAt(length - 1) == '\r') {
                charLine.setLength(length - 1);
            }
            return new Line(charLine.toString(), false);
        }

        void close() throws IOException {
            if (chars != null) {
                chars.close();
            } else {
                bytes.close();
            }
        }
    }
}
