package io.openmws.server.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Items of an order left the seller: one shipping confirmation. Published synchronously inside the
 * transaction that recorded the shipment, so what listens (Finances posts a {@code ShipmentEvent})
 * commits or rolls back with it and a resumed feed never posts twice.
 *
 * <p>The amounts are this shipment's share of each line: for a line shipped in parts, each part
 * gets {@code amount x quantity / ordered} rounded half-even to the currency's cents, and the part
 * that completes the line gets what is left, so the parts add up to the line exactly.
 *
 * @param shipmentRef the {@code order_shipment} row, unique per confirmation
 * @param postedAt    the platform time the confirmation was applied
 */
public record OrderShipped(long accountId, String amazonOrderId, String sellerOrderId, String marketplaceId,
                           String currency, long shipmentRef, Instant postedAt, List<Item> items) {

    /** One line's shipped part and its amounts (all positive, in {@code currency}). */
    public record Item(String orderItemId, String sku, int quantity, BigDecimal principal, BigDecimal shipping,
                       BigDecimal tax, BigDecimal shippingTax, BigDecimal promotionDiscount) {
    }

    public OrderShipped {
        items = List.copyOf(items);
    }
}
