package io.openmws.server.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what sellers send in order feeds (../shared/spec/mws-data-apis.md §2.5-§2.6, §4.5): shipping
 * confirmations move an order to {@code PartiallyShipped} or {@code Shipped}; acknowledgements record the
 * seller's ids (Success) or cancel the order (Failure).
 *
 * <p>Runs inside the caller's transaction (the feed's batch, whose results and checkpoint commit with
 * it), so a feed taken up again after a restart never ships twice; the {@code (feed_ref, message_id)}
 * index says the same to the database. {@link OrderShipped} is published in that transaction too.
 *
 * <p>Codes: {@value #QUANTITY_TOO_LARGE} for more units than can be shipped (an order still
 * {@code Pending}, or {@code Canceled}, has none that can); {@value #ORDER_NOT_FOUND} for an order, or an
 * item, the seller does not have (another seller's order is not found either: nothing tells it exists);
 * {@value #NOT_ALLOWED} for a Failure acknowledgement of an order that has shipped items.
 */
@Service
public class OrderFulfillments {

    /** §2.6: the quantities are larger than what can be fulfilled. */
    public static final int QUANTITY_TOO_LARGE = 18021;
    /** §2.6: the order cannot be found. */
    public static final int ORDER_NOT_FOUND = 18028;
    /** §2.7: a value that is not allowed, here StatusCode Failure for an order that has shipped items. */
    public static final int NOT_ALLOWED = 90205;

    /** What Amazon says for 18021 (§2.6), then the particulars. */
    static final String TOO_LARGE = "The quantities you provided for order id (%s) were larger than the quantities"
            + " that could be fulfilled. Please review the quantity of items on the order.";

    private final ShipmentRepository repository;
    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderFulfillments(ShipmentRepository repository, Orders orders, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies the messages of one feed batch in order, for the seller {@code accountId}.
     *
     * @param feedRef the feed ({@code feed_submission.id}) the messages come from, recorded on each shipment
     * @return one refusal per message not applied, in message order; the others were applied
     */
    @Transactional
    public List<OrderFeedRefusal> apply(long accountId, long feedRef, List<OrderFeedMessage> messages) {
        List<OrderFeedRefusal> refusals = new ArrayList<>();
        for (OrderFeedMessage message : messages) {
            Optional<OrderFeedRefusal> refused = message instanceof OrderFeedMessage.Shipment s
                    ? ship(accountId, feedRef, s)
                    : acknowledge(accountId, (OrderFeedMessage.Acknowledgement) message);
            refused.ifPresent(refusals::add);
        }
        return refusals;
    }

    // ---- shipping confirmation

    private Optional<OrderFeedRefusal> ship(long accountId, long feedRef, OrderFeedMessage.Shipment s) {
        Found found = find(accountId, s);
        if (found.refusal != null) {
            return Optional.of(found.refusal);
        }
        ShipmentRepository.OrderRow order = found.order;
        if (repository.shipped(feedRef, s.messageId())) {
            return Optional.empty();
        }
        String id = order.amazonOrderId();
        if (order.status().equals("Pending") || order.status().equals("Canceled")) {
            return refuse(s, id, QUANTITY_TOO_LARGE, TOO_LARGE.formatted(id) + (order.status().equals("Pending")
                    ? " The order is Pending (its payment is being checked): none of its units can ship before it"
                    + " is Unshipped, 30 minutes after it was placed."
                    : " The order is Canceled: none of its units can ship."));
        }
        List<ShipmentRepository.ItemRow> items = repository.items(order.id());
        Map<ShipmentRepository.ItemRow, Integer> shipping = new LinkedHashMap<>();
        if (s.lines().isEmpty()) {
            for (ShipmentRepository.ItemRow item : items) {
                if (item.remaining() > 0) {
                    shipping.put(item, item.remaining());
                }
            }
            if (shipping.isEmpty()) {
                return refuse(s, id, QUANTITY_TOO_LARGE, TOO_LARGE.formatted(id)
                        + " Every unit of the order has shipped already.");
            }
        } else {
            for (OrderFeedMessage.Line line : s.lines()) {
                ShipmentRepository.ItemRow item = item(items, line.orderItemId(), line.merchantOrderItemId());
                if (item == null) {
                    return refuse(s, id, ORDER_NOT_FOUND, "Order item " + named(line.orderItemId(),
                            line.merchantOrderItemId()) + " cannot be found in order " + id + ".");
                }
                int already = shipping.getOrDefault(item, 0);
                int quantity = line.quantity() != null ? line.quantity() : item.remaining() - already;
                if (quantity <= 0 || already + quantity > item.remaining()) {
                    return refuse(s, id, QUANTITY_TOO_LARGE, TOO_LARGE.formatted(id) + " Item " + item.orderItemId()
                            + " (SKU " + item.sku() + ") has " + item.remaining() + " of " + item.quantityOrdered()
                            + " units left to ship; the message ships " + (already + Math.max(quantity, 0)) + ".");
                }
                shipping.put(item, already + quantity);
            }
        }
        Instant now = clock.instant();
        List<OrderShipped.Item> shipped = new ArrayList<>(shipping.size());
        int scale = scale(order.currency());
        for (Map.Entry<ShipmentRepository.ItemRow, Integer> e : shipping.entrySet()) {
            shipped.add(part(e.getKey(), e.getValue(), repository.earlierParts(e.getKey().id()), scale));
        }
        long shipmentRef = repository.insertShipment(order.id(), feedRef, s.messageId(), s, now);
        int units = 0;
        for (Map.Entry<ShipmentRepository.ItemRow, Integer> e : shipping.entrySet()) {
            repository.insertShipmentItem(shipmentRef, e.getKey().id(), e.getValue());
            repository.addShipped(e.getKey().id(), e.getValue());
            units += e.getValue();
        }
        repository.orderShipped(order.id(), units, now);
        events.publishEvent(new OrderShipped(accountId, id, order.sellerOrderId(), order.marketplaceId(),
                order.currency(), shipmentRef, now, shipped));
        return Optional.empty();
    }

    /**
     * This shipment's share of a line (the rule {@link OrderShipped} states): each part gets its pro-rata
     * amount rounded half-even to the currency's minor unit; the part that completes the line gets what the
     * earlier parts left, so the parts add up to the line exactly.
     */
    static OrderShipped.Item part(ShipmentRepository.ItemRow item, int quantity, List<Integer> earlier, int scale) {
        boolean completes = item.quantityShipped() + quantity == item.quantityOrdered();
        BigDecimal[] amounts = {item.itemPrice(), item.shippingPrice(), item.itemTax(), item.shippingTax(),
                item.promotionDiscount()};
        BigDecimal[] parts = new BigDecimal[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            BigDecimal amount = amounts[i] == null ? BigDecimal.ZERO : amounts[i];
            if (completes) {
                BigDecimal before = BigDecimal.ZERO;
                for (int q : earlier) {
                    before = before.add(share(amount, q, item.quantityOrdered(), scale));
                }
                parts[i] = amount.subtract(before).setScale(scale, RoundingMode.HALF_EVEN);
            } else {
                parts[i] = share(amount, quantity, item.quantityOrdered(), scale);
            }
        }
        return new OrderShipped.Item(item.orderItemId(), item.sku(), quantity, parts[0], parts[1], parts[2], parts[3],
                parts[4]);
    }

    private static BigDecimal share(BigDecimal amount, int quantity, int ordered, int scale) {
        return amount.multiply(BigDecimal.valueOf(quantity)).divide(BigDecimal.valueOf(ordered), scale,
                RoundingMode.HALF_EVEN);
    }

    private static int scale(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    // ---- acknowledgement

    private Optional<OrderFeedRefusal> acknowledge(long accountId, OrderFeedMessage.Acknowledgement a) {
        Found found = find(accountId, a);
        if (found.refusal != null) {
            return Optional.of(found.refusal);
        }
        ShipmentRepository.OrderRow order = found.order;
        String id = order.amazonOrderId();
        List<ShipmentRepository.ItemRow> items = repository.items(order.id());
        List<ShipmentRepository.ItemRow> named = new ArrayList<>(a.items().size());
        for (OrderFeedMessage.AcknowledgedItem i : a.items()) {
            ShipmentRepository.ItemRow item = item(items, i.orderItemId(), null);
            if (item == null) {
                return refuse(a, id, ORDER_NOT_FOUND, "Order item " + i.orderItemId() + " cannot be found in order "
                        + id + ".");
            }
            named.add(item);
        }
        if (!a.success() && order.itemsShipped() > 0) {
            return refuse(a, id, NOT_ALLOWED, "Order " + id + " has shipped items (" + order.itemsShipped() + " of "
                    + (order.itemsShipped() + order.itemsUnshipped()) + " units): a Failure acknowledgement cannot"
                    + " cancel it any more; it was not applied.");
        }
        Instant now = clock.instant();
        if (a.merchantOrderId() != null && !a.merchantOrderId().equals(order.sellerOrderId())) {
            repository.setSellerOrderId(order.id(), a.merchantOrderId(), now);
        }
        for (int i = 0; i < named.size(); i++) {
            String merchantItemId = a.items().get(i).merchantOrderItemId();
            if (merchantItemId != null && !merchantItemId.equals(named.get(i).merchantOrderItemId())) {
                repository.setMerchantOrderItemId(named.get(i).id(), merchantItemId);
                repository.touched(order.id(), now);
            }
        }
        if (!a.success() && !order.status().equals("Canceled")) {
            cancel(accountId, order, a);
        }
        return Optional.empty();
    }

    /**
     * Cancels through {@link Orders#cancel}, which returns the stock (not for NoInventory). The order is
     * known here to be the seller's, not canceled and without shipped items, so it refuses nothing.
     */
    private void cancel(long accountId, ShipmentRepository.OrderRow order, OrderFeedMessage.Acknowledgement a) {
        String reason = a.items().stream().map(OrderFeedMessage.AcknowledgedItem::cancelReason)
                .filter(r -> r != null).findFirst().orElse(null);
        orders.cancel(accountId, order.amazonOrderId(), reason, Canceler.SELLER);
    }

    // ---- lookups

    private record Found(ShipmentRepository.OrderRow order, OrderFeedRefusal refusal) {
    }

    private Found find(long accountId, OrderFeedMessage m) {
        if (m.amazonOrderId() != null) {
            return repository.lockByAmazonOrderId(accountId, m.amazonOrderId())
                    .map(o -> new Found(o, null))
                    .orElseGet(() -> new Found(null, new OrderFeedRefusal(m.messageId(), m.amazonOrderId(),
                            ORDER_NOT_FOUND, "Order " + m.amazonOrderId() + " cannot be found among your orders: the"
                            + " data you submitted is incomplete or invalid.")));
        }
        List<ShipmentRepository.OrderRow> orders = repository.lockBySellerOrderId(accountId, m.merchantOrderId());
        if (orders.size() == 1) {
            return new Found(orders.get(0), null);
        }
        return new Found(null, new OrderFeedRefusal(m.messageId(), null, ORDER_NOT_FOUND, orders.isEmpty()
                ? "No order of yours has the MerchantOrderID " + m.merchantOrderId() + " (an acknowledgement sets it);"
                + " the data you submitted is incomplete or invalid."
                : "Several of your orders have the MerchantOrderID " + m.merchantOrderId() + "; name the order by its"
                + " AmazonOrderID."));
    }

    private static ShipmentRepository.ItemRow item(List<ShipmentRepository.ItemRow> items, String orderItemId,
                                                   String merchantOrderItemId) {
        for (ShipmentRepository.ItemRow item : items) {
            if (orderItemId != null ? orderItemId.equals(item.orderItemId())
                    : merchantOrderItemId != null && merchantOrderItemId.equals(item.merchantOrderItemId())) {
                return item;
            }
        }
        return null;
    }

    private static String named(String orderItemId, String merchantOrderItemId) {
        return orderItemId != null ? orderItemId : "with MerchantOrderItemID " + merchantOrderItemId;
    }

    private static Optional<OrderFeedRefusal> refuse(OrderFeedMessage m, String amazonOrderId, int code,
                                                     String description) {
        return Optional.of(new OrderFeedRefusal(m.messageId(), amazonOrderId, code, description));
    }
}
