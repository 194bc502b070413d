package io.openmws.server.feeds;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops an XML feed whose single piece of markup (a start tag with its attributes, a comment, a CDATA
 * section, a processing instruction or a declaration) grows beyond a limit, before the parser buffers it:
 * the JDK's StAX parser reads each of these whole into memory, so one 1 GiB attribute would otherwise
 * need gigabytes of heap. Text between elements is not limited here (the parser hands it over in chunks).
 *
 * <p>It watches the decoded characters as they pass, knowing just enough XML to find where each piece
 * ends ({@code >} outside quotes, {@code -->}, {@code ]]>}, {@code ?>}).
 */
final class XmlMarkupLimit {

    /** Thrown through the parser when a piece of markup is too long. */
    static final class MarkupTooLongException extends IOException {
        MarkupTooLongException(long limit) {
            super("A tag, attribute, comment, CDATA section or processing instruction is longer than " + limit
                    + " characters");
        }
    }

    private static final int TEXT = 0;
    private static final int OPEN = 1;
    private static final int BANG = 2;
    private static final int TAG = 3;
    private static final int QUOTED = 4;
    private static final int COMMENT = 5;
    private static final int CDATA = 6;
    private static final int INSTRUCTION = 7;
    private static final int DECLARATION = 8;

    private static final String CDATA_START = "[CDATA[";

    private final long limit;
    private int state = TEXT;
    private int quote;
    private int matched;
    private int bangTarget;
    private int previous;
    private int beforePrevious;
    private long length;

    XmlMarkupLimit(long limit) {
        this.limit = limit;
    }

    /** The reader, watched. */
    static Reader watch(Reader in, long limit) {
        XmlMarkupLimit watcher = new XmlMarkupLimit(limit);
        return new FilterReader(in) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    watcher.accept(c);
                }
                return c;
            }

            @Override
            public int read(char[] buffer, int offset, int count) throws IOException {
                int n = super.read(buffer, offset, count);
                for (int i = 0; i < n; i++) {
                    char c = buffer[offset + i];
                    if (c != '<' && watcher.state == TEXT) {
                        continue;
                    }
                    watcher.accept(c);
                }
                return n;
            }
        };
    }

    void accept(int c) throws MarkupTooLongException {
        if (state == TEXT) {
            if (c != '<') {
                return;
            }
            length = 0;
        }
        // Every character of a piece of markup counts, its '<' and its closing '>' included.
        if (++length > limit) {
            throw new MarkupTooLongException(limit);
        }
        switch (state) {
            case TEXT -> state = OPEN;
            case OPEN -> {
                state = c == '!' ? BANG : c == '?' ? INSTRUCTION : TAG;
                matched = 0;
                if (c == '>') {
                    state = TEXT;
                }
            }
            case BANG -> {
                // After "<!": "--" opens a comment, "[CDATA[" a CDATA section, anything else a declaration.
                int target = matched == 0 ? (c == '-' ? COMMENT : c == '[' ? CDATA : DECLARATION) : bangTarget;
                boolean fits = target == COMMENT ? c == '-' : target == CDATA && c == CDATA_START.charAt(matched);
                if (!fits) {
                    state = c == '>' ? TEXT : DECLARATION;
                } else if (++matched == (target == COMMENT ? 2 : CDATA_START.length())) {
                    state = target;
                    previous = 0;
                    beforePrevious = 0;
                    return;
                } else {
                    bangTarget = target;
                }
            }
            case TAG -> {
                if (c == '"' || c == '\'') {
                    state = QUOTED;
                    quote = c;
                } else if (c == '>') {
                    state = TEXT;
                }
            }
            case QUOTED -> {
                if (c == quote) {
                    state = TAG;
                }
            }
            case COMMENT -> {
                if (c == '>' && previous == '-' && beforePrevious == '-') {
                    state = TEXT;
                }
            }
            case CDATA -> {
                if (c == '>' && previous == ']' && beforePrevious == ']') {
                    state = TEXT;
                }
            }
            case INSTRUCTION -> {
                if (c == '>' && previous == '?') {
                    state = TEXT;
                }
            }
            case DECLARATION -> {
                if (c == '>') {
                    state = TEXT;
                }
            }
            default -> throw new IllegalStateException("state " + state);
        }
        beforePrevious = previous;
        previous = c;
    }
}
