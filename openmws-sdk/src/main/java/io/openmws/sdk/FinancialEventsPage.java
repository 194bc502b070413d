package io.openmws.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of {@code ListFinancialEvents} or {@code ListFinancialEventsByNextToken}: the shipment and refund
 * events it holds (the other event lists MWS has are not read) and the NextToken when more follow.
 *
 * @param shipmentEvents {@code ShipmentEventList}
 * @param refundEvents {@code RefundEventList}
 * @param nextToken the token for the next page; empty on the last page
 * @param requestId the answer's request id
 */
public record FinancialEventsPage(List<ShipmentEvent> shipmentEvents, List<RefundEvent> refundEvents,
                                  Optional<String> nextToken, String requestId) {

    /** Copies the lists. */
    public FinancialEventsPage {
        shipmentEvents = List.copyOf(shipmentEvents);
        refundEvents = List.copyOf(refundEvents);
        Objects.requireNonNull(nextToken, "nextToken");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** The shipment events, then the refund events. */
    public List<FinancialEvent> events() {
        List<FinancialEvent> all = new ArrayList<>(shipmentEvents);
        all.addAll(refundEvents);
        return all;
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextToken.isPresent();
    }

    /** Shows the counts, not the token. */
    @Override
    public String toString() {
        return "FinancialEventsPage[" + shipmentEvents.size() + " shipments, " + refundEvents.size() + " refunds, "
                + (hasNext() ? "more follow" : "last") + ", requestId=" + requestId + "]";
    }
}
