package io.openmws.server.feeds;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.openmws.server.support.BlobStore;
import io.openmws.server.support.SqlTime;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps feed submissions for {@link FeedSubmissions#WINDOW} of platform time: once an hour, older ones
 * go with their results and their body and report blobs, a batch at a time. A platform-wide
 * maintenance job, so its queries span every seller.
 */
@Configuration(proxyBeanMethods = false)
public class FeedRetention {

    static final String TASK = "feed-retention";
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);

    private record Expired(long id, String bodyKey, String resultKey) {}

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FeedRetention(JdbcClient jdbc, BlobStore blobs, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Bean
    RecurringTask<Void> feedRetentionTask() {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> deleteExpired());
    }

    /** Deletes every submission submitted before the window; answers how many. */
    public int deleteExpired() {
        int deleted = 0;
        while (true) {
            List<Expired> batch = jdbc.sql("""
                            SELECT id, body_key, result_key FROM feed_submission
                            WHERE submitted_at < :before AND status <> '_IN_PROGRESS_' ORDER BY id LIMIT :batch""")
                    .param("before", SqlTime.of(clock.instant().minus(FeedSubmissions.WINDOW)))
                    .param("batch", BATCH)
                    .query((rs, n) -> new Expired(rs.getLong("id"), rs.getString("body_key"), rs.getString("result_key")))
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            List<Long> ids = batch.stream().map(Expired::id).toList();
            transaction.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM feed_result WHERE feed_ref IN (:ids)").param("ids", ids).update();
                jdbc.sql("DELETE FROM feed_submission WHERE id IN (:ids)").param("ids", ids).update();
            });
            for (Expired e : batch) {
                deleteBlob(e.bodyKey());
                deleteBlob(e.resultKey());
            }
            deleted += batch.size();
        }
        if (deleted > 0) {
            log.info("Feeds: {} submissions older than {} days deleted", deleted, FeedSubmissions.WINDOW.toDays());
        }
        return deleted;
    }

    private void deleteBlob(String key) {
        if (key == null) {
            return;
        }
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Feeds: could not delete blob {} of an expired submission", key, e);
        }
    }
}
