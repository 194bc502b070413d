package io.openmws.protocol.params;

import io.openmws.protocol.signature.CanonicalQuery;
import io.openmws.protocol.signature.PercentEncoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The decoded parameters of one MWS request: unique names, each with one value, kept in canonical
 * order ({@link CanonicalQuery#NAME_ORDER}, UTF-8 byte order), so {@link #asMap()} can be handed to
 * the signer or verifier without re-sorting.
 *
 * <p><b>Duplicated names are refused</b> with {@link InvalidParametersException} (reason
 * {@link InvalidParametersException.Reason#DUPLICATE_PARAMETER}), whether both occurrences come from
 * the query string, the body, or one from each, and even when the values agree: the canonical query
 * of Signature Version 2 assumes unique names, so any choice between two values could make the
 * server verify something other than what the client meant.
 *
 * <p>Immutable. {@link #toString()} masks {@code MWSAuthToken} and {@code Signature}.
 */
public final class MwsParameters {

    private static final MwsParameters EMPTY = new MwsParameters(new TreeMap<>(CanonicalQuery.NAME_ORDER));
    private static final Set<String> MASKED = Set.of("MWSAuthToken", "Signature");

    private final SortedMap<String, String> values;

    private MwsParameters(TreeMap<String, String> sorted) {
        this.values = Collections.unmodifiableSortedMap(sorted);
    }

    /** No parameters. */
    public static MwsParameters empty() {
        return EMPTY;
    }

    /**
     * Parameters with the given decoded names and values.
     *
     * @param parameters names and values; none null
     * @return the parameters
     */
    public static MwsParameters of(Map<String, String> parameters) {
        Builder b = builder();
        parameters.forEach(b::add);
        return b.build();
    }

    /** A builder that refuses duplicated names. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a parameter.
     *
     * @param name the decoded name, case-sensitive
     * @return the value, possibly empty text; empty when absent
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Whether the parameter is present (possibly with an empty value). */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The number of parameters. */
    public int size() {
        return values.size();
    }

    /** Whether there are no parameters. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** All names, in canonical order. */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * All parameters as an unmodifiable map sorted by {@link CanonicalQuery#NAME_ORDER}: pass it to
     * {@code RequestSigner} or {@code SignatureVerifier}.
     */
    public SortedMap<String, String> asMap() {
        return values;
    }

    /**
     * The values of a numbered list parameter ({@code docs/protocol.md} §2), ordered by numeric index:
     * {@code list("MarketplaceId.Id")} reads {@code MarketplaceId.Id.1}, {@code .2}, ..., {@code .10}.
     * A bare {@code MarketplaceId.Id} (no index, sent by some clients for one element, §13) counts as
     * index 1. Gaps are skipped; names whose suffix is not a positive decimal without leading zeros
     * (e.g. {@code .0}, {@code .01}, {@code .1.SellerSKU}) are not list elements.
     *
     * @param prefix the list name without the trailing {@code .N}
     * @return the values by index, empty when the list is absent
     * @throws InvalidParametersException when both the bare name and index 1 are present
     */
    public List<String> list(String prefix) {
        String bare = values.get(prefix);
        String dotted = prefix + '.';
        // '/' follows '.' in every ordering used here, so this is exactly the names starting with "prefix."
        SortedMap<String, String> candidates = values.subMap(dotted, prefix + '/');
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : candidates.entrySet()) {
            int index = parseIndex(e.getKey(), dotted.length());
            if (index > 0) {
                byIndex.put(index, e.getValue());
            }
        }
        if (bare != null) {
            if (byIndex.containsKey(1)) {
                throw new InvalidParametersException(InvalidParametersException.Reason.AMBIGUOUS_LIST, prefix,
                        "Both " + prefix + " and " + prefix + ".1 are present; send list elements as "
                                + prefix + ".1, " + prefix + ".2, ...", null);
            }
            byIndex.put(1, bare);
        }
        return List.copyOf(byIndex.values());
    }

    private static int parseIndex(String name, int from) {
        int n = name.length();
        if (from >= n || name.charAt(from) == '0' || n - from > 9) {
            return -1;
        }
        int index = 0;
        for (int i = from; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /**
     * These parameters with one more, or one replaced.
     *
     * @param name the decoded name
     * @param value the decoded value
     * @return new parameters
     */
    public MwsParameters with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, () -> "value of " + name));
        return new MwsParameters(copy);
    }

    /**
     * These parameters without one.
     *
     * @param name the name to remove
     * @return new parameters (this instance when the name was absent)
     */
    public MwsParameters without(String name) {
        if (!values.containsKey(name)) {
            return this;
        }
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.remove(name);
        return new MwsParameters(copy);
    }

    /**
     * The parameters encoded for the wire: {@code name=value} pairs, RFC 3986, in canonical order,
     * joined by {@code &}. Usable as a query string or an {@code application/x-www-form-urlencoded} body.
     */
    public String toQueryString() {
        StringBuilder sb = new StringBuilder(values.size() * 32);
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            PercentEncoding.appendEncoded(sb, e.getKey());
            sb.append('=');
            PercentEncoding.appendEncoded(sb, e.getValue());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MwsParameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Names and values, with {@code MWSAuthToken} and {@code Signature} masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MwsParameters{");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=');
            sb.append(MASKED.contains(e.getKey()) && !e.getValue().isEmpty() ? "****" : e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Collects parameters, refusing a duplicated name. Not thread-safe. */
    public static final class Builder {

        private final TreeMap<String, String> values = new TreeMap<>(CanonicalQuery.NAME_ORDER);

        private Builder() {
        }

        /**
         * Adds a parameter.
         *
         * @param name the decoded name
         * @param value the decoded value (may be empty)
         * @return this builder
         * @throws InvalidParametersException when the name was already added
         */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "value of " + name);
            if (values.putIfAbsent(name, value) != null) {
                throw new InvalidParametersException(InvalidParametersException.Reason.DUPLICATE_PARAMETER, name,
                        "The parameter " + name + " is given more than once; send each parameter once "
                                + "(in the query string or the form body, not both)", null);
            }
            return this;
        }

        /** The parameters collected so far. */
        public MwsParameters build() {
            return values.isEmpty() ? EMPTY : new MwsParameters(new TreeMap<>(values));
        }
    }
}
