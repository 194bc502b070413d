package io.openmws.server.support;

import java.util.Locale;

/**
 * What the operator typed in the filter box of a list: a Seller ID, a Developer ID (with or without
 * dashes) or part of an email address. Each repository matches the parts it has; none of them is
 * ever pasted into SQL, only bound as parameters.
 *
 * @param sellerId        the text as a Seller ID would be stored (upper case)
 * @param developerDigits the text's digits when it reads as a Developer ID, else {@code null}
 * @param emailLike       a LIKE pattern (escape character {@code \}) for the text inside a normalized email
 */
public record ListFilter(String sellerId, String developerDigits, String emailLike) {

    /** The longest text the box takes; longer input is cut, which can only match less. */
    public static final int MAX_LENGTH = 254;

    /** No filter: every row. */
    public static final ListFilter NONE = new ListFilter(null, null, null);

    /** The filter for {@code text}; blank text is {@link #NONE}. */
    public static ListFilter of(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.strip();
        if (t.length() > MAX_LENGTH) {
            t = t.substring(0, MAX_LENGTH);
        }
        String digits = t.replace("-", "");
        String escaped = t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new ListFilter(t.toUpperCase(Locale.ROOT), digits.matches("\\d{12}") ? digits : null,
                "%" + escaped + "%");
    }

    public boolean none() {
        return sellerId == null;
    }
}
