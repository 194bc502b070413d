package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * A marketplace identifier such as {@code ATVPDKIKX0DER} (Amazon.com) or {@code A1F83G8C2ARO7P}
 * (Amazon.co.uk).
 *
 * <p>Marketplace ids are the same "obfuscated id" style as {@link SellerId}, and every known one
 * starts with {@code A}, so the accepted format is the same: {@code A} followed by 7 to 19 of
 * {@code [A-Z0-9]}. There is no generator on purpose: marketplaces are a fixed, real table
 * ({@code io.openmws.protocol.marketplace.Marketplaces}), never invented.
 *
 * @param value the identifier, exactly as sent
 */
public record MarketplaceId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile("A[A-Z0-9]{7,19}");

    private static final String EXPECTED = "8 to 20 uppercase letters or digits starting with 'A'";

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public MarketplaceId {
        IdFormat.require(FORMAT, value, "MarketplaceId", EXPECTED);
    }

    /**
     * Parses a marketplace id. A well-formed id is not necessarily a known marketplace.
     *
     * @throws IllegalArgumentException if {@code value} is not in the accepted format
     */
    public static MarketplaceId of(String value) {
        return new MarketplaceId(value);
    }

    /** Whether {@code value} is a well-formed marketplace id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
