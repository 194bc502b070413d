package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Two runs of one seller's feed queue at once: what happens when db-scheduler gives a job whose
 * heartbeat looked stopped to a second run, and the first was only paused. Each batch checks the
 * checkpoint it started from under a row lock, so the feed ends as one run alone would end it: every
 * message applied and reported once, no internal error. Before, both applied the same batches and the
 * slower one ended the feed with an internal-error result. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FeedRunsRaceTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final int MESSAGES = 600;
    static final int RUNS = 3;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.feeds.batch-size", () -> 10);
        // The scheduler stays out of it: only the test's runs process the feed.
        registry.add("openmws.jobs.start-at-once", () -> false);
        registry.add("openmws.jobs.polling-interval", () -> "PT1H");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedSubmissions submissions;

    @Autowired
    FeedProcessing processing;

    @Test
    void racingRunsOfOneFeedApplyEveryMessageOnce() throws Exception {
        String sellerId = new Fixtures(new JsonClient(port, TOKEN)).seller().sellerId();
        long account = jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", sellerId)
                .query(Long.class).single();
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
}
