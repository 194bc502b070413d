package io.openmws.server.gateway;

import io.openmws.server.support.OpenMwsProperties;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developers whose calls skip throttling, in sandbox mode only (for load tests and fixtures). The
 * set lives in the database; each node re-reads it at most once per {@link #REFRESH}, so a change
 * holds on every node within a second.
 */
@Component
public class ThrottleExemptions {

    static final Duration REFRESH = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ThrottleExemptions.class);

    private record Snapshot(long readAtNanos, Set<String> developers) {}

    private final JdbcClient jdbc;
    private final PlatformClock clock;
    private final boolean sandbox;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Set.of());

    ThrottleExemptions(JdbcClient jdbc, PlatformClock clock, OpenMwsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sandbox = properties.sandbox();
    }

    /** Whether the developer's calls skip throttling now. Always false in production mode. */
    boolean exempt(String developerId) {
        if (!sandbox || developerId == null) {
            return false;
        }
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s.readAtNanos() == Long.MIN_VALUE || now - s.readAtNanos() >= REFRESH.toNanos()) {
            try {
                s = new Snapshot(now, Set.copyOf(jdbc.sql("SELECT developer_id FROM throttle_exemption")
                        .query(String.class).list()));
                snapshot = s;
            } catch (DataAccessException e) {
                log.warn("Could not refresh throttle exemptions; keeping the last known set", e);
            }
        }
        return s.developers().contains(developerId);
    }

    /**
     * Switches throttling on (the default) or off for a developer.
     *
     * @throws IllegalStateException in production mode
     */
    @Transactional
    public void setThrottled(String developerId, boolean throttled) {
        if (!sandbox) {
            throw new IllegalStateException("Throttling can be switched off only in sandbox mode");
        }
        jdbc.sql("DELETE FROM throttle_exemption WHERE developer_id = :id").param("id", developerId).update();
        if (!throttled) {
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO throttle_exemption (developer_id, since) VALUES (:id, :now)")
                    .param("id", developerId)
                    .param("now", SqlTime.of(now))
                    .update();
        }
        snapshot = new Snapshot(Long.MIN_VALUE, Set.of());
    }

    /** The Developer IDs whose throttling is switched off, read now (for the operator's list). */
    public Set<String> unthrottledDevelopers() {
        return Set.copyOf(jdbc.sql("SELECT developer_id FROM throttle_exemption").query(String.class).list());
    }

    /** Whether the developer is throttled (true unless switched off). */
    public boolean throttled(String developerId) {
        return jdbc.sql("SELECT count(*) FROM throttle_exemption WHERE developer_id = :id")
                .param("id", developerId).query(Long.class).single() == 0;
    }
}
