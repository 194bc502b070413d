package io.openmws.protocol.params;

import io.openmws.protocol.signature.PercentEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a request's parameters as MWS does ({@code docs/protocol.md} §1, §13):
 * <ul>
 *   <li>always from the raw query string;</li>
 *   <li>also from the body when its Content-Type is {@code application/x-www-form-urlencoded} (any
 *       case, any parameters such as {@code charset}) <em>and</em> the {@code Action} in the query
 *       string is not {@code SubmitFeed}. A SubmitFeed body is the feed itself and is never read as a
 *       form, whatever its Content-Type.</li>
 * </ul>
 * Both parts are decoded with form rules ({@code +} is a space, either hex case, UTF-8; see
 * {@link PercentEncoding#decodeFormComponent(String)}); the body is always read as UTF-8, since that
 * is what was signed, whatever {@code charset} it declares. Empty segments ({@code ?&A=1},
 * {@code A=1&&B=2}) are skipped; a segment without {@code =} is a name with an empty value.
 * Other Content-Types (e.g. {@code text/xml} with everything in the query, as one client sends) leave
 * the body unread.
 *
 * <p>Immutable and thread-safe; the only setting is the largest form body to read.
 */
public final class MwsParameterParser {

    private static final int INITIAL_BODY_BUFFER = 2048;

    /** The default limit on a form body: 1 MiB, far above any MWS request (the request line limit is 8190 bytes). */
    public static final int DEFAULT_MAX_FORM_BODY_BYTES = 1024 * 1024;

    private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final int maxFormBodyBytes;

    private MwsParameterParser(int maxFormBodyBytes) {
        this.maxFormBodyBytes = maxFormBodyBytes;
    }

    /**
     * A parser that reads form bodies up to a size.
     *
     * @param maxFormBodyBytes the largest form body accepted, in bytes; at least 0
     * @return the parser
     */
    public static MwsParameterParser withMaxFormBodyBytes(int maxFormBodyBytes) {
        if (maxFormBodyBytes < 0) {
            throw new IllegalArgumentException("maxFormBodyBytes must not be negative");
        }
        return new MwsParameterParser(maxFormBodyBytes);
    }

    /** A parser with {@link #DEFAULT_MAX_FORM_BODY_BYTES}. */
    public static MwsParameterParser standard() {
        return new MwsParameterParser(DEFAULT_MAX_FORM_BODY_BYTES);
    }

    /**
     * Parses query string and, when it applies, the form body given as bytes.
     *
     * @param rawQuery the query string as received, without {@code ?}; null or empty for none
     * @param contentType the Content-Type header, null when absent
     * @param body the body bytes, null or empty for none
     * @return the decoded parameters
     * @throws InvalidParametersException on a duplicated name, malformed encoding or a body over the limit
     */
    public MwsParameters parse(String rawQuery, String contentType, byte[] body) {
        MwsParameters.Builder builder = MwsParameters.builder();
        MwsParameters query = parseInto(MwsParameters.builder(), rawQuery).build();
        query.asMap().forEach(builder::add);
        if (body != null && body.length > 0 && readsBody(query, contentType)) {
            if (body.length > maxFormBodyBytes) {
                throw tooLarge();
            }
            parseInto(builder, new String(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /**
     * Parses query string and, when it applies, the form body read from a stream. When the body is
     * not to be read as a form (SubmitFeed, another Content-Type) the stream is not touched, so the
     * caller can still stream the feed.
     *
     * @param rawQuery the query string as received, without {@code ?}; null or empty for none
     * @param contentType the Content-Type header, null when absent
     * @param body the body, may be null
     * @return the decoded parameters
     * @throws IOException when reading the body fails
     * @throws InvalidParametersException on a duplicated name, malformed encoding or a body over the
     *     limit (reading stops at limit + 1 bytes)
     */
    public MwsParameters parse(String rawQuery, String contentType, InputStream body) throws IOException {
        MwsParameters query = parseInto(MwsParameters.builder(), rawQuery).build();
        if (body == null || !readsBody(query, contentType)) {
            return query;
        }
        byte[] bytes = new byte[INITIAL_BODY_BUFFER];
        int length = 0;
        int read;
        // In a buffer doubled as needed, not readNBytes: that takes 16 KB chunks for a body of a kilobyte or two.
        while ((read = body.read(bytes, length, bytes.length - length)) >= 0) {
            length += read;
            if (length > maxFormBodyBytes) {
                throw tooLarge();
            }
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Math.min((long) bytes.length * 2, (long) maxFormBodyBytes + 1),
                        Integer.MAX_VALUE - 8));
            }
        }
        MwsParameters.Builder builder = MwsParameters.builder();
        query.asMap().forEach(builder::add);
        return parseInto(builder, new String(bytes, 0, length, StandardCharsets.UTF_8)).build();
    }

    /**
     * Parses a query string or form body on its own.
     *
     * @param encoded {@code name=value&...} as received; null or empty for none
     * @return the decoded parameters
     * @throws InvalidParametersException on a duplicated name or malformed encoding
     */
    public static MwsParameters parseQuery(String encoded) {
        return parseInto(MwsParameters.builder(), encoded).build();
    }

    /**
     * Whether a Content-Type names a form body: media type {@code application/x-www-form-urlencoded},
     * any case, any parameters.
     *
     * @param contentType the header value, may be null
     * @return true for a form content type
     */
    public static boolean isFormContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String media = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
        return media.toLowerCase(Locale.ROOT).equals(FORM_MEDIA_TYPE);
    }

    private static boolean readsBody(MwsParameters query, String contentType) {
        return isFormContentType(contentType) && !"SubmitFeed".equals(query.get("Action").orElse(null));
    }

    private InvalidParametersException tooLarge() {
        return new InvalidParametersException(InvalidParametersException.Reason.BODY_TOO_LARGE, null,
                "The form body is larger than " + maxFormBodyBytes + " bytes", null);
    }

    private static MwsParameters.Builder parseInto(MwsParameters.Builder builder, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return builder;
        }
        int n = encoded.length();
        int start = 0;
        while (start <= n) {
            int amp = encoded.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = encoded.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    eq = end;
                }
                String name = decode(encoded, start, eq);
                String value = eq == end ? "" : decode(encoded, eq + 1, end);
                builder.add(name, value);
            }
            start = end + 1;
        }
        return builder;
    }

    private static String decode(String s, int from, int to) {
        try {
            return PercentEncoding.decodeFormComponent(s, from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(InvalidParametersException.Reason.MALFORMED_ENCODING, null,
                    e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MwsParameterParser[maxFormBodyBytes=" + maxFormBodyBytes + "]";
    }

}
