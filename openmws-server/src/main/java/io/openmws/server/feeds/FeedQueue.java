package io.openmws.server.feeds;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.openmws.server.support.Jobs;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feed processing on db-scheduler: one task per seller (instance id = account id), so a seller's feeds
 * run one at a time and different sellers' in parallel on the scheduler's threads, on one node at a
 * time. A submission schedules its seller's task; a recurring sweep schedules it for every seller with
 * feeds waiting or in progress, which covers a restart, a crash and a lost event.
 */
@Component
class FeedQueue {

    static final String TASK = "feed-processing";
    static final String SWEEP = "feed-processing-sweep";

    private final Jobs jobs;
    private final OneTimeTask<Void> task;
    private final FeedProcessingRepository repository;
    private final Clock clock;

    FeedQueue(Jobs jobs, @Qualifier("feedProcessingTask") OneTimeTask<Void> task, FeedProcessingRepository repository,
              Clock clock) {
        this.jobs = jobs;
        this.task = task;
        this.repository = repository;
        this.clock = clock;
    }

    /** A submission committed: process its seller's queue (the task already scheduled or running takes it). */
    @EventListener
    void feedSubmitted(FeedSubmitted event) {
        schedule(event.accountId());
        jobs.startDueWork();
    }

    void schedule(long accountId) {
        jobs.scheduler().scheduleIfNotExists(task.instance(Long.toString(accountId)), clock.instant());
    }

    /** Schedules the task of every seller with feeds waiting or in progress; returns how many sellers. */
    int sweep() {
        int sellers = 0;
        for (long accountId : repository.sellersWithWork()) {
            schedule(accountId);
            sellers++;
        }
        return sellers;
    }
}
