package io.openmws.server.orders;

import static io.openmws.server.orders.PlaceOrdersTest.JSON;
import static io.openmws.server.orders.PlaceOrdersTest.TOKEN;
import static io.openmws.server.orders.PlaceOrdersTest.US;
import static io.openmws.server.orders.PlaceOrdersTest.assertConflict;
import static io.openmws.server.orders.PlaceOrdersTest.assertInvalid;
import static io.openmws.server.orders.PlaceOrdersTest.items;
import static io.openmws.server.orders.PlaceOrdersTest.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.Listing;
import io.openmws.server.catalog.ListingStatus;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * An order's life after it is placed (issue 15, §4.5): the payment check by the moved platform clock,
 * the buyer's and the seller's cancellation with the stock returned, a buyer's return refunded to the
 * cent and published for Finances, and the order generator producing a day of orders when the clock
 * moves a day. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
@Import(OrderLifecycleTest.Refunds.class)
class OrderLifecycleTest {

    /** What Finances would hear. */
    @TestConfiguration
    static class Refunds {
        final List<OrderRefunded> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void refunded(OrderRefunded event) {
            heard.add(event);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Orders orders;

    @Autowired
    Refunds refunds;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    JsonClient api;
    Fixtures fixtures;
    Listings listings;

    @BeforeEach
    void setUp() {
        api = new JsonClient(port, TOKEN);
        fixtures = new Fixtures(api);
        listings = new Listings(catalog, transactions, jdbc);
    }

    record Seller(String sellerId, long accountId) {}

    Seller seller() {
        Fixtures.Seller s = fixtures.seller();
        return new Seller(s.sellerId(), listings.accountId(s.sellerId()));
    }

    JsonNode place(Seller s, Object... skusAndQuantities) {
        JsonClient.Response r = api.post("/sandbox/v1/sellers/" + s.sellerId() + "/orders",
                JSON.writeValueAsString(items(US, skusAndQuantities)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonClient.Response post(Seller s, String path, Object body) {
        return api.post("/sandbox/v1/sellers/" + s.sellerId() + path, body == null ? null : JSON.writeValueAsString(body));
    }

    JsonNode order(Seller s, String amazonOrderId) {
        JsonClient.Response r = api.get("/sandbox/v1/sellers/" + s.sellerId() + "/orders/" + amazonOrderId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    Listing listing(Seller s, String sku) {
        return catalog.listing(s.accountId(), US, sku).orElseThrow();
    }

    void advance(String duration) {
        JsonClient.Response r = api.post("/sandbox/v1/clock/advance", "{\"duration\": \"" + duration + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Test code stands in for the order feeds: every unit of the order shipped. */
    void shipAll(String amazonOrderId) {
        jdbc.sql("UPDATE order_item SET quantity_shipped = quantity_ordered WHERE order_ref ="
                + " (SELECT id FROM customer_order WHERE amazon_order_id = :id)").param("id", amazonOrderId).update();
        jdbc.sql("UPDATE customer_order SET status = 'Shipped', items_shipped = items_unshipped, items_unshipped = 0"
                + " WHERE amazon_order_id = :id").param("id", amazonOrderId).update();
    }

    @Test
    void thePaymentCheckMakesAnOrderUnshippedThirtyMinutesAfterThePurchase() {
        Seller s = seller();
        listings.offer(s.accountId(), US, "A", "5.00", 5, null);
        String id = place(s, "A", 1).get("amazonOrderId").asString();
        assertThat(order(s, id).get("status").asString()).isEqualTo("Pending");

        advance("PT31M");

        await().atMost(Duration.ofSeconds(30)).until(() -> order(s, id).get("status").asString().equals("Unshipped"));
        JsonNode o = order(s, id);
        assertThat(o.get("lastUpdateDate").asString()).isEqualTo(o.get("pendingUntil").asString());
    }

    @Test
    void theBuyerCancelsBeforeShippingAndTheUnitsGoBackIntoStock() {
        Seller s = seller();
        Seller other = seller();
        listings.offer(s.accountId(), US, "LAST", "5.00", 1, null);
        listings.offer(s.accountId(), US, "MORE", "5.00", 5, null);
        String id = place(s, "LAST", 1, "MORE", 2).get("amazonOrderId").asString();
        assertThat(listing(s, "LAST").status()).isEqualTo(ListingStatus.INACTIVE);

        assertThat(post(other, "/orders/" + id + "/cancel", null).status()).isEqualTo(404);
        assertInvalid(post(s, "/orders/" + id + "/cancel", Map.of("reason", "Bored")), "'Bored' is not a cancel reason");
        JsonClient.Response canceled = post(s, "/orders/" + id + "/cancel", null);

        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        JsonNode o = canceled.json();
        assertThat(o.get("status").asString()).isEqualTo("Canceled");
        assertThat(o.get("cancellation").get("reason").asString()).isEqualTo("BuyerCanceled");
        assertThat(o.get("cancellation").get("canceledBy").asString()).isEqualTo("BUYER");
        assertThat(Instant.parse(o.get("lastUpdateDate").asString()))
                .isEqualTo(Instant.parse(o.get("cancellation").get("canceledAt").asString()))
                .isAfter(Instant.parse(o.get("purchaseDate").asString()).minusMillis(1));
        assertThat(listing(s, "LAST").quantity()).isEqualTo(1);
        assertThat(listing(s, "LAST").status()).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing(s, "MORE").quantity()).isEqualTo(5);
        assertConflict(post(s, "/orders/" + id + "/cancel", null), "is canceled already");

        String shipped = place(s, "MORE", 1).get("amazonOrderId").asString();
        shipAll(shipped);
        assertConflict(post(s, "/orders/" + shipped + "/cancel", null), "has shipped items");
        assertThat(post(s, "/orders/111-2223334-5556667/cancel", null).status()).isEqualTo(404);
    }

    @Test
    void aCanceledOrdersUnitsGoBackToAListingStagedMeanwhileWhichStaysStaged() {
        Seller s = seller();
        listings.offer(s.accountId(), US, "S", "5.00", 2, null);
        String id = place(s, "S", 2).get("amazonOrderId").asString();
        assertThat(post(s, "/staging", Map.of("enabled", true)).status()).isEqualTo(200);
        listings.offer(s.accountId(), US, "S", "6.00", null, null);
        assertThat(listing(s, "S").status()).isEqualTo(ListingStatus.STAGED);

        assertThat(post(s, "/orders/" + id + "/cancel", null).status()).isEqualTo(200);

        assertThat(listing(s, "S").quantity()).isEqualTo(2);
        assertThat(listing(s, "S").status()).isEqualTo(ListingStatus.STAGED);
    }

    @Test
    void theSellersNoInventoryCancellationLeavesTheUnitsOut() {
        Seller s = seller();
        listings.offer(s.accountId(), US, "X", "5.00", 5, null);
        String noInventory = place(s, "X", 2).get("amazonOrderId").asString();
        String other = place(s, "X", 1).get("amazonOrderId").asString();

        orders.cancel(s.accountId(), noInventory, "NoInventory", Canceler.SELLER);
        assertThat(listing(s, "X").quantity()).isEqualTo(2);
        orders.cancel(s.accountId(), other, "ShippingAddressUndeliverable", Canceler.SELLER);
        assertThat(listing(s, "X").quantity()).isEqualTo(3);

        JsonNode o = order(s, noInventory);
        assertThat(o.get("cancellation").get("canceledBy").asString()).isEqualTo("SELLER");
        assertThat(o.get("cancellation").get("reason").asString()).isEqualTo("NoInventory");
        assertThatThrownBy(() -> orders.cancel(s.accountId(), noInventory, null, Canceler.SELLER))
                .isInstanceOfSatisfying(OrderRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrderRefused.Reason.ALREADY_CANCELED));
        Seller stranger = seller();
        assertThatThrownBy(() -> orders.cancel(stranger.accountId(), other, null, Canceler.SELLER))
                .isInstanceOfSatisfying(OrderRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrderRefused.Reason.NOT_FOUND));
    }

    @Test
    void aReturnRefundsShippedUnitsToTheCentAndTellsFinances() {
        Seller s = seller();
        listings.offer(s.accountId(), US, "R", "10.00", 5, null);
        JsonNode placed = place(s, "R", 3);
        String id = placed.get("amazonOrderId").asString();
        String item = placed.get("orderItems").get(0).get("orderItemId").asString();
        // 30.00; shipping 5% = 1.50; tax 7.25%: 2.175 -> 2.18 and 0.10875 -> 0.11.
        assertThat(money(placed.get("orderItems").get(0), "itemTax")).isEqualTo("2.18");
        assertConflict(post(s, "/orders/" + id + "/refund", null), "has nothing shipped");
        shipAll(id);

        JsonClient.Response first = post(s, "/orders/" + id + "/refund",
                Map.of("items", List.of(Map.of("orderItemId", item, "quantity", 1))));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode one = first.json().get("items").get(0);
        assertThat(first.json().get("reason").asString()).isEqualTo("CustomerReturn");
        assertThat(money(one, "principal")).isEqualTo("10.00");
        assertThat(money(one, "shipping")).isEqualTo("0.50");
        // A third of each line amount: 2.18 / 3 = 0.7266... -> 0.73; 0.11 / 3 -> 0.04.
        assertThat(money(one, "tax")).isEqualTo("0.73");
        assertThat(money(one, "shippingTax")).isEqualTo("0.04");

        assertConflict(post(s, "/orders/" + id + "/refund",
                Map.of("items", List.of(Map.of("orderItemId", item, "quantity", 3)))),
                "has 2 units shipped and not refunded; 3 asked");
        assertInvalid(post(s, "/orders/" + id + "/refund",
                Map.of("items", List.of(Map.of("orderItemId", "00000000000000", "quantity", 1)))), "has no item");
        JsonClient.Response rest = post(s, "/orders/" + id + "/refund", Map.of("reason", "MerchandiseNotReceived"));
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        JsonNode two = rest.json().get("items").get(0);
        assertThat(two.get("quantity").asInt()).isEqualTo(2);
        // The refund that completes the line gets what is left: the parts add up to the line.
        assertThat(money(two, "principal")).isEqualTo("20.00");
        assertThat(money(two, "shipping")).isEqualTo("1.00");
        assertThat(money(two, "tax")).isEqualTo("1.45");
        assertThat(money(two, "shippingTax")).isEqualTo("0.07");
        assertConflict(post(s, "/orders/" + id + "/refund", null), "has nothing shipped that is not refunded");

        List<OrderRefunded> heard = refunds.heard.stream().filter(e -> e.amazonOrderId().equals(id)).toList();
        assertThat(heard).hasSize(2);
        assertThat(heard.get(0).refundRef()).isNotEqualTo(heard.get(1).refundRef());
        assertThat(heard.get(1).reason()).isEqualTo("MerchandiseNotReceived");
        assertThat(heard.get(0).currency()).isEqualTo("USD");
        assertThat(heard.get(0).accountId()).isEqualTo(s.accountId());
        BigDecimal tax = heard.stream().map(e -> e.items().get(0).tax()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(tax).isEqualByComparingTo("2.18");
        assertThat(listing(s, "R").quantity()).isEqualTo(2);
    }

    @Test
    void theGeneratorPlacesADayOfOrdersWhenTheClockMovesADay() {
        Seller s = seller();
        Seller empty = seller();
        listings.offer(s.accountId(), US, "G1", "3.00", 100, null);
        listings.offer(s.accountId(), US, "G2", "4.00", 100, null);
        assertThat(api.get("/sandbox/v1/sellers/" + s.sellerId() + "/order-generator").json().get("perHour").asInt())
                .isZero();
        assertInvalid(post(s, "/order-generator", Map.of("perHour", -1)), "perHour must be 0 (stop) to 3600");
        assertInvalid(post(s, "/order-generator", Map.of("perHour", 3601)), "perHour must be 0 (stop) to 3600");
        assertInvalid(post(s, "/order-generator", Map.of()), "Give {\"perHour\": N}");
        assertThat(api.post("/sandbox/v1/sellers/A0000000000000/order-generator", "{\"perHour\": 1}").status())
                .isEqualTo(404);

        JsonClient.Response started = post(s, "/order-generator", Map.of("perHour", 1));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("nextOrderAt")).isNotNull();
        assertThat(post(empty, "/order-generator", Map.of("perHour", 60)).status()).isEqualTo(200);

        advance("P1D");

        await().atMost(Duration.ofSeconds(60)).until(() -> orderCount(s) == 24);
        // Dated an hour apart, as they fell due, bought from the live SKUs; nothing to buy: skipped.
        List<Instant> dates = jdbc.sql("SELECT purchase_date FROM customer_order WHERE account_id = :a"
                        + " ORDER BY purchase_date").param("a", s.accountId())
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
        for (int i = 1; i < dates.size(); i++) {
            assertThat(Duration.between(dates.get(i - 1), dates.get(i))).isEqualTo(Duration.ofHours(1));
        }
        assertThat(listing(s, "G1").quantity() + listing(s, "G2").quantity()).isEqualTo(176);
        assertThat(orderCount(empty)).isZero();
        assertThat(api.get("/sandbox/v1/sellers/" + empty.sellerId() + "/order-generator").json()
                .get("nextOrderAt").asString()).isNotNull();

        JsonClient.Response stopped = post(s, "/order-generator", Map.of("perHour", 0));
        assertThat(stopped.json().get("perHour").asInt()).isZero();
        assertThat(stopped.json().get("nextOrderAt")).isNull();
        advance("PT5H");
        await().pollDelay(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertThat(orderCount(s)).isEqualTo(24);
    }

    long orderCount(Seller s) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE account_id = :a").param("a", s.accountId())
                .query(Long.class).single();
    }
}
