package io.openmws.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The Signature Version 2 string to sign ({@code docs/protocol.md} §3.1):
 * <pre>
 * HTTPMethod + "\n" + hostLine + "\n" + path + "\n" + canonicalQuery
 * </pre>
 * It holds no secret, so a server may echo it to a client whose signature did not match.
 * Immutable.
 */
public final class StringToSign {

    private final String httpMethod;
    private final String hostLine;
    private final String path;
    private final String canonicalQuery;

    private StringToSign(String httpMethod, String hostLine, String path, String canonicalQuery) {
        this.httpMethod = httpMethod;
        this.hostLine = hostLine;
        this.path = path;
        this.canonicalQuery = canonicalQuery;
    }

    /**
     * Builds the string to sign.
     *
     * @param httpMethod the request method as sent, e.g. {@code POST}
     * @param hostLine the host line (see {@link HostLine}); used as given
     * @param path the path as requested, already percent-encoded; null or empty means {@code /}
     * @param parameters the decoded parameters; a {@code Signature} entry is ignored
     * @return the string to sign
     * @throws IllegalArgumentException if the method or host is empty, or a line holds a line break
     */
    public static StringToSign of(String httpMethod, String hostLine, String path, Map<String, String> parameters) {
        String p = normalizePath(path);
        checkLines(httpMethod, hostLine, p);
        return new StringToSign(httpMethod, hostLine, p, CanonicalQuery.of(parameters));
    }

    static StringToSign ofParts(String httpMethod, String hostLine, String path, String canonicalQuery) {
        return new StringToSign(httpMethod, hostLine, path, canonicalQuery);
    }

    static String normalizePath(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    static void checkLines(String httpMethod, String hostLine, String path) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(hostLine, "hostLine");
        if (httpMethod.isEmpty() || hostLine.isEmpty()) {
            throw new IllegalArgumentException("The HTTP method and the host line must not be empty");
        }
        if (hasLineBreak(httpMethod) || hasLineBreak(hostLine) || hasLineBreak(path)) {
            throw new IllegalArgumentException("The HTTP method, host and path must not contain line breaks");
        }
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /** The first line: the HTTP method. */
    public String httpMethod() {
        return httpMethod;
    }

    /** The second line: the host, lowercased, with a non-default port. */
    public String hostLine() {
        return hostLine;
    }

    /** The third line: the path as requested ({@code /} when empty). */
    public String path() {
        return path;
    }

    /** The fourth line: the canonical query. */
    public String canonicalQuery() {
        return canonicalQuery;
    }

    /** The whole string to sign, lines joined by {@code \n}. */
    public String value() {
        return httpMethod + '\n' + hostLine + '\n' + path + '\n' + canonicalQuery;
    }

    /** The UTF-8 bytes the HMAC is computed over. */
    public byte[] toBytes() {
        return value().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringToSign other && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    /** The string to sign itself (it contains no secret). */
    @Override
    public String toString() {
        return value();
    }
}
