package io.openmws.server.orders;

import static io.openmws.server.orders.PlaceOrdersTest.TOKEN;
import static io.openmws.server.orders.PlaceOrdersTest.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A year's jump of the clock with a fast generator does not hang the platform: of the 31 million
 * orders that fell due only the latest {@code max-backlog} are placed, at most {@code per-run} per run,
 * dated up to the new now, and the control API answers meanwhile. The bounds are set small here (the
 * rule is the same at the defaults, 500 and 2,000), and the rule is the database's neither way: H2 only,
 * for time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratorCatchUpTest {

    private static final int PER_RUN = 60;
    private static final int MAX_BACKLOG = 200;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // A fresh database, not the default file under ./data: that one outlives target/ and its keyset.
        TestDatabases.h2(registry);
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.orders.generator.per-run", () -> PER_RUN);
        registry.add("openmws.orders.generator.max-backlog", () -> MAX_BACKLOG);
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aYearsJumpPlacesOnlyTheLatestBacklogInBoundedRuns() {
        JsonClient api = new JsonClient(port, TOKEN);
        Listings listings = new Listings(catalog, transactions, jdbc);
        String sellerId = new Fixtures(api).seller().sellerId();
        long account = listings.accountId(sellerId);
        listings.offer(account, US, "MANY", "1.00", 100_000, null);
        assertThat(api.post("/sandbox/v1/sellers/" + sellerId + "/order-generator", "{\"perHour\": 3600}").status())
                .isEqualTo(200);

        assertThat(api.post("/sandbox/v1/clock/advance", "{\"duration\": \"P365D\"}").status()).isEqualTo(200);
        Instant jumped = Instant.parse(api.get("/sandbox/v1/clock").json().get("now").asString());
        long jumpedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(120)).until(() -> count(account) > 0);
        assertThat(count(account)).isLessThanOrEqualTo(PER_RUN * 2L);
        assertThat(api.get("/sandbox/v1/sellers/" + sellerId + "/order-generator").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(400)).until(() -> count(account) >= MAX_BACKLOG);

        // The latest that fell due, one a second: the backlog, plus what fell due in real time since the jump.
        long placed = count(account);
        long since = Duration.ofNanos(System.nanoTime() - jumpedAt).toSeconds();
        assertThat(placed).isBetween((long) MAX_BACKLOG, MAX_BACKLOG + since + 2);
        Instant oldest = jdbc.sql("SELECT MIN(purchase_date) FROM customer_order WHERE account_id = :a")
                .param("a", account).query(OffsetDateTime.class).single().toInstant();
        assertThat(oldest).isAfter(jumped.minus(Duration.ofSeconds(MAX_BACKLOG + 1)));
    }

    private long count(long account) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE account_id = :a").param("a", account)
                .query(Long.class).single();
    }
}
