package io.openmws.server.finances;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.orders.OrderRefunded;
import io.openmws.server.orders.OrderShipped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seller's ledger (docs/finances.md): posts a {@code ShipmentEvent} for every shipment and a
 * {@code RefundEvent} for every refund into the seller's Open group for the currency, and closes
 * groups whose 14-day period ended. Each seller's postings and closings in a currency run one at a
 * time (its {@code financial_ledger} row is locked for the transaction), so there is never more than
 * one Open group per currency and a group's {@code OriginalTotal} is always exactly the sum of its events.
 *
 * <p>Periods lie on a 14-day grid that starts at midnight UTC of the seller's first event in the
 * currency. Closing a group with events opens the next period at once (a seller sees an Open group
 * with 0.00, as live accounts do); a period without events closes with a total of zero and opens no
 * successor, so a seller who stops selling stops producing periods; the next event opens the period
 * of the grid it falls in.
 */
@Service
public class Finances {

    /** The length of a settlement period. */
    public static final Duration PERIOD = Duration.ofDays(14);
    static final String SUCCESSFUL = "Successful";
    static final String UNKNOWN = "Unknown";

    private final FinancialEventGroupRepository groups;
    private final FinancialEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    Finances(FinancialEventGroupRepository groups, FinancialEventRepository events,
             ApplicationEventPublisher publisher, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.groups = groups;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Posts the shipment's {@code ShipmentEvent}, once: a repeat of the same shipment is ignored. */
    @Transactional
    public void post(OrderShipped shipped) {
        String currency = shipped.currency();
        List<PostedEvent.Item> items = new ArrayList<>();
        for (OrderShipped.Item i : shipped.items()) {
            BigDecimal principal = FeeTable.money(currency, i.principal());
            List<PostedEvent.Component> c = new ArrayList<>();
            c.add(charge("Principal", principal));
            c.add(charge("Tax", FeeTable.money(currency, i.tax())));
            c.add(charge("ShippingCharge", FeeTable.money(currency, i.shipping())));
            c.add(charge("ShippingTax", FeeTable.money(currency, i.shippingTax())));
            c.add(fee("Commission", FeeTable.commission(currency, principal, i.quantity()).negate()));
            c.add(fee("FixedClosingFee", FeeTable.closingFee(currency, i.quantity()).negate()));
            if (i.promotionDiscount() != null && i.promotionDiscount().signum() > 0) {
                c.add(new PostedEvent.Component(PostedEvent.Component.PROMOTION, "PromotionMetaDataDefinitionValue",
                        "OpenMWS-Discount-" + i.orderItemId(), FeeTable.money(currency, i.promotionDiscount()).negate()));
            }
            items.add(new PostedEvent.Item(i.sku(), i.orderItemId(), null, i.quantity(), c));
        }
        record(shipped.accountId(), "shipment:" + shipped.shipmentRef(), PostedEvent.SHIPMENT, shipped.amazonOrderId(),
                shipped.sellerOrderId(), shipped.marketplaceId(), currency, shipped.postedAt(), items);
    }

    /**
     * Posts the refund's {@code RefundEvent}, once: charges go back negative, the commission of the
     * refunded principal comes back positive, and {@code RefundCommission} keeps its share (negative).
     */
    @Transactional
    public void post(OrderRefunded refunded) {
        String currency = refunded.currency();
        List<PostedEvent.Item> items = new ArrayList<>();
        for (OrderRefunded.Item i : refunded.items()) {
            BigDecimal principal = FeeTable.money(currency, i.principal());
            BigDecimal commission = FeeTable.commission(currency, principal, i.quantity());
            List<PostedEvent.Component> c = new ArrayList<>();
            c.add(charge("Principal", principal.negate()));
            c.add(charge("Tax", FeeTable.money(currency, i.tax()).negate()));
            c.add(charge("ShippingCharge", FeeTable.money(currency, i.shipping()).negate()));
            c.add(charge("ShippingTax", FeeTable.money(currency, i.shippingTax()).negate()));
            c.add(fee("Commission", commission));
            c.add(fee("RefundCommission", FeeTable.refundCommission(currency, commission).negate()));
            items.add(new PostedEvent.Item(i.sku(), i.orderItemId(), digits(14), i.quantity(), c));
        }
        record(refunded.accountId(), "refund:" + refunded.refundRef(), PostedEvent.REFUND, refunded.amazonOrderId(),
                refunded.sellerOrderId(), refunded.marketplaceId(), currency, refunded.postedAt(), items);
    }

    private void record(long accountId, String sourceRef, String type, String amazonOrderId, String sellerOrderId,
                        String marketplaceId, String currency, Instant postedAt, List<PostedEvent.Item> items) {
        groups.lockLedger(accountId, currency);
        if (events.exists(accountId, sourceRef)) {
            return;
        }
        BigDecimal amount = FeeTable.money(currency, BigDecimal.ZERO);
        for (PostedEvent.Item item : items) {
            for (PostedEvent.Component c : item.components()) {
                amount = amount.add(c.amount());
            }
        }
        String marketplaceName = Marketplaces.byId(marketplaceId).map(Marketplace::name).orElse(marketplaceId);
        EventGroup group = groupFor(accountId, currency, postedAt);
        events.insert(accountId, group.id(), sourceRef, new PostedEvent(0, type, amazonOrderId, sellerOrderId,
                marketplaceName, currency, postedAt, amount, items));
        groups.addEvent(accountId, group.id(), amount);
    }

    /**
     * The Open group an event posted at {@code at} goes into: the seller's Open group if its period has
     * not ended by then; otherwise that group closes first (as the job would have) and the period of
     * the grid holding {@code at} opens.
     */
    private EventGroup groupFor(long accountId, String currency, Instant at) {
        while (true) {
            Optional<EventGroup> open = groups.open(accountId, currency);
            if (open.isPresent() && open.get().end().isAfter(at)) {
                return open.get();
            }
            if (open.isPresent()) {
                close(open.get());
                continue;
            }
            Instant anchor = groups.firstStart(accountId, currency).orElse(at.truncatedTo(ChronoUnit.DAYS));
            Instant from = groups.lastEnd(accountId, currency).filter(end -> end.isAfter(at)).orElse(at);
            long periods = Math.floorDiv(Duration.between(anchor, from).toSeconds(), PERIOD.toSeconds());
            Instant start = anchor.plus(PERIOD.multipliedBy(periods));
            long id = groups.insertOpen(accountId, newGroupId(), currency, start, start.plus(PERIOD));
            return groups.byId(accountId, id).orElseThrow();
        }
    }

    /**
     * Closes every Open group whose period has ended, each in its own transaction within its seller;
     * a moved clock closes every period that ended since, once. Answers how many closed.
     */
    public int closeEndedPeriods() {
        int closed = 0;
        while (true) {
            List<FinancialEventGroupRepository.Due> due = groups.due(clock.instant(), 100);
            if (due.isEmpty()) {
                return closed;
            }
            for (FinancialEventGroupRepository.Due d : due) {
                if (Boolean.TRUE.equals(transaction.execute(t -> closeIfEnded(d.accountId(), d.currency(), d.id())))) {
                    closed++;
                }
            }
        }
    }

    /** Closes the group if it is still Open and its period ended (another node may have closed it). */
    private boolean closeIfEnded(long accountId, String currency, long groupRef) {
        groups.lockLedger(accountId, currency);
        Optional<EventGroup> group = groups.byId(accountId, groupRef);
        if (group.isEmpty() || !group.get().open() || group.get().end().isAfter(clock.instant())) {
            return false;
        }
        close(group.get());
        return true;
    }

    /** Closes an Open group (its seller locked): pays the total out, opens the next period if it had events. */
    private void close(EventGroup g) {
        boolean transfer = g.originalTotal().signum() != 0;
        String status = transfer ? SUCCESSFUL : UNKNOWN;
        Instant transferDate = transfer ? g.end() : null;
        String traceId = transfer ? traceId() : null;
        String tail = transfer ? accountTail(g.accountId()) : null;
        groups.close(g.accountId(), g.id(), status, transferDate, traceId, tail, clock.instant());
        if (g.eventCount() > 0) {
            groups.insertOpen(g.accountId(), newGroupId(), g.currency(), g.end(), g.end().plus(PERIOD));
        }
        publisher.publishEvent(new SettlementPeriodClosed(g.accountId(), g.groupId(), g.start(), g.end(), g.currency(),
                FeeTable.money(g.currency(), g.originalTotal()), g.eventCount(), status, transferDate, traceId, tail));
    }

    private static PostedEvent.Component charge(String type, BigDecimal amount) {
        return new PostedEvent.Component(PostedEvent.Component.CHARGE, type, null, amount);
    }

    private static PostedEvent.Component fee(String type, BigDecimal amount) {
        return new PostedEvent.Component(PostedEvent.Component.FEE, type, null, amount);
    }

    /** A FinancialEventGroupId: 32 random bytes, base64url without padding (43 characters). */
    private String newGroupId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String traceId() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder s = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder(count);
        s.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    /**
     * The last three digits of the seller's (simulated) bank account: stable per seller, so every
     * transfer of one seller shows the same tail.
     */
    static String accountTail(long accountId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("openmws-account-tail/" + accountId).getBytes(StandardCharsets.UTF_8));
            int value = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % 1000;
            return String.format("%03d", value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
