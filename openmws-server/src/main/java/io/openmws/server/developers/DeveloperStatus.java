package io.openmws.server.developers;

/** Where a registered developer stands. */
public enum DeveloperStatus {
    /** Registered; its active access keys sign API calls. */
    ACTIVE,
    /**
     * Suspended by the operator (for instance when its KYC details prove wrong): none of its keys
     * works for API calls, and it cannot create or reactivate keys, until the operator lifts it.
     */
    SUSPENDED
}
