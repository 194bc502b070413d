package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/**
 * A {@code FeedSubmissionId}: the id SubmitFeed returns, which names a feed in the other Feeds operations.
 *
 * <p>Real ones are decimal numbers ({@code 51793018437}). We accept 1 to 20 digits without a leading zero
 * and generate 11-digit ones, the length of the real ids.
 *
 * @param value the id, exactly as sent
 */
public record FeedSubmissionId(String value) {

    /** The accepted format, as regular expression. */
    public static final Pattern FORMAT = Pattern.compile(NumericId.PATTERN);

    /** The number of digits of generated ids. */
    public static final int GENERATED_LENGTH = 11;

    /** Validates {@code value}; prefer {@link #of(String)}. */
    public FeedSubmissionId {
        IdFormat.require(FORMAT, value, "FeedSubmissionId", NumericId.EXPECTED);
    }

    /**
     * Parses the id.
     *
     * @throws IllegalArgumentException if {@code value} is not a decimal number of 1 to 20 digits
     */
    public static FeedSubmissionId of(String value) {
        return new FeedSubmissionId(value);
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
