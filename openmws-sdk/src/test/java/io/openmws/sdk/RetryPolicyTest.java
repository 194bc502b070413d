package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.sdk.RetryPolicy.Decision;
import io.openmws.sdk.RetryPolicy.Decision.GiveUp;
import io.openmws.sdk.RetryPolicy.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The retry decision on its own: no server, no sleeping, seeded jitter. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2020-05-28T11:22:23Z");

    private static Failure failure(MwsException.Kind kind, int attempts) {
        return Failure.of(kind, attempts, NOW);
    }

    private static Failure quotaExceeded(int attempts, Duration resetsIn) {
        return new Failure(MwsException.Kind.QUOTA_EXCEEDED, attempts, Optional.of(NOW.plus(resetsIn)), NOW);
    }

    private static Duration delay(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.RetryAfter.class);
        return ((Decision.RetryAfter) decision).delay();
    }

    @Test
    void theBackOffLiesBetweenHalfAndAllOfTheCappedExponentialDelay() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(50).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(1000)).build();
        Random jitter = new Random(42);
        long[] ceilings = {100, 200, 400, 800, 1000, 1000};
        for (int retry = 1; retry <= ceilings.length; retry++) {
            long ceiling = ceilings[retry - 1];
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                long ms = delay(policy.decide(failure(MwsException.Kind.SERVICE_ERROR, retry), jitter)).toMillis();
                assertThat(ms).as("retry %d", retry).isBetween(ceiling / 2, ceiling);
                seen.add(ms);
            }
            // both ends are reached: the whole range is used, not a fixed point in it
            assertThat(seen).as("retry %d", retry).contains(ceiling / 2, ceiling);
        }
        // far past the cap, no overflow
        long late = delay(policy.decide(failure(MwsException.Kind.THROTTLED, 49), jitter)).toMillis();
        assertThat(late).isBetween(500L, 1000L);
    }

    @Test
    void theSameSeedGivesTheSameBackOff() {
        RetryPolicy policy = RetryPolicy.defaults();
        Failure throttled = failure(MwsException.Kind.THROTTLED, 2);

        assertThat(policy.decide(throttled, new Random(7))).isEqualTo(policy.decide(throttled, new Random(7)));
        assertThat(delay(policy.decide(throttled))).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void retriesStopWhenTheAttemptsAreUsed() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).build();

        assertThat(policy.decide(failure(MwsException.Kind.SERVICE_ERROR, 1)).retries()).isTrue();
        assertThat(policy.decide(failure(MwsException.Kind.SERVICE_ERROR, 2)).retries()).isTrue();
        assertThat(policy.decide(failure(MwsException.Kind.SERVICE_ERROR, 3)))
                .isEqualTo(new GiveUp(GiveUp.Reason.ATTEMPTS_USED));
        assertThat(RetryPolicy.none().decide(failure(MwsException.Kind.THROTTLED, 1)))
                .isEqualTo(new GiveUp(GiveUp.Reason.ATTEMPTS_USED));
    }

    @ParameterizedTest
    @EnumSource(MwsException.Kind.class)
    void onlyThrottlingQuotaAndServiceErrorsAreRetried(MwsException.Kind kind) {
        Decision decision = RetryPolicy.defaults().decide(failure(kind, 1));

        boolean retryable = Set.of(MwsException.Kind.THROTTLED, MwsException.Kind.QUOTA_EXCEEDED,
                MwsException.Kind.SERVICE_ERROR).contains(kind);
        assertThat(decision.retries()).isEqualTo(retryable);
        if (!retryable) {
            assertThat(decision).isEqualTo(new GiveUp(GiveUp.Reason.NOT_RETRYABLE));
        }
        assertThat(kind.isRetryable()).isEqualTo(retryable);
    }

    @Test
    void quotaExceededWaitsForTheResetUpToTheLongestWait() {
        RetryPolicy policy = RetryPolicy.builder().maxQuotaWait(Duration.ofMinutes(10)).build();

        assertThat(policy.decide(quotaExceeded(1, Duration.ofMinutes(3))))
                .isEqualTo(new Decision.RetryAt(NOW.plus(Duration.ofMinutes(3))));
        assertThat(policy.decide(quotaExceeded(1, Duration.ofMinutes(10))))
                .isEqualTo(new Decision.RetryAt(NOW.plus(Duration.ofMinutes(10))));
        assertThat(policy.decide(quotaExceeded(1, Duration.ofMinutes(10).plusMillis(1))))
                .isEqualTo(new GiveUp(GiveUp.Reason.QUOTA_RESETS_TOO_LATE));
        // a reset already past: retry at once
        assertThat(policy.decide(quotaExceeded(1, Duration.ofSeconds(-5))))
                .isEqualTo(new Decision.RetryAt(NOW.minusSeconds(5)));
        // the last attempt is the last, however near the reset
        assertThat(policy.decide(quotaExceeded(4, Duration.ofSeconds(1))))
                .isEqualTo(new GiveUp(GiveUp.Reason.ATTEMPTS_USED));
        // never wait for a reset
        assertThat(RetryPolicy.builder().maxQuotaWait(Duration.ZERO).build().decide(quotaExceeded(1, Duration.ofSeconds(1))))
                .isEqualTo(new GiveUp(GiveUp.Reason.QUOTA_RESETS_TOO_LATE));
    }

    @Test
    void quotaExceededWithoutAResetTimeBacksOff() {
        RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(100)).build();

        assertThat(delay(policy.decide(failure(MwsException.Kind.QUOTA_EXCEEDED, 1))))
                .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void aResetTimeOnAnotherKindIsIgnored() {
        RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(100)).build();
        Failure throttled = new Failure(MwsException.Kind.THROTTLED, 1, Optional.of(NOW.plus(Duration.ofHours(1))), NOW);

        assertThat(delay(policy.decide(throttled))).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void aFailureCountsItself() {
        assertThatThrownBy(() -> failure(MwsException.Kind.THROTTLED, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
