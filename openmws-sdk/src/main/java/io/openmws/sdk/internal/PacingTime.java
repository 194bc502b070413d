package io.openmws.sdk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The time client-side buckets count in, and waiting in it. Waits sleep in short slices and look at the
 * clock again after each, so that a clock that jumps (a sandbox's, moved forward) ends a wait at once.
 */
public final class PacingTime {

    /** The longest single sleep of a wait. */
    static final Duration SLICE = Duration.ofMillis(100);

    private final Supplier<Instant> now;

    /** Time from a supplier of instants. */
    public PacingTime(Supplier<Instant> now) {
        this.now = now;
    }

    /** The current instant. */
    public Instant now() {
        return now.get();
    }

    /**
     * Waits until the clock reaches {@code target}.
     *
     * @throws InterruptedException when the thread is interrupted
     */
    public void sleepUntil(Instant target) throws InterruptedException {
        while (true) {
            Duration left = Duration.between(now(), target);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            Duration nap = left.compareTo(SLICE) < 0 ? left : SLICE;
            Thread.sleep(Math.max(1, nap.toMillis()));
        }
    }
}
