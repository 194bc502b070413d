package io.openmws.server.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one feed message asks of one SKU, in every marketplace of its feed. A null component is a
 * value the message did not give. {@link Catalog#apply} applies a batch of them.
 *
 * @param messageId the feed's MessageID or flat-file row, for the rejection it may get
 */
public record ListingChange(long messageId, String sku, Kind kind, Product product, Offer offer) {

    public enum Kind {
        /** Creates the listing (matching or creating the product) or replaces its product data. */
        REPLACE_PRODUCT,
        /** Changes only the product data given; the SKU must exist. */
        PATCH_PRODUCT,
        /** Changes only the offer data given; the SKU must exist. */
        PATCH_OFFER,
        /** Creates the listing on an existing product (matched by product id), or changes the offer data given. */
        UPSERT_OFFER,
        /** Removes the listing; nothing happens when there is none. */
        DELETE
    }

    /**
     * Product data. {@code productIdType} is ASIN, ISBN, UPC, EAN, GTIN, ...; {@code bulletPoints}
     * null when not given.
     */
    public record Product(String productIdType, String productId, String title, String brand, String manufacturer,
                          String description, List<String> bulletPoints, String productTaxCode, String conditionType,
                          String conditionNote) {

        public static final Product NONE = new Product(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Offer data. {@code currency} null or {@code DEFAULT} means the marketplace's; any other must be
     * it. {@code clearSale} removes a sale price and its dates.
     */
    public record Offer(BigDecimal price, String currency, BigDecimal salePrice, Instant saleStart, Instant saleEnd,
                        boolean clearSale, Integer quantity, Integer fulfillmentLatency) {

        public static final Offer NONE = new Offer(null, null, null, null, null, false, null, null);
    }

    public ListingChange {
        product = product == null ? Product.NONE : product;
        offer = offer == null ? Offer.NONE : offer;
    }

    public static ListingChange delete(long messageId, String sku) {
        return new ListingChange(messageId, sku, Kind.DELETE, null, null);
    }
}
