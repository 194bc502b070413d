package io.openmws.server.orders;

import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one door of the orders feature for the sandbox control API: simulated buyers addressed by the
 * seller's Seller ID. A buyer places, cancels and returns; the effects are {@link Orders}' own, so an
 * integrator's software sees what real buyers would cause.
 */
@Service
public class SandboxOrders {

    private final Orders orders;
    private final SellerAccounts accounts;

    SandboxOrders(Orders orders, SellerAccounts accounts) {
        this.orders = orders;
        this.accounts = accounts;
    }

    /** A buyer orders from the seller ({@link Orders#place}). */
    public CustomerOrder place(String sellerId, NewOrder order) {
        return orders.place(seller(sellerId).id(), order);
    }

    /** The seller's order. */
    public CustomerOrder order(String sellerId, String amazonOrderId) {
        return orders.find(seller(sellerId).id(), amazonOrderId)
                .orElseThrow(() -> new OrderRefused(OrderRefused.Reason.NOT_FOUND, Orders.shown(amazonOrderId)));
    }

    /** The buyer cancels before anything shipped ({@link Orders#cancel}); answers the canceled order. */
    public CustomerOrder cancel(String sellerId, String amazonOrderId, String reason) {
        long account = seller(sellerId).id();
        orders.cancel(account, amazonOrderId, reason, Canceler.BUYER);
        return orders.find(account, amazonOrderId).orElseThrow();
    }

    /** The buyer returns shipped units ({@link Orders#refund}). */
    public Orders.Refund refund(String sellerId, String amazonOrderId, List<Orders.Return> returns, String reason) {
        return orders.refund(seller(sellerId).id(), amazonOrderId, returns, reason);
    }

    SellerAccount seller(String sellerId) {
        if (sellerId == null || sellerId.isBlank() || sellerId.length() > 20) {
            throw new OrderRefused(OrderRefused.Reason.NO_SUCH_SELLER, Orders.shown(sellerId));
        }
        return accounts.bySellerId(sellerId.strip()).filter(SellerAccount::active)
                .orElseThrow(() -> new OrderRefused(OrderRefused.Reason.NO_SUCH_SELLER, Orders.shown(sellerId)));
    }
}
