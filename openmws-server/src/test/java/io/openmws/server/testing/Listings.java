package io.openmws.server.testing;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.ListingChange;
import io.openmws.server.catalog.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A seller's listings for tests that need something to buy, written through the real
 * {@link Catalog#apply} (the path feeds take, without a feed's wait): a new product per SKU with a
 * fresh UPC, then the offer; an existing SKU gets only the offer values given. The listing's status follows the account's staging mode and the rule of
 * {@code ListingStatus}, as for a feed.
 */
public final class Listings {

    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public Listings(Catalog catalog, PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.catalog = catalog;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /** The account row id of a Seller ID (test code reads it; the platform never takes it from a request). */
    public long accountId(String sellerId) {
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", sellerId).query(Long.class)
                .single();
    }

    /** A listing with a title, price and quantity (either may be null: incomplete), latency null: default. */
    public void offer(long accountId, String marketplaceId, String sku, String price, Integer quantity,
                      Integer latencyDays) {
        offer(accountId, marketplaceId, sku, price, quantity, latencyDays, null, null, null);
    }

    /** Like {@link #offer(long, String, String, String, Integer, Integer)}, with a sale price and its dates. */
    public void offer(long accountId, String marketplaceId, String sku, String price, Integer quantity,
                      Integer latencyDays, String salePrice, Instant saleStart, Instant saleEnd) {
        boolean exists = catalog.listing(accountId, marketplaceId, sku).isPresent();
        ListingChange.Product product = exists ? ListingChange.Product.NONE : new ListingChange.Product("UPC", upc(),
                "Title of " + sku, "Acme", "Acme", null, null, null, "New", null);
        ListingChange.Offer offer = new ListingChange.Offer(price == null ? null : new BigDecimal(price), null,
                salePrice == null ? null : new BigDecimal(salePrice), saleStart, saleEnd, false, quantity, latencyDays);
        List<Rejection> rejected = transactions.execute(s -> catalog.apply(accountId, List.of(marketplaceId), null,
                List.of(new ListingChange(1, sku,
                        exists ? ListingChange.Kind.PATCH_OFFER : ListingChange.Kind.REPLACE_PRODUCT, product, offer))));
        if (!rejected.isEmpty()) {
            throw new AssertionError("listing " + sku + " rejected: " + rejected);
        }
    }

    private static String upc() {
        return String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000_000L);
    }
}
