package io.openmws.server.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * A seller's listings read one row at a time, for reports: nothing is collected, each row is handed on
 * as it comes. Run inside a transaction, PostgreSQL then reads the rows through a cursor in slices of
 * {@link #FETCH_SIZE}, so a million listings take the memory of one slice.
 */
@Component
public class ListingExport {

    /** Rows PostgreSQL sends per round trip while streaming. */
    static final int FETCH_SIZE = 1000;

    /**
     * One listing as a report shows it.
     *
     * @param listingRef    the listing's row id: stable while the listing exists, unique among listings
     * @param productIdType the type of {@code productId} (UPC, EAN, ISBN, ASIN, GTIN...); null when none was given
     * @param conditionType the offer's condition, e.g. {@code New}, {@code UsedGood}
     * @param createdAt     when the offer was first listed
     */
    public record Row(long listingRef, String marketplaceId, String sku, String asin, String productIdType,
                      String productId, String title, String description, String conditionType,
                      String conditionNote, String currency, BigDecimal price, Integer quantity,
                      ListingStatus status, Instant createdAt) {}

    /** Receives the rows; may write them out, hence the {@link IOException}. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(Row row) throws IOException;
    }

    private final JdbcTemplate jdbc;

    ListingExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /**
     * Hands {@code handler} each of the seller's listings in these marketplaces whose status is one of
     * {@code statuses}, by marketplace then SKU.
     */
    public void forEach(long accountId, Collection<String> marketplaceIds, Set<ListingStatus> statuses,
                        RowHandler handler) throws IOException {
        if (marketplaceIds.isEmpty() || statuses.isEmpty()) {
            return;
        }
        // Every status: no condition, so PostgreSQL walks the (account, marketplace, SKU) key in its order.
        boolean everyStatus = statuses.containsAll(EnumSet.allOf(ListingStatus.class));
        String marketplaces = marketplaceIds.stream().map(m -> "?").collect(Collectors.joining(", "));
        String states = everyStatus ? "" : statuses.stream().map(s -> "?")
                .collect(Collectors.joining(", ", " AND status IN (", ")"));
        Object[] args = new Object[1 + marketplaceIds.size() + (everyStatus ? 0 : statuses.size())];
        int i = 0;
        args[i++] = accountId;
        for (String m : marketplaceIds) {
            args[i++] = m;
        }
        if (!everyStatus) {
            for (ListingStatus s : statuses) {
                args[i++] = s.name();
            }
        }
        RowCallbackHandler each = rs -> {
            try {
                // By position, in the SELECT's order: a million rows make the name lookups count.
                OffsetDateTime createdAt = rs.getObject(15, OffsetDateTime.class);
                handler.accept(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getObject(13, Integer.class),
                        ListingStatus.valueOf(rs.getString(14)), createdAt == null ? null : createdAt.toInstant()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            jdbc.query("""
                    SELECT id, marketplace_id, sku, asin, product_id_type, product_id, title, description,
                           condition_type, condition_note, currency, price, quantity, status, created_at
                      FROM listing
                     WHERE account_id = ? AND marketplace_id IN (%s)%s
                     ORDER BY marketplace_id, sku""".formatted(marketplaces, states), each, args);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
