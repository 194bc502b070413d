package io.openmws.sdk.internal;

import io.openmws.sdk.MwsException;
import java.time.Duration;
import java.time.Instant;

/**
 * When to poll an operation that reports progress ({@code GetFeedSubmissionList}, {@code GetReportRequestList}):
 * first after {@link #FIRST}, then at intervals growing by half up to {@link #LONGEST} (those operations'
 * restore rate, one call per 45 s), slower still when the answers' hourly quota says fewer than
 * {@link #QUOTA_RESERVE} calls are left (the rest are then spread until the quota resets), and never past the
 * caller's timeout. Not thread-safe: one per wait.
 */
public final class PollSchedule {

    /** The first wait between two polls. */
    public static final Duration FIRST = Duration.ofSeconds(1);
    /** The longest wait between two polls: the restore rate of the listing operations. */
    public static final Duration LONGEST = Duration.ofSeconds(45);
    /** Below this many calls left in the hour, polls are spread until the quota resets. */
    public static final int QUOTA_RESERVE = 10;

    private final long deadline;
    private Duration delay = FIRST;
    private int polls;

    /**
     * A schedule that ends {@code timeout} from now.
     *
     * @throws IllegalArgumentException for a negative timeout
     */
    public PollSchedule(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative; got " + timeout);
        }
        this.deadline = System.nanoTime() + saturatedNanos(timeout);
    }

    /** Counts a poll that was made. */
    public void polled() {
        polls++;
    }

    /** How many polls were made. */
    public int polls() {
        return polls;
    }

    /** Whether the timeout has passed. */
    public boolean expired() {
        return deadline - System.nanoTime() <= 0;
    }

    /**
     * Sleeps until the next poll: the back-off, or longer when the quota says so, but not past the deadline.
     *
     * @param quota what the last answer said of the hourly quota
     * @param now the time buckets count in
     * @param what what is awaited, for the message of an interruption
     * @throws MwsException {@link MwsException.Kind#INTERRUPTED} when interrupted
     */
    public void sleep(HourlyQuota quota, Instant now, String what) {
        long left = deadline - System.nanoTime();
        Duration backOff = delay;
        Duration wait = quota.spread(now, QUOTA_RESERVE).filter(q -> q.compareTo(backOff) > 0).orElse(backOff);
        Duration capped = wait.toNanos() < left ? wait : Duration.ofNanos(Math.max(0, left));
        try {
            Thread.sleep(Math.max(1, capped.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MwsException.builder().kind(MwsException.Kind.INTERRUPTED).attempts(polls)
                    .message("Interrupted while waiting for " + what).cause(e).build();
        }
        Duration longer = delay.multipliedBy(3).dividedBy(2);
        delay = longer.compareTo(LONGEST) > 0 ? LONGEST : longer;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
