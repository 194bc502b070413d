package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * An MWS Developer ID: 12 digits, shown to people as {@code 1234-5678-9012}.
 *
 * <p>{@link #of(String)} accepts the plain and the dashed form (dashes only after the 4th and 8th
 * digit); both give equal values. {@link #toString()} renders the dashed form.
 *
 * @param digits the 12 digits, without dashes
 */
public record DeveloperId(String digits) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{12}");
    private static final Pattern ACCEPTED = Pattern.compile("[0-9]{12}|[0-9]{4}-[0-9]{4}-[0-9]{4}");
    private static final String EXPECTED = "12 digits, plain or as 1234-5678-9012";

    /** Validates the 12 plain digits; prefer {@link #of(String)}, which also takes the dashed form. */
    public DeveloperId {
        IdFormat.require(DIGITS, digits, "Developer ID", "12 digits without dashes");
    }

    /**
     * Parses a Developer ID written as {@code 123456789012} or {@code 1234-5678-9012}.
     *
     * @throws IllegalArgumentException if {@code value} is in neither form
     */
    public static DeveloperId of(String value) {
        IdFormat.require(ACCEPTED, value, "Developer ID", EXPECTED);
        return new DeveloperId(value.replace("-", ""));
    }

    /** Whether {@code value} is a Developer ID in the plain or the dashed form; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(ACCEPTED, value);
    }

    /** The dashed form, {@code 1234-5678-9012}, as Seller Central shows it. */
    public String formatted() {
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    }

    /** The dashed form; see {@link #formatted()}. */
    @Override
    public String toString() {
        return formatted();
    }
}
