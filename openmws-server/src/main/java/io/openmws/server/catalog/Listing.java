package io.openmws.server.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One offer of a seller in one marketplace, as other features see it.
 *
 * @param lastFeedRef the feed submission (its row id) that last changed the listing, or null
 */
public record Listing(String marketplaceId, String sku, String asin, String productIdType, String productId,
                      String title, String brand, String manufacturer, String description, List<String> bulletPoints,
                      String productTaxCode, String conditionType, String conditionNote, String currency,
                      BigDecimal price, BigDecimal salePrice, Instant saleStart, Instant saleEnd, Integer quantity,
                      Integer fulfillmentLatency, ListingStatus status, Long lastFeedRef, Instant createdAt,
                      Instant updatedAt) {

    public Listing {
        bulletPoints = List.copyOf(bulletPoints);
    }

    /**
     * What a buyer pays per unit at {@code now}: the sale price while {@code now} is within its dates
     * (from {@code saleStart} inclusive to {@code saleEnd} exclusive; an open end is open), else the
     * price.
     */
    public BigDecimal priceAt(Instant now) {
        boolean onSale = salePrice != null && (saleStart == null || !now.isBefore(saleStart))
                && (saleEnd == null || now.isBefore(saleEnd));
        return onSale ? salePrice : price;
    }

    static Listing of(ListingRow r) {
        return new Listing(r.marketplaceId, r.sku, r.asin, r.productIdType, r.productId, r.title, r.brand,
                r.manufacturer, r.description, Catalog.bullets(r.bulletPoints), r.productTaxCode, r.conditionType,
                r.conditionNote, r.currency, r.price, r.salePrice, r.saleStart, r.saleEnd, r.quantity,
                r.fulfillmentLatency, ListingStatus.valueOf(r.status), r.lastFeedRef, r.createdAt, r.updatedAt);
    }
}
