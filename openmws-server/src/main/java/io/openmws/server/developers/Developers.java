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
        return activeSealedKey(accessKeyId).map(sealed -> new ActiveKey(sealed.accessKeyId(), sealed.developerId(),
                sealed.region(), sealed.developerSellerId(), open(sealed)));
    }

    /** {@link #activeKey} with its secret still sealed: one indexed read, for the gateway on every call. */
    Optional<DeveloperRepository.SealedKey> activeSealedKey(String accessKeyId) {
        return AccessKeyId.isValid(accessKeyId) ? developers.activeKey(accessKeyId) : Optional.empty();
    }

    /**
     * Opens a key's sealed secret.
     *
     * @throws SecretSealer.SealBroken see {@link #activeKey}
     */
    SecretKey open(DeveloperRepository.SealedKey sealed) {
        try {
            return SecretKey.of(sealer.open(sealed.secretSealed(), sealContext(sealed.accessKeyId())));
        } catch (SecretSealer.SealBroken broken) {
            log.error("The Secret Key of access key {} does not open with the configured keyset; "
                    + "is openmws.secrets.* pointing at the keyset that sealed it?", sealed.accessKeyId());
            throw broken;
        }
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
