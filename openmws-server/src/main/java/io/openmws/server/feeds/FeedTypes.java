package io.openmws.server.feeds;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The feed types SubmitFeed accepts (../shared/spec/mws-data-apis.md §2), each with its format. A type
 * outside this table is {@code InvalidFeedType}. Types the platform does not apply (yet) are still
 * accepted, stored and answered with a processing report that says what was not applied.
 */
public final class FeedTypes {

    /** How a feed's body is written. */
    public enum Format { XML, FLAT_FILE }

    /** The types whose messages change the catalog now. */
    public static final Set<String> CATALOG = Set.of("_POST_PRODUCT_DATA_", "_POST_INVENTORY_AVAILABILITY_DATA_",
            "_POST_PRODUCT_PRICING_DATA_", "_POST_FLAT_FILE_INVLOADER_DATA_",
            "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_");

    /** The order feeds: accepted now, applied by the orders feature. */
    public static final Set<String> ORDERS = Set.of("_POST_ORDER_ACKNOWLEDGEMENT_DATA_", "_POST_ORDER_FULFILLMENT_DATA_",
            "_POST_FLAT_FILE_FULFILLMENT_DATA_", "_POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA_");

    private static final Map<String, Format> ALL = new TreeMap<>();

    static {
        for (String xml : new String[] {"_POST_PRODUCT_DATA_", "_POST_PRODUCT_PRICING_DATA_",
                "_POST_INVENTORY_AVAILABILITY_DATA_", "_POST_PRODUCT_RELATIONSHIP_DATA_", "_POST_PRODUCT_IMAGE_DATA_",
                "_POST_PRODUCT_OVERRIDES_DATA_", "_POST_ORDER_ACKNOWLEDGEMENT_DATA_", "_POST_ORDER_FULFILLMENT_DATA_",
                "_POST_PAYMENT_ADJUSTMENT_DATA_"}) {
            ALL.put(xml, Format.XML);
        }
        for (String flat : new String[] {"_POST_FLAT_FILE_INVLOADER_DATA_",
                "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "_POST_FLAT_FILE_LISTINGS_DATA_",
                "_POST_FLAT_FILE_FULFILLMENT_DATA_", "_POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA_"}) {
            ALL.put(flat, Format.FLAT_FILE);
        }
    }

    private FeedTypes() {
    }

    /** The format of a known feed type; empty for a type SubmitFeed refuses. Names are case-sensitive. */
    public static Optional<Format> formatOf(String feedType) {
        return Optional.ofNullable(feedType == null ? null : ALL.get(feedType));
    }

    /** Every accepted type, sorted. */
    public static Set<String> all() {
        return ALL.keySet();
    }
}
