package io.openmws.server.reports;

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
 * The db-scheduler tasks of the Reports feature: generation of one request ({@link ReportQueue}), the
 * sweep that finds requests left waiting ({@code openmws.reports.sweep-interval}) and the run of due
 * schedules ({@code openmws.reports.schedule-interval}), both by the platform clock.
 */
@Configuration(proxyBeanMethods = false)
class ReportTasks {

    static final String SCHEDULES = "report-schedules";

    @Bean
    OneTimeTask<Void> reportGenerationTask(ReportGeneration generation) {
        return Tasks.oneTime(ReportQueue.TASK).execute((instance, context) -> {
            long[] ids = ReportQueue.parse(instance.getId());
            generation.generate(ids[0], ids[1]);
        });
    }

    // The queue needs the scheduler, which needs this task: it is looked up when the sweep runs.
    @Bean
    RecurringTask<Void> reportGenerationSweep(@Value("${openmws.reports.sweep-interval:PT30S}") Duration interval,
                                              ObjectProvider<ReportQueue> queue) {
        return Tasks.recurring(ReportQueue.SWEEP, Schedules.fixedDelay(interval))
                .execute((instance, context) -> queue.getObject().sweep());
    }

    @Bean
    RecurringTask<Void> reportSchedulesTask(@Value("${openmws.reports.schedule-interval:PT1M}") Duration interval,
                                            ObjectProvider<ReportScheduling> scheduling) {
        return Tasks.recurring(SCHEDULES, Schedules.fixedDelay(interval))
                .execute((instance, context) -> scheduling.getObject().runDue());
    }
}
