package io.openmws.server.feeds;

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
 * Feeds submitted through {@link FeedSubmissions} are processed by the engine to {@code _DONE_}: each
 * processor with valid and invalid messages, staging on and off, hostile and truncated files, the order
 * of one seller's feeds, PurgeAndReplace; listings read back through {@link Catalog}, reports read
 * back from storage. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FeedProcessingTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
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
        Fixtures.Seller s = new Fixtures(new JsonClient(port, TOKEN)).seller(Fixtures.fields(fields));
        long id = jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", s.sellerId())
                .query(Long.class).single();
        return new Seller(s, id);
    }

    FeedSubmission submit(Seller seller, String feedType, String body, boolean purge, String... marketplaces)
            throws IOException {
        return submissions.submit(new NewFeed(seller.accountId(), null, "API", feedType, List.of(marketplaces), purge,
                null, feedType.contains("FLAT") ? "text/tab-separated-values; charset=UTF-8" : "text/xml", null),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    FeedSubmission done(Seller seller, FeedSubmission feed) {
        await().atMost(Duration.ofSeconds(40)).until(() -> submissions.find(seller.accountId(), feed.feedSubmissionId())
                .map(f -> f.status().equals("_DONE_")).orElse(false));
        return submissions.find(seller.accountId(), feed.feedSubmissionId()).orElseThrow();
    }

    String report(FeedSubmission done) throws IOException {
        try (InputStream in = submissions.openResult(done)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    FeedSubmission process(Seller seller, String feedType, String body) throws IOException {
        return done(seller, submit(seller, feedType, body, false));
    }

    Listing listing(Seller seller, String sku) {
        return catalog.listing(seller.accountId(), US, sku).orElseThrow(() -> new AssertionError("no listing " + sku));
    }

    static String envelope(String messageType, String... messages) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
                <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>%s</MessageType>
                """.formatted(messageType));
        for (int i = 0; i < messages.length; i++) {
            xml.append("<Message><MessageID>").append(i + 1).append("</MessageID>").append(messages[i])
                    .append("</Message>\n");
        }
        return xml.append("</AmazonEnvelope>\n").toString();
    }

    static String product(String sku, String upc, String title) {
        return "<Product><SKU>" + sku + "</SKU>"
                + (upc == null ? "" : "<StandardProductID><Type>UPC</Type><Value>" + upc + "</Value></StandardProductID>")
                + "<Condition><ConditionType>New</ConditionType></Condition>"
                + (title == null ? "" : "<DescriptionData><Title>" + title + "</Title><Brand>Acme</Brand>"
                + "<BulletPoint>One</BulletPoint><BulletPoint>Two</BulletPoint></DescriptionData>")
                + "</Product>";
    }

    static String upc() {
        // 12 digits, different for every call so sellers of different tests never match each other's products.
        return String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000_000L);
    }

    @Test
    void productInventoryAndPriceFeedsMakeAListingActive() throws IOException {
        Seller s = seller();
        String upc = upc();
        FeedSubmission products = process(s, "_POST_PRODUCT_DATA_", envelope("Product",
                product("KETTLE-1", upc, "Kettle"), product("NO-TITLE", upc(), null),
                "<OperationType>Delete</OperationType>" + product("NEVER-THERE", null, null)));
        assertThat(products.startedAt()).isNotNull();
        assertThat(products.completedAt()).isAfterOrEqualTo(products.startedAt());
        assertThat(products.processed()).isEqualTo(3);
        assertThat(products.messagesSuccessful()).isEqualTo(2);
        assertThat(products.messagesWithError()).isEqualTo(1);
        String report = report(products);
        assertThat(report).contains("<DocumentTransactionID>" + products.feedSubmissionId() + "</DocumentTransactionID>")
                .contains("<MerchantIdentifier>" + s.seller().sellerId() + "</MerchantIdentifier>")
                .contains("<MessagesProcessed>3</MessagesProcessed>").contains("<MessagesSuccessful>2</MessagesSuccessful>")
                .contains("<MessagesWithError>1</MessagesWithError>")
                .contains("<MessageID>2</MessageID>").contains("<ResultMessageCode>8560</ResultMessageCode>")
                .contains("<SKU>NO-TITLE</SKU>").contains("Title");
        assertThat(products.resultMd5()).isNotBlank();

        Listing kettle = listing(s, "KETTLE-1");
        assertThat(kettle.asin()).matches("B0[A-Z0-9]{8}");
        assertThat(kettle.productIdType()).isEqualTo("UPC");
        assertThat(kettle.productId()).isEqualTo(upc);
        assertThat(kettle.title()).isEqualTo("Kettle");
        assertThat(kettle.bulletPoints()).containsExactly("One", "Two");
        assertThat(kettle.currency()).isEqualTo("USD");
        assertThat(kettle.status()).isEqualTo(ListingStatus.INCOMPLETE);
        assertThat(kettle.lastFeedRef()).isEqualTo(products.id());
        assertThat(catalog.listing(s.accountId(), US, "NO-TITLE")).isEmpty();

        FeedSubmission inventory = process(s, "_POST_INVENTORY_AVAILABILITY_DATA_", envelope("Inventory",
                "<Inventory><SKU>KETTLE-1</SKU><Quantity>5</Quantity><FulfillmentLatency>2</FulfillmentLatency></Inventory>",
                "<Inventory><SKU>UNKNOWN-SKU</SKU><Quantity>5</Quantity></Inventory>",
                "<Inventory><SKU>KETTLE-1</SKU><Quantity>-5</Quantity></Inventory>"));
        assertThat(report(inventory)).contains("<ResultMessageCode>13013</ResultMessageCode>")
                .contains("<SKU>UNKNOWN-SKU</SKU>").contains("<ResultMessageCode>5000</ResultMessageCode>")
                .contains("<MessagesSuccessful>1</MessagesSuccessful>");
        assertThat(listing(s, "KETTLE-1").quantity()).isEqualTo(5);
        assertThat(listing(s, "KETTLE-1").status()).isEqualTo(ListingStatus.INCOMPLETE);

        FeedSubmission prices = process(s, "_POST_PRODUCT_PRICING_DATA_", envelope("Price",
                "<Price><SKU>KETTLE-1</SKU><StandardPrice currency=\"EUR\">9.99</StandardPrice></Price>",
                "<Price><SKU>KETTLE-1</SKU><StandardPrice currency=\"USD\">19.99</StandardPrice>"
                        + "<Sale><StartDate>2026-01-01T00:00:00Z</StartDate><EndDate>2026-02-01T00:00:00Z</EndDate>"
                        + "<SalePrice currency=\"USD\">14.99</SalePrice></Sale></Price>"));
        assertThat(report(prices)).contains("<ResultMessageCode>90205</ResultMessageCode>").contains("EUR")
                .contains("<MessagesWithError>1</MessagesWithError>");
        Listing priced = listing(s, "KETTLE-1");
        assertThat(priced.price()).isEqualByComparingTo("19.99");
        assertThat(priced.salePrice()).isEqualByComparingTo("14.99");
        assertThat(priced.status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(priced.fulfillmentLatency()).isEqualTo(2);

        FeedSubmission partial = process(s, "_POST_PRODUCT_DATA_", envelope("Product",
                "<OperationType>PartialUpdate</OperationType><Product><SKU>KETTLE-1</SKU>"
                        + "<DescriptionData><Title>Kettle, steel</Title></DescriptionData></Product>"));
        assertThat(partial.messagesWithError()).isZero();
        assertThat(listing(s, "KETTLE-1").title()).isEqualTo("Kettle, steel");
        assertThat(listing(s, "KETTLE-1").brand()).isEqualTo("Acme");
        assertThat(listing(s, "KETTLE-1").price()).isEqualByComparingTo("19.99");

        process(s, "_POST_PRODUCT_DATA_", envelope("Product",
                "<OperationType>Delete</OperationType><Product><SKU>KETTLE-1</SKU></Product>"));
        assertThat(catalog.listing(s.accountId(), US, "KETTLE-1")).isEmpty();
    }

    @Test
    void flatFilesAddOffersOnExistingProductsAndUpdatePriceAndQuantity() throws IOException {
        Seller maker = seller();
        String upc = upc();
        process(maker, "_POST_PRODUCT_DATA_", envelope("Product", product("MAKER-1", upc, "Lamp")));
        String asin = listing(maker, "MAKER-1").asin();

        Seller s = seller();
        FeedSubmission loader = process(s, "_POST_FLAT_FILE_INVLOADER_DATA_", String.join("\n",
                "sku\tproduct-id\tproduct-id-type\tprice\tquantity\titem-condition\tadd-delete\tleadtime-to-ship",
                "LAMP-A\t" + upc + "\t3\t12.00\t4\t11\ta\t3",
                "LAMP-B\t" + asin + "\t1\t13.00\t\t1\ta\t",
                "GHOST\t" + upc() + "\t3\t1.00\t1\t11\ta\t",
                "NOID\t\t\t1.00\t1\t11\ta\t",
                "LAMP-C\t" + upc + "\t3\tabc\t1\t11\ta\t") + "\n");
        assertThat(loader.processed()).isEqualTo(5);
        assertThat(loader.messagesSuccessful()).isEqualTo(2);
        String report = report(loader);
        assertThat(report).startsWith("Feed Processing Summary:\n")
                .contains("\tNumber of records processed\t\t5\n").contains("\tNumber of records successful\t\t2\n")
                .contains("3\tGHOST\t8566\tError\t").contains("4\tNOID\t8560\tError\t")
                .contains("5\tLAMP-C\t90205\tError\t");
        Listing a = listing(s, "LAMP-A");
        assertThat(a.asin()).isEqualTo(asin);
        assertThat(a.title()).isEqualTo("Lamp");
        assertThat(a.status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing(s, "LAMP-B").conditionType()).isEqualTo("UsedLikeNew");
        assertThat(listing(s, "LAMP-B").status()).isEqualTo(ListingStatus.INCOMPLETE);

        FeedSubmission pq = process(s, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                "\uFEFFquantity\tsku\tprice\n0\tLAMP-A\t\n7\tLAMP-B\t\n1\tNOT-MINE\t2.00\n");
        assertThat(report(pq)).contains("3\tNOT-MINE\t13013\tError\t");
        assertThat(listing(s, "LAMP-A").status()).isEqualTo(ListingStatus.INACTIVE);
        assertThat(listing(s, "LAMP-A").price()).isEqualByComparingTo("12.00");
        assertThat(listing(s, "LAMP-B").status()).isEqualTo(ListingStatus.ACTIVE);
        // Another seller's SKU is not this seller's.
        assertThat(catalog.listing(maker.accountId(), US, "LAMP-A")).isEmpty();

        process(s, "_POST_FLAT_FILE_INVLOADER_DATA_", "sku\tadd-delete\nLAMP-B\td\n");
        assertThat(catalog.listing(s.accountId(), US, "LAMP-B")).isEmpty();
    }

    @Test
    void stagingRecordsChangesUntilItGoesOff() throws IOException {
        Seller s = seller("staging", true);
        process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("ST-1", upc(), "Staged"),
                product("ST-2", upc(), "Staged too")));
        process(s, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "sku\tprice\tquantity\nST-1\t5.00\t3\n");
        assertThat(listing(s, "ST-1").status()).isEqualTo(ListingStatus.STAGED);
        assertThat(listing(s, "ST-2").status()).isEqualTo(ListingStatus.STAGED);

        JsonClient api = new JsonClient(port, TOKEN);
        assertThat(api.post("/sandbox/v1/sellers/" + s.seller().sellerId() + "/staging", "{\"enabled\": false}")
                .status()).isEqualTo(200);
        assertThat(listing(s, "ST-1").status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing(s, "ST-2").status()).isEqualTo(ListingStatus.INCOMPLETE);

        // Going on again leaves live listings live; what changes afterwards is staged.
        api.post("/sandbox/v1/sellers/" + s.seller().sellerId() + "/staging", "{\"enabled\": true}");
        assertThat(listing(s, "ST-1").status()).isEqualTo(ListingStatus.ACTIVE);
        process(s, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "sku\tquantity\nST-1\t0\n");
        assertThat(listing(s, "ST-1").status()).isEqualTo(ListingStatus.STAGED);
        api.post("/sandbox/v1/sellers/" + s.seller().sellerId() + "/staging", "{\"enabled\": false}");
        assertThat(listing(s, "ST-1").status()).isEqualTo(ListingStatus.INACTIVE);
    }

    @Test
    void hostileDocumentsEndDoneWithAnErrorWhileOtherSellersGoOn() throws IOException {
        Seller attacker = seller();
        Seller other = seller();
        FeedSubmission xxe = submit(attacker, "_POST_PRODUCT_DATA_", """
                <?xml version="1.0"?>
                <!DOCTYPE AmazonEnvelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product><SKU>&xxe;</SKU></Product></Message>
                </AmazonEnvelope>""", false);
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>\n<AmazonEnvelope>&lol9;</AmazonEnvelope>");
        FeedSubmission bomb = submit(attacker, "_POST_PRODUCT_DATA_", laughs.toString(), false);
        FeedSubmission fine = submit(other, "_POST_PRODUCT_DATA_", envelope("Product", product("OK-1", upc(), "Fine")),
                false);

        for (FeedSubmission f : List.of(xxe, bomb)) {
            FeedSubmission d = done(attacker, f);
            assertThat(d.processed()).isZero();
            assertThat(d.messagesWithError()).isEqualTo(1);
            String report = report(d);
            assertThat(report).contains("<MessageID>0</MessageID>").contains("<ResultMessageCode>5001</ResultMessageCode>")
                    .doesNotContain("root:").doesNotContain("lollol");
        }
        assertThat(done(other, fine).messagesSuccessful()).isEqualTo(1);
        assertThat(listing(other, "OK-1").title()).isEqualTo("Fine");
    }

    @Test
    void aTruncatedFileKeepsTheMessagesBeforeTheBreak() throws IOException {
        Seller s = seller();
        String whole = envelope("Product", product("T-1", upc(), "First"), product("T-2", upc(), "Second"));
        String truncated = whole.substring(0, whole.indexOf("<SKU>T-2") + 8);
        FeedSubmission d = process(s, "_POST_PRODUCT_DATA_", truncated);
        assertThat(d.processed()).isEqualTo(1);
        assertThat(d.messagesSuccessful()).isEqualTo(1);
        assertThat(report(d)).contains("<MessageID>0</MessageID>").contains("<ResultMessageCode>5001</ResultMessageCode>");
        assertThat(listing(s, "T-1").title()).isEqualTo("First");
        assertThat(catalog.listing(s.accountId(), US, "T-2")).isEmpty();
    }

    @Test
    void aSellersFeedsRunInSubmissionOrder() throws IOException {
        Seller s = seller();
        process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("ORD-1", upc(), "Ordered")));
        FeedSubmission[] feeds = new FeedSubmission[5];
        for (int i = 0; i < feeds.length; i++) {
            feeds[i] = submit(s, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                    "sku\tquantity\nORD-1\t" + (i + 1) + "\n", false);
        }
        FeedSubmission previous = null;
        for (FeedSubmission f : feeds) {
            FeedSubmission d = done(s, f);
            if (previous != null) {
                assertThat(d.startedAt()).isAfterOrEqualTo(previous.completedAt());
            }
            previous = d;
        }
        assertThat(listing(s, "ORD-1").quantity()).isEqualTo(5);
        assertThat(listing(s, "ORD-1").lastFeedRef()).isEqualTo(feeds[4].id());
    }

    @Test
    void purgeAndReplaceDeletesWhatTheFeedDidNotTouchInItsMarketplaces() throws IOException {
        Seller s = seller("marketplaces", List.of(US, CA));
        String keep = upc();
        done(s, submit(s, "_POST_PRODUCT_DATA_", envelope("Product", product("P-KEEP", keep, "Keep"),
                product("P-GONE", upc(), "Gone")), false, US, CA));
        FeedSubmission purge = done(s, submit(s, "_POST_FLAT_FILE_INVLOADER_DATA_",
                "sku\tproduct-id\tproduct-id-type\tquantity\nP-KEEP\t" + keep + "\t3\t2\n", true, US));
        assertThat(purge.messagesSuccessful()).isEqualTo(1);
        assertThat(catalog.listing(s.accountId(), US, "P-KEEP")).isPresent();
        assertThat(catalog.listing(s.accountId(), US, "P-GONE")).isEmpty();
        // Only the feed's marketplaces are replaced.
        assertThat(catalog.listing(s.accountId(), CA, "P-GONE")).isPresent();
        assertThat(catalog.listing(s.accountId(), CA, "P-KEEP").orElseThrow().currency()).isEqualTo("CAD");
    }

    @Test
    void anAcknowledgementOfAnOrderTheSellerDoesNotHaveIs18028() throws IOException {
        Seller s = seller();
        FeedSubmission d = process(s, "_POST_ORDER_ACKNOWLEDGEMENT_DATA_", envelope("OrderAcknowledgement",
                "<OrderAcknowledgement><AmazonOrderID>111-1234567-1234567</AmazonOrderID>"
                        + "<StatusCode>Success</StatusCode></OrderAcknowledgement>"));
        assertThat(d.messagesWithError()).isEqualTo(1);
        assertThat(report(d)).contains("<ResultMessageCode>18028</ResultMessageCode>")
                .contains("<AmazonOrderID>111-1234567-1234567</AmazonOrderID>");
    }

    @Test
    void aProductIdOfAnotherProductDoesNotMoveTheSku() throws IOException {
        Seller s = seller();
        String first = upc();
        process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("MOVE-1", first, "One"),
                product("OTHER-1", upc(), "Other")));
        String other = listing(s, "OTHER-1").productId();
        FeedSubmission d = process(s, "_POST_PRODUCT_DATA_", envelope("Product", product("MOVE-1", other, "Moved")));
        assertThat(report(d)).contains("<ResultMessageCode>8005</ResultMessageCode>");
        assertThat(listing(s, "MOVE-1").productId()).isEqualTo(first);
        assertThat(listing(s, "MOVE-1").title()).isEqualTo("One");
    }
}
