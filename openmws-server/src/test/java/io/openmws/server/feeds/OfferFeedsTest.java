package io.openmws.server.feeds;

import static io.openmws.server.feeds.FeedProcessingTest.CA;
import static io.openmws.server.feeds.FeedProcessingTest.US;
import static io.openmws.server.feeds.FeedProcessingTest.envelope;
import static io.openmws.server.feeds.FeedProcessingTest.product;
import static io.openmws.server.feeds.FeedProcessingTest.upc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.Listing;
import io.openmws.server.catalog.ListingStatus;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Offer-only feeds (price and quantity, pricing, inventory) change existing listings exactly as the
 * message-by-message rules say, on H2 (row by row) and on PostgreSQL (one statement per batch, see
 * {@code catalog.OfferBulkUpdate}): several messages on one SKU in a batch, unknown SKUs, blank and
 * invalid values, quantity 0, staging, several marketplaces, the report and the listings' feed reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class OfferFeedsTest {

    static final String PQ = "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> FeedProcessingTest.TOKEN);
        registry.add("openmws.storage.type", () -> "database");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedSubmissions submissions;

    @Autowired
    Catalog catalog;

    record Seller(Fixtures.Seller seller, long accountId) {}

    Seller seller(Object... fields) {
        Fixtures.Seller s = new Fixtures(new JsonClient(port, FeedProcessingTest.TOKEN)).seller(Fixtures.fields(fields));
        long id = jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", s.sellerId())
                .query(Long.class).single();
        return new Seller(s, id);
    }

    FeedSubmission submit(Seller seller, String feedType, String body, String... marketplaces) throws IOException {
        return submissions.submit(new NewFeed(seller.accountId(), null, "API", feedType, List.of(marketplaces), false,
                null, feedType.contains("FLAT") ? "text/tab-separated-values; charset=UTF-8" : "text/xml", null),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    FeedSubmission done(Seller seller, FeedSubmission feed) {
        await().atMost(Duration.ofSeconds(40)).until(() -> submissions.find(seller.accountId(), feed.feedSubmissionId())
                .map(f -> f.status().equals("_DONE_")).orElse(false));
        return submissions.find(seller.accountId(), feed.feedSubmissionId()).orElseThrow();
    }

    FeedSubmission process(Seller seller, String feedType, String body) throws IOException {
        return done(seller, submit(seller, feedType, body, US));
    }

    String report(FeedSubmission done) throws IOException {
        try (InputStream in = submissions.openResult(done)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Listing listing(Seller seller, String sku) {
        return catalog.listing(seller.accountId(), US, sku).orElseThrow(() -> new AssertionError("no listing " + sku));
    }

    Long lastFeedRef(Seller s, String marketplace, String sku) {
        return jdbc.sql("SELECT last_feed_ref FROM listing WHERE account_id = :a AND marketplace_id = :m AND sku = :s")
                .param("a", s.accountId()).param("m", marketplace).param("s", sku).query(Long.class).optional()
                .orElse(null);
    }

    @Test
    void priceAndQuantityFoldsASkusMessagesInOrderAndAnswersEveryMessage() throws IOException {
        Seller s = seller();
        FeedSubmission products = process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("A", upc(), "A"),
                product("B", upc(), "B"), product("C", upc(), "C"), product("D", upc(), "D")));
        Instant before = listing(s, "C").updatedAt();

        FeedSubmission pq = process(s, PQ, String.join("\n", "sku\tprice\tquantity\tleadtime-to-ship",
                "A\t5.00\t3\t2",
                "B\t\t0\t",
                "GHOST\t1.00\t1\t",
                "A\t6.00\t\t",
                "C\t1.00\t-1\t",
                "GHOST\t2.00\t2\t",
                "D\t7.00\t0\t4",
                "D\t\t\t5",
                "B\tabc\t1\t") + "\n");
        assertThat(pq.processed()).isEqualTo(9);
        assertThat(pq.messagesSuccessful()).isEqualTo(5);
        assertThat(pq.messagesWithError()).isEqualTo(4);
        String report = report(pq);
        assertThat(report).contains("\tNumber of records processed\t\t9\n")
                .contains("\tNumber of records successful\t\t5\n")
                .contains("3\tGHOST\t13013\tError\t").contains("6\tGHOST\t13013\tError\t")
                .contains("5\tC\t").contains("9\tB\t");
        assertThat(report.lines().filter(l -> l.contains("\tError\t")).count()).isEqualTo(4);

        Listing a = listing(s, "A");
        assertThat(a.price()).isEqualByComparingTo("6.00");
        assertThat(a.quantity()).isEqualTo(3);
        assertThat(a.fulfillmentLatency()).isEqualTo(2);
        assertThat(a.status()).isEqualTo(ListingStatus.ACTIVE);
        Listing b = listing(s, "B");
        assertThat(b.price()).isNull();
        assertThat(b.quantity()).isZero();
        assertThat(b.status()).isEqualTo(ListingStatus.INCOMPLETE);
        Listing c = listing(s, "C");
        assertThat(c.price()).isNull();
        assertThat(c.quantity()).isNull();
        assertThat(c.updatedAt()).isEqualTo(before);
        assertThat(lastFeedRef(s, US, "C")).isEqualTo(products.id());
        Listing d = listing(s, "D");
        assertThat(d.price()).isEqualByComparingTo("7.00");
        assertThat(d.quantity()).isZero();
        assertThat(d.fulfillmentLatency()).isEqualTo(5);
        assertThat(d.status()).isEqualTo(ListingStatus.INACTIVE);
        assertThat(a.updatedAt()).isEqualTo(d.updatedAt()).isAfterOrEqualTo(before);
        for (String sku : new String[] {"A", "B", "D"}) {
            assertThat(lastFeedRef(s, US, sku)).isEqualTo(pq.id());
        }
        assertThat(catalog.listing(s.accountId(), US, "GHOST")).isEmpty();
    }

    @Test
    void pricingAndInventoryFeedsPatchOffersAndStagingStagesThem() throws IOException {
        Seller s = seller("staging", true);
        process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("P", upc(), "P"), product("Q", upc(), "Q")));
        FeedSubmission pricing = process(s, "_POST_PRODUCT_PRICING_DATA_", envelope("Price",
                "<Price><SKU>P</SKU><StandardPrice currency=\"USD\">9.00</StandardPrice></Price>",
                "<Price><SKU>Q</SKU><StandardPrice currency=\"CAD\">9.00</StandardPrice></Price>",
                "<Price><SKU>P</SKU><Sale><StartDate>2026-01-01T00:00:00Z</StartDate>"
                        + "<EndDate>2026-02-01T00:00:00Z</EndDate><SalePrice currency=\"USD\">8.00</SalePrice></Sale>"
                        + "</Price>",
                "<Price><SKU>NONE</SKU><StandardPrice currency=\"USD\">1.00</StandardPrice></Price>"));
        assertThat(pricing.messagesSuccessful()).isEqualTo(2);
        assertThat(pricing.messagesWithError()).isEqualTo(2);
        assertThat(report(pricing)).contains("<MessageID>4</MessageID>").contains("13013");
        Listing p = listing(s, "P");
        assertThat(p.price()).isEqualByComparingTo("9.00");
        assertThat(p.salePrice()).isEqualByComparingTo("8.00");
        assertThat(p.saleStart()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(p.saleEnd()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(p.status()).isEqualTo(ListingStatus.STAGED);
        assertThat(listing(s, "Q").price()).isNull();

        process(s, "_POST_INVENTORY_AVAILABILITY_DATA_", envelope("Inventory",
                "<Inventory><SKU>P</SKU><Quantity>4</Quantity><FulfillmentLatency>3</FulfillmentLatency></Inventory>",
                "<Inventory><SKU>Q</SKU><Quantity>0</Quantity></Inventory>"));
        assertThat(listing(s, "P").quantity()).isEqualTo(4);
        assertThat(listing(s, "P").fulfillmentLatency()).isEqualTo(3);
        assertThat(listing(s, "P").salePrice()).isEqualByComparingTo("8.00");
        assertThat(listing(s, "P").status()).isEqualTo(ListingStatus.STAGED);
        assertThat(listing(s, "Q").status()).isEqualTo(ListingStatus.STAGED);
    }

    @Test
    void aSkuInOneOfTheFeedsMarketplacesIsChangedThere() throws IOException {
        Seller s = seller("marketplaces", List.of(US, CA));
        done(s, submit(s, "_POST_PRODUCT_DATA_", envelope("Product", product("BOTH", upc(), "Both")), US, CA));
        process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("US-ONLY", upc(), "US only")));
        FeedSubmission pq = done(s, submit(s, PQ, "sku\tprice\tquantity\nBOTH\t3.00\t1\nUS-ONLY\t4.00\t2\nNO\t1\t1\n",
                US, CA));
        assertThat(pq.messagesSuccessful()).isEqualTo(2);
        assertThat(report(pq)).contains("3\tNO\t13013\tError\t");
        assertThat(listing(s, "BOTH").status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(catalog.listing(s.accountId(), CA, "BOTH").orElseThrow().price()).isEqualByComparingTo("3.00");
        assertThat(listing(s, "US-ONLY").price()).isEqualByComparingTo("4.00");
        assertThat(catalog.listing(s.accountId(), CA, "US-ONLY")).isEmpty();
        assertThat(lastFeedRef(s, CA, "BOTH")).isEqualTo(pq.id());
    }
}
