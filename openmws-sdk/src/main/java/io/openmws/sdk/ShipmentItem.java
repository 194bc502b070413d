package io.openmws.sdk;

import java.util.List;
import java.util.Optional;

/**
 * One order line in a {@link ShipmentEvent} or a {@link RefundEvent} (Finances' {@code ShipmentItem}): the
 * charges, fees and promotions of the units shipped, or their adjustments when refunded.
 *
 * @param sellerSku the seller's SKU
 * @param orderItemId the order line, as in {@link OrderItem#orderItemId()}
 * @param orderAdjustmentItemId the refund line's own id (refunds)
 * @param quantityShipped units shipped (or refunded)
 * @param charges {@code ItemChargeList}
 * @param chargeAdjustments {@code ItemChargeAdjustmentList}
 * @param fees {@code ItemFeeList}
 * @param feeAdjustments {@code ItemFeeAdjustmentList}
 * @param promotions {@code PromotionList}
 * @param promotionAdjustments {@code PromotionAdjustmentList}
 */
public record ShipmentItem(Optional<String> sellerSku, Optional<String> orderItemId,
                           Optional<String> orderAdjustmentItemId, int quantityShipped, List<ChargeComponent> charges,
                           List<ChargeComponent> chargeAdjustments, List<FeeComponent> fees,
                           List<FeeComponent> feeAdjustments, List<Promotion> promotions,
                           List<Promotion> promotionAdjustments) {

    /** Copies the lists. */
    public ShipmentItem {
        charges = List.copyOf(charges);
        chargeAdjustments = List.copyOf(chargeAdjustments);
        fees = List.copyOf(fees);
        feeAdjustments = List.copyOf(feeAdjustments);
        promotions = List.copyOf(promotions);
        promotionAdjustments = List.copyOf(promotionAdjustments);
    }
}
