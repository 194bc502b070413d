package io.openmws.server.orders;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the {@link OrderGenerator} every {@link #INTERVAL} of platform time on one node at a time
 * (db-scheduler); a moved sandbox clock makes it due at once.
 */
@Configuration(proxyBeanMethods = false)
class OrderGeneratorTask {

    static final String TASK = "order-generator";
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OrderGeneratorTask.class);

    @Bean
    RecurringTask<Void> orderGeneratorRun(OrderGenerator generator) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(INTERVAL)).execute((instance, context) -> {
            int placed = generator.run();
            if (placed > 0) {
                log.info("Order generator: {} orders placed", placed);
            }
        });
    }
}
