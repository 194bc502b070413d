package io.openmws.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing queues beyond its permits instead of running every hash at once. */
class PasswordHashingTest {

    /** Stands in for Argon2: takes a while and records how many run at the same time. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            work();
            return "hashed:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            work();
            return encoded.equals("hashed:" + raw);
        }

        private void work() {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void eightConcurrentHashesWithTwoPermitsRunAtMostTwoAtOnceAndAllComplete() throws Exception {
        SlowEncoder slow = new SlowEncoder();
        PasswordHashing hashing = new PasswordHashing(slow, 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String password = "password-" + i;
                boolean encode = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    return encode ? hashing.encode(password).equals("hashed:" + password)
                            : hashing.matches(password, "hashed:" + password);
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
        assertThat(slow.running.get()).isZero();
    }

    @Test
    void aHashThatFailsGivesItsPermitBack() {
        PasswordEncoder failing = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                throw new IllegalStateException("no");
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return true;
            }
        };
        PasswordHashing hashing = new PasswordHashing(failing, 1);
        assertThatThrownBy(() -> hashing.encode("x")).isInstanceOf(IllegalStateException.class);
        assertThat(hashing.matches("x", "y")).isTrue();
    }

    @Test
    void permitsAreAQuarterOfTheHeapIn16MibHashesAndAtLeastOne() {
        long mib = 1024L * 1024;
        assertThat(PasswordHashing.permitsFor(256 * mib)).isEqualTo(4);
        assertThat(PasswordHashing.permitsFor(4096 * mib)).isEqualTo(64);
        assertThat(PasswordHashing.permitsFor(32 * mib)).isEqualTo(1);
        assertThat(PasswordHashing.forThisHeap(new SlowEncoder()).permits()).isPositive();
    }
}
