package io.openmws.server.feeds;

import io.openmws.server.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of feed submissions as the API and the portal see them. Every query names the seller's account. */
@Repository
class FeedSubmissionRepository {

    private static final String COLUMNS = """
            f.id, f.feed_submission_id, f.account_id, f.developer_id, f.source, f.feed_type, f.marketplace_ids,
            f.purge_and_replace, f.status, f.submitted_at, f.started_at, f.completed_at, f.file_name, f.content_type,
            f.body_key, f.body_length, f.body_md5, f.result_key, f.result_length, f.result_md5, f.processed,
            f.messages_successful, f.messages_with_error, f.messages_with_warning""";

    private final JdbcClient jdbc;

    FeedSubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean feedSubmissionIdTaken(long feedSubmissionId) {
        return jdbc.sql("SELECT COUNT(*) FROM feed_submission WHERE feed_submission_id = :id")
                .param("id", feedSubmissionId).query(Long.class).single() > 0;
    }

    /** Inserts a new {@code _SUBMITTED_} row; answers its id. */
    long insert(long feedSubmissionId, NewFeed feed, List<String> marketplaceIds, Instant submittedAt, String bodyKey,
                long bodyLength, String bodyMd5) {
        jdbc.sql("""
                        INSERT INTO feed_submission (feed_submission_id, account_id, developer_id, source, feed_type,
                            marketplace_ids, purge_and_replace, status, submitted_at, file_name, content_type,
                            body_key, body_length, body_md5)
                        VALUES (:fsid, :account, :developer, :source, :type, :marketplaces, :purge, '_SUBMITTED_',
                            :submitted, :fileName, :contentType, :bodyKey, :bodyLength, :bodyMd5)""")
                .param("fsid", feedSubmissionId)
                .param("account", feed.accountId())
                .param("developer", feed.developerId())
                .param("source", feed.source())
                .param("type", feed.feedType())
                .param("marketplaces", String.join(",", marketplaceIds))
                .param("purge", feed.purgeAndReplace())
                .param("submitted", SqlTime.of(submittedAt))
                .param("fileName", feed.fileName())
                .param("contentType", feed.contentType())
                .param("bodyKey", bodyKey)
                .param("bodyLength", bodyLength)
                .param("bodyMd5", bodyMd5)
                .update();
        return jdbc.sql("SELECT id FROM feed_submission WHERE feed_submission_id = :fsid AND account_id = :account")
                .param("fsid", feedSubmissionId).param("account", feed.accountId()).query(Long.class).single();
    }

    Optional<FeedSubmission> find(long accountId, long feedSubmissionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_submission f"
                        + " WHERE f.account_id = :account AND f.feed_submission_id = :fsid")
                .param("account", accountId).param("fsid", feedSubmissionId)
                .query(FeedSubmissionRepository::row).optional();
    }

    /** Newest first; after the row {@code beforeIdExclusive} (of the same seller) when given. */
    List<FeedSubmission> list(long accountId, FeedQuery query, Instant windowStart, int limit, Long beforeIdExclusive) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM feed_submission f");
        if (beforeIdExclusive != null) {
            sql.append(" JOIN feed_submission c ON c.id = :cursor AND c.account_id = :account");
        }
        sql.append(where(query));
        if (beforeIdExclusive != null) {
            sql.append(" AND (f.submitted_at < c.submitted_at OR (f.submitted_at = c.submitted_at AND f.id < c.id))");
        }
        sql.append(" ORDER BY f.submitted_at DESC, f.id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = bind(jdbc.sql(sql.toString()), accountId, query, windowStart)
                .param("limit", limit);
        if (beforeIdExclusive != null) {
            statement = statement.param("cursor", beforeIdExclusive);
        }
        return statement.query(FeedSubmissionRepository::row).list();
    }

    long count(long accountId, FeedQuery query, Instant windowStart) {
        return bind(jdbc.sql("SELECT COUNT(*) FROM feed_submission f" + where(query)), accountId, query, windowStart)
                .query(Long.class).single();
    }

    /** The ids of the seller's {@code _SUBMITTED_} submissions the query covers, oldest first. */
    List<Long> cancellable(long accountId, FeedQuery query, Instant windowStart) {
        return bind(jdbc.sql("SELECT f.id FROM feed_submission f" + where(query)
                        + " AND f.status = '_SUBMITTED_' ORDER BY f.id"), accountId, query, windowStart)
                .query(Long.class).list();
    }

    /** Cancels one submission if it is still {@code _SUBMITTED_}; atomic against the engine's claim. */
    boolean cancel(long accountId, long id) {
        return jdbc.sql("UPDATE feed_submission SET status = '_CANCELLED_'"
                        + " WHERE id = :id AND account_id = :account AND status = '_SUBMITTED_'")
                .param("id", id).param("account", accountId).update() == 1;
    }

    List<FeedSubmission> byIds(long accountId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_submission f WHERE f.account_id = :account AND f.id IN (:ids)"
                        + " ORDER BY f.submitted_at DESC, f.id DESC")
                .param("account", accountId).param("ids", ids)
                .query(FeedSubmissionRepository::row).list();
    }

    private static String where(FeedQuery query) {
        StringBuilder sql = new StringBuilder(" WHERE f.account_id = :account AND f.submitted_at >= :windowStart");
        if (!query.feedSubmissionIds().isEmpty()) {
            sql.append(" AND f.feed_submission_id IN (:fsids)");
        }
        if (!query.feedTypes().isEmpty()) {
            sql.append(" AND f.feed_type IN (:types)");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND f.status IN (:statuses)");
        }
        if (query.submittedFrom() != null) {
            sql.append(" AND f.submitted_at >= :from");
        }
        if (query.submittedTo() != null) {
            sql.append(" AND f.submitted_at < :to");
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, long accountId, FeedQuery query,
                                                 Instant windowStart) {
        statement = statement.param("account", accountId).param("windowStart", SqlTime.of(windowStart));
        if (!query.feedSubmissionIds().isEmpty()) {
            statement = statement.param("fsids", query.feedSubmissionIds());
        }
        if (!query.feedTypes().isEmpty()) {
            statement = statement.param("types", query.feedTypes());
        }
        if (!query.statuses().isEmpty()) {
            statement = statement.param("statuses", query.statuses());
        }
        if (query.submittedFrom() != null) {
            statement = statement.param("from", SqlTime.of(query.submittedFrom()));
        }
        if (query.submittedTo() != null) {
            statement = statement.param("to", SqlTime.of(query.submittedTo()));
        }
        return statement;
    }

    private static FeedSubmission row(ResultSet rs, int n) throws SQLException {
        long resultLength = rs.getLong("result_length");
        Long resultLengthOrNull = rs.wasNull() ? null : resultLength;
        String marketplaces = rs.getString("marketplace_ids");
        return new FeedSubmission(rs.getLong("id"), rs.getLong("feed_submission_id"), rs.getLong("account_id"),
                rs.getString("developer_id"), rs.getString("source"), rs.getString("feed_type"),
                marketplaces == null || marketplaces.isEmpty() ? List.of() : Arrays.asList(marketplaces.split(",")),
                rs.getBoolean("purge_and_replace"), rs.getString("status"), SqlTime.read(rs, "submitted_at"),
                SqlTime.read(rs, "started_at"), SqlTime.read(rs, "completed_at"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getString("body_key"), rs.getLong("body_length"),
                rs.getString("body_md5"), rs.getString("result_key"), resultLengthOrNull, rs.getString("result_md5"),
                rs.getLong("processed"), rs.getLong("messages_successful"), rs.getLong("messages_with_error"),
                rs.getLong("messages_with_warning"));
    }
}
