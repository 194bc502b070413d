package io.openmws.server.orders;

import java.time.Instant;
import java.util.List;

/**
 * One message of an order feed as the feeds feature read and checked it (../shared/spec/mws-data-apis.md
 * §2.4-§2.6), for {@link OrderFulfillments} to apply: the feeds feature knows the file formats, this
 * feature knows the orders. The values are already within their formats' limits; whether the order and
 * its items exist, belong to the seller and can take the change is decided when applied.
 */
public sealed interface OrderFeedMessage {

    /** The feed's MessageID, or the 1-based data row of a flat file. */
    long messageId();

    /** The order as the message names it: its AmazonOrderID, or null when named by MerchantOrderID. */
    String amazonOrderId();

    /** The seller's own order id: how a shipment may name the order, what a Success acknowledgement records. */
    String merchantOrderId();

    /**
     * A shipping confirmation: an {@code OrderFulfillment} message or a fulfillment flat-file row.
     *
     * @param lines the items shipped; empty means every unit of the order not shipped yet
     */
    record Shipment(long messageId, String amazonOrderId, String merchantOrderId, String merchantFulfillmentId,
                    Instant shipDate, String carrierCode, String carrierName, String shippingMethod,
                    String trackingNumber, List<Line> lines) implements OrderFeedMessage {

        public Shipment {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One item of a shipment, named by its AmazonOrderItemCode or by the MerchantOrderItemID an
     * acknowledgement gave it.
     *
     * @param quantity the units shipped; null means every unit of the item not shipped yet
     */
    record Line(String orderItemId, String merchantOrderItemId, Integer quantity) {
    }

    /**
     * An {@code OrderAcknowledgement} message, or a row of the flat order acknowledgement (order
     * cancellation) file, which is always a Failure.
     *
     * @param success {@code StatusCode} Success (the seller took the order: its ids are recorded) or Failure
     *                (the seller cannot fill it: the order is canceled)
     */
    record Acknowledgement(long messageId, String amazonOrderId, String merchantOrderId, boolean success,
                           List<AcknowledgedItem> items) implements OrderFeedMessage {

        public Acknowledgement {
            items = List.copyOf(items);
        }
    }

    /** An acknowledged item: the seller's id for it, and on a Failure why it cannot be filled. */
    record AcknowledgedItem(String orderItemId, String merchantOrderItemId, String cancelReason) {
    }
}
