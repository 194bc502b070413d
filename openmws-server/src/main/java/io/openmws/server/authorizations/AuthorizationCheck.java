package io.openmws.server.authorizations;

/**
 * What {@link Authorizations#activeFor} found for a (seller, developer, token) triple. The API answers
 * every case but {@link #ACTIVE} alike ({@code AccessDenied}); the platform tells them apart for its
 * logs and pages.
 */
public enum AuthorizationCheck {
    /** An authorization of exactly this seller and developer, verified, unexpired and not revoked. */
    ACTIVE,
    /** The seller has not confirmed the authorization from the mailed link yet. */
    PENDING_VERIFICATION,
    /** Its twelve months are over (whether or not the expiry job has marked it yet). */
    EXPIRED,
    /** The seller or the operator revoked it. */
    REVOKED,
    /** No authorization has this token for this seller and developer: wrong, malformed or foreign. */
    UNKNOWN;

    public boolean granted() {
        return this == ACTIVE;
    }
}
