package io.openmws.server.feeds;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks of feed processing ({@link FeedQueue}): the per-seller task, which stops
 * between batches when the scheduler shuts down, and the sweep ({@code openmws.feeds.sweep-interval}).
 */
@Configuration(proxyBeanMethods = false)
class FeedTasks {

    @Bean
    OneTimeTask<Void> feedProcessingTask(FeedProcessing processing) {
        return Tasks.oneTime(FeedQueue.TASK).execute((instance, context) -> processing.processSeller(
                Long.parseLong(instance.getId()), () -> context.getSchedulerState().isShuttingDown()));
    }

    // The queue needs the scheduler, which needs this task: it is looked up when the sweep runs.
    @Bean
    RecurringTask<Void> feedProcessingSweep(@Value("${openmws.feeds.sweep-interval:PT30S}") Duration interval,
                                            ObjectProvider<FeedQueue> queue) {
        return Tasks.recurring(FeedQueue.SWEEP, Schedules.fixedDelay(interval))
                .execute((instance, context) -> queue.getObject().sweep());
    }
}
