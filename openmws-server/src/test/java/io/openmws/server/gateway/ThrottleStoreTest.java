package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The in-memory throttle store stays bounded under any number of distinct callers (issue 18): buckets
 * that filled up again are dropped, while a caller that is still throttled keeps its bucket, exactly.
 */
class ThrottleStoreTest {

    /** A time meter the test moves by hand, as the sandbox clock moves. */
    private static final class HandTime implements TimeMeter {
        final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /** GetServiceStatus's burst: 2, then one back every 5 seconds. */
    private static final BucketConfiguration BURST = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(2).refillIntervally(1, Duration.ofSeconds(5)))
            .build();

    /** A SubmitFeed-like hourly quota: 30, all back after an hour. */
    private static final BucketConfiguration HOURLY = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(30).refillIntervally(30, Duration.ofHours(1)))
            .build();

    @Test
    void manyDistinctCallersKeepMemoryBoundedWhileAThrottledCallerStaysThrottled() {
        HandTime time = new HandTime();
        ThrottleStore.InMemory store = new ThrottleStore.InMemory(time);
        // An active caller uses up its hourly quota before the flood.
        Bucket active = store.bucket("active|hourly", HOURLY);
        for (int i = 0; i < 30; i++) {
            assertThat(active.tryConsume(1)).isTrue();
        }

        int largest = 0;
        for (int i = 0; i < 200_000; i++) {
            assertThat(store.bucket("caller-" + i + "|burst", BURST).tryConsume(1)).as("caller %d", i).isTrue();
            if (i % 1_000 == 999) {
                time.advance(Duration.ofSeconds(5));   // every earlier caller's burst is full again
                // The active caller is still refused: its drained bucket was kept, not replaced by a full one.
                assertThat(store.bucket("active|hourly", HOURLY).tryConsume(1)).as("after %d callers", i + 1).isFalse();
            }
            largest = Math.max(largest, store.size());
        }

        // 200,000 callers, 1,000 of them within each 5 seconds: the map never held more than twice the
        // sweep floor, plus the one caller still refilling.
        assertThat(largest).isLessThanOrEqualTo(2 * ThrottleStore.InMemory.SWEEP_FLOOR + 1);
        // 1,000 s after it drained, the hour is not over: still refused; after the hour, the full quota is back.
        assertThat(store.bucket("active|hourly", HOURLY).tryConsume(1)).isFalse();
        time.advance(Duration.ofHours(1));
        Bucket refilled = store.bucket("active|hourly", HOURLY);
        assertThat(refilled.getAvailableTokens()).isEqualTo(30);
    }

    @Test
    void aSweepKeepsBucketsThatAreNotFullAndDropsOnlyIdleFullOnes() {
        HandTime time = new HandTime();
        ThrottleStore.InMemory store = new ThrottleStore.InMemory(time);
        Bucket drained = store.bucket("drained", BURST);
        drained.tryConsume(2);
        Bucket untouched = store.bucket("untouched", BURST);
        Bucket used = store.bucket("used", BURST);
        used.tryConsume(1);

        store.sweep();   // every bucket was touched since the sweep before (there was none): all stay
        assertThat(store.size()).isEqualTo(3);
        time.advance(Duration.ofSeconds(5));   // "used" is full again, "drained" has 1 of 2
        store.sweep();

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.bucket("drained", BURST)).isSameAs(drained);
        assertThat(store.bucket("untouched", BURST)).isNotSameAs(untouched);
        assertThat(store.bucket("used", BURST)).isNotSameAs(used);
    }

    @Test
    void aBucketACallJustTouchedSurvivesTheNextSweepEvenWhenFull() {
        HandTime time = new HandTime();
        ThrottleStore.InMemory store = new ThrottleStore.InMemory(time);
        store.bucket("caller", BURST);
        store.sweep();

        // The call holds its bucket when a sweep comes, and takes its token only then.
        Bucket handedOut = store.bucket("caller", BURST);
        store.sweep();
        assertThat(handedOut.tryConsume(1)).isTrue();

        assertThat(store.bucket("caller", BURST)).isSameAs(handedOut);
        assertThat(store.bucket("caller", BURST).getAvailableTokens()).isEqualTo(1);
    }
}
