package io.openmws.protocol.signature;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The canonicalized query string of Signature Version 2 ({@code docs/protocol.md} §3.1): every decoded
 * parameter except {@code Signature}, sorted by the UTF-8 byte order of its name, written as
 * {@code name=value} with both sides {@linkplain PercentEncoding#encode(String) RFC 3986 encoded}
 * (the {@code =} is kept for empty values), joined by {@code &}.
 *
 * <p>The order is case-sensitive: {@code MWSAuthToken < Marketplace < MarketplaceId.Id.10 <
 * MarketplaceId.Id.2 < Merchant}. A map sorted by {@link #NAME_ORDER} is read in place; any other map
 * is sorted first.
 */
public final class CanonicalQuery {

    /** The name of the parameter that carries the signature and is therefore never signed. */
    public static final String SIGNATURE = "Signature";

    /**
     * Orders parameter names by the bytes of their UTF-8 form, which is the same as Unicode code point
     * order. (Plain {@link String#compareTo} differs for characters above U+E000 versus supplementary
     * characters.)
     */
    public static final Comparator<String> NAME_ORDER = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            return compareNames(a, b);
        }

        @Override
        public String toString() {
            return "CanonicalQuery.NAME_ORDER (UTF-8 byte order)";
        }
    };

    private CanonicalQuery() {
    }

    /**
     * Compares two names in UTF-8 byte order.
     *
     * @param a a name
     * @param b another name
     * @return negative, zero or positive as {@code a} sorts before, with, or after {@code b}
     */
    public static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return fixup(ca) - fixup(cb);
            }
        }
        return a.length() - b.length();
    }

    // Moves surrogates above U+E000..U+FFFF so UTF-16 units compare in code point order (as ICU does).
    private static int fixup(char c) {
        if (c >= 0xD800) {
            return c >= 0xE000 ? c - 0x800 : c + 0x2000;
        }
        return c;
    }

    /**
     * Builds the canonical query string.
     *
     * @param parameters decoded parameters; a {@code Signature} entry is ignored
     * @return the canonical query, e.g. {@code AWSAccessKeyId=AKIA...&Action=ListOrders&...}
     * @throws NullPointerException if a name or value is null
     * @throws IllegalArgumentException if a name or value holds a lone surrogate
     */
    public static String of(Map<String, String> parameters) {
        ByteSink sink = new ByteSink(256);
        appendTo(sink, parameters);
        return sink.asString();
    }

    @SuppressWarnings("unchecked")
    static void appendTo(ByteSink sink, Map<String, String> parameters) {
        boolean first = true;
        if (parameters instanceof SortedMap<?, ?> sorted && sorted.comparator() == NAME_ORDER) {
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                first = appendPair(sink, e.getKey(), e.getValue(), first);
            }
            return;
        }
        Map.Entry<String, String>[] entries = parameters.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(entries, (x, y) -> compareNames(x.getKey(), y.getKey()));
        for (Map.Entry<String, String> e : entries) {
            first = appendPair(sink, e.getKey(), e.getValue(), first);
        }
    }

    private static boolean appendPair(ByteSink sink, String name, String value, boolean first) {
        Objects.requireNonNull(name, "parameter name");
        if (SIGNATURE.equals(name)) {
            return first;
        }
        Objects.requireNonNull(value, () -> "value of parameter " + name);
        if (!first) {
            sink.put((byte) '&');
        }
        PercentEncoding.appendEncoded(sink, name);
        sink.put((byte) '=');
        PercentEncoding.appendEncoded(sink, value);
        return false;
    }
}
