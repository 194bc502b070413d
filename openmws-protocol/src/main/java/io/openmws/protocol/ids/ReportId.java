package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * A {@code ReportId}: a generated report, fetched with GetReport (also sent as GeneratedReportId).
 *
 * <p>Real ones are decimal numbers ({@code 21175694446018424}). We accept 1 to 20 digits without a leading zero
 * and generate 17-digit ones, the length of the real ids.
 *
 * @param value the id, exactly as sent
 */
public record ReportId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile(NumericId.PATTERN);

    /** The number of digits of generated ids. */
    public static final int GENERATED_LENGTH = 17;

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public ReportId {
        IdFormat.require(FORMAT, value, "ReportId", NumericId.EXPECTED);
    }

    /**
     * Parses the id.
     *
     * @throws IllegalArgumentException if {@code value} is not a decimal number of 1 to 20 digits
     */
    public static ReportId of(String value) {
        return new ReportId(value);
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
