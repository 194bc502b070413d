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

    /**
     * A call signed the way the official clients sign it: POST, form body, host {@code localhost:port},
     * HmacSHA256, Timestamp now (real time). {@code params} holds Action, Version, SellerId, ...
     */
    public Answer signedPost(String path, String accessKeyId, String secretKey, java.util.Map<String, String> params) {
        return postForm(path, sign("POST", "localhost:" + port, path, accessKeyId, secretKey, params));
    }

    /** The signed, encoded parameters of a call (a form body or a query string). */
    public static String sign(String method, String host, String path, String accessKeyId, String secretKey,
                              java.util.Map<String, String> params) {
        java.util.Map<String, String> all = new java.util.TreeMap<>(params);
        all.put("AWSAccessKeyId", accessKeyId);
        all.putIfAbsent("Timestamp", io.openmws.protocol.time.Timestamps.format(java.time.Instant.now()));
        return io.openmws.protocol.signature.RequestSigner.of(
                        io.openmws.protocol.signature.SigningSecret.of(secretKey),
                        io.openmws.protocol.signature.SignatureMethod.HMAC_SHA256)
                .signedQuery(method, host, path, all);
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

    /** A reply read off a raw socket: status, headers (names lower-cased) and body. */
    public record RawAnswer(int status, java.util.Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public ErrorResponse error() {
            try {
                return ErrorResponseReader.read(new ByteArrayInputStream(body));
            } catch (IOException e) {
                throw new AssertionError("Not an ErrorResponse (HTTP " + status + "): "
                        + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /**
     * Sends bytes the JDK's client would refuse to (broken escapes in the query, any header), over a
     * socket of its own, and reads the whole reply.
     */
    public RawAnswer sendRaw(String method, String pathAndQuery, java.util.Map<String, String> headers, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Connection: close\r\n");
            if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
                head.append("Host: localhost:").append(port).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] reply = socket.getInputStream().readAllBytes();
            return parseRaw(reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawAnswer parseRaw(byte[] reply) {
        int end = -1;
        for (int i = 0; i + 3 < reply.length; i++) {
            if (reply[i] == '\r' && reply[i + 1] == '\n' && reply[i + 2] == '\r' && reply[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new AssertionError("No HTTP reply: " + new String(reply, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(reply, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(reply, end + 4, reply.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new RawAnswer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
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
