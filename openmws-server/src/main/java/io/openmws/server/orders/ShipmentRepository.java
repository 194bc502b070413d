package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of what order feeds change: shipments ({@code order_shipment}, {@code order_shipment_item})
 * and the quantities, counts, status and seller ids they move on the order and its items. Every read of
 * an order is scoped by its seller's account.
 */
@Repository
class ShipmentRepository {

    /** The order row a feed message changes, locked for the rest of the transaction. */
    record OrderRow(long id, String amazonOrderId, String sellerOrderId, String marketplaceId, String status,
                    String currency, int itemsShipped, int itemsUnshipped) {
    }

    /** One line of the order with what has shipped of it. */
    record ItemRow(long id, String orderItemId, String merchantOrderItemId, String sku, int quantityOrdered,
                   int quantityShipped, BigDecimal itemPrice, BigDecimal shippingPrice, BigDecimal itemTax,
                   BigDecimal shippingTax, BigDecimal promotionDiscount) {

        int remaining() {
            return quantityOrdered - quantityShipped;
        }
    }

    private static final String ORDER_COLUMNS = """
            SELECT id, amazon_order_id, seller_order_id, marketplace_id, status, currency, items_shipped,
                   items_unshipped FROM customer_order""";

    private final JdbcClient jdbc;

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrderRow> lockByAmazonOrderId(long accountId, String amazonOrderId) {
        return jdbc.sql(ORDER_COLUMNS + " WHERE account_id = :a AND amazon_order_id = :o FOR UPDATE")
                .param("a", accountId).param("o", amazonOrderId).query(ShipmentRepository::order).optional();
    }

    /** The seller's orders with this SellerOrderId (two at most: more than one is ambiguous). */
    List<OrderRow> lockBySellerOrderId(long accountId, String sellerOrderId) {
        return jdbc.sql(ORDER_COLUMNS + " WHERE account_id = :a AND seller_order_id = :o ORDER BY id FETCH FIRST 2 ROWS"
                        + " ONLY FOR UPDATE")
                .param("a", accountId).param("o", sellerOrderId).query(ShipmentRepository::order).list();
    }

    List<ItemRow> items(long orderRef) {
        return jdbc.sql("""
                        SELECT id, order_item_id, merchant_order_item_id, sku, quantity_ordered, quantity_shipped,
                               item_price, shipping_price, item_tax, shipping_tax, promotion_discount
                          FROM order_item WHERE order_ref = :o ORDER BY seq""")
                .param("o", orderRef)
                .query((rs, n) -> new ItemRow(rs.getLong("id"), rs.getString("order_item_id"),
                        rs.getString("merchant_order_item_id"), rs.getString("sku"), rs.getInt("quantity_ordered"),
                        rs.getInt("quantity_shipped"), rs.getBigDecimal("item_price"),
                        rs.getBigDecimal("shipping_price"), rs.getBigDecimal("item_tax"),
                        rs.getBigDecimal("shipping_tax"), rs.getBigDecimal("promotion_discount")))
                .list();
    }

    /** Whether this feed message already made its shipment. */
    boolean shipped(long feedRef, long messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM order_shipment WHERE feed_ref = :f AND message_id = :m")
                .param("f", feedRef).param("m", messageId).query(Long.class).single() > 0;
    }

    /** The quantities of the earlier shipments of one order line, oldest first. */
    List<Integer> earlierParts(long orderItemRef) {
        return jdbc.sql("""
                        SELECT i.quantity FROM order_shipment_item i JOIN order_shipment s ON s.id = i.shipment_ref
                         WHERE i.order_item_ref = :i ORDER BY s.id""")
                .param("i", orderItemRef).query(Integer.class).list();
    }

    long insertShipment(long orderRef, Long feedRef, long messageId, OrderFeedMessage.Shipment s, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO order_shipment (order_ref, feed_ref, message_id, merchant_fulfillment_id,
                               carrier_code, carrier_name, shipping_method, tracking_number, ship_date, recorded_at)
                        VALUES (:order, :feed, :message, :mfid, :code, :name, :method, :tracking, :shipDate, :now)""")
                .param("order", orderRef).param("feed", feedRef).param("message", messageId)
                .param("mfid", s.merchantFulfillmentId()).param("code", s.carrierCode()).param("name", s.carrierName())
                .param("method", s.shippingMethod()).param("tracking", s.trackingNumber())
                .param("shipDate", SqlTime.of(s.shipDate())).param("now", SqlTime.of(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertShipmentItem(long shipmentRef, long orderItemRef, int quantity) {
        jdbc.sql("INSERT INTO order_shipment_item (shipment_ref, order_item_ref, quantity) VALUES (:s, :i, :q)")
                .param("s", shipmentRef).param("i", orderItemRef).param("q", quantity).update();
    }

    void addShipped(long orderItemRef, int quantity) {
        jdbc.sql("UPDATE order_item SET quantity_shipped = quantity_shipped + :q WHERE id = :i")
                .param("q", quantity).param("i", orderItemRef).update();
    }

    /** Moves the order's counts by {@code units} shipped and sets its status by what is left. */
    void orderShipped(long orderRef, int units, Instant now) {
        jdbc.sql("""
                        UPDATE customer_order
                           SET items_shipped = items_shipped + :u, items_unshipped = items_unshipped - :u,
                               status = CASE WHEN items_unshipped - :u = 0 THEN 'Shipped' ELSE 'PartiallyShipped' END,
                               last_update_date = :now
                         WHERE id = :o""")
                .param("u", units).param("now", SqlTime.of(now)).param("o", orderRef).update();
    }

    void setSellerOrderId(long orderRef, String sellerOrderId, Instant now) {
        jdbc.sql("UPDATE customer_order SET seller_order_id = :s, last_update_date = :now WHERE id = :o")
                .param("s", sellerOrderId).param("now", SqlTime.of(now)).param("o", orderRef).update();
    }

    void setMerchantOrderItemId(long orderItemRef, String merchantOrderItemId) {
        jdbc.sql("UPDATE order_item SET merchant_order_item_id = :m WHERE id = :i")
                .param("m", merchantOrderItemId).param("i", orderItemRef).update();
    }

    void touched(long orderRef, Instant now) {
        jdbc.sql("UPDATE customer_order SET last_update_date = :now WHERE id = :o")
                .param("now", SqlTime.of(now)).param("o", orderRef).update();
    }

    private static OrderRow order(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OrderRow(rs.getLong("id"), rs.getString("amazon_order_id"), rs.getString("seller_order_id"),
                rs.getString("marketplace_id"), rs.getString("status"), rs.getString("currency"),
                rs.getInt("items_shipped"), rs.getInt("items_unshipped"));
    }
}
