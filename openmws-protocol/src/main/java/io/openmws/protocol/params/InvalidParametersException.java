package io.openmws.protocol.params;

import java.util.Optional;

/**
 * The request's parameters cannot be read unambiguously. The server answers these with
 * {@code InvalidParameterValue} (or, for {@link Reason#BODY_TOO_LARGE}, a size error); the message
 * says what is wrong and how to fix it, and never holds a secret.
 */
public final class InvalidParametersException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the parameters were refused. */
    public enum Reason {
        /** A name occurs twice; which value was signed would be ambiguous. */
        DUPLICATE_PARAMETER,
        /** A {@code %} without two hex digits, or bytes that are not UTF-8. */
        MALFORMED_ENCODING,
        /** The form body is larger than the parser's limit. */
        BODY_TOO_LARGE,
        /** A list is given both as a bare name and with index 1 (e.g. {@code X.Id} and {@code X.Id.1}). */
        AMBIGUOUS_LIST
    }

    /** Why the parameters were refused. */
    private final Reason reason;
    /** The parameter concerned, or null. */
    private final String parameterName;

    InvalidParametersException(Reason reason, String parameterName, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.parameterName = parameterName;
    }

    /** Why the parameters were refused. */
    public Reason reason() {
        return reason;
    }

    /** The parameter concerned, when there is one. */
    public Optional<String> parameterName() {
        return Optional.ofNullable(parameterName);
    }
}
