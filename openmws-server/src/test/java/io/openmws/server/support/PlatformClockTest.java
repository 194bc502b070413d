package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.server.support.OpenMwsProperties.Mode;
import io.openmws.server.testing.MutableClock;
import io.openmws.server.testing.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The platform clock over a real, migrated database: two instances stand for two server nodes
 * sharing it.
 */
@SpringBootTest
@OnBothDatabases
class PlatformClockTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    MutableClock system;

    @BeforeEach
    void resetOffset() {
        jdbc.sql("UPDATE platform_clock SET offset_millis = 0").update();
        system = new MutableClock(START);
    }

    @Test
    void runsAtSystemTimeUntilMoved() {
        PlatformClock clock = new PlatformClock(system, jdbc, Mode.SANDBOX);

        assertThat(clock.instant()).isEqualTo(START);
        system.tick(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void advanceIsSeenByEveryNodeWithinOneRefresh() {
        PlatformClock nodeA = new PlatformClock(system, jdbc, Mode.SANDBOX);
        PlatformClock nodeB = new PlatformClock(system, jdbc, Mode.SANDBOX);

        Instant moved = nodeA.advance(Duration.ofDays(366));

        assertThat(moved).isEqualTo(START.plus(Duration.ofDays(366)));
        assertThat(nodeA.instant()).isEqualTo(moved);
        system.tick(PlatformClock.REFRESH);
        assertThat(nodeB.instant()).isEqualTo(moved.plus(PlatformClock.REFRESH));
    }

    @Test
    void aRequestSeesEveryMoveMadeBeforeItArrived() throws Exception {
        PlatformClock nodeA = new PlatformClock(system, jdbc, Mode.SANDBOX);
        PlatformClock nodeB = new PlatformClock(system, jdbc, Mode.SANDBOX);
        assertThat(nodeB.instant()).isEqualTo(START);   // node B has just read the offset

        Instant moved = nodeA.advance(Duration.ofDays(366));

        // No system time passes: outside a request node B keeps its reading for REFRESH...
        assertThat(nodeB.instant()).isEqualTo(START);
        // ...but a request arriving after the move reads it again, and so does the next one.
        Instant[] seen = new Instant[2];
        new RequestStart.Filter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen[0] = nodeB.instant());
        nodeA.advance(Duration.ofDays(1));
        new RequestStart.Filter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen[1] = nodeB.instant());

        assertThat(seen[0]).isEqualTo(moved);
        assertThat(seen[1]).isEqualTo(moved.plus(Duration.ofDays(1)));
        assertThat(RequestStart.readBefore(Long.MIN_VALUE)).as("nothing is left on the thread").isFalse();
    }

    @Test
    void productionReadsNoOffsetPerRequest() throws Exception {
        PlatformClock production = new PlatformClock(system, jdbc, Mode.PRODUCTION);
        jdbc.sql("UPDATE platform_clock SET offset_millis = 60000").update();   // as no production node does

        Instant[] seen = new Instant[1];
        new RequestStart.Filter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> seen[0] = production.instant());

        assertThat(seen[0]).isEqualTo(START);
    }

    @Test
    void offsetSurvivesARestart() {
        new PlatformClock(system, jdbc, Mode.SANDBOX).advance(Duration.ofHours(3));

        PlatformClock restarted = new PlatformClock(system, jdbc, Mode.SANDBOX);

        assertThat(restarted.offset()).isEqualTo(Duration.ofHours(3));
        assertThat(restarted.instant()).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void neverMovesBackward() {
        PlatformClock clock = new PlatformClock(system, jdbc, Mode.SANDBOX);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void cannotBeMovedInProductionMode() {
        PlatformClock clock = new PlatformClock(system, jdbc, Mode.PRODUCTION);

        assertThatThrownBy(() -> clock.advance(Duration.ofDays(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clock.offset()).isZero();
    }
}
