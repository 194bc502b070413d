package io.openmws.server.accounts;

import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.ids.SellerId;
import io.openmws.server.support.ListFilter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door of the accounts feature for the sandbox control API, the operator pages and the demo
 * data: accounts made verified at once, with a chosen Seller ID when a test replays known traffic,
 * staging mode switched by Seller ID, and the operator's lists. Seller Central itself goes through
 * {@link SellerAccounts}.
 */
@Service
public class SandboxSellerAccounts {

    private final SellerAccounts sellerAccounts;
    private final SellerAccountRepository accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IdGenerator ids = new IdGenerator();

    SandboxSellerAccounts(SellerAccounts sellerAccounts, SellerAccountRepository accounts, Clock clock,
                          ApplicationEventPublisher events) {
        this.sellerAccounts = sellerAccounts;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** The account with this Seller ID, pending or active. */
    public Optional<SellerAccount> bySellerId(String sellerId) {
        return sellerAccounts.bySellerId(sellerId);
    }

    /** The account with this id. */
    public Optional<SellerAccount> byId(long accountId) {
        return sellerAccounts.byId(accountId);
    }

    /** The account with this email address. */
    public Optional<SellerAccount> byEmail(String email) {
        return sellerAccounts.byEmail(email);
    }

    /**
     * Creates an account that is verified already, with its Seller ID, and no mail sent: what Seller
     * Support (the sandbox operator) does for test fixtures.
     *
     * @throws SellerAccounts.SignUpRejected on the same rules as {@link SellerAccounts#signUp}
     */
    @Transactional
    public SellerAccount createVerified(SellerAccounts.SignUp request, boolean staging) {
        return createVerified(request, staging, null);
    }

    /**
     * Like {@link #createVerified(SignUp, boolean)}, with a Seller ID chosen by the caller (to replay
     * recorded traffic of a known seller); null draws one.
     *
     * @throws SellerAccounts.SignUpRejected on field {@code sellerId} when it is malformed or taken
     */
    @Transactional
    public SellerAccount createVerified(SellerAccounts.SignUp request, boolean staging, String sellerId) {
        if (sellerId != null) {
            if (!SellerId.isValid(sellerId)) {
                throw new SellerAccounts.SignUpRejected("sellerId", "sandbox.sellerId.invalid");
            }
            if (accounts.findBySellerId(sellerId).isPresent()) {
                throw new SellerAccounts.SignUpRejected("sellerId", "sandbox.sellerId.taken");
            }
        }
        long id = sellerAccounts.insertPending(request);
        if (!accounts.activate(id, sellerId == null ? ids.sellerId().value() : sellerId, clock.instant())) {
            throw new IllegalStateException("Account " + id + " is not pending verification");
        }
        accounts.updateStaging(id, staging);
        return accounts.findById(id).orElseThrow();
    }

    /**
     * Turns staging mode on or off: listings of a staging account are never live for sale. Publishes
     * {@link StagingModeChanged} in the same transaction (the catalog makes complete staged listings
     * live when staging goes off), every time, so a repeated switch is harmless.
     *
     * @return false when no active account has that Seller ID
     */
    @Transactional
    public boolean setStaging(String sellerId, boolean enabled) {
        return accounts.findBySellerId(sellerId).map(a -> {
            accounts.updateStaging(a.id(), enabled);
            events.publishEvent(new StagingModeChanged(a.id(), enabled));
            return true;
        }).orElse(false);
    }

    /**
     * For the sandbox operator's list: the newest accounts, pending ones included, that match the
     * filter (Seller ID, or part of the email address), newest first, at most {@code limit}.
     */
    public List<SellerAccount> newest(ListFilter filter, int limit) {
        return accounts.newest(filter, limit);
    }

    /** How many accounts exist, pending ones included. */
    public long count() {
        return accounts.count();
    }

}
