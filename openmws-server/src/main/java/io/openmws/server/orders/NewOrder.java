package io.openmws.server.orders;

import java.time.Instant;
import java.util.List;

/**
 * What a simulated buyer orders from one seller in one marketplace. Every component but
 * {@code marketplaceId} and {@code items} may be null: the buyer, the address and the dates are then
 * made up ({@link Orders#place}).
 *
 * @param fulfillmentChannel        {@code MFN} (the only one the sandbox's buyers order) or null
 * @param shipmentServiceLevelCategory {@code Standard} (default), {@code Expedited}, {@code SecondDay} or
 *                                  {@code NextDay}: decides shipping price and delivery dates
 * @param purchaseDate              when the buyer ordered, not after now; null for now
 */
public record NewOrder(String marketplaceId, List<Line> items, Buyer buyer, Address shippingAddress,
                       String fulfillmentChannel, String shipmentServiceLevelCategory, Instant purchaseDate) {

    /** A quantity of one SKU. */
    public record Line(String sku, int quantity) {}

    /** The buyer's name and (anonymized) email address; either may be null. */
    public record Buyer(String name, String email) {}

    public NewOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
