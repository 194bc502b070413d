package io.openmws.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link OrdersApi#changedSince} found: every order that changed in the window, once each, and the
 * instant to pass to the next {@code changedSince}. Polling with {@code resumeFrom} loses no order: the window
 * ends where the endpoint said it ended ({@code LastUpdatedBefore}), so an order changed during the walk or
 * just after falls into the next window.
 *
 * @param orders the changed orders in the endpoint's order, each once (as last seen)
 * @param resumeFrom the end of the window: the next call's {@code since}
 */
public record OrderChanges(List<Order> orders, Instant resumeFrom) {

    /** Copies the orders. */
    public OrderChanges {
        orders = List.copyOf(orders);
        Objects.requireNonNull(resumeFrom, "resumeFrom");
    }
}
