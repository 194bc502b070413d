package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/**
 * A node killed with {@code kill -9} leaves its seller's feed task picked in db-scheduler's table,
 * with a heartbeat that no longer moves. Here that row is written as the killed node left it. The
 * feed must still be processed, once the heartbeat is six intervals old (1 s here, 5 s by default);
 * with db-scheduler's own 5-minute heartbeat it waited half an hour ({@code bench/crash/run.sh} found
 * it). A job that is still running must not look dead when the sandbox clock jumps. And if two runs
 * of one seller's feeds do happen (a paused node's job given to another run), each batch checks the
 * checkpoint it started from under a row lock, so the feed ends as one run alone would end it; before,
 * both applied the same batches and the slower one ended the feed with an internal-error result after
 * 30 of 600 messages. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FeedAfterKillTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final int MESSAGES = 600;
    static final int RUNS = 3;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.jobs.heartbeat-interval", () -> "PT1S");
        registry.add("openmws.feeds.sweep-interval", () -> "PT1S");
        registry.add("openmws.feeds.batch-size", () -> 10);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformClock clock;

    @Autowired
    FeedSubmissions submissions;

    @Autowired
    FeedProcessing processing;

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

    @Test
    void racingRunsOfOneFeedApplyEveryMessageOnce() throws Exception {
        long account = account();
        // The seller's task as a paused node holds it: the scheduler stays out until its heartbeat is 6 s old.
        pickedBy("paused-node", account);
        FeedSubmission feed = submissions.submit(new NewFeed(account, null, "API", "_POST_PRODUCT_DATA_", List.of(),
                false, null, "text/xml", null), new ByteArrayInputStream(product().getBytes(StandardCharsets.UTF_8)));

        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < RUNS; r++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    processing.processSeller(account, () -> false);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        FeedSubmission done = submissions.find(account, feed.feedSubmissionId()).orElseThrow();
        assertThat(done.status()).isEqualTo("_DONE_");
        String report;
        try (InputStream in = submissions.openResult(done)) {
            report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int faults = MESSAGES / 7;
        assertThat(report).doesNotContain(Integer.toString(FeedProcessing.INTERNAL_ERROR))
                .contains("<MessagesProcessed>" + MESSAGES + "</MessagesProcessed>")
                .contains("<MessagesSuccessful>" + (MESSAGES - faults) + "</MessagesSuccessful>")
                .contains("<MessagesWithError>" + faults + "</MessagesWithError>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feed_result r JOIN feed_submission f ON f.id = r.feed_ref"
                        + " WHERE f.feed_submission_id = :f").param("f", feed.feedSubmissionId())
                .query(Long.class).single()).isEqualTo(faults);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM listing WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isEqualTo(MESSAGES - faults);
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

    /** Every 7th product without a title: an error each, so the results count too. */
    private static String product() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>Product</MessageType>
                """);
        for (int i = 1; i <= MESSAGES; i++) {
            xml.append("<Message><MessageID>").append(i).append("</MessageID><Product><SKU>RACE-").append(i)
                    .append("</SKU><StandardProductID><Type>UPC</Type><Value>").append(String.format("4%011d", i))
                    .append("</Value></StandardProductID>");
            if (i % 7 != 0) {
                xml.append("<DescriptionData><Title>Race ").append(i).append("</Title></DescriptionData>");
            }
            xml.append("</Product></Message>\n");
        }
        return xml.append("</AmazonEnvelope>\n").toString();
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
