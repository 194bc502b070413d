package io.openmws.server.feeds;

import static io.openmws.server.feeds.FeedProcessingTest.envelope;
import static io.openmws.server.feeds.FeedProcessingTest.product;
import static io.openmws.server.feeds.FeedProcessingTest.upc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.orders.OrderFeedMessage;
import io.openmws.server.orders.OrderFeedRefusal;
import io.openmws.server.orders.OrderFulfillments;
import io.openmws.server.orders.OrderShipped;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.OnBothDatabases;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order feeds end to end: listings made by feeds, orders placed by simulated buyers through the
 * control API, the clock moved past the payment check, then fulfillment and acknowledgement feeds
 * submitted over signed HTTP, their processing reports fetched with GetFeedSubmissionResult, and the
 * orders' rows checked: partial and full shipments (XML and flat file), over-shipping, unknown and other
 * sellers' orders, a Pending order, acknowledgements with the seller's ids, cancellations that return
 * the stock, a Failure after a shipment, and a message applied twice shipping once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrderFeedsTest.ShippedEvents.class)
@OnBothDatabases
class OrderFeedsTest {

    static final String TOKEN = "order-feeds-test-" + UUID.randomUUID();
    static final String US = FeedProcessingTest.US;
    static final String FEEDS = "/Feeds/2009-01-01";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.storage.type", () -> "database");
    }

    /** Every OrderShipped published, as a listener of the platform's events sees it. */
    @TestConfiguration
    static class ShippedEvents {
        final List<OrderShipped> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(OrderShipped event) {
            seen.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ShippedEvents events;

    @Autowired
    OrderFulfillments fulfillments;

    @Autowired
    TransactionTemplate tx;

    record Caller(String sellerId, String accessKeyId, String secretKey, long accountId) {}

    record Order(String amazonOrderId, List<String> itemIds) {}

    record Row(String status, int itemsShipped, int itemsUnshipped, Instant lastUpdate, String sellerOrderId) {}

    JsonClient control() {
        return new JsonClient(port, TOKEN);
    }

    /** A developer selling in the US for its own account, unthrottled, with listings A (10 at 3.35) and B (5 at 20.00). */
    Caller seller() {
        Fixtures.Developer dev = new Fixtures(control()).developerIn(US);
        JsonClient.Response r = control().post("/sandbox/v1/developers/" + dev.developerId() + "/throttling",
                "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long account = jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", dev.sellerId())
                .query(Long.class).single();
        Caller c = new Caller(dev.sellerId(), dev.accessKeyId(), dev.secretKey(), account);
        assertThat(done(c, submit(c, "_POST_PRODUCT_DATA_", envelope("Product", product("A", upc(), "Kettle"),
                product("B", upc(), "Teapot")))).messagesSuccessful()).isEqualTo(2);
        assertThat(done(c, submit(c, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                "sku\tprice\tquantity\nA\t3.35\t10\nB\t20.00\t5\n")).messagesSuccessful()).isEqualTo(2);
        return c;
    }

    long submit(Caller c, String feedType, String body) {
        Map<String, String> params = new TreeMap<>(Map.of("Action", "SubmitFeed", "Version", "2009-01-01",
                "SellerId", c.sellerId(), "FeedType", feedType, "MarketplaceIdList.Id.1", US,
                "ContentMD5Value", FeedsApiTest.md5(body.getBytes(StandardCharsets.UTF_8))));
        MwsClient mws = new MwsClient(port);
        String query = MwsClient.sign("POST", "localhost:" + port, FEEDS, c.accessKeyId(), c.secretKey(), params);
        Answer a = mws.send(HttpRequest.newBuilder(URI.create(mws.base() + FEEDS + "?" + query))
                .header("Content-Type", feedType.contains("FLAT") ? "text/tab-separated-values; charset=UTF-8"
                        : "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return Long.parseLong(FeedsApiTest.value(a.body(), "FeedSubmissionId"));
    }

    record Done(long processed, long messagesSuccessful, long messagesWithError, String report) {}

    /** Awaits _DONE_, then fetches the processing report over signed HTTP. */
    Done done(Caller c, long feedSubmissionId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "_DONE_".equals(jdbc.sql(
                        "SELECT status FROM feed_submission WHERE feed_submission_id = :f")
                .param("f", feedSubmissionId).query(String.class).single()));
        Map<String, Object> row = jdbc.sql("SELECT processed, messages_successful, messages_with_error FROM feed_submission"
                + " WHERE feed_submission_id = :f").param("f", feedSubmissionId).query().singleRow();
        Map<String, String> params = new TreeMap<>(Map.of("Action", "GetFeedSubmissionResult",
                "Version", "2009-01-01", "SellerId", c.sellerId(), "FeedSubmissionId", Long.toString(feedSubmissionId)));
        Answer result = new MwsClient(port).signedPost(FEEDS, c.accessKeyId(), c.secretKey(), params);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return new Done(((Number) row.get("processed")).longValue(), ((Number) row.get("messages_successful")).longValue(),
                ((Number) row.get("messages_with_error")).longValue(), result.body());
    }

    /** A buyer's order placed through the control API, still Pending. */
    Order place(Caller c, String... skuAndQuantity) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skuAndQuantity[i]).append("\",\"quantity\":")
                    .append(skuAndQuantity[i + 1]).append('}');
        }
        JsonClient.Response r = control().post("/sandbox/v1/sellers/" + c.sellerId() + "/orders",
                "{\"marketplaceId\":\"" + US + "\",\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("amazonOrderId").asText();
        return new Order(id, jdbc.sql("""
                        SELECT i.order_item_id FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                         WHERE o.amazon_order_id = :o ORDER BY i.seq""").param("o", id).query(String.class).list());
    }

    /** Orders placed now are Unshipped once the clock passed their 30-minute payment check. */
    void paymentChecked(Order... orders) {
        JsonClient.Response moved = control().post("/sandbox/v1/clock/advance", "{\"duration\": \"PT31M\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        for (Order o : orders) {
            await().atMost(Duration.ofSeconds(30)).until(() -> row(o).status().equals("Unshipped"));
        }
    }

    Row row(Order o) {
        return jdbc.sql("SELECT status, items_shipped, items_unshipped, last_update_date, seller_order_id"
                        + " FROM customer_order WHERE amazon_order_id = :o").param("o", o.amazonOrderId())
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        SqlTime.read(rs, "last_update_date"), rs.getString(5))).single();
    }

    List<Integer> shipped(Order o) {
        return jdbc.sql("""
                        SELECT i.quantity_shipped FROM order_item i JOIN customer_order o ON o.id = i.order_ref
                         WHERE o.amazon_order_id = :o ORDER BY i.seq""").param("o", o.amazonOrderId())
                .query(Integer.class).list();
    }

    int stock(Caller c, String sku) {
        return jdbc.sql("SELECT quantity FROM listing WHERE account_id = :a AND marketplace_id = :m AND sku = :s")
                .param("a", c.accountId()).param("m", US).param("s", sku).query(Integer.class).single();
    }

    static String fulfillment(String orderId, String carrier, String tracking, String... itemAndQuantity) {
        StringBuilder xml = new StringBuilder("<OrderFulfillment><AmazonOrderID>" + orderId + "</AmazonOrderID>"
                + "<FulfillmentDate>2026-06-25T10:00:00Z</FulfillmentDate><FulfillmentData><CarrierCode>" + carrier
                + "</CarrierCode><ShippingMethod>Ground</ShippingMethod><ShipperTrackingNumber>" + tracking
                + "</ShipperTrackingNumber></FulfillmentData>");
        for (int i = 0; i < itemAndQuantity.length; i += 2) {
            xml.append("<Item><AmazonOrderItemCode>").append(itemAndQuantity[i]).append("</AmazonOrderItemCode>");
            if (itemAndQuantity[i + 1] != null) {
                xml.append("<Quantity>").append(itemAndQuantity[i + 1]).append("</Quantity>");
            }
            xml.append("</Item>");
        }
        return xml.append("</OrderFulfillment>").toString();
    }

    static String result(long messageId, int code, String orderId) {
        return "(?s).*<Result>\\s*<MessageID>" + messageId + "</MessageID>\\s*<ResultCode>Error</ResultCode>\\s*"
                + "<ResultMessageCode>" + code + "</ResultMessageCode>\\s*<ResultDescription>[^<]*</ResultDescription>"
                + "\\s*<AdditionalInfo>\\s*<AmazonOrderID>" + orderId + "</AmazonOrderID>\\s*</AdditionalInfo>.*";
    }

    @Test
    void xmlConfirmationsShipPartThenAllAndReportWhatTheyCannotShip() {
        Caller c = seller();
        Caller other = seller();
        Order order = place(c, "A", "3", "B", "1");
        Order theirs = place(other, "A", "1");
        paymentChecked(order, theirs);
        String a = order.itemIds().get(0);
        String b = order.itemIds().get(1);
        Instant placedUpdate = row(order).lastUpdate();

        Done first = done(c, submit(c, "_POST_ORDER_FULFILLMENT_DATA_", envelope("OrderFulfillment",
                fulfillment(order.amazonOrderId(), "UPS", "1Z001", a, "1"),
                fulfillment(order.amazonOrderId(), "UPS", "1Z002", b, "2"),
                fulfillment("999-0000000-0000000", "UPS", "1Z003"),
                fulfillment(theirs.amazonOrderId(), "UPS", "1Z004"),
                fulfillment(order.amazonOrderId(), "UPS", "1Z005", "99999999999999", "1"))));
        assertThat(first.processed()).isEqualTo(5);
        assertThat(first.messagesSuccessful()).isEqualTo(1);
        assertThat(first.messagesWithError()).isEqualTo(4);
        assertThat(first.report()).matches(result(2, 18021, order.amazonOrderId()))
                .contains("The quantities you provided for order id (" + order.amazonOrderId() + ") were larger than"
                        + " the quantities that could be fulfilled.")
                .matches(result(3, 18028, "999-0000000-0000000"))
                .matches(result(4, 18028, theirs.amazonOrderId()))
                .matches(result(5, 18028, order.amazonOrderId()));
        Row partly = row(order);
        assertThat(partly.status()).isEqualTo("PartiallyShipped");
        assertThat(partly.itemsShipped()).isEqualTo(1);
        assertThat(partly.itemsUnshipped()).isEqualTo(3);
        assertThat(partly.lastUpdate()).isAfter(placedUpdate).isBeforeOrEqualTo(clock.instant());
        assertThat(shipped(order)).containsExactly(1, 0);
        assertThat(row(theirs).status()).isEqualTo("Unshipped");
        assertThat(jdbc.sql("""
                        SELECT s.carrier_code || '|' || s.shipping_method || '|' || s.tracking_number
                          FROM order_shipment s JOIN customer_order o ON o.id = s.order_ref
                         WHERE o.amazon_order_id = :o""").param("o", order.amazonOrderId()).query(String.class).list())
                .containsExactly("UPS|Ground|1Z001");

        // No Item: every unit left ships; then nothing is left to ship.
        Done rest = done(c, submit(c, "_POST_ORDER_FULFILLMENT_DATA_", envelope("OrderFulfillment",
                fulfillment(order.amazonOrderId(), "FedEx", "F-1"),
                fulfillment(order.amazonOrderId(), "FedEx", "F-2", a, null))));
        assertThat(rest.messagesSuccessful()).isEqualTo(1);
        assertThat(rest.report()).matches(result(2, 18021, order.amazonOrderId()));
        Row all = row(order);
        assertThat(all.status()).isEqualTo("Shipped");
        assertThat(all.itemsShipped()).isEqualTo(4);
        assertThat(all.itemsUnshipped()).isZero();
        assertThat(shipped(order)).containsExactly(3, 1);

        // Finances hears of each shipment, and the parts of a line add up to the line.
        List<OrderShipped> heard = events.seen.stream().filter(e -> e.amazonOrderId().equals(order.amazonOrderId()))
                .toList();
        assertThat(heard).hasSize(2);
        assertThat(heard).allMatch(e -> e.accountId() == c.accountId() && e.currency().equals("USD")
                && e.marketplaceId().equals(US));
        assertThat(heard.get(0).items()).singleElement().satisfies(i -> {
            assertThat(i.orderItemId()).isEqualTo(a);
            assertThat(i.quantity()).isEqualTo(1);
            assertThat(i.principal()).isEqualByComparingTo("3.35");
        });
        BigDecimal lineA = heard.stream().flatMap(e -> e.items().stream()).filter(i -> i.orderItemId().equals(a))
                .map(OrderShipped.Item::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lineA).isEqualByComparingTo(jdbc.sql("SELECT item_price FROM order_item WHERE order_item_id = :i")
                .param("i", a).query(BigDecimal.class).single());
    }

    @Test
    void flatConfirmationsShipByRowAndReportByOrderId() {
        Caller c = seller();
        Order order = place(c, "A", "2", "B", "2");
        paymentChecked(order);
        String a = order.itemIds().get(0);
        Done d = done(c, submit(c, "_POST_FLAT_FILE_FULFILLMENT_DATA_", String.join("\n",
                "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method",
                order.amazonOrderId() + "\t" + a + "\t1\t2026-06-25\tUSPS\t\t9400\tPriority",
                order.amazonOrderId() + "\t" + a + "\t5\t2026-06-25\tUSPS\t\t9401\tPriority",
                "111-2222222-3333333\t\t\t2026-06-25\tUSPS\t\t9402\t",
                order.amazonOrderId() + "\t\t\t\t\tBike courier\tB-1\t",
                order.amazonOrderId() + "\t\t\t2026-06-26\t\tBike courier\tB-2\t") + "\n"));
        assertThat(d.processed()).isEqualTo(5);
        assertThat(d.messagesSuccessful()).isEqualTo(2);
        assertThat(d.report()).contains("original-record-number\torder-id\terror-code\terror-type\terror-message\n")
                .contains("2\t" + order.amazonOrderId() + "\t18021\tError\t")
                .contains("3\t111-2222222-3333333\t18028\tError\t")
                .contains("4\t" + order.amazonOrderId() + "\t99001\tError\tThe required column ship-date is blank.");
        assertThat(row(order).status()).isEqualTo("Shipped");
        assertThat(shipped(order)).containsExactly(2, 2);
        assertThat(jdbc.sql("""
                        SELECT s.message_id FROM order_shipment s JOIN customer_order o ON o.id = s.order_ref
                         WHERE o.amazon_order_id = :o ORDER BY s.id""").param("o", order.amazonOrderId())
                .query(Long.class).list()).containsExactly(1L, 5L);
    }

    @Test
    void aPendingOrderCannotShipYet() {
        Caller c = seller();
        Order order = place(c, "A", "1");
        Done d = done(c, submit(c, "_POST_ORDER_FULFILLMENT_DATA_", envelope("OrderFulfillment",
                fulfillment(order.amazonOrderId(), "UPS", "1Z"))));
        assertThat(d.messagesWithError()).isEqualTo(1);
        assertThat(d.report()).matches(result(1, 18021, order.amazonOrderId())).contains("is Pending");
        assertThat(row(order).status()).isEqualTo("Pending");
    }

    @Test
    void acknowledgementsRecordTheSellersIdsAndFailuresCancelWithTheStockBack() {
        Caller c = seller();
        Order kept = place(c, "A", "2");
        Order dropped = place(c, "A", "3", "B", "1");
        Order shippedFirst = place(c, "B", "1");
        Order byFile = place(c, "B", "2");
        paymentChecked(kept, dropped, shippedFirst, byFile);
        assertThat(stock(c, "A")).isEqualTo(5);
        assertThat(stock(c, "B")).isEqualTo(1);
        done(c, submit(c, "_POST_FLAT_FILE_FULFILLMENT_DATA_",
                "order-id\tship-date\n" + shippedFirst.amazonOrderId() + "\t2026-06-25\n"));

        Done ack = done(c, submit(c, "_POST_ORDER_ACKNOWLEDGEMENT_DATA_", envelope("OrderAcknowledgement",
                "<OrderAcknowledgement><AmazonOrderID>" + kept.amazonOrderId() + "</AmazonOrderID>"
                        + "<MerchantOrderID>PO-77</MerchantOrderID><StatusCode>Success</StatusCode>"
                        + "<Item><AmazonOrderItemCode>" + kept.itemIds().get(0) + "</AmazonOrderItemCode>"
                        + "<MerchantOrderItemID>LINE-1</MerchantOrderItemID></Item></OrderAcknowledgement>",
                "<OrderAcknowledgement><AmazonOrderID>" + dropped.amazonOrderId() + "</AmazonOrderID>"
                        + "<StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>" + dropped.itemIds().get(0)
                        + "</AmazonOrderItemCode><CancelReason>ShippingAddressUndeliverable</CancelReason></Item>"
                        + "</OrderAcknowledgement>",
                "<OrderAcknowledgement><AmazonOrderID>" + shippedFirst.amazonOrderId() + "</AmazonOrderID>"
                        + "<StatusCode>Failure</StatusCode></OrderAcknowledgement>",
                "<OrderAcknowledgement><AmazonOrderID>999-9999999-9999999</AmazonOrderID>"
                        + "<StatusCode>Success</StatusCode></OrderAcknowledgement>")));
        assertThat(ack.processed()).isEqualTo(4);
        assertThat(ack.messagesSuccessful()).isEqualTo(2);
        assertThat(ack.report()).matches(result(3, 90205, shippedFirst.amazonOrderId()))
                .matches(result(4, 18028, "999-9999999-9999999"));
        assertThat(row(kept).sellerOrderId()).isEqualTo("PO-77");
        assertThat(row(kept).status()).isEqualTo("Unshipped");
        assertThat(row(dropped).status()).isEqualTo("Canceled");
        assertThat(row(shippedFirst).status()).isEqualTo("Shipped");
        assertThat(stock(c, "A")).as("3 units of A back").isEqualTo(8);
        assertThat(stock(c, "B")).as("1 unit of B back").isEqualTo(2);

        // The seller's ids name the order and the line from now on.
        Done byMerchantIds = done(c, submit(c, "_POST_ORDER_FULFILLMENT_DATA_", envelope("OrderFulfillment",
                "<OrderFulfillment><MerchantOrderID>PO-77</MerchantOrderID><FulfillmentDate>2026-06-25</FulfillmentDate>"
                        + "<Item><MerchantOrderItemID>LINE-1</MerchantOrderItemID><Quantity>1</Quantity></Item>"
                        + "</OrderFulfillment>",
                fulfillment(dropped.amazonOrderId(), "UPS", "1Z"))));
        assertThat(byMerchantIds.messagesSuccessful()).isEqualTo(1);
        assertThat(byMerchantIds.report()).matches(result(2, 18021, dropped.amazonOrderId())).contains("Canceled");
        assertThat(row(kept).status()).isEqualTo("PartiallyShipped");

        // The order cancellation file: one row per item, the first cancels, the rest find it canceled.
        Done file = done(c, submit(c, "_POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA_", String.join("\n",
                "TemplateType=OrderCancellation  Version=1.0/1.0.3 This row for Amazon.com use only.",
                "order-id\tcancellation-reason-code\tamazon-order-item-code",
                byFile.amazonOrderId() + "\tNoInventory\t" + byFile.itemIds().get(0),
                byFile.amazonOrderId() + "\t\t",
                kept.amazonOrderId() + "\tBuyerCanceled\t" + kept.itemIds().get(0)) + "\n"));
        assertThat(file.processed()).isEqualTo(3);
        assertThat(file.messagesSuccessful()).isEqualTo(2);
        assertThat(file.report()).contains("3\t" + kept.amazonOrderId() + "\t90205\tError\t");
        assertThat(row(byFile).status()).isEqualTo("Canceled");
        assertThat(stock(c, "B")).as("NoInventory: nothing back").isEqualTo(2);
    }

    @Test
    void aMessageAppliedTwiceShipsOnce() {
        Caller c = seller();
        Order order = place(c, "A", "2");
        paymentChecked(order);
        long feedRef = jdbc.sql("SELECT MAX(id) FROM feed_submission WHERE account_id = :a")
                .param("a", c.accountId()).query(Long.class).single();
        OrderFeedMessage.Shipment one = new OrderFeedMessage.Shipment(1, order.amazonOrderId(), null, null,
                clock.instant(), "UPS", null, null, "1Z", List.of(new OrderFeedMessage.Line(order.itemIds().get(0),
                null, 1)));
        List<OrderFeedRefusal> first = tx.execute(s -> fulfillments.apply(c.accountId(), feedRef, List.of(one)));
        List<OrderFeedRefusal> again = tx.execute(s -> fulfillments.apply(c.accountId(), feedRef, List.of(one)));
        assertThat(first).isEmpty();
        assertThat(again).isEmpty();
        assertThat(shipped(order)).containsExactly(1);
        assertThat(row(order).itemsShipped()).isEqualTo(1);
        // Another seller naming the order finds nothing.
        Caller other = seller();
        List<OrderFeedRefusal> refused = tx.execute(s -> fulfillments.apply(other.accountId(), feedRef, List.of(
                new OrderFeedMessage.Shipment(2, order.amazonOrderId(), null, null, clock.instant(), null, null, null,
                        null, List.of()))));
        assertThat(refused).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(OrderFulfillments.ORDER_NOT_FOUND));
        assertThat(shipped(order)).containsExactly(1);
    }
}
