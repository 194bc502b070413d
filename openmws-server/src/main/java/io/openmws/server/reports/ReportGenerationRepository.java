package io.openmws.server.reports;

import io.openmws.server.support.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The engine's SQL: the requests with work left, the claim, the end of a request with or without its
 * report, and the due schedules. Every statement on a request names its seller's account; the two that
 * find work span every seller, as the platform-wide background jobs they serve.
 */
@Repository
class ReportGenerationRepository {

    /** A request with work left: its seller and internal id (a task instance). */
    record Work(long accountId, long id) {}

    /** A schedule that fell due, as read before advancing it. */
    record Due(long id, long accountId, String reportType, String schedule,
               List<String> marketplaceIds, Instant nextRunAt) {}

    private final JdbcClient jdbc;

    ReportGenerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every request waiting or in progress (after a restart, a crash or a lost event), oldest first. */
    List<Work> withWork() {
        return jdbc.sql("SELECT account_id, id FROM report_request WHERE status IN ('_SUBMITTED_', '_IN_PROGRESS_')"
                        + " ORDER BY id")
                .query((rs, n) -> new Work(rs.getLong("account_id"), rs.getLong("id"))).list();
    }

    /** Starts a submitted request; false when it is not submitted any more (cancelled meanwhile). */
    boolean claim(long accountId, long id, Instant now) {
        return jdbc.sql("UPDATE report_request SET status = '_IN_PROGRESS_', started_at = :now"
                        + " WHERE id = :id AND account_id = :account AND status = '_SUBMITTED_'")
                .param("now", SqlTime.of(now)).param("id", id).param("account", accountId).update() == 1;
    }

    /** Ends an in-progress request with {@code status}; false when it is not in progress (ended already). */
    boolean end(long accountId, long id, String status, Instant now) {
        return jdbc.sql("UPDATE report_request SET status = :status, completed_at = :now"
                        + " WHERE id = :id AND account_id = :account AND status = '_IN_PROGRESS_'")
                .param("status", status).param("now", SqlTime.of(now)).param("id", id).param("account", accountId)
                .update() == 1;
    }

    boolean reportIdTaken(long reportId) {
        return jdbc.sql("SELECT COUNT(*) FROM report WHERE report_id = :id").param("id", reportId)
                .query(Long.class).single() > 0;
    }

    void insertReport(long reportId, long accountId, long requestRef, String reportType, Instant availableAt,
                      String contentType, String blobKey, long length, String md5Base64, long dataRows) {
        jdbc.sql("""
                        INSERT INTO report (report_id, account_id, request_ref, report_type, available_at, content_type,
                            blob_key, blob_length, blob_md5, data_rows)
                        VALUES (:rid, :account, :ref, :type, :at, :contentType, :key, :length, :md5, :rows)""")
                .param("rid", reportId).param("account", accountId).param("ref", requestRef).param("type", reportType)
                .param("at", SqlTime.of(availableAt)).param("contentType", contentType).param("key", blobKey)
                .param("length", length).param("md5", md5Base64).param("rows", dataRows)
                .update();
    }

    /** The seller's request by internal id, whatever its age. */
    Optional<ReportRequest> request(long accountId, long id) {
        return jdbc.sql("""
                        SELECT q.id, q.report_request_id, q.account_id, q.developer_id, q.source, q.report_type,
                            q.marketplace_ids, q.start_date, q.end_date, q.report_options, q.scheduled, q.status,
                            q.submitted_at, q.started_at, q.completed_at, q.financial_event_group_id,
                            g.report_id AS generated_report_id
                        FROM report_request q LEFT JOIN report g ON g.request_ref = q.id
                        WHERE q.account_id = :account AND q.id = :id""")
                .param("account", accountId).param("id", id)
                .query(ReportRepository::request).optional();
    }

    /** Up to {@code limit} schedules due at {@code now}, the longest due first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, account_id, report_type, schedule, marketplace_ids, next_run_at"
                        + " FROM report_schedule WHERE next_run_at <= :now ORDER BY next_run_at, id LIMIT :limit")
                .param("now", SqlTime.of(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("account_id"), rs.getString("report_type"),
                        rs.getString("schedule"),
                        ReportRepository.marketplaces(rs.getString("marketplace_ids")), SqlTime.read(rs, "next_run_at")))
                .list();
    }

    /**
     * Moves a schedule's next run from {@code expected} to {@code next}; false when it is not at
     * {@code expected} any more (another node ran it, or it was changed or deleted meanwhile).
     */
    boolean advance(long accountId, long scheduleId, Instant expected, Instant next) {
        return jdbc.sql("UPDATE report_schedule SET next_run_at = :next"
                        + " WHERE id = :id AND account_id = :account AND next_run_at = :expected")
                .param("next", SqlTime.of(next)).param("id", scheduleId).param("account", accountId)
                .param("expected", SqlTime.of(expected)).update() == 1;
    }
}
