package io.openmws.server.accounts;

import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins: after {@link #MAX_FAILURES} in a row the account is locked for
 * {@link #LOCK_DURATION} and its owner is mailed. A successful sign-in resets the count.
 */
@Component
class SignInAttempts {

    static final int MAX_FAILURES = 10;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final SellerAccountRepository accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;

    SignInAttempts(SellerAccountRepository accounts, Mailer mailer, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        if (!(name instanceof String email)) {
            return;
        }
        accounts.credentialsByEmail(email).ifPresent(credentials -> {
            long id = credentials.account().id();
            int failures = accounts.countFailedSignIn(id);
            if (failures >= MAX_FAILURES && accounts.lockIfReached(id, MAX_FAILURES, clock.instant().plus(LOCK_DURATION))) {
                log.warn("Seller account {} locked for {} after {} failed sign-ins", id, LOCK_DURATION, MAX_FAILURES);
                mailer.send(new Mail(credentials.account().email(),
                        Messages.text(messages, "mail.locked.subject"),
                        Messages.text(messages, "mail.locked.body", credentials.account().contactName(),
                                MAX_FAILURES, LOCK_DURATION.toMinutes())));
            }
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SellerPrincipal principal) {
            accounts.clearFailedSignIns(principal.accountId());
        }
    }
}
