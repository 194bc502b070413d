package io.openmws.server.testing;

import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sends raw HTTP requests to the MWS API of a running platform and reads the answers; signing is the
 * test's business (with the protocol module's {@code RequestSigner}), so tests can also send what
 * no well-behaved client would.
 */
public final class MwsClient {

    /** An answer: status, headers and body. */
    public record Answer(int status, String body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The body read as an ErrorResponse (fails the test if it is not one). */
        public ErrorResponse error() {
            try {
                return ErrorResponseReader.read(new ByteArrayInputStream(raw.body()));
            } catch (IOException e) {
                throw new AssertionError("Not an ErrorResponse (HTTP " + status + "): " + body, e);
            }
        }

        /** The error code of an ErrorResponse body. */
        public String errorCode() {
            return error().errors().get(0).code();
        }
    }

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public MwsClient(int port) {
        this.port = port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** A POST with the given form body to a path. */
    public Answer postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A GET of a path with a raw query string. */
    public Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
