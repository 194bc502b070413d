package io.openmws.server.catalog;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of products and listings. Every listing statement names the seller's account. */
@Repository
class CatalogRepository {

    /** A product of the catalog as matching needs it. */
    record Product(String asin, String productIdType, String productId, String title, String brand,
                   String manufacturer) {}

    private static final String LISTING_COLUMNS = """
            id, marketplace_id, sku, asin, product_id_type, product_id, title, brand, manufacturer, description,
            bullet_points, product_tax_code, condition_type, condition_note, currency, price, sale_price, sale_start,
            sale_end, quantity, fulfillment_latency, status, last_feed_ref, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile Boolean postgres;

    CatalogRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = Boolean.TRUE.equals(batch.execute((Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
            postgres = p;
        }
        return p;
    }

    /**
     * PostgreSQL, for the rest of the transaction: join a batch to the listings row by row through their
     * keys, never by hashing or sorting the seller's whole inventory (which the planner may choose for a
     * table it has no statistics of yet, right after a bulk load).
     */
    private void withNestedLoops() {
        jdbc.sql("SET LOCAL enable_hashjoin = off").update();
        jdbc.sql("SET LOCAL enable_mergejoin = off").update();
    }

    /** The seller's listings of these SKUs in these marketplaces, by {@link #key}. */
    Map<String, ListingRow> listings(long accountId, Collection<String> marketplaceIds, Collection<String> skus) {
        Map<String, ListingRow> rows = new HashMap<>(skus.size() * 2);
        if (skus.isEmpty()) {
            return rows;
        }
        if (postgres()) {
            // Each SKU through the (account, marketplace, SKU) key: with an IN list and no statistics the
            // planner reads the seller's whole marketplace for every batch. Arrays go as one parameter each.
            withNestedLoops();
            batch.query("SELECT " + LISTING_COLUMNS.replaceAll("(\\w+)", "l.$1") + " " + """
                             FROM unnest(CAST(? AS varchar[])) AS k(sku)
                             CROSS JOIN unnest(CAST(? AS varchar[])) AS m(id)
                             JOIN listing l ON l.account_id = ? AND l.marketplace_id = m.id AND l.sku = k.sku""",
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("varchar", skus.toArray()));
                        ps.setArray(2, ps.getConnection().createArrayOf("varchar", marketplaceIds.toArray()));
                        ps.setLong(3, accountId);
                    },
                    (ResultSet rs) -> {
                        ListingRow r = row(rs);
                        rows.put(key(r.marketplaceId, r.sku), r);
                    });
            return rows;
        }
        jdbc.sql("SELECT " + LISTING_COLUMNS + " FROM listing"
                        + " WHERE account_id = :account AND marketplace_id IN (:marketplaces) AND sku IN (:skus)")
                .param("account", accountId)
                .param("marketplaces", marketplaceIds)
                .param("skus", skus)
                .query((rs, n) -> row(rs))
                .list()
                .forEach(r -> rows.put(key(r.marketplaceId, r.sku), r));
        return rows;
    }

    Optional<ListingRow> listing(long accountId, String marketplaceId, String sku) {
        return jdbc.sql("SELECT " + LISTING_COLUMNS + " FROM listing"
                        + " WHERE account_id = :account AND marketplace_id = :marketplace AND sku = :sku")
                .param("account", accountId)
                .param("marketplace", marketplaceId)
                .param("sku", sku)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Decrements a live listing's stock if it has enough; returns 1 when it did, else 0. */
    int take(long accountId, String marketplaceId, String sku, int quantity, Instant now) {
        return jdbc.sql("""
                        UPDATE listing SET quantity = quantity - :q, status = %s, updated_at = :now
                         WHERE account_id = :account AND marketplace_id = :marketplace AND sku = :sku
                           AND status = 'ACTIVE' AND quantity >= :q""".formatted(
                        ListingStatus.liveSql("price", "quantity - :q")))
                .param("q", quantity)
                .param("now", SqlTime.of(now))
                .param("account", accountId)
                .param("marketplace", marketplaceId)
                .param("sku", sku)
                .update();
    }

    /** Adds units back; a staged listing stays staged, any other gets its live status. */
    int restock(long accountId, String marketplaceId, String sku, int quantity, Instant now) {
        return jdbc.sql("""
                        UPDATE listing SET quantity = COALESCE(quantity, 0) + :q,
                               status = CASE WHEN status = 'STAGED' THEN 'STAGED' ELSE %s END, updated_at = :now
                         WHERE account_id = :account AND marketplace_id = :marketplace AND sku = :sku""".formatted(
                        ListingStatus.liveSql("price", "COALESCE(quantity, 0) + :q")))
                .param("q", quantity)
                .param("now", SqlTime.of(now))
                .param("account", accountId)
                .param("marketplace", marketplaceId)
                .param("sku", sku)
                .update();
    }

    long countLive(long accountId, String marketplaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM listing WHERE account_id = :account AND status = 'ACTIVE'"
                        + " AND marketplace_id = :marketplace")
                .param("account", accountId)
                .param("marketplace", marketplaceId)
                .query(Long.class).single();
    }

    /** Live SKUs in SKU order from position {@code from} (0-based) on, through the status index. */
    List<String> liveSkus(long accountId, String marketplaceId, long from, int limit) {
        return jdbc.sql("""
                        SELECT sku FROM listing WHERE account_id = :account AND status = 'ACTIVE'
                           AND marketplace_id = :marketplace
                         ORDER BY sku OFFSET %d ROWS FETCH FIRST %d ROWS ONLY""".formatted(from, limit))
                .param("account", accountId)
                .param("marketplace", marketplaceId)
                .query(String.class).list();
    }

    static String key(String marketplaceId, String sku) {
        return marketplaceId + '\u0000' + sku;
    }

    /** The products with these ASINs. */
    List<Product> productsByAsin(Collection<String> asins) {
        if (asins.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT asin, product_id_type, product_id, title, brand, manufacturer FROM catalog_product"
                        + " WHERE asin IN (:asins)")
                .param("asins", asins)
                .query(CatalogRepository::product)
                .list();
    }

    /** The products with these standard ids of one type. */
    List<Product> productsById(String type, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT asin, product_id_type, product_id, title, brand, manufacturer FROM catalog_product"
                        + " WHERE product_id_type = :type AND product_id IN (:ids)")
                .param("type", type)
                .param("ids", ids)
                .query(CatalogRepository::product)
                .list();
    }

    boolean asinExists(String asin) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_product WHERE asin = :asin").param("asin", asin)
                .query(Long.class).single() > 0;
    }

    void insertProduct(Product p, long createdBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO catalog_product (asin, product_id_type, product_id, title, brand, manufacturer,
                                                     created_by, created_at)
                        VALUES (:asin, :type, :id, :title, :brand, :manufacturer, :by, :now)""")
                .param("asin", p.asin())
                .param("type", p.productIdType())
                .param("id", p.productId())
                .param("title", p.title())
                .param("brand", p.brand())
                .param("manufacturer", p.manufacturer())
                .param("by", createdBy)
                .param("now", SqlTime.of(now))
                .update();
    }

    /** Writes a batch's rows back: new ones inserted, changed ones updated, deleted ones deleted. */
    void write(long accountId, Collection<ListingRow> rows) {
        List<ListingRow> inserts = new ArrayList<>();
        List<ListingRow> updates = new ArrayList<>();
        List<ListingRow> deletes = new ArrayList<>();
        for (ListingRow r : rows) {
            if (r.id == 0) {
                if (r.present()) {
                    inserts.add(r);
                }
            } else if (r.deleted) {
                deletes.add(r);
            } else if (r.dirty) {
                updates.add(r);
            }
        }
        if (!deletes.isEmpty()) {
            batch.batchUpdate("DELETE FROM listing WHERE id = ? AND account_id = ?", deletes, deletes.size(),
                    (ps, r) -> {
                        ps.setLong(1, r.id);
                        ps.setLong(2, accountId);
                    });
        }
        if (!updates.isEmpty() && postgres()) {
            updateAtOnce(accountId, updates);
        } else if (!updates.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE listing SET asin = ?, product_id_type = ?, product_id = ?, title = ?, brand = ?,
                        manufacturer = ?, description = ?, bullet_points = ?, product_tax_code = ?, condition_type = ?,
                        condition_note = ?, currency = ?, price = ?, sale_price = ?, sale_start = ?, sale_end = ?,
                        quantity = ?, fulfillment_latency = ?, status = ?, last_feed_ref = ?, created_at = ?,
                        updated_at = ?
                    WHERE id = ? AND account_id = ?""", updates, updates.size(), (ps, r) -> {
                int i = bindMutable(ps, r);
                ps.setLong(i++, r.id);
                ps.setLong(i, accountId);
            });
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO listing (asin, product_id_type, product_id, title, brand, manufacturer, description,
                        bullet_points, product_tax_code, condition_type, condition_note, currency, price, sale_price,
                        sale_start, sale_end, quantity, fulfillment_latency, status, last_feed_ref, created_at,
                        updated_at, account_id, marketplace_id, sku)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    inserts, inserts.size(), (ps, r) -> {
                        int i = bindMutable(ps, r);
                        ps.setLong(i++, accountId);
                        ps.setString(i++, r.marketplaceId);
                        ps.setString(i, r.sku);
                    });
        }
    }

    /**
     * PostgreSQL: every changed row of a batch in one UPDATE over arrays, one statement instead of one
     * per row (the bulk path of price and quantity files).
     */
    private void updateAtOnce(long accountId, List<ListingRow> rows) {
        withNestedLoops();
        int n = rows.size();
        Long[] ids = new Long[n];
        String[][] text = new String[12][n];
        BigDecimal[] price = new BigDecimal[n];
        BigDecimal[] salePrice = new BigDecimal[n];
        String[][] times = new String[4][n];
        Integer[] quantity = new Integer[n];
        Integer[] latency = new Integer[n];
        String[] status = new String[n];
        Long[] feed = new Long[n];
        for (int i = 0; i < n; i++) {
            ListingRow r = rows.get(i);
            ids[i] = r.id;
            text[0][i] = r.asin;
            text[1][i] = r.productIdType;
            text[2][i] = r.productId;
            text[3][i] = r.title;
            text[4][i] = r.brand;
            text[5][i] = r.manufacturer;
            text[6][i] = r.description;
            text[7][i] = r.bulletPoints;
            text[8][i] = r.productTaxCode;
            text[9][i] = r.conditionType;
            text[10][i] = r.conditionNote;
            text[11][i] = r.currency;
            price[i] = r.price;
            salePrice[i] = r.salePrice;
            times[0][i] = r.saleStart == null ? null : r.saleStart.toString();
            times[1][i] = r.saleEnd == null ? null : r.saleEnd.toString();
            times[2][i] = r.createdAt.toString();
            times[3][i] = r.updatedAt.toString();
            quantity[i] = r.quantity;
            latency[i] = r.fulfillmentLatency;
            status[i] = r.status;
            feed[i] = r.lastFeedRef;
        }
        batch.update("""
                UPDATE listing AS l SET asin = v.asin, product_id_type = v.product_id_type, product_id = v.product_id,
                    title = v.title, brand = v.brand, manufacturer = v.manufacturer, description = v.description,
                    bullet_points = v.bullet_points, product_tax_code = v.product_tax_code,
                    condition_type = v.condition_type, condition_note = v.condition_note, currency = v.currency,
                    price = v.price, sale_price = v.sale_price, sale_start = v.sale_start, sale_end = v.sale_end,
                    quantity = v.quantity, fulfillment_latency = v.fulfillment_latency, status = v.status,
                    last_feed_ref = v.last_feed_ref, created_at = v.created_at, updated_at = v.updated_at
                  FROM unnest(CAST(? AS int8[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                              CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                              CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                              CAST(? AS varchar[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
                              CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS int4[]), CAST(? AS int4[]),
                              CAST(? AS varchar[]), CAST(? AS int8[]), CAST(? AS timestamptz[]),
                              CAST(? AS timestamptz[]))
                       AS v(id, asin, product_id_type, product_id, title, brand, manufacturer, description,
                            bullet_points, product_tax_code, condition_type, condition_note, currency, price,
                            sale_price, sale_start, sale_end, quantity, fulfillment_latency, status, last_feed_ref,
                            created_at, updated_at)
                 WHERE l.id = v.id AND l.account_id = ?""", ps -> {
            Connection c = ps.getConnection();
            int i = 1;
            ps.setArray(i++, c.createArrayOf("int8", ids));
            for (String[] column : text) {
                ps.setArray(i++, c.createArrayOf("varchar", column));
            }
            ps.setArray(i++, c.createArrayOf("numeric", price));
            ps.setArray(i++, c.createArrayOf("numeric", salePrice));
            ps.setArray(i++, c.createArrayOf("varchar", times[0]));
            ps.setArray(i++, c.createArrayOf("varchar", times[1]));
            ps.setArray(i++, c.createArrayOf("int4", quantity));
            ps.setArray(i++, c.createArrayOf("int4", latency));
            ps.setArray(i++, c.createArrayOf("varchar", status));
            ps.setArray(i++, c.createArrayOf("int8", feed));
            ps.setArray(i++, c.createArrayOf("varchar", times[2]));
            ps.setArray(i++, c.createArrayOf("varchar", times[3]));
            ps.setLong(i, accountId);
        });
    }

    private static int bindMutable(java.sql.PreparedStatement ps, ListingRow r) throws SQLException {
        int i = 1;
        ps.setString(i++, r.asin);
        ps.setString(i++, r.productIdType);
        ps.setString(i++, r.productId);
        ps.setString(i++, r.title);
        ps.setString(i++, r.brand);
        ps.setString(i++, r.manufacturer);
        ps.setString(i++, r.description);
        ps.setString(i++, r.bulletPoints);
        ps.setString(i++, r.productTaxCode);
        ps.setString(i++, r.conditionType);
        ps.setString(i++, r.conditionNote);
        ps.setString(i++, r.currency);
        ps.setBigDecimal(i++, r.price);
        ps.setBigDecimal(i++, r.salePrice);
        ps.setObject(i++, SqlTime.of(r.saleStart), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i++, SqlTime.of(r.saleEnd), Types.TIMESTAMP_WITH_TIMEZONE);
        setInt(ps, i++, r.quantity);
        setInt(ps, i++, r.fulfillmentLatency);
        ps.setString(i++, r.status);
        if (r.lastFeedRef == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, r.lastFeedRef);
        }
        ps.setObject(i++, SqlTime.of(r.createdAt), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i++, SqlTime.of(r.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        return i;
    }

    private static void setInt(java.sql.PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    /**
     * Deletes up to {@code limit} of the seller's listings in these marketplaces that feed
     * {@code feedRef} did not change; returns how many.
     */
    int deleteNotChangedBy(long accountId, Collection<String> marketplaceIds, long feedRef, int limit) {
        return jdbc.sql("""
                        DELETE FROM listing WHERE id IN (
                            SELECT id FROM listing WHERE account_id = :account AND marketplace_id IN (:marketplaces)
                              AND (last_feed_ref IS NULL OR last_feed_ref <> :feed)
                            FETCH FIRST %d ROWS ONLY)""".formatted(limit))
                .param("account", accountId)
                .param("marketplaces", marketplaceIds)
                .param("feed", feedRef)
                .update();
    }

    /** Gives up to {@code limit} staged listings of the seller their live status; returns how many. */
    int makeStagedLive(long accountId, Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE listing SET status = %s, updated_at = :now WHERE id IN (
                            SELECT id FROM listing WHERE account_id = :account AND status = 'STAGED'
                            FETCH FIRST %d ROWS ONLY)""".formatted(ListingStatus.LIVE_SQL, limit))
                .param("account", accountId)
                .param("now", SqlTime.of(now))
                .update();
    }

    private static Product product(ResultSet rs, int n) throws SQLException {
        return new Product(rs.getString("asin"), rs.getString("product_id_type"), rs.getString("product_id"),
                rs.getString("title"), rs.getString("brand"), rs.getString("manufacturer"));
    }

    private static ListingRow row(ResultSet rs) throws SQLException {
        ListingRow r = new ListingRow();
        r.id = rs.getLong("id");
        r.marketplaceId = rs.getString("marketplace_id");
        r.sku = rs.getString("sku");
        r.asin = rs.getString("asin");
        r.productIdType = rs.getString("product_id_type");
        r.productId = rs.getString("product_id");
        r.title = rs.getString("title");
        r.brand = rs.getString("brand");
        r.manufacturer = rs.getString("manufacturer");
        r.description = rs.getString("description");
        r.bulletPoints = rs.getString("bullet_points");
        r.productTaxCode = rs.getString("product_tax_code");
        r.conditionType = rs.getString("condition_type");
        r.conditionNote = rs.getString("condition_note");
        r.currency = rs.getString("currency");
        r.price = rs.getBigDecimal("price");
        r.salePrice = rs.getBigDecimal("sale_price");
        r.saleStart = SqlTime.read(rs, "sale_start");
        r.saleEnd = SqlTime.read(rs, "sale_end");
        r.quantity = (Integer) rs.getObject("quantity", Integer.class);
        r.fulfillmentLatency = rs.getObject("fulfillment_latency", Integer.class);
        r.status = rs.getString("status");
        long feed = rs.getLong("last_feed_ref");
        r.lastFeedRef = rs.wasNull() ? null : feed;
        r.createdAt = SqlTime.read(rs, "created_at");
        r.updatedAt = SqlTime.read(rs, "updated_at");
        return r;
    }
}
