package io.openmws.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's one source of "now": the system clock plus an offset that sandbox mode can move
 * forward, up to {@link #LIMIT}, so that 12-month expiry, reminders and order timelines can be
 * tested in seconds. It never moves back, except to real time by a sandbox reset, which empties
 * the data first.
 *
 * <p>The offset lives in the {@code platform_clock} table, so every node sharing the database
 * agrees on the time. In sandbox mode a request reads it again unless it was read after the request
 * arrived ({@link RequestStart}), so a move made through any node holds for the next call on every
 * node; background work re-reads it at most once per {@link #REFRESH}. In production mode it cannot move.
 */
public class PlatformClock extends Clock {

    static final Duration REFRESH = Duration.ofSeconds(1);
    /**
     * The platform's time stays before this. Expiry dates lie a year ahead and retention windows
     * behind, so every date the platform computes keeps four-digit years (the MWS date formats), and
     * lies far inside what PostgreSQL and H2 timestamps and {@code java.time} hold.
     */
    public static final Instant LIMIT = Instant.parse("3000-01-01T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(PlatformClock.class);

    private final Clock system;
    private final JdbcClient jdbc;
    private final OpenMwsProperties.Mode mode;
    private volatile Snapshot snapshot;

    /** The offset, and when it was read: system time for {@link #REFRESH}, {@code nanoTime} for requests. */
    private record Snapshot(Instant readAt, long readAtNanos, Duration offset) {}

    public PlatformClock(Clock system, JdbcClient jdbc, OpenMwsProperties.Mode mode) {
        this.system = system;
        this.jdbc = jdbc;
        this.mode = mode;
        this.snapshot = new Snapshot(system.instant(), System.nanoTime(), readOffset());
    }

    @Override
    public Instant instant() {
        Instant now = system.instant();
        return now.plus(current(now).offset());
    }

    private Snapshot current(Instant now) {
        Snapshot s = snapshot;
        if (now.isBefore(s.readAt()) || !now.isBefore(s.readAt().plus(REFRESH))
                || mode == OpenMwsProperties.Mode.SANDBOX && RequestStart.readBefore(s.readAtNanos())) {
            s = reload(now, s);
        }
        return s;
    }

    /**
     * Real wall-clock time, never moved: for the two things that must follow clients' own clocks, the
     * ±15-minute check of a request's {@code Timestamp} and the {@code x-mws-timestamp} header.
     */
    public Clock realTime() {
        return system;
    }

    /** How far this clock runs ahead of real time. */
    public Duration offset() {
        return current(system.instant()).offset();
    }

    /**
     * Moves the platform's time forward for every node sharing the database.
     *
     * @throws IllegalStateException in production mode
     * @throws IllegalArgumentException for a negative duration, or one that would take the platform
     *         to {@link #LIMIT} or past it (the message names the limit)
     */
    public Instant advance(Duration by) {
        if (mode != OpenMwsProperties.Mode.SANDBOX) {
            throw new IllegalStateException("The clock can only be moved in sandbox mode");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward; got " + by);
        }
        Instant now = system.instant();
        // The furthest offset that keeps the platform before LIMIT; as a Duration, no long overflows.
        Duration room = Duration.between(now, LIMIT).minusMillis(1).minus(readOffset());
        if (by.compareTo(room) > 0) {
            throw beyondLimit(by);
        }
        moveHeartbeats(by);
        int moved = jdbc.sql("UPDATE platform_clock SET offset_millis = offset_millis + :by"
                        + " WHERE id = 1 AND offset_millis + :by <= :max")
                .param("by", by.toMillis())
                .param("max", Duration.between(now, LIMIT).minusMillis(1).toMillis())
                .update();
        if (moved == 0) {
            throw beyondLimit(by);   // another node moved it meanwhile
        }
        Snapshot after = new Snapshot(now, System.nanoTime(), readOffset());
        snapshot = after;
        return now.plus(after.offset());
    }

    /**
     * Sets the platform back to real time (offset zero). Only a sandbox reset calls this: time must
     * not go back while data exists, since every expiry, code and schedule was computed from it; once
     * the data is gone, nothing can see it happen.
     */
    public void resetToRealTime() {
        if (mode != OpenMwsProperties.Mode.SANDBOX) {
            throw new IllegalStateException("The clock can only be moved in sandbox mode");
        }
        jdbc.sql("UPDATE platform_clock SET offset_millis = 0 WHERE id = 1").update();
        snapshot = new Snapshot(system.instant(), System.nanoTime(), Duration.ZERO);
    }

    /**
     * Running jobs' heartbeats move first, so none looks a whole jump old to the dead-job check (Jobs).
     * Row by row, in Java: a handful of rows, and no interval arithmetic both databases take the same way.
     * A heartbeat written meanwhile wins (the row no longer holds the one read).
     */
    private void moveHeartbeats(Duration by) {
        record Heartbeat(String task, String instance, Instant at) {}
        List<Heartbeat> running = jdbc.sql("SELECT task_name, task_instance, last_heartbeat FROM scheduled_tasks"
                        + " WHERE picked AND last_heartbeat IS NOT NULL")
                .query((rs, n) -> new Heartbeat(rs.getString(1), rs.getString(2), SqlTime.read(rs, "last_heartbeat")))
                .list();
        for (Heartbeat h : running) {
            jdbc.sql("UPDATE scheduled_tasks SET last_heartbeat = :moved"
                            + " WHERE task_name = :task AND task_instance = :instance AND last_heartbeat = :at")
                    .param("moved", SqlTime.of(h.at().plus(by))).param("task", h.task())
                    .param("instance", h.instance()).param("at", SqlTime.of(h.at()))
                    .update();
        }
    }

    private static IllegalArgumentException beyondLimit(Duration by) {
        return new IllegalArgumentException("The platform clock stays before " + LIMIT
                + " (the dates every part of the platform and both databases handle); moving it by "
                + by + " would pass that.");
    }

    private Snapshot reload(Instant now, Snapshot previous) {
        try {
            Snapshot fresh = new Snapshot(now, System.nanoTime(), readOffset());
            snapshot = fresh;
            return fresh;
        } catch (DataAccessException e) {
            // Keep the last known offset: a short database outage must not stop time.
            log.warn("Could not refresh the platform clock offset; keeping {}", previous.offset(), e);
            return previous;
        }
    }

    private Duration readOffset() {
        long millis = jdbc.sql("SELECT offset_millis FROM platform_clock WHERE id = 1")
                .query(Long.class)
                .single();
        return Duration.ofMillis(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        PlatformClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }
}
