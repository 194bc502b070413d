package io.openmws.protocol.error;

import io.openmws.protocol.ApiSection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code ErrorResponse} document: its namespace, one or more errors and the request id.
 * Immutable. Written by {@link ErrorResponseWriter}, read by {@link ErrorResponseReader}.
 */
public final class ErrorResponse {

    private final String namespace;
    private final List<MwsError> errors;
    private final String requestId;

    private ErrorResponse(String namespace, List<MwsError> errors, String requestId) {
        this.namespace = namespace;
        this.errors = errors;
        this.requestId = requestId;
    }

    /**
     * A response holding {@code errors}, in order.
     *
     * @param namespace the section's namespace ({@link ApiSection#namespace()}), or
     *                  {@link ApiSection#UNKNOWN_PATH_NAMESPACE} for a path that names no section
     * @param requestId the request id, also sent as {@code x-mws-request-id}; {@code null} only for a
     *                  response read without one
     * @param errors at least one error
     * @return the response
     */
    public static ErrorResponse of(String namespace, String requestId, List<MwsError> errors) {
        Objects.requireNonNull(namespace, "namespace");
        List<MwsError> copy = List.copyOf(errors);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("An ErrorResponse holds at least one Error.");
        }
        return new ErrorResponse(namespace, copy, requestId);
    }

    /**
     * A response with one or more errors; see {@link #of(String, String, List)}.
     *
     * @param namespace the namespace of the document
     * @param requestId the request id
     * @param first the first error
     * @param more further errors
     * @return the response
     */
    public static ErrorResponse of(String namespace, String requestId, MwsError first, MwsError... more) {
        MwsError[] all = new MwsError[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return of(namespace, requestId, List.of(all));
    }

    /**
     * A response with one error, in the namespace of {@code section}.
     *
     * @param section the section that answers
     * @param requestId the request id
     * @param error the error
     * @return the response
     */
    public static ErrorResponse of(ApiSection section, String requestId, MwsError error) {
        return of(section.namespace(), requestId, List.of(error));
    }

    /** The default namespace of the document. */
    public String namespace() {
        return namespace;
    }

    /** The errors, in document order; never empty. */
    public List<MwsError> errors() {
        return errors;
    }

    /** The request id; empty only for a response read without one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The HTTP status of this response: that of its first error. */
    public int httpStatus() {
        return errors.get(0).httpStatus();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorResponse r && namespace.equals(r.namespace) && errors.equals(r.errors)
                && Objects.equals(requestId, r.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, errors, requestId);
    }

    @Override
    public String toString() {
        return "ErrorResponse" + errors + " RequestId=" + requestId;
    }
}
