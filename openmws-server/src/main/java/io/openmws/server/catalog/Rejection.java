package io.openmws.server.catalog;

/**
 * Why the catalog did not apply a {@link ListingChange}: a ResultMessageCode of
 * ../shared/spec/mws-data-apis.md §2.7 and its text. Nothing of the message was applied.
 */
public record Rejection(long messageId, String sku, int code, String description) {

    /** The SKU matches no listing (a price, quantity or partial update of an unknown SKU). */
    public static final int UNKNOWN_SKU = 13013;
    /** A new product lacks what a new ASIN needs (title, product id). */
    public static final int MISSING_ATTRIBUTES = 8560;
    /** The product id given matches no product in the catalog (and no new ASIN can be made from it). */
    public static final int NO_MATCHING_ASIN = 8566;
    /** The product id given would move the SKU to another ASIN. */
    public static final int IDENTITY_CHANGE = 8005;
    /** A value is not allowed (e.g. a currency other than the marketplace's). */
    public static final int INVALID_VALUE = 90205;
}
