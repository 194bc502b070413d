package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.protocol.marketplace.Region;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.support.SecretSealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered MWS developers: the public surface other features use. The API gateway resolves an
 * {@code AWSAccessKeyId} with {@link #activeKey(String)} and reports use with {@link #recordUse};
 * pages look a developer up by the seller account that registered.
 *
 * <p>Secret Keys are stored sealed ({@link SecretSealer}), bound to their Access Key ID, and opened
 * only in {@link #activeKey(String)}, to verify a signature.
 */
@Service
public class Developers {

    /** "Last used" is kept to this precision, so busy keys do not write on every call. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Developers.class);

    private final DeveloperRepository developers;
    private final SellerAccounts accounts;
    private final SecretSealer sealer;
    private final LicenseAgreement license;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();

    Developers(DeveloperRepository developers, SellerAccounts accounts, SecretSealer sealer, LicenseAgreement license,
               Clock clock) {
        this.developers = developers;
        this.accounts = accounts;
        this.sealer = sealer;
        this.license = license;
        this.clock = clock;
    }

    /** The developer the account registered in its home marketplace's region, if any. */
    public Optional<Developer> ofAccount(long accountId) {
        return accounts.byId(accountId).flatMap(account -> developers.findByAccount(accountId, regionOf(account)));
    }

    /** Whether the account is a registered developer in the region of its home marketplace. */
    public boolean registeredAsDeveloper(long accountId) {
        return ofAccount(accountId).isPresent();
    }

    /** The developer's access keys, oldest first, without their secrets. */
    public List<AccessKey> keys(Developer developer) {
        return developers.keys(developer.ref());
    }

    /**
     * The key that may sign an API call: known, active, of an active developer. Empty for anything
     * else, including a malformed id, so that the caller answers every such case alike.
     *
     * @throws SecretSealer.SealBroken when the stored secret does not open with the platform's keyset
     *     (a keyset mix-up by the operator, logged as such: the caller should answer with an internal error)
     */
    public Optional<ActiveKey> activeKey(String accessKeyId) {
        if (!AccessKeyId.isValid(accessKeyId)) {
            return Optional.empty();
        }
        return developers.activeKey(accessKeyId).map(sealed -> {
            String secret;
            try {
                secret = sealer.open(sealed.secretSealed(), sealContext(sealed.accessKeyId()));
            } catch (SecretSealer.SealBroken broken) {
                log.error("The Secret Key of access key {} does not open with the configured keyset; "
                        + "is openmws.secrets.* pointing at the keyset that sealed it?", sealed.accessKeyId());
                throw broken;
            }
            return new ActiveKey(sealed.accessKeyId(), sealed.developerId(), sealed.region(),
                    sealed.developerSellerId(), SecretKey.of(secret));
        });
    }

    /** Records that a signed call used the key now (kept to the minute). Unknown keys are ignored. */
    public void recordUse(AccessKeyId accessKeyId) {
        Instant now = clock.instant();
        developers.markUsed(accessKeyId.value(), now, now.minus(LAST_USED_PRECISION));
    }

    /**
     * The active developer a seller means when authorizing: the Developer ID (with or without dashes)
     * and the developer name (ignoring case and runs of spaces) must both match. Empty when either
     * does not, or the developer is suspended; callers must not tell which.
     */
    public Optional<Developer> findActive(String developerId, String developerName) {
        if (developerId == null || developerName == null || !DeveloperId.isValid(developerId.strip())) {
            return Optional.empty();
        }
        return developers.findByDeveloperId(DeveloperId.of(developerId.strip()).digits())
                .filter(Developer::active)
                .filter(d -> DetailsRules.normalizedName(d.name()).equals(DetailsRules.normalizedName(developerName)));
    }

    /** A developer by its Developer ID, whatever its status. */
    public Optional<Developer> byDeveloperId(String developerId) {
        if (developerId == null || !DeveloperId.isValid(developerId.strip())) {
            return Optional.empty();
        }
        return developers.findByDeveloperId(DeveloperId.of(developerId.strip()).digits());
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
    public static final class SandboxRegistrationRefused extends RuntimeException {
        private final String messageKey;

        SandboxRegistrationRefused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
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
        Region region = regionOf(account);
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
            developers.insertKey(ref, key, sealer.seal(secretKey, sealContext(key)), clock.instant());
            log.info("Access key {} imported for sandbox developer {}", key, developerId);
            return new SandboxDeveloper(developerId.digits(), name, key.value(), SecretKey.of(secretKey));
        }
        IssuedCredentials issued = issueKey(ref, developerId, name);
        return new SandboxDeveloper(developerId.digits(), name, issued.accessKeyId().value(), issued.secretKey());
    }

    /** Creates an active key for the developer; the returned secret exists in the clear nowhere else. */
    @Transactional
    IssuedCredentials issueKey(long developerRef, DeveloperId developerId, String developerName) {
        AccessKeyId accessKeyId = ids.accessKeyId();
        SecretKey secret = ids.secretKey();
        developers.insertKey(developerRef, accessKeyId, sealer.seal(secret.reveal(), sealContext(accessKeyId)),
                clock.instant());
        log.info("Access key {} created for developer {}", accessKeyId, developerId);
        return new IssuedCredentials(developerId, developerName, accessKeyId, secret);
    }

    /** The associated data a key's secret is sealed with: its table and its Access Key ID. */
    static String sealContext(AccessKeyId accessKeyId) {
        return "developer_access_key/" + accessKeyId.value();
    }

    /** Registrations hold per region; an account's region is its home marketplace's. */
    static Region regionOf(SellerAccount account) {
        return Marketplaces.byId(account.homeMarketplaceId()).map(Marketplace::region)
                .orElseThrow(() -> new IllegalStateException("Account " + account.id() + " has an unknown home marketplace"));
    }
}
