package io.openmws.protocol.throttle;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How much an operation (or group of operations) may be called: a leaky bucket of
 * {@code maxQuota} request slots, one slot restored every {@code restorePeriod}, and optionally at
 * most {@code hourlyQuota} requests per hour.
 *
 * @param maxQuota the bucket size, MWS's "maximum request quota" (the burst), at least 1
 * @param restorePeriod how long it takes to restore one slot, MWS's "restore rate", positive
 * @param hourlyQuota the "hourly request quota", when the operation has one (at least 1)
 */
public record ThrottleSpec(int maxQuota, Duration restorePeriod, OptionalInt hourlyQuota) {

    /** Checks that the numbers make sense. */
    public ThrottleSpec {
        if (maxQuota < 1) {
            throw new IllegalArgumentException("maxQuota must be at least 1, was " + maxQuota);
        }
        Objects.requireNonNull(restorePeriod, "restorePeriod");
        if (restorePeriod.isZero() || restorePeriod.isNegative()) {
            throw new IllegalArgumentException("restorePeriod must be positive, was " + restorePeriod);
        }
        Objects.requireNonNull(hourlyQuota, "hourlyQuota");
        if (hourlyQuota.isPresent() && hourlyQuota.getAsInt() < 1) {
            throw new IllegalArgumentException("hourlyQuota must be at least 1, was " + hourlyQuota.getAsInt());
        }
    }

    /** A spec without an hourly quota. */
    public static ThrottleSpec of(int maxQuota, Duration restorePeriod) {
        return new ThrottleSpec(maxQuota, restorePeriod, OptionalInt.empty());
    }

    /** A spec with an hourly quota. */
    public static ThrottleSpec of(int maxQuota, Duration restorePeriod, int hourlyQuota) {
        return new ThrottleSpec(maxQuota, restorePeriod, OptionalInt.of(hourlyQuota));
    }

    /** Whether the operation also has an hourly request quota. */
    public boolean hasHourlyQuota() {
        return hourlyQuota.isPresent();
    }
}
