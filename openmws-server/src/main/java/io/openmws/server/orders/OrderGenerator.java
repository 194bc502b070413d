package io.openmws.server.orders;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.support.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's steady stream of buyers: for each seller with a generator, an order every
 * {@code 1 h / perHour} of platform time, dated when it fell due, so moving the clock a day produces
 * a day of orders. Each order buys one unit of a random live SKU (or of one of the given SKUs) in
 * the generator's marketplace through {@link Orders#place}; the order and the move of the seller's
 * {@code next_at} past it commit in one transaction, so a crash, a failure or a second run on another
 * node never places the order of one due time twice nor loses it. When nothing is buyable the order is
 * skipped, not retried.
 *
 * <p>Bounded, so a year's jump does not hang the platform: one run places at most
 * {@code openmws.orders.generator.per-run} orders per seller (default 500; the next run,
 * {@link OrderGeneratorTask#INTERVAL} later, goes on), and of the orders that fell due only the latest
 * {@code openmws.orders.generator.max-backlog} (default 2,000) are placed; older ones are skipped.
 */
@Service
class OrderGenerator {

    static final int MAX_PER_HOUR = 3600;
    static final int SELLERS_PER_RUN = 100;
    static final int MAX_SKUS = 100;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OrderGenerator.class);

    private final OrderGeneratorRepository repository;
    private final Orders orders;
    private final Catalog catalog;
    private final SellerAccounts accounts;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate attempt;
    private final int perRun;
    private final int maxBacklog;

    OrderGenerator(OrderGeneratorRepository repository, Orders orders, Catalog catalog, SellerAccounts accounts,
                   Clock clock, PlatformTransactionManager transactions, @Value("${openmws.orders.generator.per-run:500}") int perRun,
                   @Value("${openmws.orders.generator.max-backlog:2000}") int maxBacklog) {
        if (perRun < 1 || maxBacklog < 1) {
            throw new IllegalArgumentException("openmws.orders.generator.per-run and .max-backlog must be at least 1");
        }
        this.perRun = perRun;
        this.maxBacklog = maxBacklog;
        this.repository = repository;
        this.orders = orders;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        // A refused SKU rolls back to a savepoint only, so the next candidate is tried in the same transaction.
        this.attempt = new TransactionTemplate(transactions);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The seller's generator; stopped (0 per hour) when never set. */
    GeneratorSettings settings(long accountId) {
        return repository.find(accountId).orElse(new GeneratorSettings(0, null, List.of(), null));
    }

    /**
     * Starts, changes or (with 0) stops the seller's buyers. The first order is due one interval from
     * now.
     */
    @Transactional
    GeneratorSettings set(SellerAccount account, int perHour, String marketplaceId, List<String> skus) {
        if (perHour < 0 || perHour > MAX_PER_HOUR) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_RATE, MAX_PER_HOUR);
        }
        String marketplace = null;
        if (marketplaceId != null && !marketplaceId.isBlank()) {
            Marketplace m = Marketplaces.byId(marketplaceId.strip()).orElseThrow(
                    () -> new OrderRefused(OrderRefused.Reason.UNKNOWN_MARKETPLACE, Orders.shown(marketplaceId)));
            if (!account.marketplaceIds().contains(m.id().value())) {
                throw new OrderRefused(OrderRefused.Reason.NOT_SELLING_THERE, m.id().value(),
                        String.join(", ", account.marketplaceIds()));
            }
            marketplace = m.id().value();
        }
        List<String> chosen = new ArrayList<>(new LinkedHashSet<>(skus == null ? List.of() : skus));
        if (chosen.size() > MAX_SKUS) {
            throw new OrderRefused(OrderRefused.Reason.TOO_MANY_ITEMS, MAX_SKUS);
        }
        for (String sku : chosen) {
            if (sku == null || sku.isBlank() || sku.length() > 40 || sku.contains("\n")) {
                throw new OrderRefused(OrderRefused.Reason.INVALID_SKU);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.save(account.id(), perHour, marketplace, chosen,
                perHour == 0 ? now : now.plus(interval(perHour)), now);
        return settings(account.id());
    }

    /** {@code 1 h / perHour} in whole milliseconds, so every due time is exact in a timestamp column. */
    static Duration interval(int perHour) {
        return Duration.ofMillis(HOUR.toMillis() / perHour);
    }

    /** One run over every seller whose orders fell due; returns how many orders were placed. */
    int run() {
        Instant now = clock.instant();
        int placed = 0;
        for (long accountId : repository.due(now, SELLERS_PER_RUN)) {
            try {
                placed += runSeller(accountId, now);
            } catch (RuntimeException e) {
                // One seller's failure must not hold back the others; its next_at did not move, so the next run retries.
                log.warn("Order generator failed for account {}", accountId, e);
            }
        }
        return placed;
    }

    private int runSeller(long accountId, Instant now) {
        GeneratorSettings g = repository.find(accountId).orElse(null);
        SellerAccount account = accounts.byId(accountId).orElse(null);
        if (g == null || g.perHour() == 0 || g.nextAt() == null || account == null) {
            return 0;
        }
        Duration interval = interval(g.perHour());
        Instant due = g.nextAt();
        long fell = Duration.between(due, now).dividedBy(interval) + 1;
        if (fell > maxBacklog) {
            due = due.plus(interval.multipliedBy(fell - maxBacklog));
        }
        String marketplaceId = g.marketplaceId() != null ? g.marketplaceId() : account.homeMarketplaceId();
        Instant seen = g.nextAt();
        if (!due.equals(seen) && !repository.advance(accountId, seen, due)) {
            return 0;
        }
        int placed = 0;
        int count = 0;
        while (!due.isAfter(now) && count < perRun) {
            Instant at = due;
            Instant next = due.plus(interval);
            // next_at moves first: its row lock keeps a second run out until this order commits or rolls back.
            Placement p = tx.execute(status -> !repository.advance(accountId, at, next) ? Placement.MOVED_ON
                    : placeOne(accountId, marketplaceId, g.skus(), at) ? Placement.PLACED : Placement.SKIPPED);
            if (p == Placement.MOVED_ON) {
                break; // the operator changed the settings, or another run took this due time
            }
            if (p == Placement.PLACED) {
                placed++;
            }
            due = next;
            count++;
        }
        return placed;
    }

    private enum Placement { PLACED, SKIPPED, MOVED_ON }

    /** One buyer buys one unit of a buyable SKU; false when none could be bought. */
    private boolean placeOne(long accountId, String marketplaceId, List<String> skus, Instant purchase) {
        List<String> candidates = new ArrayList<>(skus.isEmpty() ? catalog.liveSkus(accountId, marketplaceId, 5) : skus);
        Collections.shuffle(candidates);
        for (String sku : candidates) {
            try {
                attempt.executeWithoutResult(status -> orders.place(accountId, new NewOrder(marketplaceId,
                        List.of(new NewOrder.Line(sku, 1)), null, null, null, level(), purchase)));
                return true;
            } catch (OrderRefused refused) {
                if (refused.kind() != Refusal.Kind.CONFLICT) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Most buyers take the standard service. */
    private static String level() {
        int r = ThreadLocalRandom.current().nextInt(100);
        return r < 70 ? "Standard" : r < 90 ? "Expedited" : r < 95 ? "SecondDay" : "NextDay";
    }
}
