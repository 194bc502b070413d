package io.openmws.server.catalog;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The offer data of many existing listings changed by one statement on PostgreSQL: the batch's
 * changes, folded per SKU ({@link Folded}), go in as arrays ({@code unnest}) and one
 * {@code UPDATE ... FROM ... RETURNING} changes every listing of those SKUs in the feed's
 * marketplaces, status by {@link ListingStatus#of}. H2 has no {@code UPDATE ... FROM}: there
 * {@link #supported()} is false and {@link Catalog} keeps the row-by-row path.
 */
@Repository
class OfferBulkUpdate {

    /** What a SKU's messages of one batch, applied in order, do to its offer; null = not given. */
    static final class Folded {
        final String sku;
        BigDecimal price;
        /** 0: sale untouched; 1: sale removed; 2: sale set to the values below. */
        int sale;
        BigDecimal salePrice;
        Instant saleStart;
        Instant saleEnd;
        Integer quantity;
        Integer fulfillmentLatency;

        Folded(String sku) {
            this.sku = sku;
        }

        /** The same field by field as {@code Catalog}'s sequential offer patch: later messages win. */
        void add(ListingChange.Offer o) {
            if (o.price() != null) {
                price = o.price();
            }
            if (o.clearSale()) {
                sale = 1;
                salePrice = null;
                saleStart = null;
                saleEnd = null;
            } else if (o.salePrice() != null) {
                sale = 2;
                salePrice = o.salePrice();
                saleStart = o.saleStart();
                saleEnd = o.saleEnd();
            }
            if (o.quantity() != null) {
                quantity = o.quantity();
            }
            if (o.fulfillmentLatency() != null) {
                fulfillmentLatency = o.fulfillmentLatency();
            }
        }
    }

    private static final String NEW_PRICE = "COALESCE(t.price, l.price)";
    private static final String NEW_QUANTITY = "COALESCE(t.quantity, l.quantity)";

    private final JdbcTemplate jdbc;
    private volatile Boolean supported;

    OfferBulkUpdate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the database is PostgreSQL. */
    boolean supported() {
        Boolean s = supported;
        if (s == null) {
            s = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
                    .toLowerCase(Locale.ROOT).contains("postgresql"));
            supported = s;
        }
        return s;
    }

    /**
     * Changes the seller's listings of these SKUs in these marketplaces, within the caller's
     * transaction; returns the SKUs that have a listing in at least one of them.
     */
    Set<String> apply(long accountId, List<String> marketplaceIds, Long feedRef, boolean staging, Instant now,
                      Collection<Folded> offers) {
        Set<String> matched = new HashSet<>(offers.size() * 2);
        if (offers.isEmpty()) {
            return matched;
        }
        int n = offers.size();
        String[] skus = new String[n];
        String[] prices = new String[n];
        Integer[] sales = new Integer[n];
        String[] salePrices = new String[n];
        String[] saleStarts = new String[n];
        String[] saleEnds = new String[n];
        Integer[] quantities = new Integer[n];
        Integer[] latencies = new Integer[n];
        int i = 0;
        for (Folded f : offers) {
            skus[i] = f.sku;
            prices[i] = f.price == null ? null : f.price.toPlainString();
            sales[i] = f.sale;
            salePrices[i] = f.salePrice == null ? null : f.salePrice.toPlainString();
            saleStarts[i] = f.saleStart == null ? null : f.saleStart.toString();
            saleEnds[i] = f.saleEnd == null ? null : f.saleEnd.toString();
            quantities[i] = f.quantity;
            latencies[i] = f.fulfillmentLatency;
            i++;
        }
        String status = staging ? "'" + ListingStatus.STAGED.name() + "'" : ListingStatus.liveSql(NEW_PRICE, NEW_QUANTITY);
        String sql = """
                UPDATE listing l SET price = %s,
                    sale_price = CASE t.sale WHEN 0 THEN l.sale_price WHEN 1 THEN NULL ELSE t.sale_price END,
                    sale_start = CASE t.sale WHEN 0 THEN l.sale_start WHEN 1 THEN NULL ELSE t.sale_start END,
                    sale_end = CASE t.sale WHEN 0 THEN l.sale_end WHEN 1 THEN NULL ELSE t.sale_end END,
                    quantity = %s,
                    fulfillment_latency = COALESCE(t.latency, l.fulfillment_latency),
                    status = %s, last_feed_ref = ?, updated_at = ?
                FROM unnest(?::varchar[], ?::numeric[], ?::int[], ?::numeric[], ?::timestamptz[], ?::timestamptz[],
                            ?::int[], ?::int[]) AS t(sku, price, sale, sale_price, sale_start, sale_end, quantity, latency)
                WHERE l.account_id = ? AND l.marketplace_id IN (%s) AND l.sku = t.sku
                RETURNING t.sku""".formatted(NEW_PRICE, NEW_QUANTITY, status,
                String.join(", ", Collections.nCopies(marketplaceIds.size(), "?")));
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                if (feedRef == null) {
                    ps.setNull(p++, Types.BIGINT);
                } else {
                    ps.setLong(p++, feedRef);
                }
                ps.setObject(p++, SqlTime.of(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setArray(p++, c.createArrayOf("varchar", skus));
                ps.setArray(p++, c.createArrayOf("varchar", prices));
                ps.setArray(p++, c.createArrayOf("int4", sales));
                ps.setArray(p++, c.createArrayOf("varchar", salePrices));
                ps.setArray(p++, c.createArrayOf("varchar", saleStarts));
                ps.setArray(p++, c.createArrayOf("varchar", saleEnds));
                ps.setArray(p++, c.createArrayOf("int4", quantities));
                ps.setArray(p++, c.createArrayOf("int4", latencies));
                ps.setLong(p++, accountId);
                for (String m : marketplaceIds) {
                    ps.setString(p++, m);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        matched.add(rs.getString(1));
                    }
                }
            }
            return null;
        });
        return matched;
    }
}
