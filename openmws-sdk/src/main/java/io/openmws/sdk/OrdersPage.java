package io.openmws.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of {@code ListOrders} or {@code ListOrdersByNextToken}: its orders, the NextToken when more
 * follow, and the end of the time window the endpoint used ({@code CreatedBefore} or {@code LastUpdatedBefore},
 * whichever family the request named), which is where the next poll resumes.
 *
 * @param orders the page's orders
 * @param nextToken the token for the next page; empty on the last page
 * @param createdBefore the echoed {@code CreatedBefore}, for a request by creation date
 * @param lastUpdatedBefore the echoed {@code LastUpdatedBefore}, for a request by update date
 * @param requestId the answer's request id
 */
public record OrdersPage(List<Order> orders, Optional<String> nextToken, Optional<Instant> createdBefore,
                         Optional<Instant> lastUpdatedBefore, String requestId) {

    /** Copies the orders. */
    public OrdersPage {
        orders = List.copyOf(orders);
        Objects.requireNonNull(nextToken, "nextToken");
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(lastUpdatedBefore, "lastUpdatedBefore");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextToken.isPresent();
    }

    /** Shows the count and the window, not the token. */
    @Override
    public String toString() {
        return "OrdersPage[" + orders.size() + " orders, " + (hasNext() ? "more follow" : "last")
                + createdBefore.map(t -> ", createdBefore=" + t).orElse("")
                + lastUpdatedBefore.map(t -> ", lastUpdatedBefore=" + t).orElse("") + ", requestId=" + requestId + "]";
    }
}
