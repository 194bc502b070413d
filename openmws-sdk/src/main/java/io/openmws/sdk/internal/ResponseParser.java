package io.openmws.sdk.internal;

import java.io.IOException;
import java.io.InputStream;

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
}
