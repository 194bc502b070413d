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
import javax.sql.DataSource;

/**
 * Where throttle buckets live: in this node's memory (the default), or in PostgreSQL so that every
 * node sharing the database draws on one budget ({@code openmws.throttling.store=database}).
 */
interface ThrottleStore {

    /** The bucket under {@code key}, created with {@code configuration} on first use. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** Buckets in a map of this node. */
    final class InMemory implements ThrottleStore {
        private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final TimeMeter time;

        InMemory(TimeMeter time) {
            this.time = time;
        }

        @Override
        public Bucket bucket(String key, BucketConfiguration configuration) {
            return buckets.computeIfAbsent(key, k -> {
                var builder = Bucket.builder().withCustomTimePrecision(time);
                for (var bandwidth : configuration.getBandwidths()) {
                    builder.addLimit(bandwidth);
                }
                return builder.build();
            });
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
