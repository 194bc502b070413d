package io.openmws.server.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Where throttle buckets live: in this node's memory (the default), or in PostgreSQL so that every
 * node sharing the database draws on one budget ({@code openmws.throttling.store=database}).
 */
interface ThrottleStore {

    /** The bucket under {@code key}, created with {@code configuration} on first use. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /**
     * Buckets in a map of this node, bounded: a bucket that has filled up again allows exactly what a
     * new one would, so a sweep drops the full buckets that no call touched since the sweep before. A
     * sweep runs once {@code max(SWEEP_FLOOR, R)} buckets were added since the last one, R being the
     * buckets that were still refilling then (those used within their refill time: an hour at most).
     * So the map holds about the buckets still refilling plus twice {@code max(SWEEP_FLOOR, R)}, however
     * many callers come and go, and sweeping costs O(1) per new bucket.
     *
     * <p>A bucket that is not full is never dropped, so throttling stays exact for active callers; and
     * since a call touches its bucket under the map's lock for its key, the sweep right after a call
     * was handed a bucket keeps it.
     */
    final class InMemory implements ThrottleStore {

        static final int SWEEP_FLOOR = 10_000;

        /** A bucket, what it was made with, and the sweep generation in which a call last touched it. */
        private static final class Entry {
            final Bucket bucket;
            final long capacity;
            volatile long touched;

            Entry(Bucket bucket, long capacity, long touched) {
                this.bucket = bucket;
                this.capacity = capacity;
                this.touched = touched;
            }
        }

        private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
        private final TimeMeter time;
        private final AtomicLong generation = new AtomicLong();
        private final AtomicBoolean sweeping = new AtomicBoolean();
        private volatile int sweepAt = SWEEP_FLOOR;

        InMemory(TimeMeter time) {
            this.time = time;
        }

        @Override
        public Bucket bucket(String key, BucketConfiguration configuration) {
            long now = generation.get();
            Entry known = buckets.get(key);
            if (known != null && known.touched == now) {
                return known.bucket;   // already touched in this generation: the next sweep keeps it
            }
            Entry entry = buckets.compute(key, (k, e) -> {
                if (e == null) {
                    return newEntry(configuration, now);
                }
                e.touched = now;
                return e;
            });
            if (buckets.size() >= sweepAt) {
                sweep();
            }
            return entry.bucket;
        }

        /** How many buckets this node holds now. */
        int size() {
            return buckets.size();
        }

        /** Drops the full buckets that no call touched since the previous sweep; one sweep at a time. */
        void sweep() {
            if (!sweeping.compareAndSet(false, true)) {
                return;
            }
            try {
                long previous = generation.getAndIncrement();
                AtomicLong refilling = new AtomicLong();
                for (String key : buckets.keySet()) {
                    buckets.computeIfPresent(key, (k, e) -> {
                        if (!full(e)) {
                            refilling.incrementAndGet();
                            return e;
                        }
                        return e.touched < previous ? null : e;
                    });
                }
                sweepAt = buckets.size() + (int) Math.max(SWEEP_FLOOR, refilling.get());
            } finally {
                sweeping.set(false);
            }
        }

        private static boolean full(Entry e) {
            // The available tokens are the lowest of the bandwidths': at the largest capacity, all are full.
            return e.bucket.getAvailableTokens() >= e.capacity;
        }

        private Entry newEntry(BucketConfiguration configuration, long now) {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            long capacity = 0;
            for (var bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
                capacity = Math.max(capacity, bandwidth.getCapacity());
            }
            return new Entry(builder.build(), capacity, now);
        }
    }

    /** Buckets in the {@code throttle_bucket} table, locked per update (SELECT ... FOR UPDATE). */
    final class InPostgres implements ThrottleStore {
        private final ProxyManager<String> buckets;

        InPostgres(DataSource dataSource, TimeMeter time) {
            requirePostgres(dataSource);
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("throttle_bucket")
                    .idColumn("id")
                    .stateColumn("state")
                    .expiresAtColumn("expires_at")
                    .clientClock(time)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofMinutes(10)))
                    .build();
        }

        @Override
        public Bucket bucket(String key, BucketConfiguration configuration) {
            return buckets.builder().build(key, () -> configuration);
        }

        private static void requirePostgres(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                if (!product.contains("postgres")) {
                    throw new IllegalStateException("openmws.throttling.store=database needs PostgreSQL; the database is "
                            + c.getMetaData().getDatabaseProductName() + ". Use the default store (memory) with one node.");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database for the throttle store", e);
            }
        }
    }
}
