package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the order aggregate as the buyers change it: an order with its lines, its cancellation,
 * its refunds, and the payment check. Every statement on one order names the seller's account.
 */
@Repository
class OrderRepository {

    /** An order's row id and the columns the lifecycle decides on, read under the row's lock. */
    record Locked(long id, String amazonOrderId, String sellerOrderId, String marketplaceId, String status,
                  String currency, int itemsShipped) {}

    /** One line as refunds need it: what it shipped, what was refunded, and its amounts. */
    record Line(long id, String orderItemId, String sku, int quantityOrdered, int quantityShipped, int refunded,
                BigDecimal itemPrice, BigDecimal shippingPrice, BigDecimal itemTax, BigDecimal shippingTax,
                BigDecimal refundedPrincipal, BigDecimal refundedShipping, BigDecimal refundedTax,
                BigDecimal refundedShippingTax) {}

    /** One refunded line, to insert. */
    record RefundLine(long orderItemRef, int quantity, BigDecimal principal, BigDecimal shipping, BigDecimal tax,
                      BigDecimal shippingTax) {}

    private static final String ORDER_COLUMNS = """
            account_id, amazon_order_id, seller_order_id, marketplace_id, status, fulfillment_channel, sales_channel,
            ship_service_level, shipment_service_level_category, buyer_name, buyer_email, ship_name,
            ship_address_line1, ship_address_line2, ship_address_line3, ship_city, ship_county, ship_district,
            ship_state_or_region, ship_postal_code, ship_country_code, ship_phone, ship_address_type, currency,
            order_total, items_shipped, items_unshipped, purchase_date, pending_until, last_update_date,
            earliest_ship_date, latest_ship_date, earliest_delivery_date, latest_delivery_date, canceled_at,
            cancel_reason, canceled_by""";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean amazonOrderIdTaken(String amazonOrderId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE amazon_order_id = :id").param("id", amazonOrderId)
                .query(Long.class).single() > 0;
    }

    boolean orderItemIdTaken(String orderItemId) {
        return jdbc.sql("SELECT COUNT(*) FROM order_item WHERE order_item_id = :id").param("id", orderItemId)
                .query(Long.class).single() > 0;
    }

    /** Inserts the order and its lines (in order, seq from 1); returns the order's row id. */
    long insert(CustomerOrder o) {
        Address a = o.shippingAddress();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO customer_order (" + ORDER_COLUMNS + ") VALUES (" + ORDER_COLUMNS.replaceAll("(\\w+)", ":$1")
                        + ")")
                .param("account_id", o.accountId())
                .param("amazon_order_id", o.amazonOrderId())
                .param("seller_order_id", o.sellerOrderId())
                .param("marketplace_id", o.marketplaceId())
                .param("status", o.status())
                .param("fulfillment_channel", o.fulfillmentChannel())
                .param("sales_channel", o.salesChannel())
                .param("ship_service_level", o.shipServiceLevel())
                .param("shipment_service_level_category", o.shipmentServiceLevelCategory())
                .param("buyer_name", o.buyerName())
                .param("buyer_email", o.buyerEmail())
                .param("ship_name", a.name())
                .param("ship_address_line1", a.addressLine1())
                .param("ship_address_line2", a.addressLine2())
                .param("ship_address_line3", a.addressLine3())
                .param("ship_city", a.city())
                .param("ship_county", a.county())
                .param("ship_district", a.district())
                .param("ship_state_or_region", a.stateOrRegion())
                .param("ship_postal_code", a.postalCode())
                .param("ship_country_code", a.countryCode())
                .param("ship_phone", a.phone())
                .param("ship_address_type", a.addressType())
                .param("currency", o.currency())
                .param("order_total", o.orderTotal())
                .param("items_shipped", o.itemsShipped())
                .param("items_unshipped", o.itemsUnshipped())
                .param("purchase_date", SqlTime.of(o.purchaseDate()))
                .param("pending_until", SqlTime.of(o.pendingUntil()))
                .param("last_update_date", SqlTime.of(o.lastUpdateDate()))
                .param("earliest_ship_date", SqlTime.of(o.earliestShipDate()))
                .param("latest_ship_date", SqlTime.of(o.latestShipDate()))
                .param("earliest_delivery_date", SqlTime.of(o.earliestDeliveryDate()))
                .param("latest_delivery_date", SqlTime.of(o.latestDeliveryDate()))
                .param("canceled_at", SqlTime.of(o.canceledAt()))
                .param("cancel_reason", o.cancelReason())
                .param("canceled_by", o.canceledBy())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        int seq = 1;
        for (CustomerOrder.Item i : o.items()) {
            jdbc.sql("""
                            INSERT INTO order_item (order_ref, order_item_id, seq, sku, asin, title, condition_type,
                                                    quantity_ordered, quantity_shipped, unit_price, item_price,
                                                    shipping_price, item_tax, shipping_tax, promotion_discount)
                            VALUES (:order, :itemId, :seq, :sku, :asin, :title, :condition, :ordered, :shipped, :unit,
                                    :price, :shipping, :tax, :shippingTax, :promotion)""")
                    .param("order", id)
                    .param("itemId", i.orderItemId())
                    .param("seq", seq++)
                    .param("sku", i.sku())
                    .param("asin", i.asin())
                    .param("title", i.title())
                    .param("condition", i.conditionType())
                    .param("ordered", i.quantityOrdered())
                    .param("shipped", i.quantityShipped())
                    .param("unit", i.unitPrice())
                    .param("price", i.itemPrice())
                    .param("shipping", i.shippingPrice())
                    .param("tax", i.itemTax())
                    .param("shippingTax", i.shippingTax())
                    .param("promotion", i.promotionDiscount())
                    .update();
        }
        return id;
    }

    /** The seller's order with its lines (one query for the order's row id, then one each, no nesting). */
    Optional<CustomerOrder> find(long accountId, String amazonOrderId) {
        Optional<Long> id = jdbc.sql("SELECT id FROM customer_order WHERE account_id = :account AND amazon_order_id = :id")
                .param("account", accountId)
                .param("id", amazonOrderId)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<CustomerOrder.Item> items = items(id.get());
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM customer_order WHERE id = :id AND account_id = :account")
                .param("id", id.get())
                .param("account", accountId)
                .query((rs, n) -> order(rs, items))
                .optional();
    }

    /** An order's lines in order. */
    List<CustomerOrder.Item> items(long orderRef) {
        return jdbc.sql("""
                        SELECT order_item_id, sku, asin, title, condition_type, quantity_ordered, quantity_shipped,
                               unit_price, item_price, shipping_price, item_tax, shipping_tax, promotion_discount
                          FROM order_item WHERE order_ref = :order ORDER BY seq""")
                .param("order", orderRef)
                .query((rs, n) -> new CustomerOrder.Item(rs.getString("order_item_id"), rs.getString("sku"),
                        rs.getString("asin"), rs.getString("title"), rs.getString("condition_type"),
                        rs.getInt("quantity_ordered"), rs.getInt("quantity_shipped"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("item_price"), rs.getBigDecimal("shipping_price"),
                        rs.getBigDecimal("item_tax"), rs.getBigDecimal("shipping_tax"),
                        rs.getBigDecimal("promotion_discount")))
                .list();
    }

    /** Locks the seller's order row for a change of its lifecycle, until the transaction ends. */
    Optional<Locked> lock(long accountId, String amazonOrderId) {
        return jdbc.sql("""
                        SELECT id, amazon_order_id, seller_order_id, marketplace_id, status, currency, items_shipped
                          FROM customer_order WHERE account_id = :account AND amazon_order_id = :id FOR UPDATE""")
                .param("account", accountId)
                .param("id", amazonOrderId)
                .query((rs, n) -> new Locked(rs.getLong("id"), rs.getString("amazon_order_id"),
                        rs.getString("seller_order_id"), rs.getString("marketplace_id"), rs.getString("status"),
                        rs.getString("currency"), rs.getInt("items_shipped")))
                .optional();
    }

    void cancel(long accountId, long orderRef, Instant now, String reason, Canceler by) {
        jdbc.sql("""
                        UPDATE customer_order SET status = 'Canceled', canceled_at = :now, cancel_reason = :reason,
                               canceled_by = :by, last_update_date = :now
                         WHERE id = :order AND account_id = :account""")
                .param("now", SqlTime.of(now))
                .param("reason", reason)
                .param("by", by.name())
                .param("order", orderRef)
                .param("account", accountId)
                .update();
    }

    /**
     * The payment check: up to {@code limit} Pending orders whose {@code pending_until} has passed become
     * Unshipped, their last update being that moment; returns how many.
     */
    int promoteDue(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE customer_order SET status = 'Unshipped', last_update_date = pending_until
                         WHERE status = 'Pending' AND id IN (
                             SELECT id FROM customer_order WHERE status = 'Pending' AND pending_until <= :now
                              ORDER BY pending_until, id FETCH FIRST %d ROWS ONLY)""".formatted(limit))
                .param("now", SqlTime.of(now))
                .update();
    }

    /** The order's lines with what each shipped and what its refunds took so far. */
    List<Line> linesForRefund(long orderRef) {
        return jdbc.sql("""
                        SELECT i.id, i.order_item_id, i.sku, i.quantity_ordered, i.quantity_shipped, i.item_price,
                               i.shipping_price, i.item_tax, i.shipping_tax,
                               COALESCE(SUM(r.quantity), 0) AS refunded, COALESCE(SUM(r.principal), 0) AS r_principal,
                               COALESCE(SUM(r.shipping), 0) AS r_shipping, COALESCE(SUM(r.tax), 0) AS r_tax,
                               COALESCE(SUM(r.shipping_tax), 0) AS r_shipping_tax
                          FROM order_item i LEFT JOIN order_refund_item r ON r.order_item_ref = i.id
                         WHERE i.order_ref = :order
                         GROUP BY i.id, i.order_item_id, i.sku, i.quantity_ordered, i.quantity_shipped, i.item_price,
                                  i.shipping_price, i.item_tax, i.shipping_tax, i.seq
                         ORDER BY i.seq""")
                .param("order", orderRef)
                .query(OrderRepository::line)
                .list();
    }

    /** Records a refund and its lines; returns its id, the event's {@code refundRef}. */
    long insertRefund(long orderRef, String reason, Instant now, List<RefundLine> lines) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO order_refund (order_ref, reason, posted_at) VALUES (:order, :reason, :now)")
                .param("order", orderRef)
                .param("reason", reason)
                .param("now", SqlTime.of(now))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (RefundLine l : lines) {
            jdbc.sql("""
                            INSERT INTO order_refund_item (refund_ref, order_item_ref, quantity, principal, shipping, tax,
                                                           shipping_tax)
                            VALUES (:refund, :item, :quantity, :principal, :shipping, :tax, :shippingTax)""")
                    .param("refund", id)
                    .param("item", l.orderItemRef())
                    .param("quantity", l.quantity())
                    .param("principal", l.principal())
                    .param("shipping", l.shipping())
                    .param("tax", l.tax())
                    .param("shippingTax", l.shippingTax())
                    .update();
        }
        return id;
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getLong("id"), rs.getString("order_item_id"), rs.getString("sku"),
                rs.getInt("quantity_ordered"), rs.getInt("quantity_shipped"), rs.getInt("refunded"),
                rs.getBigDecimal("item_price"), rs.getBigDecimal("shipping_price"), rs.getBigDecimal("item_tax"),
                rs.getBigDecimal("shipping_tax"), rs.getBigDecimal("r_principal"), rs.getBigDecimal("r_shipping"),
                rs.getBigDecimal("r_tax"), rs.getBigDecimal("r_shipping_tax"));
    }

    private static CustomerOrder order(ResultSet rs, List<CustomerOrder.Item> items) throws SQLException {
        Address address = new Address(rs.getString("ship_name"), rs.getString("ship_address_line1"),
                rs.getString("ship_address_line2"), rs.getString("ship_address_line3"), rs.getString("ship_city"),
                rs.getString("ship_county"), rs.getString("ship_district"), rs.getString("ship_state_or_region"),
                rs.getString("ship_postal_code"), rs.getString("ship_country_code"), rs.getString("ship_phone"),
                rs.getString("ship_address_type"));
        return new CustomerOrder(rs.getLong("account_id"), rs.getString("amazon_order_id"),
                rs.getString("seller_order_id"), rs.getString("marketplace_id"), rs.getString("status"),
                rs.getString("fulfillment_channel"), rs.getString("sales_channel"), rs.getString("ship_service_level"),
                rs.getString("shipment_service_level_category"), rs.getString("buyer_name"),
                rs.getString("buyer_email"), address, rs.getString("currency"), rs.getBigDecimal("order_total"),
                rs.getInt("items_shipped"), rs.getInt("items_unshipped"), SqlTime.read(rs, "purchase_date"),
                SqlTime.read(rs, "pending_until"), SqlTime.read(rs, "last_update_date"),
                SqlTime.read(rs, "earliest_ship_date"), SqlTime.read(rs, "latest_ship_date"),
                SqlTime.read(rs, "earliest_delivery_date"), SqlTime.read(rs, "latest_delivery_date"),
                SqlTime.read(rs, "canceled_at"), rs.getString("cancel_reason"), rs.getString("canceled_by"), items);
    }
}
