package io.openmws.sdk;

import java.util.Objects;

/**
 * One charge in a financial event (Finances' {@code ChargeComponent}): what the buyer paid the seller for,
 * positive, or its adjustment, negative in a refund.
 *
 * @param chargeType {@code Principal}, {@code Tax}, {@code ShippingCharge}, {@code ShippingTax},
 *     {@code GiftWrap}, ...
 * @param amount the amount
 */
public record ChargeComponent(String chargeType, Money amount) {

    /** Checks that nothing is missing. */
    public ChargeComponent {
        Objects.requireNonNull(chargeType, "chargeType");
        Objects.requireNonNull(amount, "amount");
    }
}
