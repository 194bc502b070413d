package io.openmws.sdk;

import java.util.Optional;

/**
 * Where an order stands (spec §4.5), with the spelling MWS uses on the wire ({@code Canceled}, American).
 * A {@link ListOrdersRequest} filters by these; every {@link Order} has one.
 */
public enum OrderStatus {
    /** A pre-order whose release date is still ahead (JP only). */
    PENDING_AVAILABILITY("PendingAvailability"),
    /** Placed, payment not yet authorized: buyer, address and total are not shown yet. */
    PENDING("Pending"),
    /** Paid, nothing shipped. */
    UNSHIPPED("Unshipped"),
    /** Some items shipped. */
    PARTIALLY_SHIPPED("PartiallyShipped"),
    /** Every item shipped. */
    SHIPPED("Shipped"),
    /** Shipped, invoice not confirmed (China). */
    INVOICE_UNCONFIRMED("InvoiceUnconfirmed"),
    /** Cancelled by the seller or the buyer. */
    CANCELED("Canceled"),
    /** A multi-channel order Amazon could not fulfil. */
    UNFULFILLABLE("Unfulfillable");

    private final String wireValue;

    OrderStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as MWS writes it, e.g. {@code PartiallyShipped}. */
    public String wireValue() {
        return wireValue;
    }

    /** The status of a wire value; empty for one MWS does not document. */
    public static Optional<OrderStatus> ofWireValue(String value) {
        for (OrderStatus s : values()) {
            if (s.wireValue.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
