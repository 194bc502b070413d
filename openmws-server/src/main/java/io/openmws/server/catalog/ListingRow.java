package io.openmws.server.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** One listing row as a batch of changes works on it, before it is written back. */
final class ListingRow {

    long id;
    String marketplaceId;
    String sku;
    String asin;
    String productIdType;
    String productId;
    String title;
    String brand;
    String manufacturer;
    String description;
    String bulletPoints;
    String productTaxCode;
    String conditionType;
    String conditionNote;
    String currency;
    BigDecimal price;
    BigDecimal salePrice;
    Instant saleStart;
    Instant saleEnd;
    Integer quantity;
    Integer fulfillmentLatency;
    String status;
    Long lastFeedRef;
    Instant createdAt;
    Instant updatedAt;

    /** Whether the row is in the table now (id != 0) and the batch deleted it. */
    boolean deleted;
    /** Whether the batch changed the row. */
    boolean dirty;

    boolean present() {
        return !deleted;
    }
}
