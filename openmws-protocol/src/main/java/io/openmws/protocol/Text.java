package io.openmws.protocol;

/** Text as it is echoed back to people: in error messages, logs and pages. */
public final class Text {

    private Text() {}

    /**
     * A value cut to at most {@code max} characters, ending in {@code ...} when it was cut, so that a
     * client's 10,000-character parameter cannot flood an error message or a log line.
     *
     * @param value the value, or null (which gives the empty string)
     * @param max   the longest result, at least 4
     * @return the value, or its start followed by {@code ...}
     */
    public static String abbreviate(String value, int max) {
        if (max < 4) {
            throw new IllegalArgumentException("max must be at least 4, was " + max);
        }
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
