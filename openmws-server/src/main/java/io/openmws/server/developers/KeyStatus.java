package io.openmws.server.developers;

/** An access key's status, as AWS names them. */
public enum KeyStatus {
    /** Signs API calls. */
    ACTIVE,
    /** Refused for API calls until reactivated; only an inactive key can be deleted. */
    INACTIVE
}
