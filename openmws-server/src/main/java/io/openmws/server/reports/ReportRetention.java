package io.openmws.server.reports;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.openmws.server.support.BlobStore;
import io.openmws.server.support.SqlTime;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps report requests and reports for {@link Reports#KEPT} of platform time: once an hour, requests
 * submitted before then (and whose report, if any, is as old) go with their report and its blob, a batch
 * at a time. A request in progress stays until it ends. A platform-wide maintenance job, so its queries
 * span every seller.
 */
@Configuration(proxyBeanMethods = false)
class ReportRetention {

    static final String TASK = "report-retention";
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(ReportRetention.class);

    private record Expired(long id, long reportRequestId) {}

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReportRetention(JdbcClient jdbc, BlobStore blobs, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Bean
    RecurringTask<Void> reportRetentionTask() {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> deleteExpired());
    }

    /** Deletes every request and report older than the window; answers how many requests. */
    int deleteExpired() {
        Instant before = clock.instant().minus(Reports.KEPT);
        int deleted = 0;
        while (true) {
            List<Expired> batch = jdbc.sql("""
                            SELECT q.id, q.report_request_id FROM report_request q
                            LEFT JOIN report r ON r.request_ref = q.id
                            WHERE q.submitted_at < :before AND q.status <> '_IN_PROGRESS_'
                              AND (r.id IS NULL OR r.available_at < :before)
                            ORDER BY q.id LIMIT :batch""")
                    .param("before", SqlTime.of(before))
                    .param("batch", BATCH)
                    .query((rs, n) -> new Expired(rs.getLong("id"), rs.getLong("report_request_id")))
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            List<Long> ids = batch.stream().map(Expired::id).toList();
            transaction.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM report WHERE request_ref IN (:ids)").param("ids", ids).update();
                jdbc.sql("DELETE FROM report_request WHERE id IN (:ids)").param("ids", ids).update();
            });
            // After the rows that named them: a blob no row names is only unreachable, never a dangling row.
            for (Expired e : batch) {
                String key = Reports.blobKey(e.reportRequestId());
                try {
                    blobs.delete(key);
                } catch (IOException | RuntimeException ex) {
                    log.warn("Reports: could not delete blob {} of an expired report", key, ex);
                }
            }
            deleted += batch.size();
        }
        if (deleted > 0) {
            log.info("Reports: {} requests older than {} days deleted", deleted, Reports.KEPT.toDays());
        }
        return deleted;
    }
}
