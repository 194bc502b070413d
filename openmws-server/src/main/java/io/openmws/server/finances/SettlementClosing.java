package io.openmws.server.finances;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes settlement periods as platform time passes: once a minute of platform time, every Open
 * financial event group whose 14 days ended closes. The scheduler runs by the platform clock, so
 * moving the sandbox clock forward closes every period that ended meanwhile at the next poll.
 */
@Configuration(proxyBeanMethods = false)
class SettlementClosing {

    static final String TASK = "finances-settlement-closing";

    private static final Logger log = LoggerFactory.getLogger(SettlementClosing.class);

    @Bean
    RecurringTask<Void> settlementClosingTask(Finances finances) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    int closed = finances.closeEndedPeriods();
                    if (closed > 0) {
                        log.info("Finances: {} settlement periods closed", closed);
                    }
                });
    }
}
