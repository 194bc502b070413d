package io.openmws.sdk;

import java.util.Objects;

/**
 * A promotion applied to an item in a financial event (Finances' {@code Promotion}): a discount the seller
 * funded, negative, or its adjustment in a refund.
 *
 * @param promotionType e.g. {@code PromotionMetaDataDefinitionValue}
 * @param promotionId the promotion's id
 * @param amount the amount
 */
public record Promotion(String promotionType, String promotionId, Money amount) {

    /** Checks that nothing is missing. */
    public Promotion {
        Objects.requireNonNull(promotionType, "promotionType");
        Objects.requireNonNull(promotionId, "promotionId");
        Objects.requireNonNull(amount, "amount");
    }
}
