package io.openmws.server.mail;

import io.openmws.server.support.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sandbox mode without SMTP: every message is kept in the database, for the Sandbox mailbox page
 * and the control API, instead of being sent.
 */
public class SandboxMailbox implements Mailer {

    /** A kept message. */
    public record Message(long id, String to, String subject, String body, Instant sentAt) {
        @Override
        public String toString() {
            return "Message[id=" + id + ", to=" + to + ", subject=" + subject + ", body redacted]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SandboxMailbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxMailbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        jdbc.sql("INSERT INTO sandbox_mail (recipient, subject, body, sent_at) VALUES (:to, :subject, :body, :at)")
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("at", SqlTime.of(clock.instant()))
                .update();
        log.info("Mail kept in the sandbox mailbox for {}: {}", mail.to(), mail.subject());
    }

    /** The messages kept for {@code address}, newest first. */
    public List<Message> messagesFor(String address, int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, body, sent_at FROM sandbox_mail
                        WHERE recipient = :to ORDER BY sent_at DESC, id DESC LIMIT :limit""")
                .param("to", address.strip().toLowerCase(Locale.ROOT))
                .param("limit", limit)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), SqlTime.read(rs, "sent_at")))
                .list();
    }

    /** The id of the newest message kept for {@code address} with {@code subject}. */
    OptionalLong newestId(String address, String subject) {
        return jdbc.sql("""
                        SELECT id FROM sandbox_mail WHERE recipient = :to AND subject = :subject
                        ORDER BY id DESC LIMIT 1""")
                .param("to", Mail.normalize(address))
                .param("subject", subject)
                .query(Long.class).list().stream()
                .mapToLong(Long::longValue).findFirst();
    }

    /** The messages that {@code grants} open, newest first: one query per grant, at most {@code limit}. */
    List<Message> granted(List<AwaitedMail.Grant> grants, int limit) {
        List<Message> all = new ArrayList<>();
        for (AwaitedMail.Grant grant : grants) {
            all.addAll(jdbc.sql("""
                            SELECT id, recipient, subject, body, sent_at FROM sandbox_mail
                            WHERE recipient = :to AND subject = :subject AND id >= :fromId
                            ORDER BY sent_at DESC, id DESC LIMIT :limit""")
                    .param("to", grant.address())
                    .param("subject", grant.subject())
                    .param("fromId", grant.fromId())
                    .param("limit", limit)
                    .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), SqlTime.read(rs, "sent_at")))
                    .list());
        }
        return all.stream()
                .sorted(Comparator.comparing(Message::sentAt).thenComparingLong(Message::id).reversed())
                .limit(limit)
                .toList();
    }

    /** The newest messages for anyone, newest first. */
    public List<Message> newest(int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, body, sent_at FROM sandbox_mail
                        ORDER BY sent_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), SqlTime.read(rs, "sent_at")))
                .list();
    }
}
