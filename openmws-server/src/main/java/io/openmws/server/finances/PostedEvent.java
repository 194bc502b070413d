package io.openmws.server.finances;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One financial event as stored and shown: a {@code ShipmentEvent} in {@code ShipmentEventList}, or
 * one in {@code RefundEventList} whose items are adjustments.
 *
 * @param amount the sum of every component of every item, exactly
 */
record PostedEvent(long id, String type, String amazonOrderId, String sellerOrderId, String marketplaceName,
                   String currency, Instant postedDate, BigDecimal amount, List<Item> items) {

    static final String SHIPMENT = "ShipmentEvent";
    static final String REFUND = "RefundEvent";

    PostedEvent {
        items = List.copyOf(items);
    }

    boolean refund() {
        return REFUND.equals(type);
    }

    /** One {@code ShipmentItem}; {@code orderAdjustmentItemId} only on refunds. */
    record Item(String sellerSku, String orderItemId, String orderAdjustmentItemId, int quantity,
                List<Component> components) {
        Item {
            components = List.copyOf(components);
        }
    }

    /**
     * One charge ({@code Charge}), fee ({@code Fee}) or promotion ({@code Promotion}), signed as the
     * seller sees it: credits positive, debits negative.
     */
    record Component(String kind, String type, String promotionId, BigDecimal amount) {
        static final String CHARGE = "Charge";
        static final String FEE = "Fee";
        static final String PROMOTION = "Promotion";
    }
}
