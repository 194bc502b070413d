package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * A {@code ReportRequestId}: the id RequestReport returns, which names the request until a report is generated.
 *
 * <p>Real ones are decimal numbers ({@code 51781018424}). We accept 1 to 20 digits without a leading zero
 * and generate 11-digit ones, the length of the real ids.
 *
 * @param value the id, exactly as sent
 */
public record ReportRequestId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile(NumericId.PATTERN);

    /** The number of digits of generated ids. */
    public static final int GENERATED_LENGTH = 11;

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public ReportRequestId {
        IdFormat.require(FORMAT, value, "ReportRequestId", NumericId.EXPECTED);
    }

    /**
     * Parses the id.
     *
     * @throws IllegalArgumentException if {@code value} is not a decimal number of 1 to 20 digits
     */
    public static ReportRequestId of(String value) {
        return new ReportRequestId(value);
    }

    /** Whether {@code value} is a well-formed id; false for {@code null}. */
    public static boolean isValid(String value) {
        return IdFormat.matches(FORMAT, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
