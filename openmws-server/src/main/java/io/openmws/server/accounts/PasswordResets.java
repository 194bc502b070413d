package io.openmws.server.accounts;

import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import io.openmws.server.support.Hashes;
import io.openmws.server.support.SqlTime;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Forgot password": a one-time link, valid {@link #LIFETIME}, mailed to the account's address. Only the
 * SHA-256 of the link's token is stored. Nothing the caller sees tells whether an account exists.
 */
@Service
class PasswordResets {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_PER_HOUR = 5;
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final SellerAccountRepository accounts;
    private final SellerAccounts sellerAccounts;
    private final PasswordPolicy policy;
    private final PortalSessions sessions;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(JdbcClient jdbc, SellerAccountRepository accounts, SellerAccounts sellerAccounts,
                   PasswordPolicy policy, PortalSessions sessions, Mailer mailer, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sellerAccounts = sellerAccounts;
        this.policy = policy;
        this.sessions = sessions;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /** Mails a reset link if {@code email} has an account and it has not asked too often; silent otherwise. */
    @Transactional
    void request(String email, URI base) {
        var credentials = accounts.credentialsByEmail(email == null ? "" : email);
        if (credentials.isEmpty()) {
            return;
        }
        var account = credentials.get().account();
        Instant now = clock.instant();
        var recent = jdbc.sql("""
                        SELECT created_at FROM password_reset WHERE account_id = :id AND created_at > :since
                        ORDER BY created_at DESC""")
                .param("id", account.id())
                .param("since", SqlTime.of(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> SqlTime.read(rs, "created_at"))
                .list();
        if (recent.size() >= MAX_PER_HOUR || (!recent.isEmpty() && recent.get(0).plus(MIN_INTERVAL).isAfter(now))) {
            log.info("Password reset for account {} not sent: asked too often", account.id());
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO password_reset (token_hash, account_id, created_at, expires_at)
                        VALUES (:hash, :id, :now, :expires)""")
                .param("hash", Hashes.sha256Hex(token))
                .param("id", account.id())
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(now.plus(LIFETIME)))
                .update();
        String link = UriComponentsBuilder.fromUri(base).path("/password/reset").queryParam("token", token)
                .build().toUriString();
        mailer.send(new Mail(account.email(), Messages.text(messages, "mail.reset.subject"),
                Messages.text(messages, "mail.reset.body", account.contactName(), link, LIFETIME.toMinutes())));
    }

    /** Whether {@code token} is a live link (for showing the form; it is not used up). */
    boolean live(String token) {
        return liveAccount(token).isPresent();
    }

    /**
     * Sets the new password and uses the link up; every session of the account ends.
     *
     * @return the message key of the problem, or empty on success
     */
    @Transactional
    Optional<String> reset(String token, String password) {
        Optional<Long> accountId = liveAccount(token);
        if (accountId.isEmpty()) {
            return Optional.of("reset.link.dead");
        }
        Optional<String> problem = policy.problem(password);
        if (problem.isPresent()) {
            return problem;
        }
        int used = jdbc.sql("UPDATE password_reset SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("now", SqlTime.of(clock.instant()))
                .param("hash", Hashes.sha256Hex(token))
                .update();
        if (used != 1) {
            return Optional.of("reset.link.dead");
        }
        sellerAccounts.resetPassword(accountId.get(), password);
        accounts.findById(accountId.get())
                .ifPresent(a -> sessions.endAllExcept(SellerAccountRepository.normalize(a.email()), null));
        return Optional.empty();
    }

    private Optional<Long> liveAccount(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT account_id FROM password_reset
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", Hashes.sha256Hex(token))
                .param("now", SqlTime.of(clock.instant()))
                .query(Long.class)
                .optional();
    }
}
