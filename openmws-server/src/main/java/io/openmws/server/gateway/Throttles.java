package io.openmws.server.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.throttle.OperationThrottle;
import io.openmws.protocol.throttle.ThrottleSpec;
import io.openmws.protocol.throttle.ThrottleSpecs;
import io.openmws.server.support.PlatformClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * MWS throttling (docs/protocol.md §6): per (seller, developer, operation group) a leaky bucket of the published burst
 * that gets one request back every restore period, and, for operations with an hourly quota, a
 * second bucket of that quota whose window starts with the caller's first call. Buckets refill by
 * the platform clock, so moving the sandbox clock refills them. Buckets live in this node's memory,
 * or in PostgreSQL when {@code openmws.throttling.store=database} (several nodes, one budget).
 */
@Component
class Throttles {

    /** The hourly quota as the {@code x-mws-quota-*} headers report it. */
    record Quota(long max, long remaining, Instant resetsOn) {}

    /** The outcome of taking a call's slot: the error to answer, if any, and the quota to report. */
    record Verdict(Optional<MwsError> refusal, Optional<Quota> quota) {}

    private record Buckets(Bucket burst, Bucket hourly) {}

    private static final Logger log = LoggerFactory.getLogger(Throttles.class);

    private final PlatformClock clock;
    private final TimeMeter time;
    private final ThrottleStore store;

    Throttles(PlatformClock clock, DataSource dataSource, @Value("${openmws.throttling.store:memory}") String store) {
        this.clock = clock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.store = switch (store) {
            case "memory" -> new ThrottleStore.InMemory(time);
            case "database" -> new ThrottleStore.InPostgres(dataSource, time);
            default -> throw new IllegalArgumentException(
                    "openmws.throttling.store is 'memory' (one node) or 'database' (PostgreSQL, several nodes), not '" + store + "'");
        };
        log.info("Throttle buckets are kept in {}", store);
    }

    /** Takes one request from the caller's buckets for the operation, if it has a throttle spec. */
    Verdict take(String sellerId, String developerId, ApiSection section, String action) {
        Optional<OperationThrottle> throttle = ThrottleSpecs.operation(section, action);
        if (throttle.isEmpty()) {
            return new Verdict(Optional.empty(), Optional.empty());
        }
        ThrottleSpec spec = throttle.get().spec();
        String key = (sellerId == null ? "-" : sellerId) + "|" + developerId + "|" + section.sectionName() + "|"
                + throttle.get().group().name();
        Buckets b = buckets(key, spec);
        boolean headers = ThrottleSpecs.sendsQuotaHeaders(section, action);

        ConsumptionProbe burst = b.burst().tryConsumeAndReturnRemaining(1);
        if (!burst.isConsumed()) {
            return new Verdict(Optional.of(MwsError.requestThrottled()), headers ? quota(b, spec) : Optional.empty());
        }
        if (b.hourly() == null) {
            return new Verdict(Optional.empty(), Optional.empty());
        }
        ConsumptionProbe hourly = b.hourly().tryConsumeAndReturnRemaining(1);
        if (!hourly.isConsumed()) {
            b.burst().addTokens(1);
            Optional<Quota> quota = quota(b, spec);
            return new Verdict(Optional.of(MwsError.quotaExceeded(spec.hourlyQuota().getAsInt(), section, action,
                    quota.map(Quota::resetsOn).orElse(clock.instant()))), headers ? quota : Optional.empty());
        }
        return new Verdict(Optional.empty(), headers ? quota(b, spec) : Optional.empty());
    }

    private Optional<Quota> quota(Buckets b, ThrottleSpec spec) {
        if (b.hourly() == null) {
            return Optional.empty();
        }
        long remaining = b.hourly().getAvailableTokens();
        long max = spec.hourlyQuota().getAsInt();
        long nanosToReset = b.hourly().estimateAbilityToConsume(max).getNanosToWaitForRefill();
        Instant resetsOn = clock.instant().plusNanos(nanosToReset == 0 ? Duration.ofHours(1).toNanos() : nanosToReset);
        return Optional.of(new Quota(max, remaining, resetsOn));
    }

    private Buckets buckets(String key, ThrottleSpec spec) {
        Bucket burst = store.bucket(key + "|burst", BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(spec.maxQuota()).refillIntervally(1, spec.restorePeriod()))
                .build());
        Bucket hourly = null;
        if (spec.hourlyQuota().isPresent()) {
            int quota = spec.hourlyQuota().getAsInt();
            hourly = store.bucket(key + "|hourly", BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(quota).refillIntervally(quota, Duration.ofHours(1)))
                    .build());
        }
        return new Buckets(burst, hourly);
    }
}
