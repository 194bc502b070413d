package io.openmws.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.protocol.ids.AmazonOrderId;
import io.openmws.protocol.ids.OrderItemId;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.Listing;
import io.openmws.server.catalog.ListingStatus;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulated buyers place orders through the sandbox control API (issue 15): ids, prices, shipping,
 * tax, dates and made-up buyers; every SKU that cannot be bought refused with its name and nothing
 * taken; 16 buyers racing for 10 units buy exactly 10. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class PlaceOrdersTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String DE = "A1PA6795UKMFR9";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

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

    Seller seller(Object... fields) {
        Fixtures.Seller s = fixtures.seller(Fixtures.fields(fields));
        return new Seller(s.sellerId(), listings.accountId(s.sellerId()));
    }

    JsonClient.Response order(Seller seller, Object body) {
        return api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders", JSON.writeValueAsString(body));
    }

    static Map<String, Object> items(String marketplaceId, Object... skusAndQuantities) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < skusAndQuantities.length; i += 2) {
            items.add(Map.of("sku", skusAndQuantities[i], "quantity", skusAndQuantities[i + 1]));
        }
        return Map.of("marketplaceId", marketplaceId, "items", items);
    }

    Listing listing(Seller s, String marketplaceId, String sku) {
        return catalog.listing(s.accountId(), marketplaceId, sku).orElseThrow();
    }

    @Test
    void anOrderGetsIdsPricesShippingTaxDatesAndAMadeUpBuyer() {
        Seller s = seller();
        Instant saleStart = Instant.parse("2020-01-01T00:00:00Z");
        listings.offer(s.accountId(), US, "MUG", "10.00", 5, 3);
        listings.offer(s.accountId(), US, "CUP", "4.99", 2, null, "3.99", saleStart, null);
        Map<String, Object> body = new java.util.HashMap<>(items(US, "MUG", 2, "CUP", 1));
        body.put("shipServiceLevel", "Expedited");

        JsonClient.Response r = order(s, body);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode o = r.json();
        assertThat(AmazonOrderId.isValid(o.get("amazonOrderId").asString())).isTrue();
        assertThat(o.get("status").asString()).isEqualTo("Pending");
        assertThat(o.get("salesChannel").asString()).isEqualTo("Amazon.com");
        assertThat(o.get("fulfillmentChannel").asString()).isEqualTo("MFN");
        assertThat(o.get("shipmentServiceLevelCategory").asString()).isEqualTo("Expedited");
        assertThat(o.get("shipServiceLevel").asString()).isEqualTo("Exp US Dom");
        JsonNode mug = o.get("orderItems").get(0);
        JsonNode cup = o.get("orderItems").get(1);
        assertThat(OrderItemId.isValid(mug.get("orderItemId").asString())).isTrue();
        assertThat(mug.get("orderItemId").asString()).isNotEqualTo(cup.get("orderItemId").asString());
        assertThat(mug.get("sku").asString()).isEqualTo("MUG");
        assertThat(mug.get("quantity").asInt()).isEqualTo(2);
        assertThat(mug.get("title").asString()).isEqualTo("Title of MUG");
        // 2 x 10.00; shipping 10% (Expedited); tax 7.25% (US) of each: 1.45 and 0.145 -> 0.14 (half-even).
        assertThat(money(mug, "itemPrice")).isEqualTo("20.00");
        assertThat(money(mug, "shippingPrice")).isEqualTo("2.00");
        assertThat(money(mug, "itemTax")).isEqualTo("1.45");
        assertThat(money(mug, "shippingTax")).isEqualTo("0.14");
        // The sale price (3.99) applies: its dates hold the purchase. 0.399 -> 0.40; 0.289275 -> 0.29; 0.029 -> 0.03.
        assertThat(money(cup, "unitPrice")).isEqualTo("3.99");
        assertThat(money(cup, "shippingPrice")).isEqualTo("0.40");
        assertThat(money(cup, "itemTax")).isEqualTo("0.29");
        assertThat(money(cup, "shippingTax")).isEqualTo("0.03");
        assertThat(money(o, "orderTotal")).isEqualTo("28.30");
        assertThat(o.get("orderTotal").get("currencyCode").asString()).isEqualTo("USD");
        assertThat(o.get("numberOfItemsUnshipped").asInt()).isEqualTo(3);
        assertThat(o.get("numberOfItemsShipped").asInt()).isZero();

        Instant purchase = Instant.parse(o.get("purchaseDate").asString());
        assertThat(Instant.parse(o.get("lastUpdateDate").asString())).isEqualTo(purchase);
        assertThat(Instant.parse(o.get("pendingUntil").asString())).isEqualTo(purchase.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(o.get("earliestShipDate").asString())).isEqualTo(purchase);
        // The largest latency of the lines: 3 days (CUP has none: 2), to the end of that day.
        Instant latestShip = purchase.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC).toLocalDate()
                .atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
        assertThat(Instant.parse(o.get("latestShipDate").asString())).isEqualTo(latestShip);
        assertThat(Instant.parse(o.get("earliestDeliveryDate").asString())).isAfter(latestShip);
        assertThat(Instant.parse(o.get("latestDeliveryDate").asString()))
                .isAfterOrEqualTo(Instant.parse(o.get("earliestDeliveryDate").asString()));

        assertThat(o.get("buyer").get("email").asString()).matches("[a-z0-9]{15}@marketplace\\.amazon\\.com");
        assertThat(o.get("buyer").get("name").asString()).contains(" ");
        JsonNode address = o.get("shippingAddress");
        assertThat(address.get("countryCode").asString()).isEqualTo("US");
        assertThat(address.get("postalCode").asString()).matches("[0-9]{5}");
        assertThat(address.get("name").asString()).isEqualTo(o.get("buyer").get("name").asString());

        assertThat(listing(s, US, "MUG").quantity()).isEqualTo(3);
        assertThat(listing(s, US, "CUP").quantity()).isEqualTo(1);
        JsonClient.Response read = api.get("/sandbox/v1/sellers/" + s.sellerId() + "/orders/"
                + o.get("amazonOrderId").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("orderItems").size()).isEqualTo(2);
    }

    @Test
    void givenBuyerAddressAndPurchaseDateAreKeptAndPricesAreInTheMarketplacesCurrency() {
        Seller s = seller("marketplaces", List.of(DE));
        listings.offer(s.accountId(), DE, "TASSE", "9.99", 4, 1);
        Map<String, Object> body = new java.util.HashMap<>(items(DE, "TASSE", 3));
        body.put("buyer", Map.of("name", "Erika Mustermann", "email", "erika@example.com"));
        body.put("shippingAddress", Map.of("name", "Erika M.", "addressLine1", "Heidestraße 17", "city", "Köln",
                "postalCode", "51147", "countryCode", "DE"));
        body.put("purchaseDate", "2026-01-15T10:00:00Z");

        JsonClient.Response r = order(s, body);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode o = r.json();
        assertThat(o.get("salesChannel").asString()).isEqualTo("Amazon.de");
        assertThat(o.get("purchaseDate").asString()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(o.get("buyer").get("email").asString()).isEqualTo("erika@example.com");
        assertThat(o.get("shippingAddress").get("city").asString()).isEqualTo("Köln");
        assertThat(o.get("shippingAddress").get("addressType").asString()).isEqualTo("Residential");
        // 29.97; Standard shipping 5% = 1.4985 -> 1.50; VAT 19%: 5.6943 -> 5.69 and 0.285 -> 0.28 (half-even).
        JsonNode line = o.get("orderItems").get(0);
        assertThat(line.get("itemPrice").get("currencyCode").asString()).isEqualTo("EUR");
        assertThat(money(line, "itemPrice")).isEqualTo("29.97");
        assertThat(money(line, "shippingPrice")).isEqualTo("1.50");
        assertThat(money(line, "itemTax")).isEqualTo("5.69");
        assertThat(money(line, "shippingTax")).isEqualTo("0.28");
        assertThat(money(o, "orderTotal")).isEqualTo("37.44");
        assertThat(o.get("latestShipDate").asString()).isEqualTo("2026-01-16T23:59:59Z");
    }

    @Test
    void aSkuThatCannotBeBoughtIsNamedAndNothingIsTaken() {
        Seller s = seller();
        Seller staged = seller("staging", true);
        Seller other = seller();
        listings.offer(s.accountId(), US, "OK", "5.00", 3, null);
        listings.offer(s.accountId(), US, "SOLD-OUT", "5.00", 0, null);
        listings.offer(s.accountId(), US, "NO-PRICE", null, 3, null);
        listings.offer(staged.accountId(), US, "STAGED", "5.00", 3, null);
        listings.offer(other.accountId(), US, "THEIRS", "5.00", 3, null);

        assertConflict(order(s, items(US, "OK", 1, "SOLD-OUT", 1)), "SKU SOLD-OUT cannot be bought: it is sold out");
        assertConflict(order(s, items(US, "OK", 1, "NO-PRICE", 1)), "SKU NO-PRICE cannot be bought: its listing has no price");
        assertConflict(order(s, items(US, "OK", 1, "GHOST", 1)), "SKU GHOST cannot be bought: the seller has no listing");
        assertConflict(order(s, items(US, "OK", 4)), "SKU OK cannot be bought: 4 asked, 3 in stock");
        assertConflict(order(s, items(US, "THEIRS", 1)), "SKU THEIRS cannot be bought: the seller has no listing");
        assertConflict(order(staged, items(US, "STAGED", 1)), "SKU STAGED cannot be bought: it is staged");
        // All lines or none: the OK units of the refused orders are all still there.
        assertThat(listing(s, US, "OK").quantity()).isEqualTo(3);
        assertThat(listing(other, US, "THEIRS").quantity()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE account_id IN (:a, :b)")
                .param("a", s.accountId()).param("b", staged.accountId()).query(Long.class).single()).isZero();
    }

    @Test
    void inputThatIsNotAnOrderIsABadRequest() {
        Seller s = seller();
        listings.offer(s.accountId(), US, "OK", "5.00", 3, null);

        assertInvalid(order(s, items("XXXXXXXX", "OK", 1)), "'marketplaceId': 'XXXXXXXX' is not a retail marketplace id.");
        assertInvalid(order(s, items(DE, "OK", 1)), "The seller does not sell in marketplace A1PA6795UKMFR9");
        assertInvalid(order(s, Map.of("marketplaceId", US)), "Give at least one item");
        assertInvalid(order(s, items(US, "OK", 0)), "The quantity of SKU OK must be 1 to 1000");
        assertInvalid(order(s, items(US, "OK", 1, "OK", 1)), "SKU OK is in the order twice");
        assertInvalid(order(s, items(US, "", 1)), "Each item needs a SKU");
        Map<String, Object> body = new java.util.HashMap<>(items(US, "OK", 1));
        body.put("fulfillmentChannel", "AFN");
        assertInvalid(order(s, body), "the sandbox's buyers order MFN offers");
        body.put("fulfillmentChannel", "MFN");
        body.put("shipServiceLevel", "Teleport");
        assertInvalid(order(s, body), "'Teleport' is not a shipment service level");
        body.remove("shipServiceLevel");
        body.put("purchaseDate", "yesterday");
        assertInvalid(order(s, body), "'purchaseDate' is an ISO-8601 date");
        body.put("purchaseDate", "2999-01-01T00:00:00Z");
        assertInvalid(order(s, body), "The purchase date 2999-01-01T00:00:00Z is after the platform's now");
        body.remove("purchaseDate");
        body.put("buyer", Map.of("email", "not-an-address"));
        assertInvalid(order(s, body), "The buyer's email must be an address");
        body.remove("buyer");
        body.put("shippingAddress", Map.of("city", "Nowhere"));
        assertInvalid(order(s, body), "A shipping address needs at least addressLine1, city and countryCode");

        JsonClient.Response notJson = api.post("/sandbox/v1/sellers/" + s.sellerId() + "/orders", "{items: ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asString()).isEqualTo("InvalidJson");
        JsonClient.Response noBody = api.post("/sandbox/v1/sellers/" + s.sellerId() + "/orders", null);
        assertThat(noBody.status()).isIn(400, 415);

        JsonClient.Response unknown = order(new Seller("A0000000000000", 0), items(US, "OK", 1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).contains("No active seller account has Seller ID A0000000000000");
        assertThat(new JsonClient(port, "wrong-token").post("/sandbox/v1/sellers/" + s.sellerId() + "/orders",
                JSON.writeValueAsString(items(US, "OK", 1))).status()).isEqualTo(401);
        assertThat(listing(s, US, "OK").quantity()).isEqualTo(3);
    }

    @Test
    void sixteenBuyersRacingForTenUnitsBuyExactlyTen() throws Exception {
        Seller s = seller();
        listings.offer(s.accountId(), US, "HOT", "19.99", 10, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<JsonClient.Response>> buyers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                buyers.add(() -> new JsonClient(port, TOKEN).post("/sandbox/v1/sellers/" + s.sellerId() + "/orders",
                        JSON.writeValueAsString(items(US, "HOT", 1))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<JsonClient.Response> f : pool.invokeAll(buyers)) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(c -> c == 201).hasSize(10);
            assertThat(statuses).filteredOn(c -> c == 409).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
        Listing hot = listing(s, US, "HOT");
        assertThat(hot.quantity()).isZero();
        assertThat(hot.status()).isEqualTo(ListingStatus.INACTIVE);
        assertThat(jdbc.sql("SELECT SUM(i.quantity_ordered) FROM order_item i JOIN customer_order o ON o.id = i.order_ref"
                + " WHERE o.account_id = :a").param("a", s.accountId()).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void theOpenApiDescriptionDocumentsTheBuyersCallsAndAResetDeletesTheOrders() {
        String docs = api.get("/v3/api-docs").body();
        assertThat(docs).contains("/sandbox/v1/sellers/{sellerId}/orders\"",
                "/sandbox/v1/sellers/{sellerId}/orders/{amazonOrderId}/cancel",
                "/sandbox/v1/sellers/{sellerId}/orders/{amazonOrderId}/refund",
                "/sandbox/v1/sellers/{sellerId}/order-generator", "A buyer places an order", "Simulated buyers");

        Seller s = seller();
        listings.offer(s.accountId(), US, "GONE", "5.00", 3, null);
        String id = order(s, items(US, "GONE", 1)).json().get("amazonOrderId").asString();
        assertThat(api.post("/sandbox/v1/reset", null).status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE amazon_order_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(api.get("/sandbox/v1/sellers/" + s.sellerId() + "/orders/" + id).status()).isEqualTo(404);
    }

    static String money(JsonNode node, String field) {
        return node.get(field).get("amount").asString();
    }

    static void assertConflict(JsonClient.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("error").asString()).isEqualTo("Conflict");
        assertThat(r.json().get("message").asString()).contains(message);
    }

    static void assertInvalid(JsonClient.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains(message);
    }
}
