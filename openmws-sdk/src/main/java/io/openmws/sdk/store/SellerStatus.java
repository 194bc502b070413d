package io.openmws.sdk.store;

/** Where a stored seller's authorization stands. */
public enum SellerStatus {
    /** Authorized and not expired: calls should work. */
    ACTIVE,
    /** A call came back {@code AccessDenied} (or the program said so): ask the seller to authorize again. */
    NEEDS_REAUTHORIZATION,
    /** The authorization's 12 months are over (computed from {@link StoredSeller#expiresOn()} on reading). */
    EXPIRED
}
