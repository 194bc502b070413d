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
    private final OrderGenerator generator;
    private final SellerAccounts accounts;

    SandboxOrders(Orders orders, OrderGenerator generator, SellerAccounts accounts) {
        this.orders = orders;
        this.generator = generator;
        this.accounts = accounts;
    }

    /** The seller's simulated buyers; stopped (0 per hour) when never started. */
    public GeneratorSettings generator(String sellerId) {
        return generator.settings(seller(sellerId).id());
    }

    /**
     * Starts, changes or (with {@code perHour} 0) stops the seller's simulated buyers: {@code perHour}
     * orders per hour of platform time in the marketplace (null: the home marketplace), buying the
     * given SKUs (empty: any live one).
     */
    public GeneratorSettings setGenerator(String sellerId, int perHour, String marketplaceId, List<String> skus) {
        return generator.set(seller(sellerId), perHour, marketplaceId, skus);
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
