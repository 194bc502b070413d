package io.openmws.server.orders;

import java.time.Instant;
import java.util.List;

/**
 * The filters of one {@code ListOrders} request, checked (mws-data-apis.md §4.1), and kept in its
 * NextToken so that every following page applies exactly the same ones.
 *
 * @param byLastUpdate whether the window is on {@code LastUpdateDate} (else on {@code PurchaseDate})
 * @param after        the window's start, inclusive
 * @param before       the window's end, exclusive: an order at exactly this instant belongs to the next
 *                     window, so resuming from the echoed "Before" neither misses nor repeats an order
 * @param buyerEmail    {@code null} when not filtered
 * @param sellerOrderId {@code null} when not filtered
 */
record ListOrdersQuery(
        boolean byLastUpdate,
        Instant after,
        Instant before,
        List<String> marketplaceIds,
        List<String> statuses,
        List<String> fulfillmentChannels,
        List<String> paymentMethods,
        String buyerEmail,
        String sellerOrderId,
        int maxResults) {

    ListOrdersQuery {
        marketplaceIds = List.copyOf(marketplaceIds);
        statuses = List.copyOf(statuses);
        fulfillmentChannels = List.copyOf(fulfillmentChannels);
        paymentMethods = List.copyOf(paymentMethods);
    }

    /** Where a page starts: after the order with this date (of the window's kind) and internal id. */
    record Position(Instant date, long id) {}
}
