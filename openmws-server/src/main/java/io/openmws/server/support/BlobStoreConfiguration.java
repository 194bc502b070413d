package io.openmws.server.support;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one {@link BlobStore} of the platform, as {@code openmws.storage.type} says, and the daily job
 * that removes what writes interrupted by a stop left behind (older than a day of real time).
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    BlobStore blobStore(StorageProperties storage, JdbcClient jdbc, PlatformTransactionManager transactions,
                        PlatformClock clock) throws IOException {
        return switch (storage.type()) {
            case FILES -> new FileBlobStore(storage.directory());
            case DATABASE -> new DatabaseBlobStore(jdbc, transactions, clock.realTime());
        };
    }

    @Bean
    RecurringTask<Void> abandonedBlobsTask(BlobStore blobs, PlatformClock clock) {
        return Tasks.recurring("abandoned-blobs", Schedules.fixedDelay(Duration.ofHours(6)))
                .execute((instance, context) -> {
                    try {
                        int deleted = blobs.deleteAbandoned(clock.realTime().instant().minus(ABANDONED_AFTER));
                        if (deleted > 0) {
                            log.info("Blob store: {} abandoned writes removed", deleted);
                        }
                    } catch (IOException e) {
                        log.warn("Blob store: abandoned writes could not be removed", e);
                    }
                });
    }
}
