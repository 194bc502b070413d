package io.openmws.server.feeds;

import io.openmws.server.support.SqlTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The engine's SQL on feed submissions and their results: the queue, the claim, the checkpoint, the end. */
@Repository
class FeedProcessingRepository {

    /** What processing needs of a submission. */
    record Feed(long id, long feedSubmissionId, long accountId, String feedType, List<String> marketplaceIds,
                boolean purgeAndReplace, String status, String contentType, String bodyKey, long processed,
                long successful, long withError, long withWarning) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FeedProcessingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        // Report rows are streamed: PostgreSQL reads them in slices only with a fetch size (and a transaction).
        this.batch = new JdbcTemplate(template.getDataSource());
        this.batch.setFetchSize(500);
    }

    /** The seller's next feed to process: the oldest one submitted or in progress. */
    Optional<Feed> next(long accountId) {
        return jdbc.sql("""
                        SELECT id, feed_submission_id, account_id, feed_type, marketplace_ids, purge_and_replace, status,
                               content_type, body_key, processed, messages_successful, messages_with_error,
                               messages_with_warning
                          FROM feed_submission
                         WHERE account_id = :account AND status IN ('_SUBMITTED_', '_IN_PROGRESS_')
                         ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .param("account", accountId)
                .query((rs, n) -> new Feed(rs.getLong("id"), rs.getLong("feed_submission_id"), rs.getLong("account_id"),
                        rs.getString("feed_type"), Arrays.asList(rs.getString("marketplace_ids").split(",")),
                        rs.getBoolean("purge_and_replace"), rs.getString("status"), rs.getString("content_type"),
                        rs.getString("body_key"), rs.getLong("processed"), rs.getLong("messages_successful"),
                        rs.getLong("messages_with_error"), rs.getLong("messages_with_warning")))
                .optional();
    }

    /** The sellers with feeds waiting or in progress. */
    List<Long> sellersWithWork() {
        return jdbc.sql("SELECT DISTINCT account_id FROM feed_submission WHERE status IN ('_SUBMITTED_', '_IN_PROGRESS_')")
                .query(Long.class).list();
    }

    /** Starts a submitted feed; false when it is not submitted any more (cancelled meanwhile). */
    boolean claim(long id, long accountId, Instant now) {
        return jdbc.sql("UPDATE feed_submission SET status = '_IN_PROGRESS_', started_at = :now"
                        + " WHERE id = :id AND account_id = :account AND status = '_SUBMITTED_'")
                .param("now", SqlTime.of(now))
                .param("id", id)
                .param("account", accountId)
                .update() == 1;
    }

    /** How many results the feed has, so the next one gets the next seq. */
    long resultCount(long feedRef) {
        return jdbc.sql("SELECT COUNT(*) FROM feed_result WHERE feed_ref = :feed").param("feed", feedRef)
                .query(Long.class).single();
    }

    /** Whether the feed has its file-level result (message 0): the body was read to its failure already. */
    boolean hasFileResult(long feedRef) {
        return jdbc.sql("SELECT COUNT(*) FROM feed_result WHERE feed_ref = :feed AND message_id = 0")
                .param("feed", feedRef).query(Long.class).single() > 0;
    }

    /**
     * Locks the feed's row until the transaction ends and returns its checkpoint ({@code processed}),
     * or -1 when it is no longer in progress: a second run of the same feed waits here, then sees that
     * the checkpoint moved.
     */
    long lockCheckpoint(long id) {
        return jdbc.sql("SELECT processed FROM feed_submission WHERE id = :id AND status = '_IN_PROGRESS_' FOR UPDATE")
                .param("id", id).query(Long.class).optional().orElse(-1L);
    }

    void insertResults(long feedRef, long firstSeq, List<MessageResult> results) {
        if (results.isEmpty()) {
            return;
        }
        long[] seq = {firstSeq};
        batch.batchUpdate("""
                INSERT INTO feed_result (feed_ref, seq, message_id, result_code, message_code, description, sku)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", results, results.size(), (ps, r) -> {
            ps.setLong(1, feedRef);
            ps.setLong(2, seq[0]++);
            ps.setLong(3, r.messageId());
            ps.setString(4, r.resultCode());
            ps.setInt(5, r.messageCode());
            ps.setString(6, truncate(r.description(), 2000));
            ps.setString(7, r.sku() == null ? null : truncate(r.sku(), 40));
        });
    }

    /** The checkpoint: the messages done so far and their counts. */
    void checkpoint(long id, ProcessingSummary summary) {
        int updated = jdbc.sql("""
                        UPDATE feed_submission SET processed = :processed, messages_successful = :successful,
                               messages_with_error = :errors, messages_with_warning = :warnings
                         WHERE id = :id AND status = '_IN_PROGRESS_'""")
                .param("processed", summary.processed())
                .param("successful", summary.successful())
                .param("errors", summary.withError())
                .param("warnings", summary.withWarning())
                .param("id", id)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Feed " + id + " is no longer in progress");
        }
    }

    /** Streams the feed's results in order to {@code consumer}; needs a transaction to stream on PostgreSQL. */
    void results(long feedRef, Consumer<Stream<MessageResult>> consumer) {
        try (Stream<MessageResult> rows = batch.queryForStream("""
                        SELECT message_id, result_code, message_code, description, sku FROM feed_result
                         WHERE feed_ref = ? ORDER BY seq""",
                (rs, n) -> new MessageResult(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)), feedRef)) {
            consumer.accept(rows);
        }
    }

    /** Ends a feed: done, with its report. */
    boolean done(long id, Instant now, String resultKey, long length, String md5) {
        return jdbc.sql("""
                        UPDATE feed_submission SET status = '_DONE_', completed_at = :now, result_key = :key,
                               result_length = :length, result_md5 = :md5
                         WHERE id = :id AND status = '_IN_PROGRESS_'""")
                .param("now", SqlTime.of(now))
                .param("key", resultKey)
                .param("length", length)
                .param("md5", md5)
                .param("id", id)
                .update() == 1;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
