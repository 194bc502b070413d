package io.openmws.sdk.internal;

import io.openmws.protocol.throttle.ThrottleGroup;
import io.openmws.protocol.throttle.ThrottleSpec;
import io.openmws.sdk.Throttling;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Client-side token buckets, one per (seller, operation group): a call takes a slot before it is sent,
 * waiting for one when the bucket is empty. Buckets start full and refill continuously at the group's
 * restore rate, slowed by {@link Throttling#restoreMargin()}. Thread-safe; the buckets of one client
 * are shared by all its threads.
 */
public final class Pacer {

    private record Key(String sellerId, ThrottleGroup group) {}

    private final Throttling settings;
    private final PacingTime time;
    private final ConcurrentMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    /** A pacer with the given settings, counting on {@code time}. */
    public Pacer(Throttling settings, PacingTime time) {
        this.settings = settings;
        this.time = time;
    }

    /**
     * Takes a slot for a call, waiting until there is one.
     *
     * @param sellerId the seller, or {@code null} for calls without one
     * @param group the operation group
     * @return how long the call waited
     * @throws InterruptedException when interrupted while waiting
     */
    public Duration acquire(String sellerId, ThrottleGroup group) throws InterruptedException {
        Optional<Bucket> bucket = bucket(sellerId, group);
        if (bucket.isEmpty()) {
            return Duration.ZERO;
        }
        Instant start = time.now();
        while (true) {
            Instant now = time.now();
            Instant readyAt = bucket.get().tryTake(now);
            if (readyAt == null) {
                Duration waited = Duration.between(start, now);
                return waited.isNegative() ? Duration.ZERO : waited;
            }
            time.sleepUntil(readyAt);
        }
    }

    /** Empties a bucket: the endpoint said it is empty on its side. */
    public void drain(String sellerId, ThrottleGroup group) {
        bucket(sellerId, group).ifPresent(b -> b.drain(time.now()));
    }

    private Optional<Bucket> bucket(String sellerId, ThrottleGroup group) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<ThrottleSpec> spec = settings.limitOf(group);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(buckets.computeIfAbsent(new Key(sellerId == null ? "" : sellerId, group),
                k -> new Bucket(spec.get(), settings.restoreMargin(), time.now())));
    }

    /** One leaky bucket, refilled continuously. */
    private static final class Bucket {
        private final double capacity;
        private final double nanosPerToken;
        private double tokens;
        private Instant updated;

        Bucket(ThrottleSpec spec, double margin, Instant now) {
            this.capacity = spec.maxQuota();
            this.nanosPerToken = spec.restorePeriod().toNanos() * (1 + margin);
            this.tokens = capacity;
            this.updated = now;
        }

        /** Takes a token and answers {@code null}, or answers when one will be there. */
        synchronized Instant tryTake(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return null;
            }
            long wait = (long) Math.ceil((1 - tokens) * nanosPerToken);
            return updated.plusNanos(Math.max(1, wait));
        }

        synchronized void drain(Instant now) {
            refill(now);
            tokens = 0;
        }

        private void refill(Instant now) {
            if (now.isAfter(updated)) {
                long elapsed = Duration.between(updated, now).toNanos();
                tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
                updated = now;
            }
        }
    }
}
