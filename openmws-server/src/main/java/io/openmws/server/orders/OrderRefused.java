package io.openmws.server.orders;

import io.openmws.server.support.Refusal;

/**
 * Why an order could not be placed, canceled or refunded, or a generator not set. The sandbox control
 * API turns it into its JSON error by {@link Refusal#kind()}; the order feeds turn {@link #reason()}
 * into a processing report's result.
 */
public final class OrderRefused extends Refusal {

    private final Reason reason;

    /** @param args the message's arguments: the ids, SKUs and numbers the caller sent */
    OrderRefused(Reason reason, Object... args) {
        super(reason.kind, "orders.refused." + reason.key, reason.field, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The refusals, each with its message {@code orders.refused.<key>}. */
    public enum Reason {
        /** No active seller account has the Seller ID (sandbox). */
        NO_SUCH_SELLER(Kind.NOT_FOUND, "noSuchSeller", null),
        /** The seller has no order with that AmazonOrderId. */
        NOT_FOUND(Kind.NOT_FOUND, "notFound", null),
        /** Something shipped already: only a refund (a return) gives money back now. */
        ALREADY_SHIPPED(Kind.CONFLICT, "alreadyShipped", null),
        ALREADY_CANCELED(Kind.CONFLICT, "alreadyCanceled", null),
        /** The cancel reason is not one of the OrderAcknowledgement's CancelReason values. */
        INVALID_REASON(Kind.INVALID, "invalidReason", "reason"),
        UNKNOWN_MARKETPLACE(Kind.INVALID, "unknownMarketplace", "marketplaceId"),
        /** A retail marketplace the seller does not sell in. */
        NOT_SELLING_THERE(Kind.INVALID, "notSellingThere", "marketplaceId"),
        NO_ITEMS(Kind.INVALID, "noItems", "items"),
        TOO_MANY_ITEMS(Kind.INVALID, "tooManyItems", "items"),
        INVALID_SKU(Kind.INVALID, "invalidSku", "items"),
        DUPLICATE_SKU(Kind.INVALID, "duplicateSku", "items"),
        INVALID_QUANTITY(Kind.INVALID, "invalidQuantity", "items"),
        /** The seller has no listing of the SKU in the marketplace. */
        UNKNOWN_SKU(Kind.CONFLICT, "unknownSku", null),
        /** The listing was made in staging mode: recorded, not for sale. */
        STAGED_SKU(Kind.CONFLICT, "stagedSku", null),
        /** The listing has no price or no quantity. */
        INCOMPLETE_SKU(Kind.CONFLICT, "incompleteSku", null),
        /** Sold out. */
        INACTIVE_SKU(Kind.CONFLICT, "inactiveSku", null),
        /** Fewer units than asked; the arguments are the SKU, the units asked and the units left. */
        NOT_ENOUGH_STOCK(Kind.CONFLICT, "notEnoughStock", null),
        UNSUPPORTED_CHANNEL(Kind.INVALID, "unsupportedChannel", "fulfillmentChannel"),
        INVALID_SERVICE_LEVEL(Kind.INVALID, "invalidServiceLevel", "shipServiceLevel"),
        FUTURE_PURCHASE(Kind.INVALID, "futurePurchase", "purchaseDate"),
        INVALID_BUYER(Kind.INVALID, "invalidBuyer", "buyer"),
        INVALID_ADDRESS(Kind.INVALID, "invalidAddress", "shippingAddress"),
        /** A refund names an order item that is not in the order. */
        UNKNOWN_ITEM(Kind.INVALID, "unknownItem", "items"),
        /** A refund asks for more units of a line than shipped and not refunded yet. */
        MORE_THAN_SHIPPED(Kind.CONFLICT, "moreThanShipped", null),
        /** Nothing of the order shipped, or everything shipped was refunded already. */
        NOTHING_TO_REFUND(Kind.CONFLICT, "nothingToRefund", null),
        INVALID_RATE(Kind.INVALID, "invalidRate", "perHour");

        private final Kind kind;
        private final String key;
        private final String field;

        Reason(Kind kind, String key, String field) {
            this.kind = kind;
            this.key = key;
            this.field = field;
        }
    }
}
