package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * An AWS access key id, sent as {@code AWSAccessKeyId}: it names the developer credential that
 * signed a request. It is not a secret.
 *
 * <p>Validation follows the documentation: 20 alphanumeric characters (either case). Real ones are
 * {@code AKIA} plus 16 characters of the base32 alphabet {@code [A-Z2-7]}
 * ({@code AKIAIUT3LAL4QTKWP26A}), and that is what {@link IdGenerator#accessKeyId()} produces.
 *
 * @param value the key id, exactly as sent
 */
public record AccessKeyId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{20}");

    /** The prefix of generated key ids, as of real AWS long-term keys. */
    public static final String GENERATED_PREFIX = "AKIA";

    private static final String EXPECTED = "20 letters or digits (real ones start with AKIA)";

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public AccessKeyId {
        IdFormat.require(FORMAT, value, "AWSAccessKeyId", EXPECTED);
    }

    /**
     * Parses an access key id.
     *
     * @throws IllegalArgumentException if {@code value} is not 20 alphanumerics
     */
    public static AccessKeyId of(String value) {
        return new AccessKeyId(value);
    }

    /** Whether {@code value} is a well-formed access key id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
