package io.openmws.server.developers;

import io.openmws.protocol.Text;
import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.protocol.marketplace.Region;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.support.ListFilter;
import io.openmws.server.support.Refusal;
import io.openmws.server.support.SecretSealer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door of the developers feature for the sandbox control API, the operator pages and the demo
 * data: developers registered at once for an existing account (optionally with a key pair chosen by the
 * test, to replay published requests), suspension and reinstatement by the operator, and the
 * operator's lists. Developer Central and the gateway go through {@link Developers}.
 */
@Service
public class SandboxDevelopers {

    private static final Logger log = LoggerFactory.getLogger(SandboxDevelopers.class);

    private final Developers service;
    private final DeveloperRepository developers;
    private final SellerAccounts accounts;
    private final SecretSealer sealer;
    private final LicenseAgreement license;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();

    SandboxDevelopers(Developers service, DeveloperRepository developers, SellerAccounts accounts, SecretSealer sealer,
                      LicenseAgreement license, Clock clock) {
        this.service = service;
        this.developers = developers;
        this.accounts = accounts;
        this.sealer = sealer;
        this.license = license;
        this.clock = clock;
    }

    /** The developer with this Developer ID (with or without dashes), whatever its status. */
    public Optional<Developer> byDeveloperId(String developerId) {
        return service.byDeveloperId(developerId);
    }

    /** The developer the account registered in its home marketplace's region, if any. */
    public Optional<Developer> ofAccount(long accountId) {
        return service.ofAccount(accountId);
    }

    /** The developer's access keys, oldest first, without their secrets. */
    public List<AccessKey> keys(Developer developer) {
        return service.keys(developer);
    }

    /** The developer of a key that may sign calls now. */
    public Optional<ActiveKey> activeKey(String accessKeyId) {
        return service.activeKey(accessKeyId);
    }

    /** The longest reason a suspension takes. */
    public static final int MAX_REASON_LENGTH = 500;

    /** Why a suspension or reinstatement was refused; {@code messageKey} is in the portal's bundle. */
    public static final class StatusChangeRefused extends Refusal {
        StatusChangeRefused(Kind kind, String messageKey, Object... args) {
            super(kind, messageKey, null, args);
        }

        /** Whether no developer has the Developer ID (rather than a status that forbids the change). */
        public boolean unknownDeveloper() {
            return kind() == Kind.NOT_FOUND;
        }
    }

    /**
     * Suspends a developer, as the operator does when its KYC details prove wrong: from the next call,
     * none of its keys signs an API call ({@link #activeKey} reads the status on every call, uncached),
     * and Developer Central says so. Authorizations are left as they are and work again on reinstatement.
     *
     * @param reason optional, at most {@value #MAX_REASON_LENGTH} characters; shown to the operator only
     * @param by     who does it, kept with the time ({@code operator}, {@code control-api})
     * @throws StatusChangeRefused for an unknown Developer ID, a suspended developer, or a long reason
     */
    @Transactional
    public Developer suspend(String developerId, String reason, String by) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON_LENGTH) {
            throw new StatusChangeRefused(Refusal.Kind.INVALID, "developers.operator.reasonTooLong", MAX_REASON_LENGTH);
        }
        return changeStatus(developerId, DeveloperStatus.ACTIVE, DeveloperStatus.SUSPENDED, by, why,
                "developers.operator.alreadySuspended");
    }

    /**
     * Lifts a suspension: the developer's active keys sign calls again from the next call.
     *
     * @throws StatusChangeRefused for an unknown Developer ID or a developer that is not suspended
     */
    @Transactional
    public Developer reinstate(String developerId, String by) {
        return changeStatus(developerId, DeveloperStatus.SUSPENDED, DeveloperStatus.ACTIVE, by, null,
                "developers.operator.notSuspended");
    }

    private Developer changeStatus(String developerId, DeveloperStatus from, DeveloperStatus to, String by,
                                   String reason, String wrongStatusKey) {
        Developer developer = service.byDeveloperId(developerId)
                .orElseThrow(() -> new StatusChangeRefused(Refusal.Kind.NOT_FOUND, "developers.operator.unknown",
                        Text.abbreviate(String.valueOf(developerId), 43)));
        if (!developers.changeStatus(developer.ref(), from, to, clock.instant(), by, reason)) {
            throw new StatusChangeRefused(Refusal.Kind.CONFLICT, wrongStatusKey);
        }
        log.info("Developer {} is {} now (by {})", developer.developerId(), to, by);
        return developers.findByDeveloperId(developer.developerId().digits()).orElseThrow();
    }

    /**
     * For the sandbox operator's list: the newest developers matching the filter (Developer ID, or the
     * Seller ID or part of the email of the account that registered), newest first, at most {@code limit}.
     */
    public List<DeveloperListing> newest(ListFilter filter, int limit) {
        return developers.newest(filter, limit);
    }

    /** How many developers have the status. */
    public long count(DeveloperStatus status) {
        return developers.count(status);
    }

    /** What a sandbox operator gets back for a developer registered on a seller's behalf. */
    public record SandboxDeveloper(String developerId, String developerName, String accessKeyId, SecretKey secretKey) {
        @Override
        public String toString() {
            return "SandboxDeveloper[developerId=" + developerId + ", developerName=" + developerName
                    + ", accessKeyId=" + accessKeyId + ", secret redacted]";
        }
    }

    /** Why a sandbox registration was refused; {@code messageKey} is in the portal's bundle. */
    public static final class SandboxRegistrationRefused extends Refusal {
        private static final Set<String> CONFLICTS = Set.of("developers.developerName.taken",
                "developers.sandbox.alreadyRegistered", "developers.sandbox.keyTaken");

        SandboxRegistrationRefused(String messageKey) {
            super(CONFLICTS.contains(messageKey) ? Kind.CONFLICT : Kind.INVALID, messageKey, null);
        }
    }

    /**
     * Registers an active seller account as a developer in one step, as the sandbox operator does for
     * test fixtures: the KYC details are the account's own, marked as sandbox data, and the license is
     * recorded as accepted by the operator.
     *
     * @throws SandboxRegistrationRefused when the account is not active, is a developer already, or the
     *     name is not acceptable or taken
     */
    @Transactional
    public SandboxDeveloper registerForSandbox(long accountId, String developerName) {
        return registerForSandbox(accountId, developerName, null, null);
    }

    /**
     * Like {@link #registerForSandbox(long, String)}, with an access key chosen by the caller (to
     * replay recorded or published requests signed with known credentials); nulls draw a new key.
     *
     * @throws SandboxRegistrationRefused also when the key is malformed, in use, or given without its secret
     */
    @Transactional
    public SandboxDeveloper registerForSandbox(long accountId, String developerName, String accessKeyId,
                                               String secretKey) {
        if ((accessKeyId == null) != (secretKey == null)) {
            throw new SandboxRegistrationRefused("developers.sandbox.keyPairIncomplete");
        }
        if (accessKeyId != null && (!AccessKeyId.isValid(accessKeyId) || !SecretKey.isValid(secretKey))) {
            throw new SandboxRegistrationRefused("developers.sandbox.keyMalformed");
        }
        if (accessKeyId != null && developers.keyExists(accessKeyId)) {
            throw new SandboxRegistrationRefused("developers.sandbox.keyTaken");
        }
        SellerAccount account = accounts.byId(accountId).filter(SellerAccount::active)
                .orElseThrow(() -> new SandboxRegistrationRefused("developers.sandbox.accountNotActive"));
        Region region = Developers.regionOf(account);
        if (developers.findByAccount(accountId, region).isPresent()) {
            throw new SandboxRegistrationRefused("developers.sandbox.alreadyRegistered");
        }
        String problem = DetailsRules.developerNameProblem(developerName);
        if (problem != null) {
            throw new SandboxRegistrationRefused(problem);
        }
        String name = developerName.strip().replaceAll("\\s+", " ");
        if (developers.nameTaken(region, name)) {
            throw new SandboxRegistrationRefused("developers.developerName.taken");
        }
        Marketplace home = Marketplaces.byId(account.homeMarketplaceId()).orElseThrow();
        DeveloperDetails details = new DeveloperDetails(account.businessName(), BusinessType.COMPANY,
                home.countryCode(), null, "Sandbox", null, "Sandbox data, not verified", "+00 000 000 000",
                account.contactName(), null, name, "Sandbox developer registered by the operator for tests.");
        DeveloperId developerId = ids.developerId();
        long ref = developers.insert(developerId, accountId, region, account.email(), details, license.current().version(),
                "sandbox-operator", clock.instant());
        if (accessKeyId != null) {
            AccessKeyId key = AccessKeyId.of(accessKeyId);
            developers.insertKey(ref, key, sealer.seal(secretKey, Developers.sealContext(key)), clock.instant());
            log.info("Access key {} imported for sandbox developer {}", key, developerId);
            return new SandboxDeveloper(developerId.digits(), name, key.value(), SecretKey.of(secretKey));
        }
        IssuedCredentials issued = service.issueKey(ref, developerId, name);
        return new SandboxDeveloper(developerId.digits(), name, issued.accessKeyId().value(), issued.secretKey());
    }

}
