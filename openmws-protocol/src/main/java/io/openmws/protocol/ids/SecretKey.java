package io.openmws.protocol.ids;

import io.openmws.protocol.ConstantTime;
import java.util.regex.Pattern;

/**
 * A developer's secret access key: 40 characters of the standard base64 alphabet
 * ({@code A-Z a-z 0-9 + /}), the HMAC key of Signature Version 2.
 *
 * <p>This is a credential. {@link #toString()} prints {@code SecretKey[redacted]}, error messages
 * never contain the value, and the only way to read it is {@link #reveal()}, so every use is easy to
 * find. Equality compares in constant time.
 */
public final class SecretKey {

    /** The number of characters of a secret key. */
    public static final int LENGTH = 40;

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9+/]{40}");
    private static final String EXPECTED = "40 characters of the base64 alphabet (A-Z, a-z, 0-9, '+', '/')";

    private final String value;

    private SecretKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret key.
     *
     * @throws IllegalArgumentException if {@code value} is not 40 base64-alphabet characters; the
     *     message does not contain the value
     */
    public static SecretKey of(String value) {
        return new SecretKey(IdFormat.require(FORMAT, value, "secret key", EXPECTED));
    }

    /** Whether {@code value} is a well-formed secret key; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    /** The secret itself. Call it only where the key is used to sign or verify, or stored encrypted. */
    public String reveal() {
        return value;
    }

    /** Compares the secrets in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretKey that && ConstantTime.equal(value, that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code SecretKey[redacted]}. */
    @Override
    public String toString() {
        return "SecretKey[redacted]";
    }
}
