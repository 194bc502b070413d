package io.openmws.protocol.ids;

import java.util.regex.Pattern;

/** Shared checks for the identifier types; package-private so the formats stay with their types. */
final class IdFormat {

    private IdFormat() {
    }

    /** Whether {@code value} is non-null and matches {@code pattern} in full. */
    static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    /**
     * Checks {@code value} against {@code pattern}, failing with a message that names the identifier
     * and the expected format but never repeats the input (it may be a misplaced secret).
     */
    static String require(Pattern pattern, String value, String name, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing: expected " + expected);
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid " + name + ": expected " + expected);
        }
        return value;
    }
}
