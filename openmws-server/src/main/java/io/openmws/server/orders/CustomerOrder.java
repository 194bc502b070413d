package io.openmws.server.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order as the orders feature keeps it, with its lines in order: what the sandbox answers after
 * placing, canceling or refunding. Money is in {@code currency}, the marketplace's.
 *
 * @param status      {@code Pending}, {@code Unshipped}, {@code PartiallyShipped}, {@code Shipped} or
 *                    {@code Canceled}
 * @param canceledBy  {@link Canceler} name, or null while not canceled
 */
public record CustomerOrder(long accountId, String amazonOrderId, String sellerOrderId, String marketplaceId,
                            String status, String fulfillmentChannel, String salesChannel, String shipServiceLevel,
                            String shipmentServiceLevelCategory, String buyerName, String buyerEmail,
                            Address shippingAddress, String currency, BigDecimal orderTotal, int itemsShipped,
                            int itemsUnshipped, Instant purchaseDate, Instant pendingUntil, Instant lastUpdateDate,
                            Instant earliestShipDate, Instant latestShipDate, Instant earliestDeliveryDate,
                            Instant latestDeliveryDate, Instant canceledAt, String cancelReason, String canceledBy,
                            List<Item> items) {

    /** One line; the amounts are line totals (unit price x quantity, and so on). */
    public record Item(String orderItemId, String sku, String asin, String title, String conditionType,
                       int quantityOrdered, int quantityShipped, BigDecimal unitPrice, BigDecimal itemPrice,
                       BigDecimal shippingPrice, BigDecimal itemTax, BigDecimal shippingTax,
                       BigDecimal promotionDiscount) {}

    public CustomerOrder {
        items = List.copyOf(items);
    }
}
