package io.openmws.server.accounts;

/** Where a seller account stands. */
public enum AccountStatus {
    /** Signed up; the email code has not been entered yet. No Seller ID, no Seller Central. */
    PENDING_VERIFICATION,
    /** Verified: has its Seller ID and full use of Seller Central. */
    ACTIVE
}
