package io.openmws.server.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as the Orders API shows it (mws-data-apis.md §4.3): a row of {@code customer_order} read by
 * {@link OrderQueries} for the calling seller only. {@code id} is the internal key the keyset pages on;
 * clients never see it.
 */
record ApiOrder(
        long id,
        String amazonOrderId,
        String sellerOrderId,
        String marketplaceId,
        String status,
        String fulfillmentChannel,
        String salesChannel,
        String shipServiceLevel,
        String shipmentServiceLevelCategory,
        String paymentMethod,
        String orderType,
        boolean prime,
        boolean businessOrder,
        String buyerName,
        String buyerEmail,
        Address shippingAddress,
        String currency,
        BigDecimal orderTotal,
        int itemsShipped,
        int itemsUnshipped,
        Instant purchaseDate,
        Instant lastUpdateDate,
        Instant earliestShipDate,
        Instant latestShipDate,
        Instant earliestDeliveryDate,
        Instant latestDeliveryDate) {

    /** The buyer's shipping address; optional parts are {@code null}. */
    record Address(String name, String line1, String line2, String line3, String city, String county,
                   String district, String stateOrRegion, String postalCode, String countryCode, String phone,
                   String addressType) {}

    /** Whether the buyer and the money are still hidden: a standard order in {@code Pending} (§4.3). */
    boolean pending() {
        return "Pending".equals(status);
    }
}
