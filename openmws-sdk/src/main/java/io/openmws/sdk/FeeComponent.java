package io.openmws.sdk;

import java.util.Objects;

/**
 * One fee in a financial event (Finances' {@code FeeComponent}): what Amazon charged the seller, negative, or
 * what it gave back, positive.
 *
 * @param feeType {@code Commission}, {@code FixedClosingFee}, {@code VariableClosingFee},
 *     {@code RefundCommission}, ...
 * @param amount the amount
 */
public record FeeComponent(String feeType, Money amount) {

    /** Checks that nothing is missing. */
    public FeeComponent {
        Objects.requireNonNull(feeType, "feeType");
        Objects.requireNonNull(amount, "amount");
    }
}
