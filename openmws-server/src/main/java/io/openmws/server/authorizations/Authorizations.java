package io.openmws.server.authorizations;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.ids.MwsAuthToken;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.protocol.marketplace.Region;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.Developers;
import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import io.openmws.server.authorizations.AuthorizationRefused.Reason;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.Hashes;
import io.openmws.server.support.SecretSealer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sellers' authorizations of developers, as the seller's pages use them.
 *
 * <p>A seller authorizes a developer by its name and Developer ID, accepting the third-party terms;
 * the first authorization of a developer by a seller waits for the seller to confirm it from a
 * mailed link ({@link #VERIFICATION_LIFETIME}). An active authorization lasts
 * {@value Authorization#VALIDITY_MONTHS} months; Renew (from 30 days before expiry, and any time
 * after) keeps the token; Revoke ends it for good, and a later authorization gets a new token.
 *
 * <p>The feature's other audiences have classes of their own in this package: the gateway asks
 * {@link AuthorizationSellerGrants} on every call, the expiry watch works through
 * {@link AuthorizationReminders}, and the sandbox control API and operator pages go through
 * {@link SandboxAuthorizations}. Tokens are stored sealed ({@link SecretSealer}, bound to the row's
 * account, developer and token hash), opened only to show them to their seller after a password
 * check or to the sandbox operator. No log line holds one.
 */
@Service
public class Authorizations {

    /** How long the link that confirms a first authorization works. */
    public static final Duration VERIFICATION_LIFETIME = Duration.ofHours(24);
    /** A new confirmation link at most this often. */
    static final Duration VERIFICATION_RESEND_INTERVAL = Duration.ofMinutes(1);

    static final String VERIFY_PATH = "/sellercentral/authorizations/verify";
    static final String USER_PERMISSIONS_PATH = "/sellercentral/settings/user-permissions";

    private static final Logger log = LoggerFactory.getLogger(Authorizations.class);

    /** What the seller agreed to, and from which address. */
    public record TermsAcceptance(boolean agreed, String version, String clientAddress) {}

    private final AuthorizationRepository repository;
    private final AuthorizationTerms terms;
    private final SellerAccounts accounts;
    private final Developers developers;
    private final SecretSealer sealer;
    private final Mailer mailer;
    private final MessageSource messages;
    private final DeveloperNotices notices;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();
    private final SecureRandom random = new SecureRandom();

    Authorizations(AuthorizationRepository repository, AuthorizationTerms terms, SellerAccounts accounts,
                   Developers developers, SecretSealer sealer, Mailer mailer, MessageSource messages,
                   DeveloperNotices notices, Clock clock) {
        this.notices = notices;
        this.repository = repository;
        this.terms = terms;
        this.accounts = accounts;
        this.developers = developers;
        this.sealer = sealer;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    // --- authorizing ------------------------------------------------------------------------------

    /** The terms a seller accepts now. */
    public String currentTermsVersion() {
        return terms.current().version();
    }

    /** The text of the current terms. */
    public String currentTermsText() {
        return terms.current().text();
    }

    /**
     * A seller authorizes the developer named by {@code developerName} and {@code developerId}. A first
     * authorization of this developer by this seller waits for the seller to confirm it from a link
     * mailed to the account's address; a later one is active at once. Either way the token is in the
     * answer, and only there.
     *
     * @param linkBase where the portal is reached, for the link in the mail
     * @throws AuthorizationRefused when the terms were not accepted, the developer does not match, or the pair is
     *     authorized already
     */
    @Transactional
    public IssuedAuthorization authorize(long accountId, String developerName, String developerId,
                                         TermsAcceptance acceptance, URI linkBase) {
        if (!acceptance.agreed()) {
            throw new AuthorizationRefused(Reason.TERMS_NOT_ACCEPTED);
        }
        if (!terms.current().version().equals(acceptance.version())) {
            throw new AuthorizationRefused(Reason.TERMS_CHANGED);
        }
        SellerAccount account = accounts.byId(accountId).filter(SellerAccount::active)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_SELLER));
        Developer developer = developers.findActive(developerId, developerName)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_DEVELOPER));
        return issue(account, developer, acceptance, Actor.seller(account.sellerId()), false, linkBase);
    }

    /** Makes the authorization, for the seller here or for the sandbox ({@link SandboxAuthorizations}). */
    IssuedAuthorization issue(SellerAccount account, Developer developer, TermsAcceptance acceptance,
                                      Actor actor, boolean verifyAtOnce, URI linkBase) {
        if (developer.accountId() == account.id()) {
            throw new AuthorizationRefused(Reason.OWN_DEVELOPER);
        }
        Region sellerRegion = regionOf(account);
        if (developer.region() != sellerRegion) {
            throw new AuthorizationRefused(Reason.OTHER_REGION, developer.region().displayName(), sellerRegion.displayName());
        }
        repository.lockAccount(account.id());
        Optional<Authorization> live = repository.liveOfPair(account.id(), developer.ref());
        if (live.isPresent()) {
            throw new AuthorizationRefused(Reason.ALREADY_AUTHORIZED, live.get().statusAt(clock.instant()).name());
        }
        boolean needsVerification = !verifyAtOnce && !repository.everVerified(account.id(), developer.ref());
        Instant now = clock.instant();
        MwsAuthToken token = ids.mwsAuthToken();
        String value = token.reveal();
        String hash = Hashes.sha256Hex(value);
        byte[] sealed = sealer.seal(value, sealContext(account.id(), developer.ref(), hash));
        long ref = repository.insert(account.id(), developer.ref(),
                needsVerification ? AuthorizationStatus.PENDING_VERIFICATION : AuthorizationStatus.ACTIVE,
                hash, sealed, value.substring(value.length() - 4), acceptance.version(), now,
                clip(acceptance.clientAddress()), needsVerification ? null : now,
                needsVerification ? null : twelveMonthsFrom(now));
        repository.recordEvent(ref, AuthorizationEvent.Kind.REQUESTED, now, actor, "terms v" + acceptance.version());
        if (needsVerification) {
            sendVerification(ref, account, developer.name(), developer.developerId(), linkBase, now, actor);
        } else {
            repository.recordEvent(ref, AuthorizationEvent.Kind.VERIFIED, now, actor,
                    verifyAtOnce ? "sandbox fixture" : "authorized before");
        }
        Authorization made = repository.find(ref).orElseThrow();
        log.info("Seller {} authorized developer {} (authorization {}, {})", account.sellerId(),
                developer.developerId().digits(), ref, made.status());
        return new IssuedAuthorization(made, token, needsVerification);
    }

    private void sendVerification(long ref, SellerAccount account, String developerName, DeveloperId developerId,
                                  URI linkBase, Instant now, Actor actor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String linkToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.retireVerifications(ref, now);
        repository.insertVerification(Hashes.sha256Hex(linkToken), ref, now, now.plus(VERIFICATION_LIFETIME));
        String link = UriComponentsBuilder.fromUri(linkBase).path(VERIFY_PATH).queryParam("token", linkToken)
                .build().toUriString();
        mailer.send(new Mail(account.email(), text("authorizations.mail.verify.subject", developerName),
                text("authorizations.mail.verify.body", account.contactName(), developerName, developerId.formatted(),
                        account.sellerId(), link, VERIFICATION_LIFETIME.toHours())));
        repository.recordEvent(ref, AuthorizationEvent.Kind.VERIFICATION_SENT, now, actor, account.email());
    }

    /**
     * Mails a new confirmation link for a pending authorization; earlier links stop working.
     *
     * @throws AuthorizationRefused when it is not the seller's, not pending, or a link went out less than a minute ago
     */
    @Transactional
    public void resendVerification(long accountId, long ref, URI linkBase) {
        Authorization authorization = repository.lockOfAccount(accountId, ref)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_AUTHORIZATION));
        if (authorization.status() != AuthorizationStatus.PENDING_VERIFICATION) {
            throw new AuthorizationRefused(Reason.NOT_PENDING);
        }
        Instant now = clock.instant();
        Optional<Instant> newest = repository.newestVerificationSent(ref);
        if (newest.isPresent() && newest.get().plus(VERIFICATION_RESEND_INTERVAL).isAfter(now)) {
            throw new AuthorizationRefused(Reason.RESEND_TOO_SOON);
        }
        SellerAccount account = accounts.byId(accountId).orElseThrow();
        sendVerification(ref, account, authorization.developerName(), authorization.developerId(), linkBase, now,
                Actor.seller(account.sellerId()));
    }

    /**
     * The pending authorization a confirmation link is for, when the link is live and the signed-in
     * account is the one that made it (for the page that asks to confirm; nothing changes).
     */
    public Optional<Authorization> pendingForLink(long accountId, String linkToken) {
        if (linkToken == null || linkToken.isBlank() || linkToken.length() > 100) {
            return Optional.empty();
        }
        return repository.liveVerification(Hashes.sha256Hex(linkToken), clock.instant())
                .flatMap(v -> repository.ofAccount(accountId, v.authorizationRef()))
                .filter(a -> a.status() == AuthorizationStatus.PENDING_VERIFICATION);
    }

    /**
     * Confirms an authorization from its mailed link: it becomes active for twelve months and the
     * link is used up.
     *
     * @throws AuthorizationRefused {@link Reason#LINK_DEAD} when the link is unknown, used, expired, belongs to
     *     another account, or its authorization was revoked meanwhile
     */
    @Transactional
    public Authorization verify(long accountId, String linkToken) {
        Authorization pending = pendingForLink(accountId, linkToken).orElseThrow(() -> new AuthorizationRefused(Reason.LINK_DEAD));
        repository.lockOfAccount(accountId, pending.ref());
        Instant now = clock.instant();
        if (!repository.useVerification(Hashes.sha256Hex(linkToken), now)
                || !repository.activate(pending.ref(), now, twelveMonthsFrom(now))) {
            throw new AuthorizationRefused(Reason.LINK_DEAD);
        }
        repository.recordEvent(pending.ref(), AuthorizationEvent.Kind.VERIFIED, now, Actor.seller(pending.sellerId()),
                "email link");
        log.info("Seller {} verified authorization {} of developer {}", pending.sellerId(), pending.ref(),
                pending.developerId().digits());
        return repository.find(pending.ref()).orElseThrow();
    }

    // --- reading ----------------------------------------------------------------------------------

    /** The seller's authorizations, newest first, revoked ones included. */
    public List<Authorization> ofSeller(long accountId) {
        return repository.ofAccount(accountId);
    }

    /** One of the seller's authorizations; empty when {@code ref} is not the seller's. */
    public Optional<Authorization> ofSeller(long accountId, long ref) {
        return repository.ofAccount(accountId, ref);
    }

    /** The audit trail of an authorization, oldest first. */
    public List<AuthorizationEvent> events(Authorization authorization) {
        return repository.events(authorization.ref());
    }

    /** Each seller that authorized the developer, with its newest authorization. */
    public List<Authorization> sellersOf(Developer developer) {
        Set<Long> seen = new HashSet<>();
        List<Authorization> newest = new ArrayList<>();
        for (Authorization a : repository.ofDeveloper(developer.ref())) {
            if (seen.add(a.accountId())) {
                newest.add(a);
            }
        }
        return newest;
    }

    /** One page of the live or past section of a seller's ({@code ACCOUNT}) or developer's list. */
    AuthorizationListing.Page<Authorization> listPage(AuthorizationRepository.Scope scope, long owner,
                                                      AuthorizationListing listing, boolean live, Instant now) {
        return AuthorizationListing.Page.of(repository.page(scope, owner, listing, live, now),
                live ? listing.page() : listing.pastPage());
    }

    /** Every row of the list matching the search, live first, as read (for CSV). */
    void eachListed(AuthorizationRepository.Scope scope, long owner, AuthorizationListing listing, Instant now,
                    java.util.function.Consumer<Authorization> row) {
        repository.each(scope, owner, listing, now, row);
    }

    /** The marketplace IDs of seller accounts, by account: of the given ones, or all the developer's when {@code null}. */
    java.util.Map<Long, List<String>> marketplaceIds(java.util.Collection<Long> accountIds, Developer developer) {
        return accountIds == null ? repository.marketplaceIdsOfSellers(developer.ref())
                : repository.marketplaceIds(accountIds);
    }

    /**
     * The token of one of the seller's authorizations, once the seller has typed the account password
     * again; empty when the password is wrong.
     *
     * @throws AuthorizationRefused when {@code ref} is not the seller's
     */
    public Optional<MwsAuthToken> revealToken(long accountId, long ref, String password) {
        Authorization authorization = repository.ofAccount(accountId, ref)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_AUTHORIZATION));
        if (!accounts.passwordMatches(accountId, password)) {
            log.info("Seller {} gave a wrong password to see the token of authorization {}", authorization.sellerId(), ref);
            return Optional.empty();
        }
        log.info("Seller {} was shown the token of authorization {}", authorization.sellerId(), ref);
        return Optional.of(openToken(authorization));
    }

    /** Opens the sealed token; for the seller after a password check, or for the sandbox operator. */
    MwsAuthToken openToken(Authorization authorization) {
        AuthorizationRepository.SealedToken sealed = repository.sealedToken(authorization.ref());
        try {
            return MwsAuthToken.of(sealer.open(sealed.sealed(),
                    sealContext(sealed.accountId(), sealed.developerRef(), sealed.tokenHash())));
        } catch (SecretSealer.SealBroken broken) {
            log.error("The MWS Auth Token of authorization {} does not open with the configured keyset; "
                    + "is openmws.secrets.* pointing at the keyset that sealed it?", authorization.ref());
            throw broken;
        }
    }

    // --- renew and revoke -------------------------------------------------------------------------

    /**
     * Renews one of the seller's authorizations: the same token works for twelve months from now.
     *
     * @throws AuthorizationRefused when it is not the seller's, is pending or revoked, or renewal has not opened yet
     */
    @Transactional
    public Authorization renew(long accountId, long ref, Actor actor) {
        Authorization authorization = repository.lockOfAccount(accountId, ref)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_AUTHORIZATION));
        Instant now = clock.instant();
        if (authorization.renewableFrom() == null) {
            throw new AuthorizationRefused(Reason.NOT_RENEWABLE, authorization.status().name());
        }
        if (!authorization.renewableAt(now)) {
            throw new AuthorizationRefused(Reason.NOT_RENEWABLE_YET, DisplayTime.date(authorization.renewableFrom()));
        }
        Instant expiresAt = twelveMonthsFrom(now);
        if (!repository.renew(ref, now, expiresAt)) {
            throw new AuthorizationRefused(Reason.NOT_RENEWABLE, authorization.status().name());
        }
        repository.recordEvent(ref, AuthorizationEvent.Kind.RENEWED, now, actor, "until " + DisplayTime.date(expiresAt));
        log.info("Authorization {} of seller {} for developer {} renewed until {}", ref, authorization.sellerId(),
                authorization.developerId().digits(), expiresAt);
        Authorization renewed = repository.find(ref).orElseThrow();
        notices.sellerChanged(DeveloperNotices.Kind.RENEWED, renewed);
        return renewed;
    }

    /**
     * Revokes one of the seller's authorizations, at once and for good.
     *
     * @throws AuthorizationRefused when it is not the seller's, or is revoked already
     */
    @Transactional
    public Authorization revoke(long accountId, long ref, Actor actor) {
        Authorization authorization = repository.lockOfAccount(accountId, ref)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_AUTHORIZATION));
        Instant now = clock.instant();
        if (!repository.revoke(ref, now)) {
            throw new AuthorizationRefused(Reason.ALREADY_REVOKED);
        }
        repository.recordEvent(ref, AuthorizationEvent.Kind.REVOKED, now, actor,
                "was " + authorization.statusAt(now).name());
        log.info("Authorization {} of seller {} for developer {} revoked", ref, authorization.sellerId(),
                authorization.developerId().digits());
        Authorization revoked = repository.find(ref).orElseThrow();
        notices.sellerChanged(DeveloperNotices.Kind.REVOKED, revoked);
        return revoked;
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Twelve calendar months in UTC: 365 or 366 days, as a year from that day. */
    static Instant twelveMonthsFrom(Instant start) {
        return start.atZone(ZoneOffset.UTC).plusMonths(Authorization.VALIDITY_MONTHS).toInstant();
    }

    /** The associated data a token is sealed with: its table, account, developer and token hash. */
    static String sealContext(long accountId, long developerRef, String tokenHash) {
        return "seller_authorization/" + accountId + "/" + developerRef + "/" + tokenHash;
    }

    private static Region regionOf(SellerAccount account) {
        return Marketplaces.byId(account.homeMarketplaceId()).map(Marketplace::region)
                .orElseThrow(() -> new IllegalStateException("Account " + account.id() + " has an unknown home marketplace"));
    }

    private static String clip(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address;
        return a.length() > 45 ? a.substring(0, 45) : a;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
