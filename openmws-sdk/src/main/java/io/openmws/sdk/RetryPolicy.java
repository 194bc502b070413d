package io.openmws.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

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
 * <p>The decision itself is {@link #decide(Failure)}: a pure function of the failed attempt that neither
 * sleeps nor sends; the client carries out the {@link Decision} it returns. It can be asked directly, e.g.
 * to see what a policy would do:
 *
 * <pre>{@code
 * RetryPolicy.Decision d = policy.decide(RetryPolicy.Failure.of(MwsException.Kind.THROTTLED, 1, Instant.now()));
 * // RetryAfter[delay=PT0.734S]
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

    /**
     * What to do after a failed attempt, with jitter from {@link ThreadLocalRandom}.
     *
     * @param failure the failed attempt
     * @return give up, retry after a back-off, or retry when the quota resets
     * @see #decide(Failure, RandomGenerator)
     */
    public Decision decide(Failure failure) {
        return decide(failure, ThreadLocalRandom.current());
    }

    /**
     * What to do after a failed attempt, in this order: a kind that is not {@linkplain
     * MwsException.Kind#isRetryable() retryable} gives up; so does a failure that used the last of
     * {@link #maxAttempts()}; a {@code QuotaExceeded} that says when the quota resets retries then, or gives up
     * at once when that is further than {@link #maxQuotaWait()} from {@link Failure#now()}; anything else
     * retries after a back-off between half and all of {@code min(maxDelay, baseDelay * 2^(attempts-1))}.
     *
     * @param failure the failed attempt
     * @param jitter where the back-off's randomness comes from (a seeded one makes it repeatable)
     * @return the decision; nothing is slept or sent
     */
    public Decision decide(Failure failure, RandomGenerator jitter) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(jitter, "jitter");
        if (!failure.retryable()) {
            return new Decision.GiveUp(Decision.GiveUp.Reason.NOT_RETRYABLE);
        }
        if (failure.attempts() >= maxAttempts) {
            return new Decision.GiveUp(Decision.GiveUp.Reason.ATTEMPTS_USED);
        }
        if (failure.kind() == MwsException.Kind.QUOTA_EXCEEDED && failure.quotaResetsOn().isPresent()) {
            Instant resetsOn = failure.quotaResetsOn().get();
            if (Duration.between(failure.now(), resetsOn).compareTo(maxQuotaWait) > 0) {
                // no retry could succeed before the reset, and waiting that long was not allowed
                return new Decision.GiveUp(Decision.GiveUp.Reason.QUOTA_RESETS_TOO_LATE);
            }
            return new Decision.RetryAt(resetsOn);
        }
        return new Decision.RetryAfter(backoff(failure.attempts(), jitter));
    }

    /** The back-off before retry number {@code retry}: between half and all of the capped exponential delay. */
    private Duration backoff(int retry, RandomGenerator jitter) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exp = retry >= 40 ? cap : Math.min(cap, base * (1L << (retry - 1)));
        long half = exp / 2;
        return Duration.ofMillis(half + jitter.nextLong(exp - half + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxQuotaWait=" + maxQuotaWait + "]";
    }

    /**
     * A failed attempt, as {@link #decide(Failure)} sees it. A {@code RequestExpired} corrected by the
     * clock-skew retry is not one: that retry is not counted.
     *
     * @param kind what failed
     * @param attempts the attempts of the call so far that count against {@link #maxAttempts()}, this one
     *     included; at least 1
     * @param quotaResetsOn when the hourly quota resets ({@code x-mws-quota-resetsOn}), when the answer said
     * @param now the time {@code quotaResetsOn} is measured from
     */
    public record Failure(MwsException.Kind kind, int attempts, Optional<Instant> quotaResetsOn, Instant now) {

        /** Checks the values. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(quotaResetsOn, "quotaResetsOn");
            Objects.requireNonNull(now, "now");
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts counts the failed one too, so it is at least 1; got "
                        + attempts);
            }
        }

        /** A failure whose answer said nothing about a quota reset. */
        public static Failure of(MwsException.Kind kind, int attempts, Instant now) {
            return new Failure(kind, attempts, Optional.empty(), now);
        }

        /** Whether the kind is worth retrying at all ({@link MwsException.Kind#isRetryable()}). */
        public boolean retryable() {
            return kind.isRetryable();
        }
    }

    /**
     * What {@link #decide(Failure)} says to do: {@link GiveUp}, {@link RetryAfter} a back-off, or
     * {@link RetryAt} a time (a quota reset).
     */
    public sealed interface Decision permits Decision.GiveUp, Decision.RetryAfter, Decision.RetryAt {

        /** Whether the call is sent again. */
        boolean retries();

        /**
         * Throw the error.
         *
         * @param reason why
         */
        record GiveUp(Reason reason) implements Decision {

            /** Why a policy gives up. */
            public enum Reason {
                /** The kind of error is not worth retrying ({@link MwsException.Kind#isRetryable()}). */
                NOT_RETRYABLE,
                /** The call made {@link RetryPolicy#maxAttempts()} attempts. */
                ATTEMPTS_USED,
                /** The quota resets later than {@link RetryPolicy#maxQuotaWait()} from now. */
                QUOTA_RESETS_TOO_LATE
            }

            /** Checks the reason. */
            public GiveUp {
                Objects.requireNonNull(reason, "reason");
            }

            @Override
            public boolean retries() {
                return false;
            }
        }

        /**
         * Send again after a back-off (real time).
         *
         * @param delay how long to wait; not negative
         */
        record RetryAfter(Duration delay) implements Decision {

            /** Checks the delay. */
            public RetryAfter {
                Objects.requireNonNull(delay, "delay");
                if (delay.isNegative()) {
                    throw new IllegalArgumentException("delay cannot be negative; got " + delay);
                }
            }

            @Override
            public boolean retries() {
                return true;
            }
        }

        /**
         * Send again once the clock {@link Failure#now()} was read from reaches {@code time}.
         *
         * @param time when
         */
        record RetryAt(Instant time) implements Decision {

            /** Checks the time. */
            public RetryAt {
                Objects.requireNonNull(time, "time");
            }

            @Override
            public boolean retries() {
                return true;
            }
        }
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
