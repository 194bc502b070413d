package io.openmws.server.authorizations;

/** Where an authorization stands, as stored and as shown to sellers and developers. */
public enum AuthorizationStatus {
    /** Made for the first time, waiting for the seller to confirm it from the mailed link; the token does not work. */
    PENDING_VERIFICATION,
    /** The token works until {@code expiresAt}. */
    ACTIVE,
    /** Twelve months passed without a renewal; Renew brings the same token back. */
    EXPIRED,
    /** The seller (or the operator) ended it; the token never works again. */
    REVOKED
}
