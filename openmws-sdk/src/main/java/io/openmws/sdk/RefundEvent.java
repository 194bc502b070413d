package io.openmws.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Money given back to the buyer (Finances' {@code ShipmentEvent} in {@code RefundEventList}): a cancellation
 * or return after the buyer was charged. Its lines are adjustments: charges negative (the seller returns
 * them), fees positive (Amazon returns its commission) or negative ({@code RefundCommission}).
 *
 * @param amazonOrderId the order
 * @param sellerOrderId the seller's id for the order
 * @param marketplaceName e.g. {@code Amazon.com}
 * @param postedDate when it was posted
 * @param orderChargeAdjustments {@code OrderChargeAdjustmentList}
 * @param shipmentFeeAdjustments {@code ShipmentFeeAdjustmentList}
 * @param orderFeeAdjustments {@code OrderFeeAdjustmentList}
 * @param items {@code ShipmentItemAdjustmentList}: the refunded lines, with their adjustments
 */
public record RefundEvent(String amazonOrderId, Optional<String> sellerOrderId, Optional<String> marketplaceName,
                          Instant postedDate, List<ChargeComponent> orderChargeAdjustments,
                          List<FeeComponent> shipmentFeeAdjustments, List<FeeComponent> orderFeeAdjustments,
                          List<ShipmentItem> items) implements FinancialEvent {

    /** Checks the required parts and copies the lists. */
    public RefundEvent {
        Objects.requireNonNull(amazonOrderId, "amazonOrderId");
        Objects.requireNonNull(postedDate, "postedDate");
        orderChargeAdjustments = List.copyOf(orderChargeAdjustments);
        shipmentFeeAdjustments = List.copyOf(shipmentFeeAdjustments);
        orderFeeAdjustments = List.copyOf(orderFeeAdjustments);
        items = List.copyOf(items);
    }

    /** Every adjustment of the event and its items. */
    @Override
    public BigDecimal total() {
        return Sums.charges(orderChargeAdjustments).add(Sums.fees(shipmentFeeAdjustments))
                .add(Sums.fees(orderFeeAdjustments)).add(Sums.items(items));
    }
}
