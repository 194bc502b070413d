package io.openmws.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Items of an order shipped (Finances' {@code ShipmentEvent} in {@code ShipmentEventList}): what the buyer paid
 * for them (charges, positive) and what Amazon kept (fees, negative), per item and per order.
 *
 * @param amazonOrderId the order
 * @param sellerOrderId the seller's id for the order
 * @param marketplaceName e.g. {@code Amazon.com}
 * @param postedDate when it was posted
 * @param orderCharges {@code OrderChargeList}
 * @param orderChargeAdjustments {@code OrderChargeAdjustmentList}
 * @param shipmentFees {@code ShipmentFeeList}
 * @param shipmentFeeAdjustments {@code ShipmentFeeAdjustmentList}
 * @param orderFees {@code OrderFeeList}
 * @param orderFeeAdjustments {@code OrderFeeAdjustmentList}
 * @param items {@code ShipmentItemList}
 * @param itemAdjustments {@code ShipmentItemAdjustmentList}
 */
public record ShipmentEvent(String amazonOrderId, Optional<String> sellerOrderId, Optional<String> marketplaceName,
                            Instant postedDate, List<ChargeComponent> orderCharges,
                            List<ChargeComponent> orderChargeAdjustments, List<FeeComponent> shipmentFees,
                            List<FeeComponent> shipmentFeeAdjustments, List<FeeComponent> orderFees,
                            List<FeeComponent> orderFeeAdjustments, List<ShipmentItem> items,
                            List<ShipmentItem> itemAdjustments) implements FinancialEvent {

    /** Checks the required parts and copies the lists. */
    public ShipmentEvent {
        Objects.requireNonNull(amazonOrderId, "amazonOrderId");
        Objects.requireNonNull(postedDate, "postedDate");
        orderCharges = List.copyOf(orderCharges);
        orderChargeAdjustments = List.copyOf(orderChargeAdjustments);
        shipmentFees = List.copyOf(shipmentFees);
        shipmentFeeAdjustments = List.copyOf(shipmentFeeAdjustments);
        orderFees = List.copyOf(orderFees);
        orderFeeAdjustments = List.copyOf(orderFeeAdjustments);
        items = List.copyOf(items);
        itemAdjustments = List.copyOf(itemAdjustments);
    }

    /** Every charge and fee of the event and its items, adjustments included. */
    @Override
    public BigDecimal total() {
        return Sums.charges(orderCharges).add(Sums.charges(orderChargeAdjustments)).add(Sums.fees(shipmentFees))
                .add(Sums.fees(shipmentFeeAdjustments)).add(Sums.fees(orderFees)).add(Sums.fees(orderFeeAdjustments))
                .add(Sums.items(items)).add(Sums.items(itemAdjustments));
    }
}
