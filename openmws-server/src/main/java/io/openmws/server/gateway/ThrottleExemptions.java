package io.openmws.server.gateway;

import io.openmws.server.support.AccessVersion;
import io.openmws.server.support.OpenMwsProperties;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developers whose calls skip throttling, in sandbox mode only (for load tests and fixtures). The
 * set lives in the database; a node remembers a developer's switch while the {@link AccessVersion}
 * it read before it stays, and a switch moves that version, so a switch made through any node holds
 * for the next call on every node.
 */
@Component
public class ThrottleExemptions {

    private final JdbcClient jdbc;
    private final PlatformClock clock;
    private final boolean sandbox;
    private final AccessVersion accessVersion;
    private final AccessVersion.Cache<String, Boolean> exempt;

    ThrottleExemptions(JdbcClient jdbc, PlatformClock clock, OpenMwsProperties properties, AccessVersion accessVersion) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sandbox = properties.sandbox();
        this.accessVersion = accessVersion;
        this.exempt = accessVersion.cache(10_000, id -> !throttled(id));
    }

    /** Whether the developer's calls skip throttling now. Always false in production mode. */
    boolean exempt(String developerId) {
        return sandbox && developerId != null && exempt.get(developerId);
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
        accessVersion.moved();
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
