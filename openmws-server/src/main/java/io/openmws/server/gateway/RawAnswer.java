package io.openmws.server.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The answer of a download ({@code GetFeedSubmissionResult}, {@code GetReport}): raw bytes from storage
 * rather than an MWS XML envelope. The gateway opens {@link #body()} after every check, before anything
 * is sent, so a failure to open it is still an error envelope; then it sends the bytes in constant memory
 * with {@code Content-Type}, {@code Content-Length} and {@code Content-MD5}.
 *
 * @param contentType the Content-Type header, e.g. {@code text/xml;charset=UTF-8}
 * @param length      the exact number of bytes {@code body} gives
 * @param md5Base64   base64 of the MD5 of those bytes (the {@code Content-MD5} header)
 * @param body        opens the bytes; called once
 */
public record RawAnswer(String contentType, long length, String md5Base64, Body body) {

    /** Opens the bytes of a raw answer. */
    @FunctionalInterface
    public interface Body {
        InputStream open() throws IOException;
    }

    public RawAnswer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(md5Base64, "md5Base64");
        Objects.requireNonNull(body, "body");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
    }
}
