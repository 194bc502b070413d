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
import io.openmws.server.support.Hashes;
import io.openmws.server.support.ListFilter;
import io.openmws.server.support.SecretSealer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * Sellers' authorizations of developers: the public surface of the feature.
 *
 * <p>A seller authorizes a developer by its name and Developer ID, accepting the third-party terms;
 * the first authorization of a developer by a seller waits for the seller to confirm it from a
 * mailed link ({@link #VERIFICATION_LIFETIME}). An active authorization lasts
 * {@value Authorization#VALIDITY_MONTHS} months; Renew (from 30 days before expiry, and any time
 * after) keeps the token; Revoke ends it for good, and a later authorization gets a new token.
 *
 * <p>The API asks {@link #activeFor} on every call: one indexed read by the token's SHA-256, no cache,
 * so revocation and expiry hold on every node at once. Tokens are stored sealed
 * ({@link SecretSealer}, bound to the row's account, developer and token hash), opened only to show
 * them to their seller after a password check or to the sandbox operator. No log line holds one.
 */
@Service
public class Authorizations {

    /** How long the link that confirms a first authorization works. */
    public static final Duration VERIFICATION_LIFETIME = Duration.ofHours(24);
    /** A new confirmation link at most this often. */
    static final Duration VERIFICATION_RESEND_INTERVAL = Duration.ofMinutes(1);
    /** Reminders go out this often inside the last 30 days. */
    static final Duration REMINDER_INTERVAL = Duration.ofDays(7);
    /** Reminders of one expiry: on days 30, 23, 16, 9 and 2 before it. */
    static final int REMINDERS_PER_EXPIRY = 5;

    static final String VERIFY_PATH = "/sellercentral/authorizations/verify";
    static final String USER_PERMISSIONS_PATH = "/sellercentral/settings/user-permissions";

    private static final Logger log = LoggerFactory.getLogger(Authorizations.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** Why an authorization could not be made or changed; {@link #messageKey()} is in the portal's bundle. */
    public static final class Refused extends RuntimeException {
        private final Reason reason;
        private final transient Object[] args;

        Refused(Reason reason, Object... args) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.args = args;
        }

        public Reason reason() {
            return reason;
        }

        public String messageKey() {
            return reason.messageKey();
        }

        /** The arguments of the message (a date, a region), never a secret. */
        public Object[] args() {
            return args.clone();
        }
    }

    /** The refusals, each with its message. */
    public enum Reason {
        /** Name and Developer ID do not both match one active developer; never says which half is wrong. */
        NO_SUCH_DEVELOPER("authorizations.refused.noSuchDeveloper"),
        /** The developer is the seller's own registration, which needs no authorization. */
        OWN_DEVELOPER("authorizations.refused.ownDeveloper"),
        /** The developer is registered for another region than the seller's home marketplace. */
        OTHER_REGION("authorizations.refused.otherRegion"),
        /** The pair has an authorization that is not revoked. */
        ALREADY_AUTHORIZED("authorizations.refused.alreadyAuthorized"),
        /** The terms box was not ticked. */
        TERMS_NOT_ACCEPTED("authorizations.refused.termsNotAccepted"),
        /** The terms changed while the seller read them. */
        TERMS_CHANGED("authorizations.refused.termsChanged"),
        /** No active seller account has that Seller ID (sandbox). */
        NO_SUCH_SELLER("authorizations.refused.noSuchSeller"),
        /** No authorization of this seller has that number, or the pair has none (sandbox). */
        NO_SUCH_AUTHORIZATION("authorizations.refused.noSuchAuthorization"),
        /** Renewal opens 30 days before expiry; the argument is the date it opens. */
        NOT_RENEWABLE_YET("authorizations.refused.notRenewableYet"),
        /** Pending and revoked authorizations are never renewed. */
        NOT_RENEWABLE("authorizations.refused.notRenewable"),
        /** Revoked already. */
        ALREADY_REVOKED("authorizations.refused.alreadyRevoked"),
        /** Only a pending authorization gets a confirmation link. */
        NOT_PENDING("authorizations.refused.notPending"),
        /** A link was sent less than a minute ago. */
        RESEND_TOO_SOON("authorizations.refused.resendTooSoon"),
        /** The confirmation link is unknown, used, expired, or belongs to another account. */
        LINK_DEAD("authorizations.refused.linkDead");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** What the seller agreed to, and from which address. */
    public record TermsAcceptance(boolean agreed, String version, String clientAddress) {}

    private final AuthorizationRepository repository;
    private final AuthorizationTerms terms;
    private final SellerAccounts accounts;
    private final Developers developers;
    private final SecretSealer sealer;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();
    private final SecureRandom random = new SecureRandom();

    Authorizations(AuthorizationRepository repository, AuthorizationTerms terms, SellerAccounts accounts,
                   Developers developers, SecretSealer sealer, Mailer mailer, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.terms = terms;
        this.accounts = accounts;
        this.developers = developers;
        this.sealer = sealer;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    // --- the API's question -----------------------------------------------------------------------

    /**
     * Whether {@code token} lets the developer call for the seller now. One indexed read, no cache: a
     * revocation or an expiry holds for the very next call on every node.
     *
     * @param developerId the Developer ID, with or without dashes
     */
    public AuthorizationCheck activeFor(String sellerId, String developerId, String token) {
        if (sellerId == null || developerId == null || !MwsAuthToken.isValid(token)
                || !DeveloperId.isValid(developerId.strip())) {
            return AuthorizationCheck.UNKNOWN;
        }
        String digits = DeveloperId.of(developerId.strip()).digits();
        return repository.byTokenHash(Hashes.sha256Hex(token))
                .filter(owner -> owner.sellerId() != null && owner.sellerId().equals(sellerId)
                        && owner.developerId().equals(digits))
                .map(owner -> switch (owner.status()) {
                    case PENDING_VERIFICATION -> AuthorizationCheck.PENDING_VERIFICATION;
                    case REVOKED -> AuthorizationCheck.REVOKED;
                    case EXPIRED -> AuthorizationCheck.EXPIRED;
                    case ACTIVE -> clock.instant().isBefore(owner.expiresAt())
                            ? AuthorizationCheck.ACTIVE : AuthorizationCheck.EXPIRED;
                })
                .orElse(AuthorizationCheck.UNKNOWN);
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
     * @throws Refused when the terms were not accepted, the developer does not match, or the pair is
     *     authorized already
     */
    @Transactional
    public IssuedAuthorization authorize(long accountId, String developerName, String developerId,
                                         TermsAcceptance acceptance, URI linkBase) {
        if (!acceptance.agreed()) {
            throw new Refused(Reason.TERMS_NOT_ACCEPTED);
        }
        if (!terms.current().version().equals(acceptance.version())) {
            throw new Refused(Reason.TERMS_CHANGED);
        }
        SellerAccount account = accounts.byId(accountId).filter(SellerAccount::active)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_SELLER));
        Developer developer = developers.findActive(developerId, developerName)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_DEVELOPER));
        return issue(account, developer, acceptance, Actor.seller(account.sellerId()), false, linkBase);
    }

    /**
     * What the sandbox operator does for test fixtures: the seller authorizes the developer and the
     * authorization is verified at once, with no mail. The terms are recorded as accepted by the operator.
     *
     * @throws Refused for an unknown seller or developer, the seller's own developer, or a pair
     *     authorized already
     */
    @Transactional
    public IssuedAuthorization authorizeForSandbox(String sellerId, String developerId, String clientAddress) {
        SellerAccount account = sellerById(sellerId);
        Developer developer = developers.byDeveloperId(developerId)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_DEVELOPER));
        if (!developer.active()) {
            throw new Refused(Reason.NO_SUCH_DEVELOPER);
        }
        TermsAcceptance acceptance = new TermsAcceptance(true, terms.current().version(), clientAddress);
        return issue(account, developer, acceptance, Actor.OPERATOR, true, null);
    }

    private IssuedAuthorization issue(SellerAccount account, Developer developer, TermsAcceptance acceptance,
                                      Actor actor, boolean verifyAtOnce, URI linkBase) {
        if (developer.accountId() == account.id()) {
            throw new Refused(Reason.OWN_DEVELOPER);
        }
        Region sellerRegion = regionOf(account);
        if (developer.region() != sellerRegion) {
            throw new Refused(Reason.OTHER_REGION, developer.region().displayName(), sellerRegion.displayName());
        }
        repository.lockAccount(account.id());
        Optional<Authorization> live = repository.liveOfPair(account.id(), developer.ref());
        if (live.isPresent()) {
            throw new Refused(Reason.ALREADY_AUTHORIZED, live.get().statusAt(clock.instant()).name());
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
     * @throws Refused when it is not the seller's, not pending, or a link went out less than a minute ago
     */
    @Transactional
    public void resendVerification(long accountId, long ref, URI linkBase) {
        Authorization authorization = repository.lockOfAccount(accountId, ref)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_AUTHORIZATION));
        if (authorization.status() != AuthorizationStatus.PENDING_VERIFICATION) {
            throw new Refused(Reason.NOT_PENDING);
        }
        Instant now = clock.instant();
        Optional<Instant> newest = repository.newestVerificationSent(ref);
        if (newest.isPresent() && newest.get().plus(VERIFICATION_RESEND_INTERVAL).isAfter(now)) {
            throw new Refused(Reason.RESEND_TOO_SOON);
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
     * @throws Refused {@link Reason#LINK_DEAD} when the link is unknown, used, expired, belongs to
     *     another account, or its authorization was revoked meanwhile
     */
    @Transactional
    public Authorization verify(long accountId, String linkToken) {
        Authorization pending = pendingForLink(accountId, linkToken).orElseThrow(() -> new Refused(Reason.LINK_DEAD));
        repository.lockOfAccount(accountId, pending.ref());
        Instant now = clock.instant();
        if (!repository.useVerification(Hashes.sha256Hex(linkToken), now)
                || !repository.activate(pending.ref(), now, twelveMonthsFrom(now))) {
            throw new Refused(Reason.LINK_DEAD);
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

    /** How many authorizations exist, and how many are active now. */
    public record Counts(long total, long active) {}

    /**
     * For the sandbox operator's list: the newest authorizations matching the filter (the seller's
     * Seller ID or part of its email, or the Developer ID), newest first, at most {@code limit}.
     */
    public List<Authorization> newest(ListFilter filter, int limit) {
        return repository.newest(filter, limit);
    }

    public Counts counts() {
        long[] counts = repository.counts(clock.instant());
        return new Counts(counts[0], counts[1]);
    }

    /** The newest authorization of the pair, whatever its status (sandbox). */
    public Optional<Authorization> ofPair(String sellerId, String developerId) {
        SellerAccount account = sellerById(sellerId);
        Developer developer = developers.byDeveloperId(developerId)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_DEVELOPER));
        return repository.newestOfPair(account.id(), developer.ref());
    }

    /**
     * The token of one of the seller's authorizations, once the seller has typed the account password
     * again; empty when the password is wrong.
     *
     * @throws Refused when {@code ref} is not the seller's
     */
    public Optional<MwsAuthToken> revealToken(long accountId, long ref, String password) {
        Authorization authorization = repository.ofAccount(accountId, ref)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_AUTHORIZATION));
        if (!accounts.passwordMatches(accountId, password)) {
            log.info("Seller {} gave a wrong password to see the token of authorization {}", authorization.sellerId(), ref);
            return Optional.empty();
        }
        log.info("Seller {} was shown the token of authorization {}", authorization.sellerId(), ref);
        return Optional.of(openToken(authorization));
    }

    /** The token of an authorization, for the sandbox operator, who needs no password. */
    public MwsAuthToken operatorToken(Authorization authorization) {
        return openToken(authorization);
    }

    private MwsAuthToken openToken(Authorization authorization) {
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
     * @throws Refused when it is not the seller's, is pending or revoked, or renewal has not opened yet
     */
    @Transactional
    public Authorization renew(long accountId, long ref, Actor actor) {
        Authorization authorization = repository.lockOfAccount(accountId, ref)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_AUTHORIZATION));
        Instant now = clock.instant();
        if (authorization.renewableFrom() == null) {
            throw new Refused(Reason.NOT_RENEWABLE, authorization.status().name());
        }
        if (!authorization.renewableAt(now)) {
            throw new Refused(Reason.NOT_RENEWABLE_YET, DATE.format(authorization.renewableFrom()));
        }
        Instant expiresAt = twelveMonthsFrom(now);
        if (!repository.renew(ref, now, expiresAt)) {
            throw new Refused(Reason.NOT_RENEWABLE, authorization.status().name());
        }
        repository.recordEvent(ref, AuthorizationEvent.Kind.RENEWED, now, actor, "until " + DATE.format(expiresAt));
        log.info("Authorization {} of seller {} for developer {} renewed until {}", ref, authorization.sellerId(),
                authorization.developerId().digits(), expiresAt);
        return repository.find(ref).orElseThrow();
    }

    /**
     * Revokes one of the seller's authorizations, at once and for good.
     *
     * @throws Refused when it is not the seller's, or is revoked already
     */
    @Transactional
    public Authorization revoke(long accountId, long ref, Actor actor) {
        Authorization authorization = repository.lockOfAccount(accountId, ref)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_AUTHORIZATION));
        Instant now = clock.instant();
        if (!repository.revoke(ref, now)) {
            throw new Refused(Reason.ALREADY_REVOKED);
        }
        repository.recordEvent(ref, AuthorizationEvent.Kind.REVOKED, now, actor,
                "was " + authorization.statusAt(now).name());
        log.info("Authorization {} of seller {} for developer {} revoked", ref, authorization.sellerId(),
                authorization.developerId().digits());
        return repository.find(ref).orElseThrow();
    }

    /** Renews the pair's newest authorization, as its seller's Renew button would (sandbox). */
    @Transactional
    public Authorization renewPair(String sellerId, String developerId, Actor actor) {
        Authorization newest = ofPair(sellerId, developerId).orElseThrow(() -> new Refused(Reason.NO_SUCH_AUTHORIZATION));
        return renew(newest.accountId(), newest.ref(), actor);
    }

    /** Revokes the pair's newest authorization, as its seller's Revoke access button would (sandbox). */
    @Transactional
    public Authorization revokePair(String sellerId, String developerId, Actor actor) {
        Authorization newest = ofPair(sellerId, developerId).orElseThrow(() -> new Refused(Reason.NO_SUCH_AUTHORIZATION));
        return revoke(newest.accountId(), newest.ref(), actor);
    }

    // --- the expiry watch's work ------------------------------------------------------------------

    /** Marks active authorizations past their expiry as expired, with an audit event dated at the expiry. */
    @Transactional
    int markExpired(int limit) {
        Instant now = clock.instant();
        int marked = 0;
        for (long ref : repository.lockDueForExpiry(now, limit)) {
            Authorization authorization = repository.find(ref).orElseThrow();
            if (repository.markExpired(ref, now)) {
                repository.recordEvent(ref, AuthorizationEvent.Kind.EXPIRED, authorization.expiresAt(), Actor.PLATFORM,
                        null);
                log.info("Authorization {} of seller {} for developer {} expired at {}", ref, authorization.sellerId(),
                        authorization.developerId().digits(), authorization.expiresAt());
                marked++;
            }
        }
        return marked;
    }

    /** The authorizations inside their last 30 days, which may owe their seller a reminder. */
    List<Long> inRenewalWindow() {
        Instant now = clock.instant();
        return repository.inRenewalWindow(now, now.plus(Authorization.RENEWAL_WINDOW));
    }

    /**
     * Sends the reminder due now for one authorization, unless it went out already: the reminder's
     * row is claimed first, in this transaction, so a reminder is never sent twice. When the clock
     * jumped over several reminder days, only the newest reminder is sent.
     *
     * @return whether a reminder was sent
     */
    @Transactional
    boolean remind(long ref, URI linkBase) {
        Authorization authorization = repository.find(ref).orElseThrow();
        Instant now = clock.instant();
        if (authorization.statusAt(now) != AuthorizationStatus.ACTIVE) {
            return false;
        }
        Instant windowStart = authorization.expiresAt().minus(Authorization.RENEWAL_WINDOW);
        if (now.isBefore(windowStart)) {
            return false;
        }
        int number = (int) Math.min(REMINDERS_PER_EXPIRY,
                Duration.between(windowStart, now).dividedBy(REMINDER_INTERVAL) + 1);
        if (!repository.claimReminder(ref, authorization.expiresAt(), number, now)) {
            return false;
        }
        SellerAccount account = accounts.byId(authorization.accountId()).orElseThrow();
        String where = text("authorizations.mail.reminder.link",
                UriComponentsBuilder.fromUri(linkBase).path(USER_PERMISSIONS_PATH).build().toUriString());
        mailer.send(new Mail(account.email(),
                text("authorizations.mail.reminder.subject", authorization.developerName(),
                        DATE.format(authorization.expiresAt())),
                text("authorizations.mail.reminder.body", account.contactName(), authorization.developerName(),
                        authorization.developerId().formatted(), account.sellerId(),
                        DATE.format(authorization.expiresAt()), authorization.daysLeft(now), where)));
        repository.recordEvent(ref, AuthorizationEvent.Kind.REMINDER_SENT, now, Actor.PLATFORM,
                "reminder " + number + " of " + REMINDERS_PER_EXPIRY + ", expiry " + DATE.format(authorization.expiresAt()));
        log.info("Reminder {} sent for authorization {} of seller {} (expires {})", number, ref,
                authorization.sellerId(), authorization.expiresAt());
        return true;
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

    private SellerAccount sellerById(String sellerId) {
        if (sellerId == null || sellerId.isBlank() || sellerId.length() > 20) {
            throw new Refused(Reason.NO_SUCH_SELLER);
        }
        return accounts.bySellerId(sellerId.strip()).filter(SellerAccount::active)
                .orElseThrow(() -> new Refused(Reason.NO_SUCH_SELLER));
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
