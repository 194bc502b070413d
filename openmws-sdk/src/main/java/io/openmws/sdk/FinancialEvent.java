package io.openmws.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One event that moved money between Amazon and the seller, as {@link FinancesApi#listFinancialEvents} streams
 * them: a {@link ShipmentEvent} (items shipped: the buyer's payment and Amazon's fees) or a {@link RefundEvent}
 * (the same, given back). Both are Finances' {@code ShipmentEvent} type; which list MWS put them in decides
 * which one this SDK makes.
 */
public sealed interface FinancialEvent permits ShipmentEvent, RefundEvent {

    /** The order. */
    String amazonOrderId();

    /** The seller's id for the order. */
    Optional<String> sellerOrderId();

    /** The marketplace's name, e.g. {@code Amazon.com}. */
    Optional<String> marketplaceName();

    /** When it was posted. */
    Instant postedDate();

    /** The item lines: {@code ShipmentItemList} for a shipment, {@code ShipmentItemAdjustmentList} for a refund. */
    List<ShipmentItem> items();

    /**
     * What the event moved to the seller: the sum of all its charges, fees and promotions, order-level and per item,
     * adjustments included (negative for a refund), in the event's currency.
     */
    BigDecimal total();
}
