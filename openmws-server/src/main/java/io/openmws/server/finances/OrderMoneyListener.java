package io.openmws.server.finances;

import io.openmws.server.orders.OrderRefunded;
import io.openmws.server.orders.OrderShipped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the orders feature's money moments into financial events: plain synchronous listeners, so
 * the posting happens inside the transaction that shipped or refunded, and rolls back with it.
 */
@Component
class OrderMoneyListener {

    private final Finances finances;

    OrderMoneyListener(Finances finances) {
        this.finances = finances;
    }

    @EventListener
    void shipped(OrderShipped shipped) {
        finances.post(shipped);
    }

    @EventListener
    void refunded(OrderRefunded refunded) {
        finances.post(refunded);
    }
}
