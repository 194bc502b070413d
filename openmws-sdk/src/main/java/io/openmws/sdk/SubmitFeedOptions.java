package io.openmws.sdk;

import io.openmws.protocol.Text;
import io.openmws.protocol.ids.MarketplaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to submit a feed, beyond its type and bytes: the marketplaces it applies to (by default the
 * {@link SellerAccess}'s), {@code PurgeAndReplace}, and the body's {@code Content-Type}.
 *
 * <pre>{@code
 * SubmitFeedOptions.builder().marketplaceIds("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2").build();
 * SubmitFeedOptions.builder().contentType("text/tab-separated-values; charset=iso-8859-1").build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class SubmitFeedOptions {

    private static final SubmitFeedOptions DEFAULTS = builder().build();

    private final List<String> marketplaceIds;
    private final boolean purgeAndReplace;
    private final String contentType;

    private SubmitFeedOptions(Builder b) {
        this.marketplaceIds = b.marketplaceIds;
        this.purgeAndReplace = b.purgeAndReplace;
        this.contentType = b.contentType;
    }

    /** The seller access's marketplaces, no purge, the Content-Type of the feed type. */
    public static SubmitFeedOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The marketplaces (1 to 5); empty for the {@link SellerAccess#marketplaceIds()} of the call. */
    public List<String> marketplaceIds() {
        return marketplaceIds;
    }

    /** Whether the feed replaces the seller's whole catalog ({@code PurgeAndReplace=true}). */
    public boolean purgeAndReplace() {
        return purgeAndReplace;
    }

    /** The body's Content-Type; empty for the feed type's ({@link #defaultContentType(String)}). */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * The Content-Type sent when none is given: {@code text/tab-separated-values} (no charset: the endpoint
     * then tells UTF-8 from ISO-8859-1 itself) for flat files, whose types contain {@code _FLAT_FILE_};
     * {@code text/xml} for the other {@code _POST_} types, which are XML; {@code application/octet-stream}
     * for anything else.
     *
     * @param feedType the feed type
     * @return the Content-Type
     */
    public static String defaultContentType(String feedType) {
        if (feedType.contains("_FLAT_FILE_")) {
            return "text/tab-separated-values";
        }
        return feedType.startsWith("_POST_") ? "text/xml" : "application/octet-stream";
    }

    @Override
    public String toString() {
        return "SubmitFeedOptions[marketplaceIds=" + (marketplaceIds.isEmpty() ? "the seller access's" : marketplaceIds)
                + ", purgeAndReplace=" + purgeAndReplace + ", contentType=" + (contentType == null ? "by feed type" : contentType)
                + "]";
    }

    /** Collects the options. Not thread-safe. */
    public static final class Builder {
        private List<String> marketplaceIds = List.of();
        private boolean purgeAndReplace;
        private String contentType;

        private Builder() {
        }

        /** The marketplaces the feed applies to, 1 to 5. */
        public Builder marketplaceIds(String... marketplaceIds) {
            return marketplaceIds(List.of(marketplaceIds));
        }

        /** The marketplaces the feed applies to, 1 to 5. */
        public Builder marketplaceIds(Collection<String> marketplaceIds) {
            this.marketplaceIds = checkMarketplaces(marketplaceIds, "A feed");
            return this;
        }

        /**
         * Whether the feed replaces the seller's whole catalog in its marketplaces: listings the feed does not
         * name are deleted. MWS asks to use it rarely (at most once a day).
         */
        public Builder purgeAndReplace(boolean purgeAndReplace) {
            this.purgeAndReplace = purgeAndReplace;
            return this;
        }

        /** The body's Content-Type, e.g. {@code text/tab-separated-values; charset=iso-8859-1}. */
        public Builder contentType(String contentType) {
            Objects.requireNonNull(contentType, "contentType");
            if (contentType.isBlank() || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("'" + Text.abbreviate(contentType, 60) + "' is not a Content-Type");
            }
            this.contentType = contentType;
            return this;
        }

        /** The options. */
        public SubmitFeedOptions build() {
            return new SubmitFeedOptions(this);
        }
    }

    /** 1 to 5 distinct well-formed marketplace ids, in order; {@code what} names the thing they are for. */
    static List<String> checkMarketplaces(Collection<String> marketplaceIds, String what) {
        if (marketplaceIds.isEmpty() || marketplaceIds.size() > SellerAccess.MAX_MARKETPLACES) {
            throw new IllegalArgumentException(what + " applies to 1 to " + SellerAccess.MAX_MARKETPLACES
                    + " marketplaces; " + marketplaceIds.size() + " were given");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : marketplaceIds) {
            if (!MarketplaceId.isValid(id)) {
                throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(id), 30) + "' is not a"
                        + " marketplace id, e.g. ATVPDKIKX0DER (Amazon.com)");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("Marketplace " + id + " is given twice; name each marketplace once");
            }
        }
        return List.copyOf(new ArrayList<>(seen));
    }
}
