package io.openmws.protocol.signature;

import java.util.Locale;
import java.util.Optional;

/**
 * The second line of the string to sign: the lowercased host, with {@code :port} only when the port
 * is not the scheme's default ({@code docs/protocol.md} §3.1).
 *
 * <p>A client builds it from its endpoint with {@link #forEndpoint(String, String, int)}; a server
 * takes the {@code Host} header as received with {@link #fromHostHeader(String)} and, because several
 * real clients sign the host without the port they connect to (§13), may also try
 * {@link #withoutPort(String)}.
 */
public final class HostLine {

    private HostLine() {
    }

    /**
     * The host line a client signs for an endpoint.
     *
     * @param scheme {@code https} or {@code http} (any case)
     * @param host the host name or IP literal (IPv6 with or without brackets)
     * @param port the port, or {@code -1} for the scheme's default (as {@link java.net.URI#getPort()} returns)
     * @return e.g. {@code mws.amazonservices.com} or {@code localhost:8443}
     * @throws IllegalArgumentException for another scheme, an empty host or an out-of-range port
     */
    public static String forEndpoint(String scheme, String host, int port) {
        int defaultPort;
        String s = scheme.toLowerCase(Locale.ROOT);
        if (s.equals("https")) {
            defaultPort = 443;
        } else if (s.equals("http")) {
            defaultPort = 80;
        } else {
            throw new IllegalArgumentException("Unsupported scheme '" + scheme + "': MWS endpoints use https (or http for local testing)");
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("The endpoint has no host");
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return port == -1 || port == defaultPort ? h : h + ":" + port;
    }

    /**
     * The host line a server signs: the {@code Host} header exactly as received, lowercased.
     *
     * @param hostHeader the header value
     * @return the lowercased header, surrounding whitespace removed
     * @throws IllegalArgumentException when the header is missing or empty
     */
    public static String fromHostHeader(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            throw new IllegalArgumentException("The request has no Host header; Signature Version 2 signs it");
        }
        return hostHeader.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The host line with its {@code :port} removed, for clients that sign the bare host.
     *
     * @param hostLine a host line, e.g. {@code localhost:8443} or {@code [::1]:8443}
     * @return the host without the port, or empty when the line has no port
     */
    public static Optional<String> withoutPort(String hostLine) {
        int colon = hostLine.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        if (hostLine.startsWith("[")) {
            int close = hostLine.indexOf(']');
            if (close < 0 || colon < close) {
                return Optional.empty();
            }
        } else if (hostLine.indexOf(':') != colon) {
            return Optional.empty(); // an unbracketed IPv6 literal, not host:port
        }
        return Optional.of(hostLine.substring(0, colon));
    }
}
