package io.openmws.server.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit email codes, for every feature that proves someone reads a mailbox.
 *
 * <p>Codes come from a CSPRNG and are kept only as salted SHA-256 hashes. A code is single use,
 * valid for {@link #LIFETIME}, and dies after {@link #MAX_WRONG_TRIES} wrong tries; issuing a new code
 * retires the earlier ones. New codes are limited to one per {@link #RESEND_INTERVAL} and
 * {@link #MAX_PER_HOUR} per hour for the same purpose and subject.
 */
@Component
public class VerificationCodes {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_WRONG_TRIES = 5;
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    public static final int MAX_PER_HOUR = 5;

    /** The outcome of asking for a code: the code to mail, or how long to wait before asking again. */
    public record Issue(String code, Duration retryAfter) {
        public boolean issued() {
            return code != null;
        }

        @Override
        public String toString() {
            return issued() ? "Issue[code redacted]" : "Issue[retryAfter=" + retryAfter + "]";
        }
    }

    /** The outcome of checking a code. */
    public enum Check {
        /** Right code: it is now used up. */
        VALID,
        /** Wrong code; more tries remain. */
        WRONG,
        /** Wrong code, and that was the last try this code allowed. */
        WRONG_NO_TRIES_LEFT,
        /** No live code: never issued, expired, used, or out of tries. A new one must be asked for. */
        NO_LIVE_CODE
    }

    private record Row(long id, String codeHash, String salt, Instant expiresAt, int failedAttempts, Instant usedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public VerificationCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new code for {@code subject}, unless the resend limits say to wait. */
    @Transactional
    public Issue issue(String purpose, String subject) {
        Instant now = clock.instant();
        List<Instant> lastHour = jdbc.sql("""
                        SELECT created_at FROM verification_code
                        WHERE purpose = :purpose AND subject = :subject AND created_at > :since
                        ORDER BY created_at""")
                .param("purpose", purpose)
                .param("subject", subject)
                .param("since", SqlTime.of(now.minus(Duration.ofHours(1))))
                .query((rs, n) -> SqlTime.read(rs, "created_at"))
                .list();
        if (!lastHour.isEmpty()) {
            Instant newest = lastHour.get(lastHour.size() - 1);
            Duration sinceNewest = Duration.between(newest, now);
            if (sinceNewest.compareTo(RESEND_INTERVAL) < 0) {
                return new Issue(null, RESEND_INTERVAL.minus(sinceNewest));
            }
            if (lastHour.size() >= MAX_PER_HOUR) {
                return new Issue(null, Duration.between(now, lastHour.get(0).plus(Duration.ofHours(1))));
            }
        }
        jdbc.sql("""
                        UPDATE verification_code SET expires_at = :now
                        WHERE purpose = :purpose AND subject = :subject AND used_at IS NULL AND expires_at > :now""")
                .param("now", SqlTime.of(now))
                .param("purpose", purpose)
                .param("subject", subject)
                .update();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        jdbc.sql("""
                        INSERT INTO verification_code (purpose, subject, code_hash, salt, created_at, expires_at)
                        VALUES (:purpose, :subject, :hash, :salt, :now, :expires)""")
                .param("purpose", purpose)
                .param("subject", subject)
                .param("hash", Hashes.sha256Hex(salt, code))
                .param("salt", salt)
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(now.plus(LIFETIME)))
                .update();
        return new Issue(code, Duration.ZERO);
    }

    /** Checks {@code attempt} against the newest live code of {@code subject}, using it up when right. */
    @Transactional
    public Check check(String purpose, String subject, String attempt) {
        Instant now = clock.instant();
        Row row = jdbc.sql("""
                        SELECT id, code_hash, salt, expires_at, failed_attempts, used_at FROM verification_code
                        WHERE purpose = :purpose AND subject = :subject
                        ORDER BY created_at DESC, id DESC
                        LIMIT 1""")
                .param("purpose", purpose)
                .param("subject", subject)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("code_hash"), rs.getString("salt"),
                        SqlTime.read(rs, "expires_at"), rs.getInt("failed_attempts"), SqlTime.read(rs, "used_at")))
                .optional()
                .orElse(null);
        if (row == null || row.usedAt() != null || !now.isBefore(row.expiresAt())
                || row.failedAttempts() >= MAX_WRONG_TRIES) {
            return Check.NO_LIVE_CODE;
        }
        String normalized = attempt == null ? "" : attempt.strip();
        if (Hashes.same(row.codeHash(), Hashes.sha256Hex(row.salt(), normalized))) {
            int used = jdbc.sql("UPDATE verification_code SET used_at = :now WHERE id = :id AND used_at IS NULL")
                    .param("now", SqlTime.of(now))
                    .param("id", row.id())
                    .update();
            return used == 1 ? Check.VALID : Check.NO_LIVE_CODE;
        }
        jdbc.sql("UPDATE verification_code SET failed_attempts = failed_attempts + 1 WHERE id = :id")
                .param("id", row.id())
                .update();
        return row.failedAttempts() + 1 >= MAX_WRONG_TRIES ? Check.WRONG_NO_TRIES_LEFT : Check.WRONG;
    }

    /** How many wrong tries the newest live code still allows (0 when there is none). */
    public int triesLeft(String purpose, String subject) {
        return jdbc.sql("""
                        SELECT failed_attempts FROM verification_code
                        WHERE purpose = :purpose AND subject = :subject AND used_at IS NULL AND expires_at > :now
                        ORDER BY created_at DESC, id DESC
                        LIMIT 1""")
                .param("purpose", purpose)
                .param("subject", subject)
                .param("now", SqlTime.of(clock.instant()))
                .query(Integer.class)
                .optional()
                .map(failed -> Math.max(0, MAX_WRONG_TRIES - failed))
                .orElse(0);
    }
}
