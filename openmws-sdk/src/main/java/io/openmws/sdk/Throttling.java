package io.openmws.sdk;

import io.openmws.protocol.throttle.ThrottleGroup;
import io.openmws.protocol.throttle.ThrottleSpec;
import io.openmws.protocol.throttle.ThrottleSpecs;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Client-side pacing: a token bucket per (seller, operation group) with the limits MWS publishes
 * ({@link ThrottleSpecs}), so that a program waits for a free slot on its own instead of collecting
 * 503 {@code RequestThrottled} answers. A call takes a slot from its bucket before it is sent and
 * waits when there is none; operations that share a bucket at MWS ({@code ListMarketplaceParticipations}
 * and its {@code ByNextToken}) share one here. Operations without a published limit are not paced.
 *
 * <p>The client refills a bucket a little more slowly than the endpoint ({@link #restoreMargin()},
 * 2% by default) so that the two buckets, which start at slightly different moments, do not disagree
 * by a hair. When the endpoint says {@code RequestThrottled} anyway (another program calls for the
 * same seller with the same developer account, say), the bucket is emptied.
 *
 * <p>Buckets count time on a {@link #clock()}: by default the client's clock corrected by the skew the
 * client learned from the endpoint. Against a sandbox whose clock can be moved (the OpenMWS platform's
 * throttle buckets run on its movable platform clock), give the clock the platform runs on, and moving
 * the platform's time refills both sides alike.
 *
 * <pre>{@code
 * Throttling.builder().limit(new ThrottleGroup(ApiSection.ORDERS, "ListOrders"), ThrottleSpec.of(4, Duration.ofMinutes(1))).build();
 * Throttling.disabled();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Throttling {

    private static final Throttling DEFAULTS = builder().build();

    private final boolean enabled;
    private final Map<ThrottleGroup, ThrottleSpec> limits;
    private final double restoreMargin;
    private final Clock clock;

    private Throttling(Builder b) {
        this.enabled = b.enabled;
        this.limits = Map.copyOf(b.limits);
        this.restoreMargin = b.restoreMargin;
        this.clock = b.clock;
    }

    /** Pacing on, with the published limits. */
    public static Throttling defaults() {
        return DEFAULTS;
    }

    /** No client-side pacing: every call is sent at once (retries still apply). */
    public static Throttling disabled() {
        return builder().enabled(false).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether calls are paced. */
    public boolean enabled() {
        return enabled;
    }

    /** The limits that replace the published ones, by group. */
    public Map<ThrottleGroup, ThrottleSpec> limits() {
        return limits;
    }

    /**
     * The limit the client applies to a group: the replacement given, else the published one.
     *
     * @param group the operation group
     * @return the limit; empty for a group without one
     */
    public Optional<ThrottleSpec> limitOf(ThrottleGroup group) {
        ThrottleSpec own = limits.get(group);
        if (own != null) {
            return Optional.of(own);
        }
        return ThrottleSpecs.forOperation(group.section(), group.name());
    }

    /** How much longer than published the client takes to restore a slot, as a fraction (0.02 = 2%). */
    public double restoreMargin() {
        return restoreMargin;
    }

    /** The clock buckets count on; empty for the client's own (skew-corrected) clock. */
    public Optional<Clock> clock() {
        return Optional.ofNullable(clock);
    }

    @Override
    public String toString() {
        return "Throttling[enabled=" + enabled + ", limits=" + limits + ", restoreMargin=" + restoreMargin
                + (clock == null ? "" : ", clock=" + clock) + "]";
    }

    /** Collects the settings of a {@link Throttling}. */
    public static final class Builder {
        private boolean enabled = true;
        private final Map<ThrottleGroup, ThrottleSpec> limits = new HashMap<>();
        private double restoreMargin = 0.02;
        private Clock clock;

        private Builder() {
        }

        /** Whether calls are paced; on by default. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Replaces the published limit of one operation group, e.g. to leave room for another program
         * that calls with the same developer account.
         *
         * @param group the group ({@link ThrottleSpecs#groupOf} names it)
         * @param spec the burst and restore period to pace with (an hourly quota in it is not paced)
         * @return this builder
         */
        public Builder limit(ThrottleGroup group, ThrottleSpec spec) {
            limits.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /**
         * How much longer than published the client takes to restore a slot.
         *
         * @param fraction from 0 (exactly the published rate) to 1 (twice as slow)
         * @return this builder
         */
        public Builder restoreMargin(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("restoreMargin is a fraction from 0 to 1; got " + fraction);
            }
            this.restoreMargin = fraction;
            return this;
        }

        /**
         * The clock buckets count on, when it is not the client's: the endpoint's throttling time, e.g. a
         * sandbox's movable clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The settings. */
        public Throttling build() {
            return new Throttling(this);
        }
    }
}
