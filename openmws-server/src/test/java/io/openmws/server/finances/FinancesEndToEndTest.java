package io.openmws.server.finances;

import static io.openmws.server.finances.FinancesTesting.elements;
import static io.openmws.server.finances.FinancesTesting.value;
import static io.openmws.server.finances.FinancesTesting.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.protocol.time.Timestamps;
import io.openmws.server.finances.FinancesTesting.Caller;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.OnBothDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * From a listing to the seller's money with nothing but the platform's own doors: listings made by
 * feeds, a simulated buyer's order through the control API, the clock moved past the payment check, a
 * fulfillment feed over signed HTTP that ships it, then ListFinancialEvents shows the ShipmentEvent with
 * the order's amounts and the fee table's fees; a buyer's return through the control API shows the
 * RefundEvent; the group's total is their sum.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FinancesEndToEndTest {

    static final String TOKEN = "finances-e2e-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String FEEDS = "/Feeds/2009-01-01";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    /** Submits a feed over signed HTTP and waits until it is _DONE_ with every message applied. */
    void feed(Caller c, String feedType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> params = new TreeMap<>(Map.of("Action", "SubmitFeed", "Version", "2009-01-01",
                "SellerId", c.sellerId(), "FeedType", feedType, "MarketplaceIdList.Id.1", US, "ContentMD5Value",
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes))));
        MwsClient mws = new MwsClient(port);
        String query = MwsClient.sign("POST", "localhost:" + port, FEEDS, c.accessKeyId(), c.secretKey(), params);
        MwsClient.Answer a = mws.send(HttpRequest.newBuilder(URI.create(mws.base() + FEEDS + "?" + query))
                .header("Content-Type", feedType.contains("FLAT") ? "text/tab-separated-values; charset=UTF-8"
                        : "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        long id = Long.parseLong(value(a.body(), "FeedSubmissionId"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "_DONE_".equals(jdbc.sql(
                "SELECT status FROM feed_submission WHERE feed_submission_id = :f").param("f", id)
                .query(String.class).single()));
        assertThat(jdbc.sql("SELECT messages_with_error FROM feed_submission WHERE feed_submission_id = :f")
                .param("f", id).query(Integer.class).single()).as(feedType).isZero();
    }

    static String envelope(String messageType, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>M</MerchantIdentifier></Header><MessageType>" + messageType + "</MessageType>"
                + "<Message><MessageID>1</MessageID>" + message + "</Message></AmazonEnvelope>";
    }

    record Line(String orderItemId, BigDecimal principal, BigDecimal shipping, BigDecimal tax, BigDecimal shippingTax) {}

    @Test
    void aShippedOrderAndItsReturnShowUpInFinances() throws Exception {
        FinancesTesting t = new FinancesTesting(port, TOKEN, jdbc, publisher, transactions);
        Caller c = t.seller();
        String upc = String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000_000L);
        feed(c, "_POST_PRODUCT_DATA_", envelope("Product", "<Product><SKU>KETTLE</SKU><StandardProductID><Type>UPC"
                + "</Type><Value>" + upc + "</Value></StandardProductID><Condition><ConditionType>New</ConditionType>"
                + "</Condition><DescriptionData><Title>Kettle</Title><Brand>Acme</Brand></DescriptionData></Product>"));
        feed(c, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "sku\tprice\tquantity\nKETTLE\t12.50\t5\n");

        JsonClient.Response placed = t.control().post("/sandbox/v1/sellers/" + c.sellerId() + "/orders",
                "{\"marketplaceId\":\"" + US + "\",\"items\":[{\"sku\":\"KETTLE\",\"quantity\":2}]}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String order = placed.json().get("amazonOrderId").asText();
        Line line = jdbc.sql("""
                        SELECT i.order_item_id, i.item_price, i.shipping_price, i.item_tax, i.shipping_tax
                        FROM order_item i JOIN customer_order o ON o.id = i.order_ref WHERE o.amazon_order_id = :o""")
                .param("o", order)
                .query((rs, n) -> new Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .single();
        assertThat(line.principal()).isEqualByComparingTo("25.00");

        JsonClient.Response moved = t.control().post("/sandbox/v1/clock/advance", "{\"duration\": \"PT31M\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Unshipped".equals(jdbc.sql(
                "SELECT status FROM customer_order WHERE amazon_order_id = :o").param("o", order)
                .query(String.class).single()));
        // Nothing is posted before the order ships.
        assertThat(elements(t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order)), "ShipmentEvent")).isEmpty();

        feed(c, "_POST_ORDER_FULFILLMENT_DATA_", envelope("OrderFulfillment", "<OrderFulfillment><AmazonOrderID>"
                + order + "</AmazonOrderID><FulfillmentDate>" + Timestamps.format(clock.instant())
                + "</FulfillmentDate><FulfillmentData><CarrierCode>UPS</CarrierCode><ShippingMethod>Ground"
                + "</ShippingMethod><ShipperTrackingNumber>1Z999</ShipperTrackingNumber></FulfillmentData><Item>"
                + "<AmazonOrderItemCode>" + line.orderItemId() + "</AmazonOrderItemCode><Quantity>2</Quantity></Item>"
                + "</OrderFulfillment>"));

        String shipped = t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order));
        List<String> events = elements(shipped, "ShipmentEvent");
        assertThat(events).hasSize(1);
        String event = events.get(0);
        assertThat(value(event, "OrderItemId")).isEqualTo(line.orderItemId());
        assertThat(value(event, "SellerSKU")).isEqualTo("KETTLE");
        assertThat(value(event, "QuantityShipped")).isEqualTo("2");
        assertThat(values(event, "ChargeType")).containsExactly("Principal", "Tax", "ShippingCharge", "ShippingTax");
        assertThat(values(event, "FeeType")).containsExactly("Commission", "FixedClosingFee");
        // Principal, tax, shipping, shipping tax as ordered; 15% of 25.00 and 2 x 1.80.
        List<String> amounts = values(event, "CurrencyAmount");
        assertThat(amounts).containsExactly(line.principal().toPlainString(), line.tax().toPlainString(),
                line.shipping().toPlainString(), line.shippingTax().toPlainString(), "-3.75", "-3.60");

        JsonClient.Response returned = t.control().post("/sandbox/v1/sellers/" + c.sellerId() + "/orders/" + order
                + "/refund", "{\"items\":[{\"orderItemId\":\"" + line.orderItemId() + "\",\"quantity\":1}]}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        String both = t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order));
        String refund = elements(both, "RefundEventList").get(0);
        assertThat(values(refund, "ChargeType")).containsExactly("Principal", "Tax", "ShippingCharge", "ShippingTax");
        BigDecimal half = line.principal().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
        assertThat(values(refund, "CurrencyAmount").get(0)).isEqualTo(half.negate().toPlainString());
        // 15% of 12.50 is 1.875: 1.88 given back, 20% of it (0.376) kept: 0.38.
        assertThat(values(refund, "FeeType")).containsExactly("Commission", "RefundCommission");
        assertThat(values(refund, "CurrencyAmount").subList(4, 6)).containsExactly("1.88", "-0.38");

        BigDecimal sum = BigDecimal.ZERO;
        for (String amount : values(both, "CurrencyAmount")) {
            sum = sum.add(new BigDecimal(amount));
        }
        String groups = t.ok(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter",
                Timestamps.format(clock.instant().minus(Duration.ofDays(15)))));
        assertThat(elements(groups, "FinancialEventGroup")).hasSize(1);
        assertThat(new BigDecimal(values(groups, "CurrencyAmount").get(0))).isEqualByComparingTo(sum);
    }
}
