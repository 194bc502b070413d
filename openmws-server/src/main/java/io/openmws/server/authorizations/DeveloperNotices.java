package io.openmws.server.authorizations;

import io.openmws.server.developers.Developer;
import io.openmws.server.developers.Developers;
import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.PortalLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What developers are told about their sellers' authorizations: revoked, renewed, expired, or
 * expiring within 30 days. Each notice is written once (per authorization, kind and expiry) to the
 * developer's Notices list and mailed to the developer's contact email.
 */
@Service
class DeveloperNotices {

    /** What happened. */
    enum Kind { REVOKED, RENEWED, EXPIRED, EXPIRING }

    static final String PATH = "/sellercentral/developer-central/notices";
    static final int PAGE_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(DeveloperNotices.class);

    private final DeveloperNoticeRepository notices;
    private final Developers developers;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PortalLinks links;
    private final Clock clock;

    DeveloperNotices(DeveloperNoticeRepository notices, Developers developers, Mailer mailer, MessageSource messages,
                     PortalLinks links, Clock clock) {
        this.notices = notices;
        this.developers = developers;
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
    }

    /**
     * A seller revoked or renewed: the notice is written in the caller's transaction, and the mail goes
     * out once it commits. A mail server that is down never holds back the seller's revoke; the
     * notice on the list stays either way (the failure is logged).
     */
    void sellerChanged(Kind kind, Authorization after) {
        Instant now = clock.instant();
        Instant expiry = after.expiresAt() != null ? after.expiresAt() : now;
        if (!notices.claim(after.developerRef(), after.ref(), kind, expiry, now)) {
            return;
        }
        Optional<Mail> mail = mailFor(kind, after, expiry);
        if (mail.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        mailer.send(mail.get());
                    } catch (RuntimeException e) {
                        log.warn("Could not mail the {} notice of authorization {} to its developer", kind, after.ref(), e);
                    }
                }
            });
        } else {
            mailer.send(mail.get());
        }
    }

    /**
     * For the expiry watch, inside its transaction: writes the notice unless it exists and mails it at
     * once, so a failing mail rolls the notice back and the next run tries again.
     *
     * @return whether this call wrote (and mailed) it
     */
    boolean claimAndMail(Kind kind, Authorization authorization, Instant expiry) {
        if (!notices.claim(authorization.developerRef(), authorization.ref(), kind, expiry, clock.instant())) {
            return false;
        }
        mailFor(kind, authorization, expiry).ifPresent(mailer::send);
        return true;
    }

    List<Long> expiredWithoutNotice(Instant since) {
        return notices.expiredWithoutNotice(since);
    }

    /** One page (from 1) of the developer's notices, newest first. */
    AuthorizationListing.Page<DeveloperNoticeRepository.NoticeRow> page(Developer developer, int page) {
        return AuthorizationListing.Page.of(notices.newest(developer.ref(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE), page);
    }

    private Optional<Mail> mailFor(Kind kind, Authorization a, Instant expiry) {
        Optional<Developer> developer = developers.byDeveloperId(a.developerId().digits());
        if (developer.isEmpty() || developer.get().contactEmail() == null) {
            return Optional.empty();
        }
        String prefix = "notices.mail." + kind.name() + ".";
        String list = UriComponentsBuilder.fromUri(links.base()).path(PATH).build().toUriString();
        Object[] args = {a.sellerId(), a.sellerBusinessName(), a.developerName(), a.developerId().formatted(),
                DisplayTime.date(expiry), list};
        return Optional.of(new Mail(developer.get().contactEmail(), text(prefix + "subject", args),
                text(prefix + "body", args)));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
