package io.openmws.server.finances;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code financial_event} table with its items and components: events are written once, whole,
 * and read a keyset page at a time, always within one seller.
 */
@Repository
class FinancialEventRepository {

    /** Which events a page holds: one filter family of ListFinancialEvents. */
    sealed interface Filter {
        /** Every event of one order. */
        record ByOrder(String amazonOrderId) implements Filter {}

        /** Every event of one group (by its row, already found within the seller). */
        record ByGroup(long groupRef) implements Filter {}

        /** Events posted in [after, before). */
        record Posted(Instant after, Instant before) implements Filter {}
    }

    /** Where a page starts: after this (posted date, id), or at the first when null. */
    record After(Instant posted, long id) {}

    private final JdbcClient jdbc;

    FinancialEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long accountId, String sourceRef) {
        return jdbc.sql("SELECT COUNT(*) FROM financial_event WHERE account_id = :account AND source_ref = :source")
                .param("account", accountId).param("source", sourceRef).query(Long.class).single() > 0;
    }

    /** Writes the event with its items and components; answers its id. */
    long insert(long accountId, long groupRef, String sourceRef, PostedEvent event) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO financial_event (account_id, group_ref, event_type, source_ref, amazon_order_id,
                            seller_order_id, marketplace_name, currency, posted_date, amount)
                        VALUES (:account, :group, :type, :source, :order, :sellerOrder, :marketplace, :currency,
                            :posted, :amount)""")
                .param("account", accountId).param("group", groupRef).param("type", event.type())
                .param("source", sourceRef).param("order", event.amazonOrderId())
                .param("sellerOrder", event.sellerOrderId()).param("marketplace", event.marketplaceName())
                .param("currency", event.currency()).param("posted", SqlTime.of(event.postedDate()))
                .param("amount", event.amount())
                .update(key, "id");
        long eventId = key.getKey().longValue();
        int seq = 0;
        for (PostedEvent.Item item : event.items()) {
            KeyHolder itemKey = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO financial_event_item (event_ref, seq, seller_sku, order_item_id,
                                order_adjustment_item_id, quantity)
                            VALUES (:event, :seq, :sku, :orderItem, :adjustment, :quantity)""")
                    .param("event", eventId).param("seq", ++seq).param("sku", item.sellerSku())
                    .param("orderItem", item.orderItemId()).param("adjustment", item.orderAdjustmentItemId())
                    .param("quantity", item.quantity())
                    .update(itemKey, "id");
            long itemId = itemKey.getKey().longValue();
            int componentSeq = 0;
            for (PostedEvent.Component c : item.components()) {
                jdbc.sql("""
                                INSERT INTO financial_event_component (item_ref, seq, kind, component_type,
                                    promotion_id, amount)
                                VALUES (:item, :seq, :kind, :type, :promotion, :amount)""")
                        .param("item", itemId).param("seq", ++componentSeq).param("kind", c.kind())
                        .param("type", c.type()).param("promotion", c.promotionId()).param("amount", c.amount())
                        .update();
            }
        }
        return eventId;
    }

    /**
     * A page of the seller's events matching the filter, posted on or after {@code oldest}, by posted
     * date then id, with their items and components.
     */
    List<PostedEvent> page(long accountId, Filter filter, Instant oldest, After from, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, event_type, amazon_order_id, seller_order_id, marketplace_name, currency, posted_date,
                    amount
                FROM financial_event WHERE account_id = :account AND posted_date >= :oldest""");
        if (filter instanceof Filter.ByOrder) {
            sql.append(" AND amazon_order_id = :order");
        } else if (filter instanceof Filter.ByGroup) {
            sql.append(" AND group_ref = :group");
        } else {
            sql.append(" AND posted_date >= :after AND posted_date < :before");
        }
        if (from != null) {
            sql.append(" AND (posted_date > :fromPosted OR (posted_date = :fromPosted AND id > :fromId))");
        }
        sql.append(" ORDER BY posted_date, id LIMIT :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("account", accountId)
                .param("oldest", SqlTime.of(oldest)).param("limit", limit);
        if (filter instanceof Filter.ByOrder o) {
            spec = spec.param("order", o.amazonOrderId());
        } else if (filter instanceof Filter.ByGroup g) {
            spec = spec.param("group", g.groupRef());
        } else if (filter instanceof Filter.Posted p) {
            spec = spec.param("after", SqlTime.of(p.after())).param("before", SqlTime.of(p.before()));
        }
        if (from != null) {
            spec = spec.param("fromPosted", SqlTime.of(from.posted())).param("fromId", from.id());
        }
        List<Head> heads = spec.query(FinancialEventRepository::head).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PostedEvent.Item>> items = items(accountId, heads.stream().map(Head::id).toList());
        List<PostedEvent> events = new ArrayList<>(heads.size());
        for (Head h : heads) {
            events.add(new PostedEvent(h.id(), h.type(), h.amazonOrderId(), h.sellerOrderId(), h.marketplaceName(),
                    h.currency(), h.posted(), h.amount(), items.getOrDefault(h.id(), List.of())));
        }
        return events;
    }

    private record Head(long id, String type, String amazonOrderId, String sellerOrderId, String marketplaceName,
                        String currency, Instant posted, BigDecimal amount) {}

    private record ItemRow(long id, long eventRef, String sku, String orderItemId, String adjustmentId, int quantity) {}

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getLong("id"), rs.getString("event_type"), rs.getString("amazon_order_id"),
                rs.getString("seller_order_id"), rs.getString("marketplace_name"), rs.getString("currency"),
                SqlTime.read(rs, "posted_date"), rs.getBigDecimal("amount"));
    }

    /** The items of these events (of this seller), each with its components, in their order. */
    private Map<Long, List<PostedEvent.Item>> items(long accountId, List<Long> eventIds) {
        List<ItemRow> rows = jdbc.sql("""
                        SELECT i.id, i.event_ref, i.seller_sku, i.order_item_id, i.order_adjustment_item_id, i.quantity
                        FROM financial_event_item i JOIN financial_event e ON e.id = i.event_ref
                        WHERE e.account_id = :account AND i.event_ref IN (:events)
                        ORDER BY i.event_ref, i.seq""")
                .param("account", accountId).param("events", eventIds)
                .query((rs, n) -> new ItemRow(rs.getLong("id"), rs.getLong("event_ref"), rs.getString("seller_sku"),
                        rs.getString("order_item_id"), rs.getString("order_adjustment_item_id"), rs.getInt("quantity")))
                .list();
        Map<Long, List<PostedEvent.Component>> components = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT c.item_ref, c.kind, c.component_type, c.promotion_id, c.amount
                        FROM financial_event_component c JOIN financial_event_item i ON i.id = c.item_ref
                            JOIN financial_event e ON e.id = i.event_ref
                        WHERE e.account_id = :account AND i.event_ref IN (:events)
                        ORDER BY c.item_ref, c.seq""")
                .param("account", accountId).param("events", eventIds)
                .query(rs -> {
                    components.computeIfAbsent(rs.getLong("item_ref"), k -> new ArrayList<>())
                            .add(new PostedEvent.Component(rs.getString("kind"), rs.getString("component_type"),
                                    rs.getString("promotion_id"), rs.getBigDecimal("amount")));
                });
        Map<Long, List<PostedEvent.Item>> byEvent = new LinkedHashMap<>();
        for (ItemRow r : rows) {
            byEvent.computeIfAbsent(r.eventRef(), k -> new ArrayList<>())
                    .add(new PostedEvent.Item(r.sku(), r.orderItemId(), r.adjustmentId(), r.quantity(),
                            components.getOrDefault(r.id(), List.of())));
        }
        return byEvent;
    }
}
