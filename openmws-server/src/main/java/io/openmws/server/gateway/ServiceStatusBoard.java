package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code GetServiceStatus} reports for each section: GREEN unless the sandbox operator sets
 * another status, so that clients' handling of YELLOW and RED can be tested.
 *
 * <p>The statuses live in the database ({@code service_status}), so every node sharing it answers
 * the same from the next call on: each {@link #get} reads the section's row (one primary-key
 * query, and {@code GetServiceStatus} is throttled to a call every few seconds per caller).
 */
@Component
public class ServiceStatusBoard {

    /** The statuses MWS reports. */
    public enum Status { GREEN, GREEN_I, YELLOW, RED }

    /** A section's status, with an optional message id and messages (text in {@code en_US}). */
    public record SectionStatus(Status status, String messageId, List<String> messages) {
        public SectionStatus {
            Objects.requireNonNull(status, "status");
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    private static final SectionStatus GREEN = new SectionStatus(Status.GREEN, null, List.of());

    private final JdbcClient jdbc;
    private final PlatformClock clock;
    private final TransactionTemplate transactions;

    ServiceStatusBoard(JdbcClient jdbc, PlatformClock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The section's status as last set on any node; GREEN when never set (or after a sandbox reset). */
    public SectionStatus get(ApiSection section) {
        record Line(Status status, String messageId, String message) {}
        List<Line> lines = jdbc.sql("""
                        SELECT s.status, s.message_id, m.message
                        FROM service_status s LEFT JOIN service_status_message m ON m.section = s.section
                        WHERE s.section = :section
                        ORDER BY m.seq""")
                .param("section", section.sectionName())
                .query((rs, n) -> new Line(Status.valueOf(rs.getString("status")), rs.getString("message_id"),
                        rs.getString("message")))
                .list();
        if (lines.isEmpty()) {
            return GREEN;
        }
        List<String> messages = new ArrayList<>();
        for (Line line : lines) {
            if (line.message() != null) {
                messages.add(line.message());
            }
        }
        return new SectionStatus(lines.get(0).status(), lines.get(0).messageId(), messages);
    }

    /** Sets what the section reports, for every node sharing the database. */
    public void set(ApiSection section, SectionStatus status) {
        try {
            transactions.executeWithoutResult(t -> write(section.sectionName(), status));
        } catch (DuplicateKeyException raced) {
            // Another node inserted the section's first row meanwhile: now there is one to update.
            transactions.executeWithoutResult(t -> write(section.sectionName(), status));
        }
    }

    private void write(String section, SectionStatus status) {
        // The UPDATE locks the row, so that two nodes setting one section write one after the other.
        int updated = jdbc.sql("UPDATE service_status SET status = :status, message_id = :id, set_at = :at"
                        + " WHERE section = :section")
                .param("section", section)
                .param("status", status.status().name())
                .param("id", status.messageId())
                .param("at", SqlTime.of(clock.instant()))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO service_status (section, status, message_id, set_at)"
                            + " VALUES (:section, :status, :id, :at)")
                    .param("section", section)
                    .param("status", status.status().name())
                    .param("id", status.messageId())
                    .param("at", SqlTime.of(clock.instant()))
                    .update();
        }
        jdbc.sql("DELETE FROM service_status_message WHERE section = :section").param("section", section).update();
        for (int i = 0; i < status.messages().size(); i++) {
            jdbc.sql("INSERT INTO service_status_message (section, seq, message) VALUES (:section, :seq, :message)")
                    .param("section", section)
                    .param("seq", i)
                    .param("message", status.messages().get(i))
                    .update();
        }
    }
}
