package io.openmws.protocol.ids;

import io.openmws.protocol.ConstantTime;
import java.util.regex.Pattern;

/**
 * The token that proves a seller authorized a developer: {@code amzn.mws.} followed by a lowercase
 * UUID in 8-4-4-4-12 hex form, e.g. {@code amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c2}.
 *
 * <p>Validation is strict (lowercase hex only), which is what we issue. Clients only test the
 * {@code amzn.mws.} prefix ({@link #hasTokenPrefix(String)}), and the documentation's own example
 * ({@code amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE}) is deliberately not valid here. The version
 * nibble is not checked: real tokens were not all version 4 (that example shows {@code 7709}).
 *
 * <p>This is a credential. {@link #toString()} shows only the prefix and the last four characters,
 * enough to tell tokens apart in a log; the whole value is reachable only through {@link #reveal()}.
 * Equality compares in constant time.
 */
public final class MwsAuthToken {

    /** The prefix every MWS auth token starts with. */
    public static final String PREFIX = "amzn.mws.";

    private static final Pattern FORMAT =
            Pattern.compile("amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String EXPECTED =
            "'amzn.mws.' followed by a lowercase UUID (8-4-4-4-12 hex digits)";

    private final String value;

    private MwsAuthToken(String value) {
        this.value = value;
    }

    /**
     * Wraps a token.
     *
     * @throws IllegalArgumentException if {@code value} is not {@code amzn.mws.} plus a lowercase
     *     UUID; the message does not contain the value
     */
    public static MwsAuthToken of(String value) {
        return new MwsAuthToken(IdFormat.require(FORMAT, value, "MWSAuthToken", EXPECTED));
    }

    /** Whether {@code value} is a token in the strict format; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    /** Whether {@code value} starts with {@code amzn.mws.}, the only check real clients make. */
    public static boolean hasTokenPrefix(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The token itself. Call it only where it is sent, compared or stored encrypted. */
    public String reveal() {
        return value;
    }

    /** Compares the tokens in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MwsAuthToken that && ConstantTime.equal(value, that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** {@code MwsAuthToken[amzn.mws.…abcd]}: the prefix and the last four characters only. */
    @Override
    public String toString() {
        return "MwsAuthToken[" + PREFIX + "\u2026" + value.substring(value.length() - 4) + "]";
    }
}
