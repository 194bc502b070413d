package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server stopped in the middle of a feed resumes it after a restart on the same database: the
 * listings and the processing report are the same as those of the same feed run undisturbed, so no
 * message was applied twice or lost. Batches are small here so the stop falls between two of them.
 */
@OnBothDatabases
class FeedRestartTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final int MESSAGES = 3000;

    @TempDir
    Path dir;

    private TestDatabases.Database database;

    private ConfigurableApplicationContext start() {
        if (database == null) {
            // H2 as the server runs it, in a file: an in-memory database does not outlive its first server cleanly.
            database = TestDatabases.current() == TestDatabases.Kind.POSTGRES
                    ? TestDatabases.newDatabase(TestDatabases.Kind.POSTGRES)
                    : new TestDatabases.Database("jdbc:h2:file:" + dir.resolve("openmws").toAbsolutePath()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        }
        String[] db = database.asArguments();
        return new SpringApplicationBuilder(OpenMwsServer.class).run("--server.port=0", db[0], db[1], db[2],
                "--openmws.secrets.keyset-file=" + dir.resolve("secrets.keyset.json").toAbsolutePath(),
                "--openmws.sandbox.operator-token=" + TOKEN, "--openmws.storage.type=database",
                "--openmws.feeds.batch-size=10", "--openmws.feeds.sweep-interval=PT2S");
    }

    private static long account(ConfigurableApplicationContext app) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Fixtures.Seller seller = new Fixtures(new JsonClient(port, TOKEN)).seller();
        return app.getBean(JdbcClient.class).sql("SELECT id FROM seller_account WHERE seller_id = :s")
                .param("s", seller.sellerId()).query(Long.class).single();
    }

    /** A product feed of {@link #MESSAGES} messages, every 7th without a title (a missing-attributes error). */
    private static String feed(String upcPrefix) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>Product</MessageType>
                """);
        for (int i = 1; i <= MESSAGES; i++) {
            xml.append("<Message><MessageID>").append(i).append("</MessageID><Product><SKU>SKU-").append(i)
                    .append("</SKU><StandardProductID><Type>UPC</Type><Value>").append(upcPrefix)
                    .append(String.format("%06d", i)).append("</Value></StandardProductID>");
            if (i % 7 != 0) {
                xml.append("<DescriptionData><Title>Product ").append(i).append("</Title></DescriptionData>");
            }
            xml.append("</Product></Message>\n");
        }
        return xml.append("</AmazonEnvelope>\n").toString();
    }

    private static FeedSubmission submit(ConfigurableApplicationContext app, long account, String body)
            throws IOException {
        return app.getBean(FeedSubmissions.class).submit(new NewFeed(account, null, "API", "_POST_PRODUCT_DATA_",
                List.of(), false, null, "text/xml", null), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static FeedSubmission awaitDone(ConfigurableApplicationContext app, long account, long feedSubmissionId) {
        FeedSubmissions submissions = app.getBean(FeedSubmissions.class);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> submissions
                .find(account, feedSubmissionId).map(f -> f.status().equals("_DONE_")).orElse(false));
        return submissions.find(account, feedSubmissionId).orElseThrow();
    }

    private static String report(ConfigurableApplicationContext app, FeedSubmission done, String sellerId)
            throws IOException {
        try (InputStream in = app.getBean(FeedSubmissions.class).openResult(done)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(Long.toString(done.feedSubmissionId()), "FEED").replace(sellerId, "SELLER");
        }
    }

    private static List<String> listings(ConfigurableApplicationContext app, long account) {
        return app.getBean(JdbcClient.class).sql("""
                        SELECT sku, asin, product_id_type, product_id, title, condition_type, currency, status
                          FROM listing WHERE account_id = :a ORDER BY sku""")
                .param("a", account)
                .query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    private static String sellerId(ConfigurableApplicationContext app, long account) {
        return app.getBean(JdbcClient.class).sql("SELECT seller_id FROM seller_account WHERE id = :a")
                .param("a", account).query(String.class).single();
    }

    @Test
    void aFeedStoppedHalfwayResumesAfterARestartAsIfUndisturbed() throws IOException {
        String body = feed("7" + String.format("%05d", Math.abs(UUID.randomUUID().hashCode()) % 100_000));
        long interrupted;
        long feedSubmissionId;
        try (ConfigurableApplicationContext first = start()) {
            interrupted = account(first);
            FeedSubmission feed = submit(first, interrupted, body);
            feedSubmissionId = feed.feedSubmissionId();
            FeedSubmissions submissions = first.getBean(FeedSubmissions.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> submissions
                    .find(interrupted, feedSubmissionId).map(f -> f.processed() >= 50).orElse(false));
        }
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            long stoppedAt = jdbc.sql("SELECT processed FROM feed_submission WHERE feed_submission_id = :f")
                    .param("f", feedSubmissionId).query(Long.class).single();
            assertThat(stoppedAt).as("stopped in the middle").isBetween(50L, MESSAGES - 1L);

            FeedSubmission resumed = awaitDone(second, interrupted, feedSubmissionId);
            long undisturbed = account(second);
            FeedSubmission clean = awaitDone(second, undisturbed, submit(second, undisturbed, body).feedSubmissionId());

            assertThat(resumed.processed()).isEqualTo(MESSAGES);
            assertThat(resumed.messagesWithError()).isEqualTo(MESSAGES / 7);
            assertThat(resumed.messagesSuccessful()).isEqualTo(MESSAGES - MESSAGES / 7);
            assertThat(report(second, resumed, sellerId(second, interrupted)))
                    .isEqualTo(report(second, clean, sellerId(second, undisturbed)));
            List<String> listings = listings(second, interrupted);
            assertThat(listings).hasSize(MESSAGES - MESSAGES / 7);
            assertThat(listings).isEqualTo(listings(second, undisturbed));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM feed_result WHERE feed_ref = :f").param("f", resumed.id())
                    .query(Long.class).single()).isEqualTo(MESSAGES / 7);
        }
    }
}
