package io.openmws.server.reports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.openmws.server.support.Jobs;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Report generation on db-scheduler: one task instance per request ({@code accountId/id}), so requests
 * run in parallel on the scheduler's threads, each on one node at a time. A committed request schedules
 * its task; a recurring sweep schedules one for every request still {@code _SUBMITTED_} or
 * {@code _IN_PROGRESS_}, which covers a restart, a crash and a lost event (an instance already scheduled
 * or running is left alone).
 */
@Component
class ReportQueue {

    static final String TASK = "report-generation";
    static final String SWEEP = "report-generation-sweep";

    private final Jobs jobs;
    private final OneTimeTask<Void> task;
    private final ReportGenerationRepository repository;
    private final Clock clock;

    ReportQueue(Jobs jobs, @Qualifier("reportGenerationTask") OneTimeTask<Void> task,
                ReportGenerationRepository repository, Clock clock) {
        this.jobs = jobs;
        this.task = task;
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    void reportRequested(ReportRequested event) {
        schedule(event.accountId(), event.id());
        jobs.startDueWork();
    }

    void schedule(long accountId, long id) {
        jobs.scheduler().scheduleIfNotExists(task.instance(instanceId(accountId, id)), clock.instant());
    }

    /** Schedules the task of every request with work left; answers how many. */
    int sweep() {
        int scheduled = 0;
        for (ReportGenerationRepository.Work work : repository.withWork()) {
            schedule(work.accountId(), work.id());
            scheduled++;
        }
        return scheduled;
    }

    static String instanceId(long accountId, long id) {
        return accountId + "/" + id;
    }

    /** The seller and the request of a task instance. */
    static long[] parse(String instanceId) {
        int slash = instanceId.indexOf('/');
        return new long[] {Long.parseLong(instanceId.substring(0, slash)), Long.parseLong(instanceId.substring(slash + 1))};
    }
}
