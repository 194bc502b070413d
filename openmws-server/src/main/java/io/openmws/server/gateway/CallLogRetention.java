package io.openmws.server.gateway;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.openmws.server.support.SqlTime;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps the call log to its window: once an hour, calls older than {@link CallHistory#WINDOW} go. */
@Configuration(proxyBeanMethods = false)
class CallLogRetention {

    private static final Logger log = LoggerFactory.getLogger(CallLogRetention.class);

    @Bean
    RecurringTask<Void> callLogRetentionTask(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring("mws-call-log-retention", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int deleted = jdbc.sql("DELETE FROM mws_call WHERE called_at < :before")
                            .param("before", SqlTime.of(clock.instant().minus(CallHistory.WINDOW)))
                            .update();
                    if (deleted > 0) {
                        log.info("Call log: {} calls older than {} days deleted", deleted, CallHistory.WINDOW.toDays());
                    }
                });
    }
}
