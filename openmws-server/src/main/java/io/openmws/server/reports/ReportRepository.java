package io.openmws.server.reports;

import io.openmws.server.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of report requests, reports and schedules as the API and the portal see them. Every query
 * names the seller's account, so another seller's ids are never found.
 */
@Repository
class ReportRepository {

    private static final String REQUEST_COLUMNS = """
            q.id, q.report_request_id, q.account_id, q.developer_id, q.source, q.report_type, q.marketplace_ids,
            q.start_date, q.end_date, q.report_options, q.scheduled, q.status, q.submitted_at, q.started_at,
            q.completed_at, q.financial_event_group_id, g.report_id AS generated_report_id""";
    /** The requests with the id of the report each produced, if any (at most one: request_ref is unique). */
    private static final String REQUESTS = " FROM report_request q LEFT JOIN report g ON g.request_ref = q.id";

    private static final String REPORT_COLUMNS = """
            r.id, r.report_id, r.account_id, q.report_request_id, r.report_type, r.available_at, r.acknowledged,
            r.acknowledged_at, r.content_type, r.blob_key, r.blob_length, r.blob_md5, r.data_rows""";
    private static final String REPORTS = " FROM report r JOIN report_request q ON q.id = r.request_ref";

    private static final String SCHEDULE_COLUMNS = "s.id, s.account_id, s.report_type, s.schedule, s.marketplace_ids,"
            + " s.next_run_at";

    /** A new request's columns, as the service settled them. */
    record NewRow(long reportRequestId, long accountId, String developerId, String source, String reportType,
                  List<String> marketplaceIds, Instant startDate, Instant endDate, String reportOptions,
                  boolean scheduled, Instant submittedAt, String financialEventGroupId) {}

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- requests

    boolean reportRequestIdTaken(long reportRequestId) {
        return jdbc.sql("SELECT COUNT(*) FROM report_request WHERE report_request_id = :id")
                .param("id", reportRequestId).query(Long.class).single() > 0;
    }

    /** Inserts a {@code _SUBMITTED_} request; answers its internal id. */
    long insert(NewRow row) {
        jdbc.sql("""
                        INSERT INTO report_request (report_request_id, account_id, developer_id, source, report_type,
                            marketplace_ids, start_date, end_date, report_options, scheduled, status, submitted_at,
                            financial_event_group_id)
                        VALUES (:rrid, :account, :developer, :source, :type, :marketplaces, :start, :end, :options,
                            :scheduled, '_SUBMITTED_', :submitted, :group)""")
                .param("rrid", row.reportRequestId())
                .param("account", row.accountId())
                .param("developer", row.developerId())
                .param("source", row.source())
                .param("type", row.reportType())
                .param("marketplaces", String.join(",", row.marketplaceIds()))
                .param("start", SqlTime.of(row.startDate()))
                .param("end", SqlTime.of(row.endDate()))
                .param("options", row.reportOptions())
                .param("scheduled", row.scheduled())
                .param("submitted", SqlTime.of(row.submittedAt()))
                .param("group", row.financialEventGroupId())
                .update();
        return jdbc.sql("SELECT id FROM report_request WHERE report_request_id = :rrid AND account_id = :account")
                .param("rrid", row.reportRequestId()).param("account", row.accountId()).query(Long.class).single();
    }

    Optional<ReportRequest> findRequest(long accountId, long reportRequestId) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + REQUESTS
                        + " WHERE q.account_id = :account AND q.report_request_id = :rrid")
                .param("account", accountId).param("rrid", reportRequestId)
                .query(ReportRepository::request).optional();
    }

    Optional<ReportRequest> requestById(long accountId, long id) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + REQUESTS + " WHERE q.account_id = :account AND q.id = :id")
                .param("account", accountId).param("id", id)
                .query(ReportRepository::request).optional();
    }

    boolean settlementRequested(long accountId, String financialEventGroupId) {
        return jdbc.sql("SELECT COUNT(*) FROM report_request WHERE account_id = :account"
                        + " AND financial_event_group_id = :group")
                .param("account", accountId).param("group", financialEventGroupId).query(Long.class).single() > 0;
    }

    /** Newest first; after the request {@code beforeIdExclusive} (of the same seller) when given. */
    List<ReportRequest> listRequests(long accountId, ReportRequestQuery query, Instant windowStart, int limit,
                                     Long beforeIdExclusive) {
        StringBuilder sql = new StringBuilder("SELECT " + REQUEST_COLUMNS + REQUESTS);
        if (beforeIdExclusive != null) {
            sql.append(" JOIN report_request c ON c.id = :cursor AND c.account_id = :account");
        }
        sql.append(requestWhere(query));
        if (beforeIdExclusive != null) {
            sql.append(" AND (q.submitted_at < c.submitted_at OR (q.submitted_at = c.submitted_at AND q.id < c.id))");
        }
        sql.append(" ORDER BY q.submitted_at DESC, q.id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = bindRequests(jdbc.sql(sql.toString()), accountId, query, windowStart)
                .param("limit", limit);
        if (beforeIdExclusive != null) {
            statement = statement.param("cursor", beforeIdExclusive);
        }
        return statement.query(ReportRepository::request).list();
    }

    long countRequests(long accountId, ReportRequestQuery query, Instant windowStart) {
        return bindRequests(jdbc.sql("SELECT COUNT(*) FROM report_request q" + requestWhere(query)), accountId, query,
                windowStart).query(Long.class).single();
    }

    /**
     * Cancels every request the query covers that is still {@code _SUBMITTED_}: one conditional update,
     * so a request the engine claimed meanwhile keeps its status. Answers how many it cancelled.
     */
    int cancelSubmitted(long accountId, ReportRequestQuery query, Instant windowStart, Instant now) {
        return bindRequests(jdbc.sql("UPDATE report_request q SET status = '_CANCELLED_', completed_at = :now"
                        + requestWhere(query) + " AND q.status = '_SUBMITTED_'"), accountId, query, windowStart)
                .param("now", SqlTime.of(now)).update();
    }

    List<ReportRequest> requestsByIds(long accountId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + REQUESTS + " WHERE q.account_id = :account AND q.id IN (:ids)"
                        + " ORDER BY q.submitted_at DESC, q.id DESC")
                .param("account", accountId).param("ids", ids)
                .query(ReportRepository::request).list();
    }

    /** The internal ids of the newest {@code limit} requests the query covers. */
    List<Long> requestIds(long accountId, ReportRequestQuery query, Instant windowStart, int limit) {
        return bindRequests(jdbc.sql("SELECT q.id FROM report_request q" + requestWhere(query)
                        + " ORDER BY q.submitted_at DESC, q.id DESC LIMIT :limit"), accountId, query, windowStart)
                .param("limit", limit).query(Long.class).list();
    }

    private static String requestWhere(ReportRequestQuery query) {
        StringBuilder sql = new StringBuilder(" WHERE q.account_id = :account AND q.submitted_at >= :windowStart");
        // ReportRequestIdList, when given, replaces every other filter (mws-data-apis.md §3.1).
        if (!query.reportRequestIds().isEmpty()) {
            return sql.append(" AND q.report_request_id IN (:rrids)").toString();
        }
        if (!query.reportTypes().isEmpty()) {
            sql.append(" AND q.report_type IN (:types)");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND q.status IN (:statuses)");
        }
        if (query.requestedFrom() != null) {
            sql.append(" AND q.submitted_at >= :from");
        }
        if (query.requestedTo() != null) {
            sql.append(" AND q.submitted_at < :to");
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bindRequests(JdbcClient.StatementSpec statement, long accountId,
                                                         ReportRequestQuery query, Instant windowStart) {
        statement = statement.param("account", accountId).param("windowStart", SqlTime.of(windowStart));
        if (!query.reportRequestIds().isEmpty()) {
            return statement.param("rrids", query.reportRequestIds());
        }
        if (!query.reportTypes().isEmpty()) {
            statement = statement.param("types", query.reportTypes());
        }
        if (!query.statuses().isEmpty()) {
            statement = statement.param("statuses", query.statuses());
        }
        if (query.requestedFrom() != null) {
            statement = statement.param("from", SqlTime.of(query.requestedFrom()));
        }
        if (query.requestedTo() != null) {
            statement = statement.param("to", SqlTime.of(query.requestedTo()));
        }
        return statement;
    }

    // ---------------------------------------------------------------- reports

    Optional<Report> findReport(long accountId, long reportId) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + REPORTS + " WHERE r.account_id = :account AND r.report_id = :rid")
                .param("account", accountId).param("rid", reportId)
                .query(ReportRepository::report).optional();
    }

    /** Newest first; after the report {@code beforeIdExclusive} (of the same seller) when given. */
    List<Report> listReports(long accountId, ReportQuery query, Instant windowStart, int limit, Long beforeIdExclusive) {
        StringBuilder sql = new StringBuilder("SELECT " + REPORT_COLUMNS + REPORTS);
        if (beforeIdExclusive != null) {
            sql.append(" JOIN report c ON c.id = :cursor AND c.account_id = :account");
        }
        sql.append(reportWhere(query));
        if (beforeIdExclusive != null) {
            sql.append(" AND (r.available_at < c.available_at OR (r.available_at = c.available_at AND r.id < c.id))");
        }
        sql.append(" ORDER BY r.available_at DESC, r.id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = bindReports(jdbc.sql(sql.toString()), accountId, query, windowStart)
                .param("limit", limit);
        if (beforeIdExclusive != null) {
            statement = statement.param("cursor", beforeIdExclusive);
        }
        return statement.query(ReportRepository::report).list();
    }

    long countReports(long accountId, ReportQuery query, Instant windowStart) {
        return bindReports(jdbc.sql("SELECT COUNT(*)" + REPORTS + reportWhere(query)), accountId, query, windowStart)
                .query(Long.class).single();
    }

    /** Sets the acknowledgement of the seller's reports among {@code reportIds}; answers how many. */
    int acknowledge(long accountId, List<Long> reportIds, boolean acknowledged, Instant at) {
        return jdbc.sql("UPDATE report SET acknowledged = :ack, acknowledged_at = :at"
                        + " WHERE account_id = :account AND report_id IN (:rids)")
                .param("ack", acknowledged).param("at", SqlTime.of(acknowledged ? at : null))
                .param("account", accountId).param("rids", reportIds).update();
    }

    List<Report> reportsByReportIds(long accountId, List<Long> reportIds) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + REPORTS + " WHERE r.account_id = :account AND r.report_id IN (:rids)")
                .param("account", accountId).param("rids", reportIds)
                .query(ReportRepository::report).list();
    }

    private static String reportWhere(ReportQuery query) {
        StringBuilder sql = new StringBuilder(" WHERE r.account_id = :account AND r.available_at >= :windowStart");
        if (!query.reportTypes().isEmpty()) {
            sql.append(" AND r.report_type IN (:types)");
        }
        if (query.acknowledged() != null) {
            sql.append(" AND r.acknowledged = :ack");
        }
        if (!query.reportRequestIds().isEmpty()) {
            sql.append(" AND q.report_request_id IN (:rrids)");
        }
        if (query.availableFrom() != null) {
            sql.append(" AND r.available_at >= :from");
        }
        if (query.availableTo() != null) {
            sql.append(" AND r.available_at < :to");
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bindReports(JdbcClient.StatementSpec statement, long accountId,
                                                        ReportQuery query, Instant windowStart) {
        statement = statement.param("account", accountId).param("windowStart", SqlTime.of(windowStart));
        if (!query.reportTypes().isEmpty()) {
            statement = statement.param("types", query.reportTypes());
        }
        if (query.acknowledged() != null) {
            statement = statement.param("ack", query.acknowledged());
        }
        if (!query.reportRequestIds().isEmpty()) {
            statement = statement.param("rrids", query.reportRequestIds());
        }
        if (query.availableFrom() != null) {
            statement = statement.param("from", SqlTime.of(query.availableFrom()));
        }
        if (query.availableTo() != null) {
            statement = statement.param("to", SqlTime.of(query.availableTo()));
        }
        return statement;
    }

    // ---------------------------------------------------------------- schedules

    Optional<ReportSchedule> schedule(long accountId, String reportType) {
        return jdbc.sql("SELECT " + SCHEDULE_COLUMNS + " FROM report_schedule s"
                        + " WHERE s.account_id = :account AND s.report_type = :type")
                .param("account", accountId).param("type", reportType)
                .query(ReportRepository::schedule).optional();
    }

    List<ReportSchedule> schedules(long accountId, List<String> reportTypes) {
        String sql = "SELECT " + SCHEDULE_COLUMNS + " FROM report_schedule s WHERE s.account_id = :account"
                + (reportTypes.isEmpty() ? "" : " AND s.report_type IN (:types)") + " ORDER BY s.report_type";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("account", accountId);
        if (!reportTypes.isEmpty()) {
            statement = statement.param("types", reportTypes);
        }
        return statement.query(ReportRepository::schedule).list();
    }

    void insertSchedule(long accountId, String developerId, String reportType, String schedule,
                        List<String> marketplaceIds, Instant nextRunAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO report_schedule (account_id, developer_id, report_type, schedule, marketplace_ids,
                            next_run_at, created_at)
                        VALUES (:account, :developer, :type, :schedule, :marketplaces, :next, :now)""")
                .param("account", accountId).param("developer", developerId).param("type", reportType)
                .param("schedule", schedule).param("marketplaces", String.join(",", marketplaceIds))
                .param("next", SqlTime.of(nextRunAt)).param("now", SqlTime.of(now))
                .update();
    }

    /** Changes the seller's schedule of the type; false when there is none. */
    boolean updateSchedule(long accountId, String developerId, String reportType, String schedule,
                           List<String> marketplaceIds, Instant nextRunAt) {
        return jdbc.sql("""
                        UPDATE report_schedule SET developer_id = :developer, schedule = :schedule,
                            marketplace_ids = :marketplaces, next_run_at = :next
                        WHERE account_id = :account AND report_type = :type""")
                .param("account", accountId).param("developer", developerId).param("type", reportType)
                .param("schedule", schedule).param("marketplaces", String.join(",", marketplaceIds))
                .param("next", SqlTime.of(nextRunAt))
                .update() == 1;
    }

    boolean deleteSchedule(long accountId, String reportType) {
        return jdbc.sql("DELETE FROM report_schedule WHERE account_id = :account AND report_type = :type")
                .param("account", accountId).param("type", reportType).update() == 1;
    }

    // ---------------------------------------------------------------- rows

    static List<String> marketplaces(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    static ReportRequest request(ResultSet rs, int n) throws SQLException {
        long generated = rs.getLong("generated_report_id");
        Long generatedOrNull = rs.wasNull() ? null : generated;
        return new ReportRequest(rs.getLong("id"), rs.getLong("report_request_id"), rs.getLong("account_id"),
                rs.getString("developer_id"), rs.getString("source"), rs.getString("report_type"),
                marketplaces(rs.getString("marketplace_ids")), SqlTime.read(rs, "start_date"),
                SqlTime.read(rs, "end_date"), rs.getString("report_options"), rs.getBoolean("scheduled"),
                rs.getString("status"), SqlTime.read(rs, "submitted_at"), SqlTime.read(rs, "started_at"),
                SqlTime.read(rs, "completed_at"), rs.getString("financial_event_group_id"), generatedOrNull);
    }

    static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("report_id"), rs.getLong("account_id"),
                rs.getLong("report_request_id"), rs.getString("report_type"), SqlTime.read(rs, "available_at"),
                rs.getBoolean("acknowledged"), SqlTime.read(rs, "acknowledged_at"), rs.getString("content_type"),
                rs.getString("blob_key"), rs.getLong("blob_length"), rs.getString("blob_md5"), rs.getLong("data_rows"));
    }

    static ReportSchedule schedule(ResultSet rs, int n) throws SQLException {
        return new ReportSchedule(rs.getLong("id"), rs.getLong("account_id"), rs.getString("report_type"),
                rs.getString("schedule"), marketplaces(rs.getString("marketplace_ids")), SqlTime.read(rs, "next_run_at"));
    }
}
