package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of Seller Central's Manage Orders: one seller's orders, searched, filtered and paged
 * newest first, their count per status, and one order with its items, shipments and returns. Every query is
 * scoped by the seller's account, joins included; none writes.
 *
 * <p>Pages are keyset pages on (purchase date, id), newest first, read backwards from the
 * {@code customer_order_created} index: a seller with years of orders gets its thousandth page as
 * fast as its first, and orders arriving while the seller pages on neither repeat nor skip a row,
 * which offset pages over a list that grows at its head would do.
 */
@Component
class ManageOrdersQueries {

    /** One order as the list shows it; {@code ref} is the row id, never shown. */
    record Row(long ref, String amazonOrderId, Instant purchaseDate, String status, String marketplaceId,
               String fulfillmentChannel, String buyerName, String currency, BigDecimal orderTotal,
               Instant latestShipDate, int itemsShipped, int itemsUnshipped) {}

    /** One line of an order, as the list summarises it. */
    record ItemLine(String sku, String title, int quantity) {}

    /** A page of rows, newest first, and whether older and newer orders match too. */
    record Page(List<Row> rows, boolean hasOlder, boolean hasNewer) {}

    /** One order with everything its page shows. */
    record Order(long ref, String amazonOrderId, String sellerOrderId, String marketplaceId, String status,
                 String fulfillmentChannel, String salesChannel, String shipServiceLevel,
                 String shipmentServiceLevelCategory, String paymentMethod, String orderType, boolean prime,
                 boolean businessOrder, String buyerName, String buyerEmail, Address shippingAddress,
                 String currency, BigDecimal orderTotal, int itemsShipped, int itemsUnshipped,
                 Instant purchaseDate, Instant pendingUntil, Instant lastUpdateDate, Instant earliestShipDate,
                 Instant latestShipDate, Instant earliestDeliveryDate, Instant latestDeliveryDate,
                 Instant canceledAt, String cancelReason, String canceledBy) {}

    /** Where the order goes. */
    record Address(String name, String line1, String line2, String line3, String city, String county,
                   String district, String stateOrRegion, String postalCode, String countryCode, String phone,
                   String addressType) {}

    /** One line of an order with its prices (line totals, as MWS has them). */
    record Item(String orderItemId, String sku, String asin, String title, String condition, int quantityOrdered,
                int quantityShipped, BigDecimal unitPrice, BigDecimal itemPrice, BigDecimal shippingPrice,
                BigDecimal itemTax, BigDecimal shippingTax, BigDecimal promotionDiscount) {}

    /** One shipping confirmation and what left with it. */
    record Shipment(long ref, String carrierCode, String carrierName, String shippingMethod, String trackingNumber,
                    Instant shipDate, List<ShippedItem> items) {}

    /** How many units of one line left with a shipment. */
    record ShippedItem(String orderItemId, String sku, int quantity) {}

    /** A buyer's return: when, why, and per line the units and the money that went back. */
    record Refund(Instant postedAt, String reason, List<RefundedItem> items) {}

    /** One line of a return; {@code amount} is principal, shipping and both taxes together. */
    record RefundedItem(String orderItemId, String sku, int quantity, BigDecimal amount) {}

    private static final String SELECT = """
            SELECT o.id, o.amazon_order_id, o.purchase_date, o.status, o.marketplace_id, o.fulfillment_channel,
                   o.buyer_name, o.currency, o.order_total, o.latest_ship_date, o.items_shipped, o.items_unshipped
              FROM customer_order o
            """;
    private static final String OLDER = " AND (o.purchase_date < :atDate OR (o.purchase_date = :atDate AND o.id < :atRef))";
    private static final String NEWER = " AND (o.purchase_date > :atDate OR (o.purchase_date = :atDate AND o.id > :atRef))";

    private final JdbcClient jdbc;

    ManageOrdersQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the seller's orders matching the search, newest first: the newest ones, the ones older
     * than {@code search.before()} or the ones newer than {@code search.after()}. A position that is not
     * one of the seller's orders is no position: the page is the newest.
     */
    @Transactional(readOnly = true)
    Page page(long accountId, OrderSearch search) {
        Optional<Position> before = position(accountId, search.before());
        Optional<Position> after = before.isPresent() ? Optional.empty() : position(accountId, search.after());
        List<Row> rows;
        boolean hasOlder;
        boolean hasNewer;
        if (after.isPresent()) {
            rows = new ArrayList<>(select(accountId, search, NEWER, after.get(), "ASC", search.size() + 1));
            hasNewer = rows.size() > search.size();
            if (hasNewer) {
                rows = rows.subList(0, search.size());
            }
            Collections.reverse(rows);
            hasOlder = !rows.isEmpty() ? any(accountId, search, OLDER, last(rows))
                    : any(accountId, search, OLDER, after.get());
        } else {
            rows = select(accountId, search, before.isPresent() ? OLDER : "", before.orElse(null), "DESC",
                    search.size() + 1);
            hasOlder = rows.size() > search.size();
            if (hasOlder) {
                rows = rows.subList(0, search.size());
            }
            hasNewer = before.isPresent() && (!rows.isEmpty() ? any(accountId, search, NEWER, first(rows))
                    : any(accountId, search, NEWER, before.get()));
        }
        return new Page(List.copyOf(rows), hasOlder, hasNewer);
    }

    /** How many of the seller's orders match the search, dates and marketplace, per status (every status present). */
    @Transactional(readOnly = true)
    Map<String, Long> countsByStatus(long accountId, OrderSearch search) {
        var where = new StringBuilder(" WHERE o.account_id = :account");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        narrow(where, params, search, false);
        var statement = jdbc.sql("SELECT o.status, COUNT(*) AS n FROM customer_order o" + where + " GROUP BY o.status");
        params.forEach(statement::param);
        Map<String, Long> counts = new LinkedHashMap<>();
        OrderSearch.STATUSES.forEach(s -> counts.put(s, 0L));
        statement.query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Whether the seller has any order at all (the empty state tells how to get the first one). */
    @Transactional(readOnly = true)
    boolean hasOrders(long accountId) {
        return jdbc.sql("SELECT 1 FROM customer_order WHERE account_id = :account LIMIT 1").param("account", accountId)
                .query(Integer.class).optional().isPresent();
    }

    /** The lines of the listed orders, in their order, by order row id; only the seller's own. */
    @Transactional(readOnly = true)
    Map<Long, List<ItemLine>> itemLines(long accountId, List<Row> rows) {
        Map<Long, List<ItemLine>> lines = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                        SELECT i.order_ref, i.sku, i.title, i.quantity_ordered
                          FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                         WHERE o.account_id = :account AND i.order_ref IN (:refs)
                         ORDER BY i.order_ref, i.seq""")
                .param("account", accountId).param("refs", rows.stream().map(Row::ref).toList())
                .query((rs, n) -> Map.entry(rs.getLong("order_ref"),
                        new ItemLine(rs.getString("sku"), rs.getString("title"), rs.getInt("quantity_ordered"))))
                .list().forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return lines;
    }

    /** The seller's order with this id; empty for an unknown id and for another seller's order alike. */
    @Transactional(readOnly = true)
    Optional<Order> order(long accountId, String amazonOrderId) {
        return jdbc.sql("SELECT * FROM customer_order WHERE account_id = :account AND amazon_order_id = :id")
                .param("account", accountId).param("id", amazonOrderId)
                .query((rs, n) -> order(rs)).optional();
    }

    /** The lines of one of the seller's orders, in their order. */
    @Transactional(readOnly = true)
    List<Item> items(long accountId, long orderRef) {
        return jdbc.sql("""
                        SELECT i.* FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                         WHERE o.account_id = :account AND i.order_ref = :ref ORDER BY i.seq""")
                .param("account", accountId).param("ref", orderRef)
                .query((rs, n) -> new Item(rs.getString("order_item_id"), rs.getString("sku"), rs.getString("asin"),
                        rs.getString("title"), rs.getString("condition_type"), rs.getInt("quantity_ordered"),
                        rs.getInt("quantity_shipped"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("item_price"),
                        rs.getBigDecimal("shipping_price"), rs.getBigDecimal("item_tax"),
                        rs.getBigDecimal("shipping_tax"), rs.getBigDecimal("promotion_discount")))
                .list();
    }

    /** The shipments of one of the seller's orders, oldest first, each with the units that left with it. */
    @Transactional(readOnly = true)
    List<Shipment> shipments(long accountId, long orderRef) {
        Map<Long, List<ShippedItem>> shipped = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT si.shipment_ref, i.order_item_id, i.sku, si.quantity
                          FROM order_shipment_item si
                          JOIN order_shipment s ON s.id = si.shipment_ref
                          JOIN order_item i ON i.id = si.order_item_ref
                          JOIN customer_order o ON o.id = s.order_ref
                         WHERE o.account_id = :account AND s.order_ref = :ref
                         ORDER BY si.shipment_ref, i.seq""")
                .param("account", accountId).param("ref", orderRef)
                .query((rs, n) -> Map.entry(rs.getLong("shipment_ref"),
                        new ShippedItem(rs.getString("order_item_id"), rs.getString("sku"), rs.getInt("quantity"))))
                .list().forEach(e -> shipped.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("""
                        SELECT s.* FROM order_shipment s JOIN customer_order o ON o.id = s.order_ref
                         WHERE o.account_id = :account AND s.order_ref = :ref ORDER BY s.ship_date, s.id""")
                .param("account", accountId).param("ref", orderRef)
                .query((rs, n) -> new Shipment(rs.getLong("id"), rs.getString("carrier_code"),
                        rs.getString("carrier_name"), rs.getString("shipping_method"),
                        rs.getString("tracking_number"), SqlTime.read(rs, "ship_date"),
                        List.copyOf(shipped.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** The returns of one of the seller's orders, oldest first, each with its lines. */
    @Transactional(readOnly = true)
    List<Refund> refunds(long accountId, long orderRef) {
        Map<Long, List<RefundedItem>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT ri.refund_ref, i.order_item_id, i.sku, ri.quantity,
                               ri.principal + ri.shipping + ri.tax + ri.shipping_tax AS amount
                          FROM order_refund_item ri
                          JOIN order_refund r ON r.id = ri.refund_ref
                          JOIN order_item i ON i.id = ri.order_item_ref
                          JOIN customer_order o ON o.id = r.order_ref
                         WHERE o.account_id = :account AND r.order_ref = :ref
                         ORDER BY ri.refund_ref, i.seq""")
                .param("account", accountId).param("ref", orderRef)
                .query((rs, n) -> Map.entry(rs.getLong("refund_ref"), new RefundedItem(rs.getString("order_item_id"),
                        rs.getString("sku"), rs.getInt("quantity"), rs.getBigDecimal("amount"))))
                .list().forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("""
                        SELECT r.id, r.reason, r.posted_at FROM order_refund r JOIN customer_order o ON o.id = r.order_ref
                         WHERE o.account_id = :account AND r.order_ref = :ref ORDER BY r.posted_at, r.id""")
                .param("account", accountId).param("ref", orderRef)
                .query((rs, n) -> new Refund(SqlTime.read(rs, "posted_at"), rs.getString("reason"),
                        List.copyOf(lines.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** Where in the seller's list an order sits. */
    private record Position(Instant purchaseDate, long ref) {}

    private Optional<Position> position(long accountId, String amazonOrderId) {
        if (amazonOrderId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT purchase_date, id FROM customer_order WHERE account_id = :account AND amazon_order_id = :id")
                .param("account", accountId).param("id", amazonOrderId)
                .query((rs, n) -> new Position(SqlTime.read(rs, "purchase_date"), rs.getLong("id"))).optional();
    }

    private static Position first(List<Row> rows) {
        return new Position(rows.get(0).purchaseDate(), rows.get(0).ref());
    }

    private static Position last(List<Row> rows) {
        Row row = rows.get(rows.size() - 1);
        return new Position(row.purchaseDate(), row.ref());
    }

    private List<Row> select(long accountId, OrderSearch search, String keyset, Position at, String direction,
                             int limit) {
        var where = new StringBuilder(" WHERE o.account_id = :account");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        narrow(where, params, search, true);
        if (at != null) {
            where.append(keyset);
            params.put("atDate", SqlTime.of(at.purchaseDate()));
            params.put("atRef", at.ref());
        }
        var statement = jdbc.sql(SELECT + where + " ORDER BY o.purchase_date " + direction + ", o.id " + direction
                + " LIMIT :limit");
        params.forEach(statement::param);
        return statement.param("limit", limit).query((rs, n) -> row(rs)).list();
    }

    private boolean any(long accountId, OrderSearch search, String keyset, Position at) {
        var where = new StringBuilder(" WHERE o.account_id = :account");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        narrow(where, params, search, true);
        where.append(keyset);
        params.put("atDate", SqlTime.of(at.purchaseDate()));
        params.put("atRef", at.ref());
        var statement = jdbc.sql("SELECT 1 FROM customer_order o" + where + " LIMIT 1");
        params.forEach(statement::param);
        return statement.query(Integer.class).optional().isPresent();
    }

    // The buyer's name is searched only where the pages show it: not while the order is Pending.
    private static void narrow(StringBuilder where, Map<String, Object> params, OrderSearch search,
                               boolean byStatus) {
        if (byStatus && search.status() != null) {
            where.append(" AND o.status = :status");
            params.put("status", search.status());
        }
        if (search.marketplace() != null) {
            where.append(" AND o.marketplace_id = :marketplace");
            params.put("marketplace", search.marketplace());
        }
        if (search.purchasedFrom() != null) {
            where.append(" AND o.purchase_date >= :from");
            params.put("from", SqlTime.of(search.purchasedFrom()));
        }
        if (search.purchasedUntil() != null) {
            where.append(" AND o.purchase_date < :until");
            params.put("until", SqlTime.of(search.purchasedUntil()));
        }
        if (search.searching()) {
            where.append(" AND (o.amazon_order_id LIKE :like ESCAPE '\\'"
                    + " OR (o.status <> 'Pending' AND LOWER(o.buyer_name) LIKE :like ESCAPE '\\')"
                    + " OR EXISTS (SELECT 1 FROM order_item i WHERE i.order_ref = o.id"
                    + " AND LOWER(i.sku) LIKE :like ESCAPE '\\'))");
            params.put("like", search.like());
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("amazon_order_id"), SqlTime.read(rs, "purchase_date"),
                rs.getString("status"), rs.getString("marketplace_id"), rs.getString("fulfillment_channel"),
                rs.getString("buyer_name"), rs.getString("currency"), rs.getBigDecimal("order_total"),
                SqlTime.read(rs, "latest_ship_date"), rs.getInt("items_shipped"), rs.getInt("items_unshipped"));
    }

    private static Order order(ResultSet rs) throws SQLException {
        Address address = new Address(rs.getString("ship_name"), rs.getString("ship_address_line1"),
                rs.getString("ship_address_line2"), rs.getString("ship_address_line3"), rs.getString("ship_city"),
                rs.getString("ship_county"), rs.getString("ship_district"), rs.getString("ship_state_or_region"),
                rs.getString("ship_postal_code"), rs.getString("ship_country_code"), rs.getString("ship_phone"),
                rs.getString("ship_address_type"));
        return new Order(rs.getLong("id"), rs.getString("amazon_order_id"), rs.getString("seller_order_id"),
                rs.getString("marketplace_id"), rs.getString("status"), rs.getString("fulfillment_channel"),
                rs.getString("sales_channel"), rs.getString("ship_service_level"),
                rs.getString("shipment_service_level_category"), rs.getString("payment_method"),
                rs.getString("order_type"), rs.getBoolean("is_prime"), rs.getBoolean("is_business_order"),
                rs.getString("buyer_name"), rs.getString("buyer_email"), address, rs.getString("currency"),
                rs.getBigDecimal("order_total"), rs.getInt("items_shipped"), rs.getInt("items_unshipped"),
                SqlTime.read(rs, "purchase_date"), SqlTime.read(rs, "pending_until"),
                SqlTime.read(rs, "last_update_date"), SqlTime.read(rs, "earliest_ship_date"),
                SqlTime.read(rs, "latest_ship_date"), SqlTime.read(rs, "earliest_delivery_date"),
                SqlTime.read(rs, "latest_delivery_date"), SqlTime.read(rs, "canceled_at"),
                rs.getString("cancel_reason"), rs.getString("canceled_by"));
    }
}
