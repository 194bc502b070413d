package io.openmws.sdk;

import java.util.Optional;

/** How the buyer paid, as {@code ListOrders} filters and {@code Order} reports it (spec §4.1). */
public enum PaymentMethod {
    /** Cash on delivery. */
    COD("COD"),
    /** Convenience store (JP). */
    CVS("CVS"),
    /** Any other method, e.g. a card. */
    OTHER("Other");

    private final String wireValue;

    PaymentMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as MWS writes it. */
    public String wireValue() {
        return wireValue;
    }

    /** The method of a wire value; empty for one MWS does not document. */
    public static Optional<PaymentMethod> ofWireValue(String value) {
        for (PaymentMethod m : values()) {
            if (m.wireValue.equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
