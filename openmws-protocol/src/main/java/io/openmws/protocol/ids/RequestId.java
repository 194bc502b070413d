package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * The id of one MWS request, returned in {@code ResponseMetadata/RequestId} and the
 * {@code x-mws-request-id} header: a lowercase version 4 UUID, as real MWS sent.
 *
 * <p>Validation is strict: lowercase hex, version nibble {@code 4}, variant {@code 8}-{@code b}.
 *
 * @param value the id, exactly as sent
 */
public record RequestId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private static final String EXPECTED = "a lowercase version 4 UUID (8-4-4-4-12 hex digits)";

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public RequestId {
        IdFormat.require(FORMAT, value, "RequestId", EXPECTED);
    }

    /**
     * Parses a request id.
     *
     * @throws IllegalArgumentException if {@code value} is not a lowercase version 4 UUID
     */
    public static RequestId of(String value) {
        return new RequestId(value);
    }

    /** Whether {@code value} is a well-formed request id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
