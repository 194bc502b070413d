package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * A seller's account identifier, sent as {@code SellerId} (or {@code Merchant} in Feeds and Reports)
 * and also called the merchant token.
 *
 * <p>There is no official grammar. Real ones are 13 or 14 uppercase alphanumerics starting with
 * {@code A} ({@code A22UNWHFCIE1IF}); the documentation's placeholders are shorter
 * ({@code AC28N11YUQ}). We accept {@code A} followed by 7 to 19 of {@code [A-Z0-9]} (8 to 20 in all)
 * and generate 14-character ones.
 *
 * @param value the identifier, exactly as sent
 */
public record SellerId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile("A[A-Z0-9]{7,19}");

    private static final String EXPECTED = "8 to 20 uppercase letters or digits starting with 'A'";

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public SellerId {
        IdFormat.require(FORMAT, value, "SellerId", EXPECTED);
    }

    /**
     * Parses a seller id.
     *
     * @throws IllegalArgumentException if {@code value} is not in the accepted format
     */
    public static SellerId of(String value) {
        return new SellerId(value);
    }

    /** Whether {@code value} is a well-formed seller id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
