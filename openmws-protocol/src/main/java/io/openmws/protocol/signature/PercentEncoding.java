package io.openmws.protocol.signature;

import io.openmws.protocol.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as Signature Version 2 uses it (RFC 3986, {@code docs/protocol.md} §3.2), and the
 * decoder for the form/query transport encoding that clients actually send.
 *
 * <p>Encoding keeps the unreserved characters {@code A-Z a-z 0-9 - _ . ~} and writes every other byte
 * of the UTF-8 form as {@code %XY} with uppercase hex: space is {@code %20} (never {@code +}),
 * {@code *} is {@code %2A}, {@code ~} stays {@code ~}.
 *
 * <p>Decoding follows {@code application/x-www-form-urlencoded}: {@code +} is a space, {@code %xy}
 * takes either hex case, and the resulting bytes must be well-formed UTF-8. Decoding is strict: a
 * {@code %} not followed by two hex digits, or bytes that are not UTF-8, raise an
 * {@link IllegalArgumentException} instead of being guessed at, because a guessed value could never
 * match the value the client signed.
 *
 * <p>Java strings can hold lone surrogates, which have no UTF-8 form; encoding one is refused with an
 * {@link IllegalArgumentException} rather than silently replaced by {@code ?} as
 * {@link String#getBytes} would do.
 */
public final class PercentEncoding {

    private static final boolean[] UNRESERVED = new boolean[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final char[] HEX_CHARS = "0123456789ABCDEF".toCharArray();

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentEncoding() {
    }

    /**
     * Encodes a value per RFC 3986 as Signature Version 2 requires.
     *
     * @param value the decoded value; not null
     * @return the encoded form, ASCII only
     * @throws IllegalArgumentException if {@code value} holds a lone surrogate
     */
    public static String encode(String value) {
        if (isAllUnreserved(value)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 16);
        appendEncoded(sb, value);
        return sb.toString();
    }

    /**
     * Appends the RFC 3986 encoding of {@code value} to {@code target}.
     *
     * @param target where to append
     * @param value the decoded value; not null
     * @throws IllegalArgumentException if {@code value} holds a lone surrogate
     */
    public static void appendEncoded(StringBuilder target, CharSequence value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (UNRESERVED[c]) {
                    target.append(c);
                } else {
                    appendHex(target, c);
                }
            } else if (c < 0x800) {
                appendHex(target, 0xC0 | (c >> 6));
                appendHex(target, 0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int cp = codePointAt(value, i);
                i++;
                appendHex(target, 0xF0 | (cp >> 18));
                appendHex(target, 0x80 | ((cp >> 12) & 0x3F));
                appendHex(target, 0x80 | ((cp >> 6) & 0x3F));
                appendHex(target, 0x80 | (cp & 0x3F));
            } else {
                appendHex(target, 0xE0 | (c >> 12));
                appendHex(target, 0x80 | ((c >> 6) & 0x3F));
                appendHex(target, 0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Writes the RFC 3986 encoding of {@code value} as ASCII bytes into {@code buffer}. This is the
     * allocation-free form used on the signing hot path.
     */
    static void appendEncoded(ByteSink buffer, String value) {
        int n = value.length();
        // worst case: a 3-byte UTF-8 char becomes 9 ASCII bytes; a surrogate pair (2 chars) becomes 12
        buffer.ensureSpare(n * 9);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (UNRESERVED[c]) {
                    buffer.putUnchecked((byte) c);
                } else {
                    putHex(buffer, c);
                }
            } else if (c < 0x800) {
                putHex(buffer, 0xC0 | (c >> 6));
                putHex(buffer, 0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int cp = codePointAt(value, i);
                i++;
                putHex(buffer, 0xF0 | (cp >> 18));
                putHex(buffer, 0x80 | ((cp >> 12) & 0x3F));
                putHex(buffer, 0x80 | ((cp >> 6) & 0x3F));
                putHex(buffer, 0x80 | (cp & 0x3F));
            } else {
                putHex(buffer, 0xE0 | (c >> 12));
                putHex(buffer, 0x80 | ((c >> 6) & 0x3F));
                putHex(buffer, 0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Decodes one form/query component ({@code +} is a space, {@code %xy} in either hex case, the
     * bytes read as UTF-8). Characters other than {@code %} and {@code +}, including raw non-ASCII,
     * are taken as they are.
     *
     * @param encoded the component as received (a name or a value, without {@code &} or {@code =})
     * @return the decoded string
     * @throws IllegalArgumentException on a {@code %} not followed by two hex digits, or when the
     *     decoded bytes are not well-formed UTF-8
     */
    public static String decodeFormComponent(String encoded) {
        return decodeFormComponent(encoded, 0, encoded.length());
    }

    /**
     * Decodes {@code encoded.substring(start, end)} like {@link #decodeFormComponent(String)},
     * without copying it first.
     *
     * @param encoded the text holding the component
     * @param start index of the first character
     * @param end index after the last character
     * @return the decoded string
     * @throws IllegalArgumentException as {@link #decodeFormComponent(String)}
     */
    public static String decodeFormComponent(String encoded, int start, int end) {
        int i = start;
        while (i < end) {
            char c = encoded.charAt(i);
            if (c == '%' || c == '+' || c >= 0x80) {
                break;
            }
            i++;
        }
        if (i == end) {
            return encoded.substring(start, end);
        }
        byte[] bytes = new byte[(end - start) * 3];
        int len = 0;
        for (int k = start; k < i; k++) {
            bytes[len++] = (byte) encoded.charAt(k);
        }
        while (i < end) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes[len++] = ' ';
                i++;
            } else if (c == '%') {
                if (i + 2 >= end) {
                    throw invalidEscape(encoded, start, end, i);
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0 || encoded.charAt(i + 1) > 0x7F || encoded.charAt(i + 2) > 0x7F) {
                    throw invalidEscape(encoded, start, end, i);
                }
                bytes[len++] = (byte) ((hi << 4) | lo);
                i += 3;
            } else if (c < 0x80) {
                bytes[len++] = (byte) c;
                i++;
            } else {
                // raw non-ASCII in the transport: take it as the client's UTF-8
                int cp = Character.isSurrogate(c) ? codePointAt(encoded, i) : c;
                i += Character.charCount(cp);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, len, utf8.length);
                len += utf8.length;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The percent-encoded text '" + Text.abbreviate(encoded.substring(start, end), 80)
                    + "' does not decode to well-formed UTF-8; encode values as UTF-8 before percent-encoding", e);
        }
    }

    static boolean isAllUnreserved(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || !UNRESERVED[c]) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalidEscape(String s, int start, int end, int at) {
        return new IllegalArgumentException("Invalid percent-encoding at position " + (at - start) + " of '"
                + Text.abbreviate(s.substring(start, end), 80) + "': '%' must be followed by two hex digits (write a literal % as %25)");
    }

    private static int codePointAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(c, s.charAt(i + 1));
        }
        throw new IllegalArgumentException("Lone surrogate U+" + Integer.toHexString(c).toUpperCase()
                + " at index " + i + ": it has no UTF-8 form and cannot be signed");
    }

    private static void appendHex(StringBuilder sb, int b) {
        sb.append('%').append(HEX_CHARS[(b >> 4) & 0xF]).append(HEX_CHARS[b & 0xF]);
    }

    private static void putHex(ByteSink buffer, int b) {
        buffer.putUnchecked((byte) '%');
        buffer.putUnchecked(HEX[(b >> 4) & 0xF]);
        buffer.putUnchecked(HEX[b & 0xF]);
    }
}
