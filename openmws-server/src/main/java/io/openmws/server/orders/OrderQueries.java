package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of orders for the Orders API: explicit SQL over the V16 tables, every query scoped by
 * the calling seller's account. Lists are keyset pages on ({@code purchase_date}, {@code id}) or
 * ({@code last_update_date}, {@code id}), served by the indexes {@code customer_order_created} and
 * {@code customer_order_updated}, so a page deep in a long list reads what the first page reads.
 */
@Repository
class OrderQueries {

    private static final String COLUMNS = """
            o.id, o.amazon_order_id, o.seller_order_id, o.marketplace_id, o.status, o.fulfillment_channel,
            o.sales_channel, o.ship_service_level, o.shipment_service_level_category, o.payment_method, o.order_type,
            o.is_prime, o.is_business_order, o.buyer_name, o.buyer_email, o.ship_name, o.ship_address_line1,
            o.ship_address_line2, o.ship_address_line3, o.ship_city, o.ship_county, o.ship_district,
            o.ship_state_or_region, o.ship_postal_code, o.ship_country_code, o.ship_phone, o.ship_address_type,
            o.currency, o.order_total, o.items_shipped, o.items_unshipped, o.purchase_date, o.last_update_date,
            o.earliest_ship_date, o.latest_ship_date, o.earliest_delivery_date, o.latest_delivery_date""";

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the seller's orders in the query's window, ascending by the window's date then id,
     * starting after {@code from} (at the window's start when null).
     */
    List<ApiOrder> list(long accountId, ListOrdersQuery query, ListOrdersQuery.Position from, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql(listSql(query, from != null))
                .param("account", accountId)
                .param("after", SqlTime.of(query.after()))
                .param("before", SqlTime.of(query.before()))
                .param("limit", limit);
        if (!query.marketplaceIds().isEmpty()) {
            statement = statement.param("marketplaces", query.marketplaceIds());
        }
        if (!query.statuses().isEmpty()) {
            statement = statement.param("statuses", query.statuses());
        }
        if (!query.fulfillmentChannels().isEmpty()) {
            statement = statement.param("channels", query.fulfillmentChannels());
        }
        if (!query.paymentMethods().isEmpty()) {
            statement = statement.param("methods", query.paymentMethods());
        }
        if (query.buyerEmail() != null) {
            statement = statement.param("buyerEmail", query.buyerEmail());
        }
        if (query.sellerOrderId() != null) {
            statement = statement.param("sellerOrderId", query.sellerOrderId());
        }
        if (from != null) {
            statement = statement.param("fromDate", SqlTime.of(from.date())).param("fromId", from.id());
        }
        return statement.query(OrderQueries::order).list();
    }

    /**
     * The SQL of {@link #list}: the keyset condition is written as {@code date >= :fromDate AND (date >
     * :fromDate OR id > :fromId)}, which both databases turn into an index range start.
     */
    static String listSql(ListOrdersQuery query, boolean withPosition) {
        String date = query.byLastUpdate() ? "o.last_update_date" : "o.purchase_date";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM customer_order o WHERE o.account_id = :account"
                + " AND " + date + " >= :after AND " + date + " < :before");
        if (!query.marketplaceIds().isEmpty()) {
            sql.append(" AND o.marketplace_id IN (:marketplaces)");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND o.status IN (:statuses)");
        }
        if (!query.fulfillmentChannels().isEmpty()) {
            sql.append(" AND o.fulfillment_channel IN (:channels)");
        }
        if (!query.paymentMethods().isEmpty()) {
            sql.append(" AND o.payment_method IN (:methods)");
        }
        if (query.buyerEmail() != null) {
            sql.append(" AND o.buyer_email = :buyerEmail");
        }
        if (query.sellerOrderId() != null) {
            sql.append(" AND o.seller_order_id = :sellerOrderId");
        }
        if (withPosition) {
            sql.append(" AND ").append(date).append(" >= :fromDate AND (").append(date)
                    .append(" > :fromDate OR o.id > :fromId)");
        }
        sql.append(" ORDER BY ").append(date).append(", o.id LIMIT :limit");
        return sql.toString();
    }

    /** The seller's orders among these ids (unknown ones and other sellers' are simply not there). */
    List<ApiOrder> byAmazonOrderIds(long accountId, List<String> amazonOrderIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order o WHERE o.account_id = :account"
                        + " AND o.amazon_order_id IN (:ids)")
                .param("account", accountId).param("ids", amazonOrderIds)
                .query(OrderQueries::order).list();
    }

    /** One page of the seller's order's lines, by their place in the order, after line {@code afterSeq}. */
    List<ApiOrderItem> items(long accountId, long orderRef, int afterSeq, int limit) {
        return jdbc.sql("""
                        SELECT i.seq, i.order_item_id, i.sku, i.asin, i.title, i.condition_type, i.quantity_ordered,
                            i.quantity_shipped, i.item_price, i.shipping_price, i.item_tax, i.shipping_tax,
                            i.promotion_discount
                        FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                        WHERE o.account_id = :account AND i.order_ref = :ref AND i.seq > :afterSeq
                        ORDER BY i.seq LIMIT :limit""")
                .param("account", accountId).param("ref", orderRef).param("afterSeq", afterSeq).param("limit", limit)
                .query((rs, n) -> new ApiOrderItem(rs.getInt("seq"), rs.getString("order_item_id"), rs.getString("sku"),
                        rs.getString("asin"), rs.getString("title"), rs.getString("condition_type"),
                        rs.getInt("quantity_ordered"), rs.getInt("quantity_shipped"), rs.getBigDecimal("item_price"),
                        rs.getBigDecimal("shipping_price"), rs.getBigDecimal("item_tax"),
                        rs.getBigDecimal("shipping_tax"), rs.getBigDecimal("promotion_discount")))
                .list();
    }

    private static ApiOrder order(ResultSet rs, int rowNum) throws SQLException {
        ApiOrder.Address address = new ApiOrder.Address(rs.getString("ship_name"), rs.getString("ship_address_line1"),
                rs.getString("ship_address_line2"), rs.getString("ship_address_line3"), rs.getString("ship_city"),
                rs.getString("ship_county"), rs.getString("ship_district"), rs.getString("ship_state_or_region"),
                rs.getString("ship_postal_code"), rs.getString("ship_country_code"), rs.getString("ship_phone"),
                rs.getString("ship_address_type"));
        return new ApiOrder(rs.getLong("id"), rs.getString("amazon_order_id"), rs.getString("seller_order_id"),
                rs.getString("marketplace_id"), rs.getString("status"), rs.getString("fulfillment_channel"),
                rs.getString("sales_channel"), rs.getString("ship_service_level"),
                rs.getString("shipment_service_level_category"), rs.getString("payment_method"),
                rs.getString("order_type"), rs.getBoolean("is_prime"), rs.getBoolean("is_business_order"),
                rs.getString("buyer_name"), rs.getString("buyer_email"), address, rs.getString("currency"),
                rs.getBigDecimal("order_total"), rs.getInt("items_shipped"), rs.getInt("items_unshipped"),
                SqlTime.read(rs, "purchase_date"), SqlTime.read(rs, "last_update_date"),
                SqlTime.read(rs, "earliest_ship_date"), SqlTime.read(rs, "latest_ship_date"),
                SqlTime.read(rs, "earliest_delivery_date"), SqlTime.read(rs, "latest_delivery_date"));
    }
}
