package io.openmws.server.catalog;

import java.math.BigDecimal;

/**
 * Whether a listing is live, and if not why. The one rule that decides it is {@link #of}; its SQL
 * twin {@link #LIVE_SQL} (used when staging goes off, over many rows at once) is tested against it.
 */
public enum ListingStatus {
    /** Live and for sale: a price and a quantity above 0, account not in staging mode. */
    ACTIVE,
    /** Live but sold out: quantity 0. */
    INACTIVE,
    /** No price or no quantity yet. */
    INCOMPLETE,
    /** Added or changed while the account was in staging mode: recorded, not live. */
    STAGED;

    /** The status of a listing as of now: {@code STAGED} in staging mode, else by price and quantity. */
    public static ListingStatus of(boolean staging, BigDecimal price, Integer quantity) {
        if (staging) {
            return STAGED;
        }
        if (price == null || quantity == null) {
            return INCOMPLETE;
        }
        return quantity == 0 ? INACTIVE : ACTIVE;
    }

    /** Whether a buyer can see and buy the listing. */
    public boolean forSale() {
        return this == ACTIVE;
    }

    /** {@link #of} with staging off, as an SQL expression over the {@code listing} row's columns. */
    static final String LIVE_SQL = liveSql("price", "quantity");

    /** {@link #of} with staging off, as an SQL expression over these price and quantity expressions. */
    static String liveSql(String price, String quantity) {
        return "CASE WHEN " + price + " IS NULL OR " + quantity + " IS NULL THEN 'INCOMPLETE'"
                + " WHEN " + quantity + " = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END";
    }
}
