package io.openmws.server.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Money went back to the buyer for items that had shipped (and so had been charged): a return the
 * sandbox's buyer asked for. Published synchronously inside the transaction that recorded it, like
 * {@link OrderShipped}; Finances posts a {@code RefundEvent}.
 *
 * @param refundRef a number unique per refund, so a listener can tell a repeat from a new refund
 * @param postedAt  the platform time of the refund
 */
public record OrderRefunded(long accountId, String amazonOrderId, String sellerOrderId, String marketplaceId,
                            String currency, long refundRef, Instant postedAt, String reason, List<Item> items) {

    /** One line's refunded part and its amounts (all positive: what went back to the buyer). */
    public record Item(String orderItemId, String sku, int quantity, BigDecimal principal, BigDecimal shipping,
                       BigDecimal tax, BigDecimal shippingTax) {
    }

    public OrderRefunded {
        items = List.copyOf(items);
    }
}
