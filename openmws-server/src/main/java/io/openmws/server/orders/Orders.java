package io.openmws.server.orders;

import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.Listing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders' lifecycle as buyers and sellers drive it: a buyer places an order (stock taken from live
 * listings, all lines or none), the payment check moves it from {@code Pending} to {@code Unshipped}
 * ({@link PaymentCheck}), the buyer or the seller cancels it before anything shipped (stock returned),
 * and a buyer returns shipped units for a refund ({@link OrderRefunded}). Shipping itself is the order
 * feeds' part. Every call names the seller's account, and nothing reaches another seller's orders.
 */
@Service
public class Orders {

    /** How long the payment check keeps a new order Pending. */
    public static final Duration PAYMENT_CHECK = Duration.ofMinutes(30);
    /** Most lines one order has. */
    public static final int MAX_LINES = 50;
    /** Most units of one line. */
    public static final int MAX_QUANTITY = 1000;
    /**
     * The OrderAcknowledgement's CancelReason values: what a cancellation and a refund may give as its
     * reason. A seller's {@code NoInventory} is the one that leaves the units out of stock.
     */
    public static final List<String> CANCEL_REASONS = List.of("NoInventory", "ShippingAddressUndeliverable",
            "CustomerExchange", "BuyerCanceled", "GeneralAdjustment", "CarrierCreditDecision",
            "RiskAssessmentInformationNotValid", "CarrierCoverageFailure", "CustomerReturn",
            "MerchandiseNotReceived");

    private final OrderRepository repository;
    private final Catalog catalog;
    private final SellerAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();

    Orders(OrderRepository repository, Catalog catalog, SellerAccounts accounts, ApplicationEventPublisher events,
           Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The seller's order with its lines. */
    public Optional<CustomerOrder> find(long accountId, String amazonOrderId) {
        return repository.find(accountId, amazonOrderId);
    }

    /**
     * A buyer orders from the seller: every line's units are taken from its live listing in one
     * transaction, or none is. Prices are the listings' at the purchase date (a sale price within its
     * dates), in the marketplace's currency; shipping, tax and dates follow {@link OrderPricing}. The
     * order is {@code Pending} until {@link #PAYMENT_CHECK} after the purchase.
     *
     * @throws OrderRefused for input that is not an order ({@link io.openmws.server.support.Refusal.Kind#INVALID})
     *     or a SKU that cannot be bought, named in the message (the first such line)
     */
    @Transactional
    public CustomerOrder place(long accountId, NewOrder order) {
        SellerAccount account = accounts.byId(accountId).orElseThrow(
                () -> new OrderRefused(OrderRefused.Reason.NO_SUCH_SELLER, accountId));
        Marketplace marketplace = marketplaceOf(account, order.marketplaceId());
        checkLines(order.items());
        if (order.fulfillmentChannel() != null && !"MFN".equals(order.fulfillmentChannel())) {
            throw new OrderRefused(OrderRefused.Reason.UNSUPPORTED_CHANNEL, order.fulfillmentChannel());
        }
        OrderPricing.Level level = order.shipmentServiceLevelCategory() == null ? OrderPricing.Level.Standard
                : OrderPricing.Level.parse(order.shipmentServiceLevelCategory());
        if (level == null) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_SERVICE_LEVEL, order.shipmentServiceLevelCategory());
        }
        Instant now = clock.instant();
        Instant purchase = order.purchaseDate() == null ? now : order.purchaseDate().truncatedTo(ChronoUnit.MILLIS);
        if (purchase.isAfter(now)) {
            throw new OrderRefused(OrderRefused.Reason.FUTURE_PURCHASE, purchase, now);
        }
        String buyerName = buyerName(order.buyer());
        String buyerEmail = buyerEmail(order.buyer());
        Address address = address(order.shippingAddress(), buyerName, marketplace.countryCode());

        String currency = marketplace.currencyCode();
        String marketplaceId = marketplace.id().value();
        List<CustomerOrder.Item> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int units = 0;
        int latency = 0;
        for (NewOrder.Line line : order.items()) {
            Listing listing = catalog.take(accountId, marketplaceId, line.sku(), line.quantity())
                    .orElseThrow(() -> notBuyable(accountId, marketplaceId, line));
            BigDecimal unit = listing.priceAt(purchase).setScale(2);
            BigDecimal price = unit.multiply(BigDecimal.valueOf(line.quantity()));
            BigDecimal shipping = OrderPricing.shipping(price, level, currency);
            BigDecimal tax = OrderPricing.tax(price, marketplace.countryCode(), currency);
            BigDecimal shippingTax = OrderPricing.tax(shipping, marketplace.countryCode(), currency);
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            items.add(new CustomerOrder.Item(newOrderItemId(itemIds), listing.sku(), listing.asin(),
                    listing.title() == null ? listing.sku() : listing.title(), listing.conditionType(), line.quantity(),
                    0, unit, price, shipping, tax, shippingTax, zero));
            total = total.add(price).add(shipping).add(tax).add(shippingTax);
            units += line.quantity();
            latency = Math.max(latency, listing.fulfillmentLatency() == null
                    ? OrderPricing.DEFAULT_LATENCY_DAYS : listing.fulfillmentLatency());
        }
        OrderPricing.Dates dates = OrderPricing.dates(purchase, latency, level);
        CustomerOrder placed = new CustomerOrder(accountId, newAmazonOrderId(), null, marketplaceId, "Pending", "MFN",
                marketplace.name(), level.shipServiceLevel(marketplace.countryCode()), level.name(), buyerName,
                buyerEmail, address, currency, total, 0, units, purchase, purchase.plus(PAYMENT_CHECK), purchase,
                dates.earliestShip(), dates.latestShip(), dates.earliestDelivery(), dates.latestDelivery(), null, null,
                null, items);
        repository.insert(placed);
        return placed;
    }

    /**
     * Cancels an order before anything of it shipped: status {@code Canceled}, the units back in stock
     * (except for the seller's {@code NoInventory}: the seller has none), and the cancellation recorded.
     *
     * @param reason one of {@link #CANCEL_REASONS}; null gives {@code BuyerCanceled} for the buyer and
     *               {@code GeneralAdjustment} for the seller
     * @throws OrderRefused {@link OrderRefused.Reason#NOT_FOUND} (unknown, or another seller's),
     *     {@link OrderRefused.Reason#ALREADY_SHIPPED}, {@link OrderRefused.Reason#ALREADY_CANCELED},
     *     {@link OrderRefused.Reason#INVALID_REASON}
     */
    @Transactional
    public void cancel(long accountId, String amazonOrderId, String reason, Canceler who) {
        String why = reason == null || reason.isBlank()
                ? (who == Canceler.BUYER ? "BuyerCanceled" : "GeneralAdjustment") : reason.strip();
        if (!CANCEL_REASONS.contains(why)) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_REASON, shown(why), String.join(", ", CANCEL_REASONS));
        }
        OrderRepository.Locked order = repository.lock(accountId, amazonOrderId)
                .orElseThrow(() -> new OrderRefused(OrderRefused.Reason.NOT_FOUND, shown(amazonOrderId)));
        if ("Canceled".equals(order.status())) {
            throw new OrderRefused(OrderRefused.Reason.ALREADY_CANCELED, amazonOrderId);
        }
        if (order.itemsShipped() > 0 || "Shipped".equals(order.status()) || "PartiallyShipped".equals(order.status())) {
            throw new OrderRefused(OrderRefused.Reason.ALREADY_SHIPPED, amazonOrderId);
        }
        repository.cancel(accountId, order.id(), clock.instant(), why, who);
        if (!(who == Canceler.SELLER && "NoInventory".equals(why))) {
            for (CustomerOrder.Item item : repository.items(order.id())) {
                catalog.restock(accountId, order.marketplaceId(), item.sku(), item.quantityOrdered());
            }
        }
    }

    /** Units of one order line a buyer returns. */
    public record Return(String orderItemId, int quantity) {}

    /** What a refund gave back: the event Finances hears, as published. */
    public record Refund(long refundRef, OrderRefunded event) {}

    /**
     * A buyer returns shipped units and gets their money back: item price, shipping and both taxes, each
     * line's share by units ({@code amount x units / ordered}, half-even to the currency's minor unit;
     * the refund that reaches a line's ordered units gets what is left, so a line's refunds add up to
     * it exactly). Publishes {@link OrderRefunded} in this transaction. Stock is not changed: a return
     * goes back to the seller, who decides whether it can be sold again.
     *
     * @param returns the lines and units; null or empty returns every shipped unit not refunded yet
     * @param reason  one of {@link #CANCEL_REASONS}; null gives {@code CustomerReturn}
     * @throws OrderRefused {@link OrderRefused.Reason#NOT_FOUND}, {@link OrderRefused.Reason#UNKNOWN_ITEM},
     *     {@link OrderRefused.Reason#INVALID_QUANTITY}, {@link OrderRefused.Reason#MORE_THAN_SHIPPED},
     *     {@link OrderRefused.Reason#NOTHING_TO_REFUND}, {@link OrderRefused.Reason#INVALID_REASON}
     */
    @Transactional
    public Refund refund(long accountId, String amazonOrderId, List<Return> returns, String reason) {
        String why = reason == null || reason.isBlank() ? "CustomerReturn" : reason.strip();
        if (!CANCEL_REASONS.contains(why)) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_REASON, shown(why), String.join(", ", CANCEL_REASONS));
        }
        OrderRepository.Locked order = repository.lock(accountId, amazonOrderId)
                .orElseThrow(() -> new OrderRefused(OrderRefused.Reason.NOT_FOUND, shown(amazonOrderId)));
        List<OrderRepository.Line> lines = repository.linesForRefund(order.id());
        Map<String, Integer> asked = new LinkedHashMap<>();
        if (returns == null || returns.isEmpty()) {
            for (OrderRepository.Line l : lines) {
                if (l.quantityShipped() > l.refunded()) {
                    asked.put(l.orderItemId(), l.quantityShipped() - l.refunded());
                }
            }
            if (asked.isEmpty()) {
                throw new OrderRefused(OrderRefused.Reason.NOTHING_TO_REFUND, amazonOrderId);
            }
        } else {
            for (Return r : returns) {
                if (r.orderItemId() == null || lines.stream().noneMatch(l -> l.orderItemId().equals(r.orderItemId()))) {
                    throw new OrderRefused(OrderRefused.Reason.UNKNOWN_ITEM, amazonOrderId, shown(r.orderItemId()));
                }
                if (r.quantity() <= 0 || r.quantity() > MAX_QUANTITY) {
                    throw new OrderRefused(OrderRefused.Reason.INVALID_QUANTITY, r.orderItemId(), MAX_QUANTITY);
                }
                asked.merge(r.orderItemId(), r.quantity(), Integer::sum);
            }
        }
        String currency = order.currency();
        List<OrderRepository.RefundLine> rows = new ArrayList<>();
        List<OrderRefunded.Item> items = new ArrayList<>();
        for (OrderRepository.Line l : lines) {
            Integer q = asked.get(l.orderItemId());
            if (q == null) {
                continue;
            }
            int left = l.quantityShipped() - l.refunded();
            if (q > left) {
                throw new OrderRefused(OrderRefused.Reason.MORE_THAN_SHIPPED, l.orderItemId(), left, q);
            }
            boolean completes = l.refunded() + q == l.quantityOrdered();
            BigDecimal principal = part(l.itemPrice(), l.refundedPrincipal(), q, l.quantityOrdered(), completes, currency);
            BigDecimal shipping = part(l.shippingPrice(), l.refundedShipping(), q, l.quantityOrdered(), completes,
                    currency);
            BigDecimal tax = part(l.itemTax(), l.refundedTax(), q, l.quantityOrdered(), completes, currency);
            BigDecimal shippingTax = part(l.shippingTax(), l.refundedShippingTax(), q, l.quantityOrdered(), completes,
                    currency);
            rows.add(new OrderRepository.RefundLine(l.id(), q, principal, shipping, tax, shippingTax));
            items.add(new OrderRefunded.Item(l.orderItemId(), l.sku(), q, principal, shipping, tax, shippingTax));
        }
        Instant now = clock.instant();
        long ref = repository.insertRefund(order.id(), why, now, rows);
        OrderRefunded event = new OrderRefunded(accountId, order.amazonOrderId(), order.sellerOrderId(),
                order.marketplaceId(), currency, ref, now, why, items);
        events.publishEvent(event);
        return new Refund(ref, event);
    }

    private static BigDecimal part(BigDecimal amount, BigDecimal taken, int quantity, int ordered, boolean completes,
                                   String currency) {
        return completes ? amount.subtract(taken).setScale(2)
                : OrderPricing.share(amount, quantity, ordered, currency);
    }

    /**
     * The payment check: up to {@code limit} due Pending orders (of every seller) become Unshipped.
     *
     * @return how many did
     */
    @Transactional
    public int promoteDue(int limit) {
        return repository.promoteDue(clock.instant(), limit);
    }

    private static Marketplace marketplaceOf(SellerAccount account, String marketplaceId) {
        Marketplace m = Marketplaces.byId(marketplaceId == null ? null : marketplaceId.strip())
                .orElseThrow(() -> new OrderRefused(OrderRefused.Reason.UNKNOWN_MARKETPLACE, shown(marketplaceId)));
        if (!account.marketplaceIds().contains(m.id().value())) {
            throw new OrderRefused(OrderRefused.Reason.NOT_SELLING_THERE, m.id().value(),
                    String.join(", ", account.marketplaceIds()));
        }
        return m;
    }

    private static void checkLines(List<NewOrder.Line> lines) {
        if (lines.isEmpty()) {
            throw new OrderRefused(OrderRefused.Reason.NO_ITEMS);
        }
        if (lines.size() > MAX_LINES) {
            throw new OrderRefused(OrderRefused.Reason.TOO_MANY_ITEMS, MAX_LINES);
        }
        Set<String> skus = new HashSet<>();
        for (NewOrder.Line l : lines) {
            if (l == null || l.sku() == null || l.sku().isBlank() || l.sku().length() > 40) {
                throw new OrderRefused(OrderRefused.Reason.INVALID_SKU);
            }
            if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                throw new OrderRefused(OrderRefused.Reason.INVALID_QUANTITY, l.sku(), MAX_QUANTITY);
            }
            if (!skus.add(l.sku())) {
                throw new OrderRefused(OrderRefused.Reason.DUPLICATE_SKU, l.sku());
            }
        }
    }

    /** Why the line's listing could not give its units, as the refusal that names the SKU. */
    private OrderRefused notBuyable(long accountId, String marketplaceId, NewOrder.Line line) {
        Optional<Listing> listing = catalog.listing(accountId, marketplaceId, line.sku());
        if (listing.isEmpty()) {
            return new OrderRefused(OrderRefused.Reason.UNKNOWN_SKU, line.sku(), marketplaceId);
        }
        return switch (listing.get().status()) {
            case STAGED -> new OrderRefused(OrderRefused.Reason.STAGED_SKU, line.sku());
            case INCOMPLETE -> new OrderRefused(OrderRefused.Reason.INCOMPLETE_SKU, line.sku());
            case INACTIVE -> new OrderRefused(OrderRefused.Reason.INACTIVE_SKU, line.sku());
            case ACTIVE -> new OrderRefused(OrderRefused.Reason.NOT_ENOUGH_STOCK, line.sku(), line.quantity(),
                    listing.get().quantity());
        };
    }

    private static String buyerName(NewOrder.Buyer buyer) {
        if (buyer == null || buyer.name() == null || buyer.name().isBlank()) {
            return Buyers.name();
        }
        if (buyer.name().strip().length() > 200) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_BUYER, "The buyer's name is longer than 200 characters.");
        }
        return buyer.name().strip();
    }

    private static String buyerEmail(NewOrder.Buyer buyer) {
        if (buyer == null || buyer.email() == null || buyer.email().isBlank()) {
            return Buyers.email();
        }
        String email = buyer.email().strip();
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_BUYER,
                    "The buyer's email must be an address like name@example.com (at most 254 characters).");
        }
        return email;
    }

    private static Address address(Address given, String buyerName, String countryCode) {
        if (given == null) {
            return Buyers.address(buyerName, countryCode);
        }
        if (blank(given.addressLine1()) || blank(given.city()) || blank(given.countryCode())) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_ADDRESS,
                    "A shipping address needs at least addressLine1, city and countryCode.");
        }
        if (!given.countryCode().strip().matches("[A-Z]{2}")) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_ADDRESS,
                    "countryCode is the two capital letters of ISO 3166-1, like US or DE.");
        }
        if (given.addressType() != null && !given.addressType().equals("Residential")
                && !given.addressType().equals("Commercial")) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_ADDRESS, "addressType is Residential or Commercial.");
        }
        limit(given.name(), "name", 200);
        limit(given.addressLine1(), "addressLine1", 200);
        limit(given.addressLine2(), "addressLine2", 200);
        limit(given.addressLine3(), "addressLine3", 200);
        limit(given.city(), "city", 100);
        limit(given.county(), "county", 100);
        limit(given.district(), "district", 100);
        limit(given.stateOrRegion(), "stateOrRegion", 100);
        limit(given.postalCode(), "postalCode", 20);
        limit(given.phone(), "phone", 40);
        return new Address(blank(given.name()) ? buyerName : given.name().strip(), given.addressLine1().strip(),
                given.addressLine2(), given.addressLine3(), given.city().strip(), given.county(), given.district(),
                given.stateOrRegion(), given.postalCode(), given.countryCode().strip(), given.phone(),
                given.addressType() == null ? "Residential" : given.addressType());
    }

    private static void limit(String value, String part, int max) {
        if (value != null && value.length() > max) {
            throw new OrderRefused(OrderRefused.Reason.INVALID_ADDRESS,
                    "The address's " + part + " is longer than " + max + " characters.");
        }
    }

    private String newAmazonOrderId() {
        while (true) {
            String id = ids.amazonOrderId().value();
            if (!repository.amazonOrderIdTaken(id)) {
                return id;
            }
        }
    }

    private String newOrderItemId(Set<String> taken) {
        while (true) {
            String id = ids.orderItemId().value();
            if (taken.add(id) && !repository.orderItemIdTaken(id)) {
                return id;
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** An id or value as the caller sent it, cut to a length fit for a message. */
    static String shown(String s) {
        return io.openmws.protocol.Text.abbreviate(String.valueOf(s), 43);
    }
}
