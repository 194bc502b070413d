package io.openmws.server.developers;

import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key rotation on Developer Central, as AWS does it: at most {@link #MAX_KEYS} keys; create the
 * second, switch clients over, deactivate the first (it stops working at once), delete it once
 * nothing broke. Every change locks the developer's row, so two tabs cannot make a third key.
 */
@Service
class AccessKeys {

    static final int MAX_KEYS = 2;

    private static final Logger log = LoggerFactory.getLogger(AccessKeys.class);

    /** A key change that a rule forbids; the message key says which. */
    static final class Refused extends RuntimeException {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** There is no developer for the account: it belongs on the registration. */
    static final class NotRegistered extends RuntimeException {
        NotRegistered() {
            super("Not a registered developer", null, false, false);
        }
    }

    private final DeveloperRepository developers;
    private final Developers developerKeys;
    private final SellerAccounts accounts;
    private final Clock clock;

    AccessKeys(DeveloperRepository developers, Developers developerKeys, SellerAccounts accounts, Clock clock) {
        this.developers = developers;
        this.developerKeys = developerKeys;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates another active key; its secret is in the result only. */
    @Transactional
    IssuedCredentials create(long accountId) {
        Developer developer = lockedDeveloper(accountId);
        if (!developer.active()) {
            throw new Refused("developers.keys.suspended");
        }
        if (developers.keys(developer.ref()).size() >= MAX_KEYS) {
            throw new Refused("developers.keys.limit");
        }
        return developerKeys.issueKey(developer.ref(), developer.developerId(), developer.name());
    }

    /** Deactivates an active key: API calls signed with it are refused from now on. */
    @Transactional
    void deactivate(long accountId, String accessKeyId) {
        Developer developer = lockedDeveloper(accountId);
        ownKey(developer, accessKeyId);
        if (!developers.changeKeyStatus(developer.ref(), accessKeyId, KeyStatus.ACTIVE, KeyStatus.INACTIVE,
                clock.instant())) {
            throw new Refused("developers.keys.notActive");
        }
        log.info("Access key {} of developer {} deactivated", accessKeyId, developer.developerId());
    }

    /** Reactivates an inactive key (not while the developer is suspended). */
    @Transactional
    void activate(long accountId, String accessKeyId) {
        Developer developer = lockedDeveloper(accountId);
        if (!developer.active()) {
            throw new Refused("developers.keys.suspended");
        }
        ownKey(developer, accessKeyId);
        if (!developers.changeKeyStatus(developer.ref(), accessKeyId, KeyStatus.INACTIVE, KeyStatus.ACTIVE,
                clock.instant())) {
            throw new Refused("developers.keys.notInactive");
        }
        log.info("Access key {} of developer {} reactivated", accessKeyId, developer.developerId());
    }

    /** Deletes an inactive key for good; an active one must be deactivated first. */
    @Transactional
    void delete(long accountId, String accessKeyId) {
        Developer developer = lockedDeveloper(accountId);
        ownKey(developer, accessKeyId);
        if (!developers.deleteInactiveKey(developer.ref(), accessKeyId)) {
            throw new Refused("developers.keys.deleteOnlyInactive");
        }
        log.info("Access key {} of developer {} deleted", accessKeyId, developer.developerId());
    }

    /** One of the developer's keys, as it stands now. */
    AccessKey ownKey(Developer developer, String accessKeyId) {
        return developers.keys(developer.ref()).stream()
                .filter(k -> k.accessKeyId().value().equals(accessKeyId))
                .findFirst()
                .orElseThrow(() -> new Refused("developers.keys.unknown"));
    }

    private Developer lockedDeveloper(long accountId) {
        SellerAccount account = accounts.byId(accountId).orElseThrow(NotRegistered::new);
        return developers.findByAccountForUpdate(accountId, Developers.regionOf(account)).orElseThrow(NotRegistered::new);
    }
}
