package io.openmws.server.authorizations;

import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import io.openmws.server.support.DisplayTime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The platform's side of authorizations, for the {@link ExpiryWatch}: marks authorizations past their
 * expiry as expired and mails the seller weekly reminders in the last
 * {@link Authorization#RENEWAL_WINDOW 30 days}. Each step is its own transaction, so one failing mail
 * holds back nothing else.
 */
@Service
class AuthorizationReminders {

    /** Reminders go out this often inside the last 30 days. */
    static final Duration REMINDER_INTERVAL = Duration.ofDays(7);
    /** Reminders of one expiry: on days 30, 23, 16, 9 and 2 before it. */
    static final int REMINDERS_PER_EXPIRY = 5;

    private static final Logger log = LoggerFactory.getLogger(AuthorizationReminders.class);

    private final AuthorizationRepository repository;
    private final SellerAccounts accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final DeveloperNotices notices;
    private final Clock clock;

    AuthorizationReminders(AuthorizationRepository repository, SellerAccounts accounts, Mailer mailer,
                           MessageSource messages, DeveloperNotices notices, Clock clock) {
        this.repository = repository;
        this.notices = notices;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

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
                UriComponentsBuilder.fromUri(linkBase).path(Authorizations.USER_PERMISSIONS_PATH).build().toUriString());
        mailer.send(new Mail(account.email(),
                text("authorizations.mail.reminder.subject", authorization.developerName(),
                        DisplayTime.date(authorization.expiresAt())),
                text("authorizations.mail.reminder.body", account.contactName(), authorization.developerName(),
                        authorization.developerId().formatted(), account.sellerId(),
                        DisplayTime.date(authorization.expiresAt()), authorization.daysLeft(now), where)));
        repository.recordEvent(ref, AuthorizationEvent.Kind.REMINDER_SENT, now, Actor.PLATFORM,
                "reminder " + number + " of " + REMINDERS_PER_EXPIRY + ", expiry " + DisplayTime.date(authorization.expiresAt()));
        log.info("Reminder {} sent for authorization {} of seller {} (expires {})", number, ref,
                authorization.sellerId(), authorization.expiresAt());
        return true;
    }

    /** How far back an expiry still gets its mails: older ones (say, before an upgrade) are not mailed late. */
    static final Duration EXPIRY_NOTICE_LOOKBACK = Duration.ofDays(7);

    /** Authorizations marked expired whose seller and developer were not told yet. */
    List<Long> expiredUntold() {
        return notices.expiredWithoutNotice(clock.instant().minus(EXPIRY_NOTICE_LOOKBACK));
    }

    /**
     * Tells the seller and the developer that one authorization expired, once per expiry: the
     * developer's notice row is claimed first, in this transaction, so a failing mail rolls it back
     * and the next run tries again, and a second run (or node) finds it claimed.
     *
     * @return whether the mails were sent
     */
    @Transactional
    boolean tellExpired(long ref, URI linkBase) {
        Authorization authorization = repository.find(ref).orElseThrow();
        if (authorization.status() != AuthorizationStatus.EXPIRED
                || !notices.claimAndMail(DeveloperNotices.Kind.EXPIRED, authorization, authorization.expiresAt())) {
            return false;
        }
        SellerAccount account = accounts.byId(authorization.accountId()).orElseThrow();
        String where = UriComponentsBuilder.fromUri(linkBase).path(Authorizations.USER_PERMISSIONS_PATH).build().toUriString();
        mailer.send(new Mail(account.email(),
                text("authorizations.mail.expired.subject", authorization.developerName(),
                        DisplayTime.date(authorization.expiresAt())),
                text("authorizations.mail.expired.body", account.contactName(), authorization.developerName(),
                        authorization.developerId().formatted(), account.sellerId(),
                        DisplayTime.date(authorization.expiresAt()), where)));
        log.info("Seller {} and developer {} told that authorization {} expired", authorization.sellerId(),
                authorization.developerId().digits(), ref);
        return true;
    }

    /**
     * Tells the developer, once per expiry, that an active authorization expires within 30 days.
     *
     * @return whether the notice was written and mailed now
     */
    @Transactional
    boolean warnDeveloper(long ref) {
        Authorization authorization = repository.find(ref).orElseThrow();
        Instant now = clock.instant();
        if (authorization.statusAt(now) != AuthorizationStatus.ACTIVE
                || now.isBefore(authorization.expiresAt().minus(Authorization.RENEWAL_WINDOW))) {
            return false;
        }
        return notices.claimAndMail(DeveloperNotices.Kind.EXPIRING, authorization, authorization.expiresAt());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
