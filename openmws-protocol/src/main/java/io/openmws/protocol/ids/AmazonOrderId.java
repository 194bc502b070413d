package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * An Amazon order id in the 3-7-7 digit form, e.g. {@code 902-3159896-1390916}.
 *
 * <p>The schema allows word characters ({@code \w{3}-\w{7}-\w{7}}), but every order Amazon
 * created is digits only, and so are ours; we accept digits only.
 *
 * @param value the order id, exactly as sent
 */
public record AmazonOrderId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile("[0-9]{3}-[0-9]{7}-[0-9]{7}");

    private static final String EXPECTED = "3-7-7 digits, like 902-3159896-1390916";

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public AmazonOrderId {
        IdFormat.require(FORMAT, value, "AmazonOrderId", EXPECTED);
    }

    /**
     * Parses an order id.
     *
     * @throws IllegalArgumentException if {@code value} is not in the 3-7-7 digit form
     */
    public static AmazonOrderId of(String value) {
        return new AmazonOrderId(value);
    }

    /** Whether {@code value} is a well-formed order id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
