package io.openmws.server.catalog;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of Seller Central's Manage Inventory: one seller's listings, searched, filtered and
 * paged, and their count per status. Every query is scoped by the seller's account; none writes.
 *
 * <p>Rows come in (marketplace, SKU) order, which the listing table's unique key (and, with a status,
 * its status index) already holds, so a page is read from an index instead of sorting the inventory.
 */
@Component
class InventoryQueries {

    /** One listing as Manage Inventory shows it. {@code lastFeedSubmissionId} is the 11-digit id clients see. */
    record Row(String status, String sku, String asin, String title, String marketplaceId, String condition,
               String currency, BigDecimal price, BigDecimal salePrice, Instant saleStart, Instant saleEnd,
               Integer quantity, Integer fulfillmentLatency, Instant updatedAt, Long lastFeedSubmissionId) {}

    /** A page of rows and whether another follows. */
    record Page(List<Row> rows, boolean hasNext) {}

    // The feed that last changed a listing is named by the id its seller knows (feed_submission_id);
    // the join keeps the account on both sides, so it can only ever find the seller's own feed.
    private static final String SELECT = """
            SELECT l.status, l.sku, l.asin, l.title, l.marketplace_id, l.condition_type, l.currency, l.price,
                   l.sale_price, l.sale_start, l.sale_end, l.quantity, l.fulfillment_latency, l.updated_at,
                   f.feed_submission_id
              FROM listing l
              LEFT JOIN feed_submission f ON f.id = l.last_feed_ref AND f.account_id = l.account_id
            """;

    private final JdbcClient jdbc;

    InventoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the seller's listings matching the search, status and marketplace. */
    @Transactional(readOnly = true)
    Page page(long accountId, InventorySearch search) {
        var where = new StringBuilder(" WHERE l.account_id = :account");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        narrow(where, params, search, true);
        var statement = jdbc.sql(SELECT + where + " ORDER BY l.marketplace_id, l.sku LIMIT :limit OFFSET :offset");
        params.forEach(statement::param);
        List<Row> rows = statement.param("limit", search.size() + 1).param("offset", search.offset())
                .query((rs, n) -> row(rs)).list();
        boolean more = rows.size() > search.size();
        return new Page(more ? rows.subList(0, search.size()) : rows, more);
    }

    /** How many of the seller's listings match the search and marketplace, per status (every status present). */
    @Transactional(readOnly = true)
    Map<String, Long> countsByStatus(long accountId, InventorySearch search) {
        var where = new StringBuilder(" WHERE l.account_id = :account");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        narrow(where, params, search, false);
        var statement = jdbc.sql("SELECT l.status, COUNT(*) AS n FROM listing l" + where + " GROUP BY l.status");
        params.forEach(statement::param);
        Map<String, Long> counts = new LinkedHashMap<>();
        InventorySearch.STATUSES.forEach(s -> counts.put(s, 0L));
        statement.query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Whether the seller has any listing at all (the empty state tells how to add the first ones). */
    @Transactional(readOnly = true)
    boolean hasListings(long accountId) {
        return jdbc.sql("SELECT 1 FROM listing WHERE account_id = :account LIMIT 1").param("account", accountId)
                .query(Integer.class).optional().isPresent();
    }

    private static void narrow(StringBuilder where, Map<String, Object> params, InventorySearch search,
                               boolean byStatus) {
        if (byStatus && search.status() != null) {
            where.append(" AND l.status = :status");
            params.put("status", search.status());
        }
        if (search.marketplace() != null) {
            where.append(" AND l.marketplace_id = :marketplace");
            params.put("marketplace", search.marketplace());
        }
        if (search.searching()) {
            where.append(" AND (l.asin = :asin OR LOWER(l.sku) LIKE :like ESCAPE '\\'"
                    + " OR LOWER(l.title) LIKE :like ESCAPE '\\')");
            params.put("asin", search.q().toUpperCase(Locale.ROOT));
            params.put("like", search.like());
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long feed = rs.getLong("feed_submission_id");
        Long lastFeed = rs.wasNull() ? null : feed;
        int q = rs.getInt("quantity");
        Integer quantity = rs.wasNull() ? null : q;
        int l = rs.getInt("fulfillment_latency");
        Integer latency = rs.wasNull() ? null : l;
        return new Row(rs.getString("status"), rs.getString("sku"), rs.getString("asin"), rs.getString("title"),
                rs.getString("marketplace_id"), rs.getString("condition_type"), rs.getString("currency"),
                rs.getBigDecimal("price"), rs.getBigDecimal("sale_price"), SqlTime.read(rs, "sale_start"),
                SqlTime.read(rs, "sale_end"), quantity, latency, SqlTime.read(rs, "updated_at"), lastFeed);
    }
}
