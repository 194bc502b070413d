package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.openmws.server.testing.OnBothDatabases;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Background work is due by the platform clock: moving the sandbox clock makes it run. */
@SpringBootTest(classes = {io.openmws.server.OpenMwsServer.class, JobsTest.PingTask.class})
@OnBothDatabases
class JobsTest {

    static final AtomicInteger PINGS = new AtomicInteger();

    @TestConfiguration
    static class PingTask {
        @Bean
        OneTimeTask<Void> ping() {
            return Tasks.oneTime("test-ping").execute((instance, context) -> PINGS.incrementAndGet());
        }
    }

    @Autowired
    Jobs jobs;

    @Autowired
    PlatformClock clock;

    @Autowired
    OneTimeTask<Void> ping;

    @Test
    void workDueTomorrowRunsOnceTheClockIsMovedThere() {
        int before = PINGS.get();
        jobs.scheduler().schedule(ping.instance("tomorrow-" + System.nanoTime()), clock.instant().plus(Duration.ofDays(1)));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> PINGS.get() == before);
        clock.advance(Duration.ofDays(1).plusSeconds(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> PINGS.get() == before + 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> PINGS.get() == before + 1);
    }
}
