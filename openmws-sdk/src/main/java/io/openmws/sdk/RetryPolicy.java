package io.openmws.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before sending a failed call again.
 *
 * <p>The client retries answers that say "later": 503 {@code RequestThrottled} and
 * {@code QuotaExceeded}, and 500/503 service errors. Each wait is an exponential back-off with jitter:
 * a random time between half and all of {@code min(maxDelay, baseDelay * 2^(retry-1))}. A
 * {@code QuotaExceeded} answer that carries {@code x-mws-quota-resetsOn} waits until that time instead,
 * when it is no further away than {@link #maxQuotaWait()} (otherwise the error is thrown at once,
 * since no retry could succeed before it). After a {@code RequestThrottled}, the client-side bucket of
 * the operation is emptied too, so the retry also waits for a restored slot (see {@link Throttling}).
 *
 * <p>Separately, a {@code RequestExpired} answer is retried once, right away, with the Timestamp
 * corrected by the endpoint's {@code x-mws-timestamp}; that retry is not counted here.
 *
 * <pre>{@code
 * RetryPolicy.builder().maxAttempts(6).baseDelay(Duration.ofMillis(500)).build();
 * RetryPolicy.none(); // every error is thrown at once
 * }</pre>
 *
 * <p>Immutable.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxQuotaWait;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxQuotaWait = b.maxQuotaWait;
    }

    /** The defaults: 4 attempts, back-off from 1 second up to 1 minute, wait up to 15 minutes for a quota reset. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retries: the first error is thrown (the clock-skew correction still happens once). */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** HTTP requests a call may make in all, the first included; at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The back-off before the first retry (before jitter). */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The longest back-off between two attempts (before jitter). */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** The longest the client waits for an hourly quota to reset before retrying. */
    public Duration maxQuotaWait() {
        return maxQuotaWait;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxQuotaWait=" + maxQuotaWait + "]";
    }

    /** Collects the settings of a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofMinutes(1);
        private Duration maxQuotaWait = Duration.ofMinutes(15);

        private Builder() {
        }

        /**
         * HTTP requests a call may make in all.
         *
         * @param maxAttempts at least 1; 1 means no retries
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts counts the first attempt too, so it is at least 1; got "
                        + maxAttempts + ". Use RetryPolicy.none() for no retries");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The back-off before the first retry; positive. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = positive(baseDelay, "baseDelay");
            return this;
        }

        /** The longest back-off; positive. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /** The longest wait for a quota reset; zero means never wait for one. */
        public Builder maxQuotaWait(Duration maxQuotaWait) {
            Objects.requireNonNull(maxQuotaWait, "maxQuotaWait");
            if (maxQuotaWait.isNegative()) {
                throw new IllegalArgumentException("maxQuotaWait cannot be negative; got " + maxQuotaWait);
            }
            this.maxQuotaWait = maxQuotaWait;
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalStateException when baseDelay is longer than maxDelay
         */
        public RetryPolicy build() {
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new IllegalStateException("baseDelay (" + baseDelay + ") is longer than maxDelay (" + maxDelay
                        + "); raise maxDelay or lower baseDelay");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive; got " + d);
            }
            return d;
        }
    }
}
