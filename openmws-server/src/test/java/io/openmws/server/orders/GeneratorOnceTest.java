package io.openmws.server.orders;

import static io.openmws.server.orders.PlaceOrdersTest.TOKEN;
import static io.openmws.server.orders.PlaceOrdersTest.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every due time of the order generator gives exactly one order, however many runs race for it (two
 * nodes, or a run and the one after a {@code kill -9}): the order and the move of {@code next_at} past
 * it commit together. Found by {@code bench/crash/run.sh}; before the fix the order committed first and
 * a run that lost the race for {@code next_at} left its order behind, a second order for the same due
 * time. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class GeneratorOnceTest {

    private static final int RUNNERS = 4;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderGenerator generator;

    @Test
    void racingRunsPlaceOneOrderPerDueTime() throws Exception {
        JsonClient api = new JsonClient(port, TOKEN);
        Listings listings = new Listings(catalog, transactions, jdbc);
        String sellerId = new Fixtures(api).seller().sellerId();
        long account = listings.accountId(sellerId);
        listings.offer(account, US, "MANY", "1.00", 100_000, null);
        assertThat(api.post("/sandbox/v1/sellers/" + sellerId + "/order-generator", "{\"perHour\": 3600}").status())
                .isEqualTo(200);
        Instant first = nextAt(account);

        ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
        try {
            for (int round = 0; round < 4; round++) {
                assertThat(api.post("/sandbox/v1/clock/advance", "{\"duration\": \"PT30S\"}").status()).isEqualTo(200);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int r = 0; r < RUNNERS; r++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return generator.run();
                    }));
                }
                start.countDown();
                for (Future<Integer> run : runs) {
                    run.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }

        // The scheduled task runs too: a run that loses a race stops, and one that read "now" before the last
        // advance stops short of it, so the rest of the two minutes may be left to the task's next run.
        await().atMost(Duration.ofSeconds(30)).until(() -> dueTimes(first, account) >= 120);
        long dueTimes = dueTimes(first, account);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isEqualTo(dueTimes);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT purchase_date) FROM customer_order WHERE account_id = :a")
                .param("a", account).query(Long.class).single()).isEqualTo(dueTimes);
    }

    /** The due times next_at moved past since {@code first}: one order each, whoever placed it. */
    private long dueTimes(Instant first, long account) {
        return Duration.between(first, nextAt(account)).dividedBy(OrderGenerator.interval(3600));
    }

    private Instant nextAt(long account) {
        return jdbc.sql("SELECT next_at FROM order_generator WHERE account_id = :a").param("a", account)
                .query((rs, n) -> SqlTime.read(rs, "next_at")).single();
    }
}
