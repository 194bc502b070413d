package io.openmws.server.accounts;

/**
 * Answers, for Settings > User Permissions, whether an account has registered as an MWS developer.
 * The developers feature implements it; accounts only asks, so it does not depend on that feature.
 */
public interface DeveloperRegistrationLookup {

    /** Whether the account is a registered developer in the region of its home marketplace. */
    boolean registeredAsDeveloper(long accountId);
}
