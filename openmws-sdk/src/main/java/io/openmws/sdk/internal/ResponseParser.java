package io.openmws.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * Reads a successful answer's body into a result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResponseParser<T> {

    /**
     * Reads the body; it is closed by the caller.
     *
     * @param body the answer's body
     * @param headerRequestId the {@code x-mws-request-id} header, or {@code null}
     * @return the result
     * @throws IOException when the body is not the expected document (the message says what was found)
     */
    T parse(InputStream body, String headerRequestId) throws IOException;

    /**
     * Reads the body with the answer's headers at hand; by default the headers are not looked at.
     *
     * @param body the answer's body
     * @param headerRequestId the {@code x-mws-request-id} header, or {@code null}
     * @param headers every header of the answer
     * @return the result
     * @throws IOException when the body is not the expected document
     */
    default T parse(InputStream body, String headerRequestId, HttpHeaders headers) throws IOException {
        return parse(body, headerRequestId);
    }

    /** A parser that reads the headers too (a download's {@code Content-MD5}, the quota headers). */
    static <T> ResponseParser<T> withHeaders(WithHeaders<T> parser) {
        return new ResponseParser<>() {
            @Override
            public T parse(InputStream body, String headerRequestId) throws IOException {
                return parser.parse(body, headerRequestId, HttpHeaders.of(Map.of(), (name, value) -> true));
            }

            @Override
            public T parse(InputStream body, String headerRequestId, HttpHeaders headers) throws IOException {
                return parser.parse(body, headerRequestId, headers);
            }
        };
    }

    /**
     * Reads a body with its headers.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface WithHeaders<T> {
        /** See {@link ResponseParser#parse(InputStream, String, HttpHeaders)}. */
        T parse(InputStream body, String headerRequestId, HttpHeaders headers) throws IOException;
    }
}
