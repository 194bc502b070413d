package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * An order item id ({@code OrderItemId}, {@code AmazonOrderItemCode} in feeds): exactly 14 digits.
 *
 * @param value the item id, exactly as sent
 */
public record OrderItemId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile("[0-9]{14}");

    private static final String EXPECTED = "14 digits";

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public OrderItemId {
        IdFormat.require(FORMAT, value, "OrderItemId", EXPECTED);
    }

    /**
     * Parses an order item id.
     *
     * @throws IllegalArgumentException if {@code value} is not 14 digits
     */
    public static OrderItemId of(String value) {
        return new OrderItemId(value);
    }

    /** Whether {@code value} is a well-formed order item id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
