package io.openmws.server.authorizations;

import static org.awaitility.Awaitility.await;

import io.openmws.server.support.Jobs;
import io.openmws.server.support.PlatformClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits, in tests, for the expiry watch ({@link ExpiryWatch}) to have run on the platform clock as it is now. */
final class ExpiryWatchRuns {

    private ExpiryWatchRuns() {}

    /**
     * Waits for a whole run of the expiry watch that started after the clock last moved. A run
     * already going when the test moved the clock finishes with the old time and reschedules into
     * the new future; so after the first rescheduled run, the clock moves one more interval and a
     * second run is awaited, which surely started after the move.
     */
    static void awaitWholeRun(PlatformClock clock, JdbcClient jdbc, Jobs jobs) {
        awaitRescheduled(clock, jdbc, jobs);
        clock.advance(ExpiryWatch.INTERVAL.plusSeconds(1));
        awaitRescheduled(clock, jdbc, jobs);
    }

    /** Wakes the scheduler, whose next poll is up to a second away, then waits for the watch to be rescheduled. */
    private static void awaitRescheduled(PlatformClock clock, JdbcClient jdbc, Jobs jobs) {
        Instant now = clock.instant();
        jobs.startDueWork();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT execution_time FROM scheduled_tasks
                        WHERE task_name = :task AND picked = FALSE""")
                .param("task", ExpiryWatch.TASK)
                .query(OffsetDateTime.class).optional()
                .map(t -> t.toInstant().isAfter(now)).orElse(false));
    }
}
