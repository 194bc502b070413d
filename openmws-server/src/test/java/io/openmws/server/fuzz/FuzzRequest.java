package io.openmws.server.fuzz;

import java.util.Map;

/**
 * One generated request, as bytes on the wire: {@code target} is the request line's path and query
 * exactly as sent (it may hold broken percent-escapes), {@code body} may be null (no body at all).
 *
 * @param operation the operation it started from ({@code Section/Action})
 * @param mutation what was done to it, for the counts and for a failure's message
 */
record FuzzRequest(long index, String operation, String mutation, String method, String target,
                   Map<String, String> headers, byte[] body) {

    /** A line for a report: index, operation, mutation and the start of the request. */
    String describe() {
        String shown = target.length() > 300 ? target.substring(0, 300) + "..." : target;
        String bodyStart = body == null ? "" : new String(body, 0, Math.min(body.length, 300),
                java.nio.charset.StandardCharsets.ISO_8859_1) + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
        return "#" + index + " " + operation + " [" + mutation + "] " + method + " " + shown + " " + headers.keySet()
                + (bodyStart.isEmpty() ? "" : " body: " + bodyStart);
    }
}
