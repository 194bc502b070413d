package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A server stopped in the middle of a fulfillment feed resumes it after a restart on the same database
 * and ships every unit exactly once: each message ships one unit of one line, so a message applied twice
 * would over-ship its line (or be refused with 18021), and one lost would leave a unit unshipped.
 */
@OnBothDatabases
class OrderFeedRestartTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String US = FeedProcessingTest.US;
    static final int ORDERS = 3;
    static final int LINES = 50;
    static final int UNITS = 8;
    static final int MESSAGES = ORDERS * LINES * UNITS;

    @TempDir
    Path dir;

    private TestDatabases.Database database;

    private ConfigurableApplicationContext start() {
        if (database == null) {
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

    private static JsonClient control(ConfigurableApplicationContext app) {
        return new JsonClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), TOKEN);
    }

    /** The orders, Unshipped, of a new seller: {@link #ORDERS} of {@link #LINES} lines of {@link #UNITS} units. */
    private static List<String> orders(ConfigurableApplicationContext app, String sellerId, long account) {
        Listings listings = new Listings(app.getBean(Catalog.class), app.getBean(PlatformTransactionManager.class),
                app.getBean(JdbcClient.class));
        StringBuilder items = new StringBuilder();
        for (int l = 1; l <= LINES; l++) {
            listings.offer(account, US, "SKU-" + l, "2.50", ORDERS * UNITS, null);
            items.append(l == 1 ? "" : ",").append("{\"sku\":\"SKU-").append(l).append("\",\"quantity\":")
                    .append(UNITS).append('}');
        }
        List<String> ids = new ArrayList<>();
        for (int o = 0; o < ORDERS; o++) {
            JsonClient.Response r = control(app).post("/sandbox/v1/sellers/" + sellerId + "/orders",
                    "{\"marketplaceId\":\"" + US + "\",\"items\":[" + items + "]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("amazonOrderId").asText());
        }
        assertThat(control(app).post("/sandbox/v1/clock/advance", "{\"duration\": \"PT31M\"}").status()).isEqualTo(200);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM customer_order WHERE account_id = :a AND status = 'Unshipped'")
                .param("a", account).query(Long.class).single() == ORDERS);
        return ids;
    }

    /** One message per unit: unit u of every line of every order, so each line's units come in many batches. */
    private static String feed(JdbcClient jdbc, List<String> orders) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>OrderFulfillment</MessageType>
                """);
        int id = 0;
        for (int u = 0; u < UNITS; u++) {
            for (String order : orders) {
                for (String item : jdbc.sql("""
                                SELECT i.order_item_id FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                                 WHERE o.amazon_order_id = :o ORDER BY i.seq""").param("o", order)
                        .query(String.class).list()) {
                    xml.append("<Message><MessageID>").append(++id).append("</MessageID><OrderFulfillment><AmazonOrderID>")
                            .append(order).append("</AmazonOrderID><FulfillmentDate>2026-06-25</FulfillmentDate>")
                            .append("<FulfillmentData><CarrierCode>UPS</CarrierCode><ShipperTrackingNumber>T")
                            .append(id).append("</ShipperTrackingNumber></FulfillmentData><Item><AmazonOrderItemCode>")
                            .append(item).append("</AmazonOrderItemCode><Quantity>1</Quantity></Item>")
                            .append("</OrderFulfillment></Message>\n");
                }
            }
        }
        return xml.append("</AmazonEnvelope>\n").toString();
    }

    @Test
    void aFulfillmentFeedStoppedHalfwayShipsEveryUnitOnceAfterARestart() throws IOException {
        long account;
        long feedSubmissionId;
        try (ConfigurableApplicationContext first = start()) {
            Fixtures.Seller seller = new Fixtures(control(first)).seller();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            account = jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", seller.sellerId())
                    .query(Long.class).single();
            String body = feed(jdbc, orders(first, seller.sellerId(), account));
            FeedSubmissions submissions = first.getBean(FeedSubmissions.class);
            feedSubmissionId = submissions.submit(new NewFeed(account, null, "API", "_POST_ORDER_FULFILLMENT_DATA_",
                    List.of(), false, null, "text/xml", null),
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).feedSubmissionId();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> submissions
                    .find(account, feedSubmissionId).map(f -> f.processed() >= 50).orElse(false));
        }
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            long stoppedAt = jdbc.sql("SELECT processed FROM feed_submission WHERE feed_submission_id = :f")
                    .param("f", feedSubmissionId).query(Long.class).single();
            assertThat(stoppedAt).as("stopped in the middle").isBetween(50L, MESSAGES - 1L);

            FeedSubmissions submissions = second.getBean(FeedSubmissions.class);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> submissions
                    .find(account, feedSubmissionId).map(f -> f.status().equals("_DONE_")).orElse(false));
            FeedSubmission done = submissions.find(account, feedSubmissionId).orElseThrow();
            assertThat(done.processed()).isEqualTo(MESSAGES);
            assertThat(done.messagesWithError()).isZero();
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                             WHERE o.account_id = :a AND i.quantity_shipped = :u""")
                    .param("a", account).param("u", UNITS).query(Long.class).single()).isEqualTo(ORDERS * LINES);
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM customer_order WHERE account_id = :a AND status = 'Shipped'
                               AND items_shipped = :n AND items_unshipped = 0""")
                    .param("a", account).param("n", LINES * UNITS).query(Long.class).single()).isEqualTo(ORDERS);
            assertThat(jdbc.sql("""
                            SELECT COUNT(*), COUNT(DISTINCT s.message_id) FROM order_shipment s
                              JOIN customer_order o ON o.id = s.order_ref WHERE o.account_id = :a""")
                    .param("a", account).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                    .containsExactly((long) MESSAGES, (long) MESSAGES);
        }
    }
}
