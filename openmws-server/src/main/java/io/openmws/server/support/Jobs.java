package io.openmws.server.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The platform's background work, on db-scheduler: every {@link Task} bean a feature declares is
 * registered, recurring ones are scheduled at start. Tasks are due by the platform clock, so moving
 * the sandbox clock forward makes due work run at the next poll; the table makes work survive a
 * restart and run on one node at a time.
 *
 * <p>A node killed while it ran work leaves that work picked in the table. Another node, or the same
 * one restarted, takes it up once its heartbeat is {@value #MISSED_HEARTBEATS} heartbeats old
 * ({@code openmws.jobs.heartbeat-interval}, default 5 s: so 30 s; db-scheduler's own default, 5 min,
 * left a feed or the order generator stopped for half an hour after a {@code kill -9}). Heartbeats are
 * dated by the platform clock, so {@link PlatformClock#advance} moves them along with it: otherwise every
 * running job would look dead after a jump of the clock and run a second time beside itself.
 */
@Component
public class Jobs implements SmartLifecycle {

    /** Heartbeats a running job may miss before another node (or a restarted one) takes it up. */
    static final int MISSED_HEARTBEATS = 6;

    private final Scheduler scheduler;
    private final List<RecurringTask<?>> recurring;
    private final PlatformClock clock;
    private final boolean startAtOnce;
    private volatile boolean running;

    Jobs(DataSource dataSource, ObjectProvider<Task<?>> tasks, ObjectProvider<RecurringTask<?>> recurring,
         PlatformClock clock, @Value("${openmws.jobs.polling-interval:PT1S}") Duration pollingInterval,
         @Value("${openmws.jobs.heartbeat-interval:PT5S}") Duration heartbeatInterval,
         @Value("${openmws.jobs.start-at-once:true}") boolean startAtOnce) {
        this.startAtOnce = startAtOnce;
        List<RecurringTask<?>> startup = recurring.orderedStream().toList();
        this.recurring = startup;
        this.clock = clock;
        // Recurring tasks are registered through startTasks; registering them twice is refused.
        List<Task<?>> others = tasks.orderedStream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        this.scheduler = Scheduler.create(dataSource, others)
                .startTasks(startup)
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .alwaysPersistTimestampInUTC()
                .threads(4)
                .build();
    }

    /** The scheduler, for features that schedule one-off work (a feed to process, a report to build). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Looks for due work now instead of at the next poll, after a feature scheduled some that a client
     * waits for (a submitted feed, a requested report): it then starts within milliseconds, not up to a
     * polling interval later. Off with {@code openmws.jobs.start-at-once=false} (tests that keep work
     * waiting), when only the polls start work.
     */
    public void startDueWork() {
        if (startAtOnce) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    /**
     * Schedules every recurring task that has no execution in the table, as a start does: for a
     * sandbox reset, which empties the table with everything else. Tasks already there are left as
     * they are.
     */
    public void scheduleRecurring() {
        for (RecurringTask<?> task : recurring) {
            task.onStartup(scheduler, clock::instant);
        }
    }

    /** The names of the recurring tasks, each of which always has one execution in the table. */
    public List<String> recurringTaskNames() {
        return recurring.stream().map(Task::getName).toList();
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
