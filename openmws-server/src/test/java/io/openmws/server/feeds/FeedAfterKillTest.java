package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node killed with {@code kill -9} leaves its seller's feed task picked in db-scheduler's table,
 * with a heartbeat that no longer moves. Here that row is written as the killed node left it. The
 * feed must still be processed, once the heartbeat is six intervals old (1 s here, 5 s by default);
 * with db-scheduler's own 5-minute heartbeat it waited half an hour ({@code bench/crash/run.sh} found
 * it). And a job that is still running must not look dead when the sandbox clock jumps. On H2 and
 * PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FeedAfterKillTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.jobs.heartbeat-interval", () -> "PT1S");
        registry.add("openmws.feeds.sweep-interval", () -> "PT1S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformClock clock;

    @Autowired
    FeedSubmissions submissions;

    @Test
    void aFeedWhoseTaskAKilledNodeHeldIsProcessedOnceItsHeartbeatStops() throws Exception {
        long account = account();
        pickedBy("killed-node", account);
        FeedSubmission feed = submissions.submit(new NewFeed(account, null, "API", "_POST_PRODUCT_DATA_", List.of(),
                false, null, "text/xml", null), new ByteArrayInputStream(PRODUCT.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> submissions
                .find(account, feed.feedSubmissionId()).map(f -> f.status().equals("_DONE_")).orElse(false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM listing WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRunningJobDoesNotLookDeadWhenTheClockJumps() throws Exception {
        long account = account();
        pickedBy("busy-node", account);
        new JsonClient(port, TOKEN).post("/sandbox/v1/clock/advance", "{\"duration\": \"P1D\"}");

        // The dead-job check runs every heartbeat (1 s); the row's heartbeat is fresh, so it stays the busy node's.
        Thread.sleep(3000);
        assertThat(jdbc.sql("SELECT picked_by FROM scheduled_tasks WHERE task_name = :t AND task_instance = :i")
                .param("t", FeedQueue.TASK).param("i", Long.toString(account)).query(String.class).list())
                .containsExactly("busy-node");
    }

    private long account() {
        String sellerId = new Fixtures(new JsonClient(port, TOKEN)).seller().sellerId();
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", sellerId)
                .query(Long.class).single();
    }

    /** The seller's feed task as a node left it that took it up a moment ago and then stopped or went on. */
    private void pickedBy(String node, long account) {
        jdbc.sql("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                                                     last_heartbeat, version)
                        VALUES (:t, :i, :now, TRUE, :node, :now, 1)""")
                .param("t", FeedQueue.TASK).param("i", Long.toString(account)).param("node", node)
                .param("now", SqlTime.of(clock.instant())).update();
    }

    private static final String PRODUCT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
            <MessageType>Product</MessageType>
            <Message><MessageID>1</MessageID><Product><SKU>KILLED-1</SKU><StandardProductID><Type>UPC</Type>
            <Value>123456789012</Value></StandardProductID><DescriptionData><Title>After a kill</Title></DescriptionData>
            </Product></Message>
            </AmazonEnvelope>
            """;
}
