package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.orders.Orders;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two order reports (mws-data-apis.md §3.3) straight from their generator beans, run as the engine
 * runs them: orders placed by the sandbox's buyers through the control API, cleared by the payment check,
 * shipped (test code standing in for the order feeds, as the orders tests do) or cancelled; the exact
 * headers, one row per line with the order's values, the purchase-date window, the lines still to ship,
 * one seller's rows only, the marketplaces asked for. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class OrdersReportsTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

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
    PlatformClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AllOrdersReport allOrders;

    @Autowired
    ActionableOrdersReport actionableOrders;

    JsonClient api;
    Fixtures fixtures;
    Listings listings;

    @BeforeEach
    void setUp() {
        api = new JsonClient(port, TOKEN);
        fixtures = new Fixtures(api);
        listings = new Listings(catalog, transactionManager, jdbc);
    }

    record Seller(String sellerId, long accountId) {}

    Seller seller(String... marketplaces) {
        Fixtures.Seller s = fixtures.seller(Fixtures.fields("marketplaces",
                marketplaces.length == 0 ? null : List.of(marketplaces)));
        Seller seller = new Seller(s.sellerId(), listings.accountId(s.sellerId()));
        for (String m : marketplaces.length == 0 ? new String[] {US} : marketplaces) {
            listings.offer(seller.accountId(), m, "MUG", "10.00", 100, null);
            listings.offer(seller.accountId(), m, "CUP", "4.99", 100, null);
        }
        return seller;
    }

    /** An order placed by a sandbox buyer at {@code purchased}, with its lines as the control API shows them. */
    JsonNode place(Seller s, String marketplace, Instant purchased, Object... skusAndQuantities) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < skusAndQuantities.length; i += 2) {
            items.add(Map.of("sku", skusAndQuantities[i], "quantity", skusAndQuantities[i + 1]));
        }
        Map<String, Object> body = new HashMap<>(Map.of("marketplaceId", marketplace, "items", items));
        body.put("purchaseDate", purchased.toString());
        JsonClient.Response r = api.post("/sandbox/v1/sellers/" + s.sellerId() + "/orders",
                JSON.writeValueAsString(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode order(Seller s, String amazonOrderId) {
        JsonClient.Response r = api.get("/sandbox/v1/sellers/" + s.sellerId() + "/orders/" + amazonOrderId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    void cancel(Seller s, String amazonOrderId) {
        JsonClient.Response r = api.post("/sandbox/v1/sellers/" + s.sellerId() + "/orders/" + amazonOrderId
                + "/cancel", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Test code stands in for the order feeds: {@code units} of the order's {@code sku} line have left. */
    void ship(String amazonOrderId, String sku, int units) {
        jdbc.sql("UPDATE order_item SET quantity_shipped = quantity_shipped + :units WHERE sku = :sku AND order_ref ="
                        + " (SELECT id FROM customer_order WHERE amazon_order_id = :id)")
                .param("units", units).param("sku", sku).param("id", amazonOrderId).update();
        jdbc.sql("""
                        UPDATE customer_order SET status = CASE WHEN NOT EXISTS (SELECT 1 FROM order_item i
                                 WHERE i.order_ref = customer_order.id AND i.quantity_shipped < i.quantity_ordered)
                               THEN 'Shipped' ELSE 'PartiallyShipped' END
                         WHERE amazon_order_id = :id""")
                .param("id", amazonOrderId).update();
    }

    record Generated(long rows, List<String> header, List<List<String>> rows2) {
        /** The row of this order's line of this SKU, by column name. */
        Map<String, String> line(String orderIdColumn, String orderId, String sku) {
            for (List<String> r : rows2) {
                Map<String, String> named = named(r);
                if (named.get(orderIdColumn).equals(orderId) && named.get("sku").equals(sku)) {
                    return named;
                }
            }
            throw new AssertionError("no line of " + sku + " in order " + orderId + ": " + rows2);
        }

        Map<String, String> named(List<String> r) {
            Map<String, String> named = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), r.get(i));
            }
            return named;
        }

        List<String> column(String name) {
            int i = header.indexOf(name);
            return rows2.stream().map(r -> r.get(i)).toList();
        }
    }

    Generated generate(ReportGenerator generator, long accountId, String type, Instant start, Instant end,
                       String... marketplaces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportOutput out = new ReportOutput(bytes, ReportOutput.charsetFor(List.of(marketplaces)));
        ReportJob job = new ReportJob(accountId, type, List.of(marketplaces), start, end, Map.of(), null,
                clock.instant());
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        Long rows = readOnly.execute(s -> {
            try {
                return generator.generate(job, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String text = bytes.toString(out.charset());
        assertThat(text).endsWith("\n");
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            lines.add(Arrays.asList(line.split("\t", -1)));
        }
        lines.forEach(l -> assertThat(l).hasSameSizeAs(lines.get(0)));
        assertThat(lines).hasSize(rows.intValue() + 1);
        return new Generated(rows, lines.get(0), lines.subList(1, lines.size()));
    }

    static String amount(JsonNode item, String field) {
        return item.get(field).get("amount").asString();
    }

    static JsonNode item(JsonNode order, String sku) {
        for (JsonNode i : order.get("orderItems")) {
            if (i.get("sku").asString().equals(sku)) {
                return i;
            }
        }
        throw new AssertionError(sku);
    }

    @Test
    void allOrdersShowEveryLineOfTheOrdersPurchasedInTheWindowInTheSamplesFormats() {
        Seller s = seller();
        Seller other = seller();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonNode before = place(s, US, now.minus(Duration.ofDays(10)), "MUG", 1);
        JsonNode shipped = place(s, US, now.minus(Duration.ofDays(5)), "MUG", 2, "CUP", 3);
        JsonNode cancelled = place(s, US, now.minus(Duration.ofDays(4)), "CUP", 1);
        JsonNode pending = place(s, US, now.minusSeconds(60), "MUG", 1);
        place(other, US, now.minus(Duration.ofDays(3)), "MUG", 1);
        orders.promoteDue(1000);
        String shippedId = shipped.get("amazonOrderId").asString();
        ship(shippedId, "MUG", 2);
        ship(shippedId, "CUP", 1);
        cancel(s, cancelled.get("amazonOrderId").asString());

        Generated report = generate(allOrders, s.accountId(), ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                now.minus(Duration.ofDays(7)), now, US);

        assertThat(String.join("\t", report.header())).isEqualTo("amazon-order-id\tmerchant-order-id\t"
                + "purchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\t"
                + "url\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\t"
                + "item-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\t"
                + "ship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\t"
                + "is-business-order\tpurchase-order-number\tprice-designation\tis-sold-by-ab");
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.column("amazon-order-id")).containsExactly(shippedId, shippedId,
                cancelled.get("amazonOrderId").asString(), pending.get("amazonOrderId").asString())
                .doesNotContain(before.get("amazonOrderId").asString());

        JsonNode o = order(s, shippedId);
        JsonNode mugItem = item(o, "MUG");
        Map<String, String> mug = report.line("amazon-order-id", shippedId, "MUG");
        assertThat(mug.get("purchase-date")).isEqualTo(ISO.format(Instant.parse(o.get("purchaseDate").asString())))
                .endsWith("+00:00");
        assertThat(mug.get("last-updated-date")).isEqualTo(ISO.format(Instant.parse(o.get("lastUpdateDate")
                .asString())));
        assertThat(mug.get("order-status")).isEqualTo("PartiallyShipped");
        assertThat(mug.get("fulfillment-channel")).isEqualTo("Merchant");
        assertThat(mug.get("sales-channel")).isEqualTo("Amazon.com");
        assertThat(mug.get("ship-service-level")).isEqualTo("Standard");
        assertThat(mug.get("product-name")).isEqualTo("Title of MUG");
        assertThat(mug.get("asin")).isEqualTo(mugItem.get("asin").asString());
        assertThat(mug.get("item-status")).isEqualTo("Shipped");
        assertThat(mug.get("quantity")).isEqualTo("2");
        assertThat(mug.get("currency")).isEqualTo("USD");
        assertThat(mug.get("item-price")).isEqualTo(amount(mugItem, "itemPrice")).isEqualTo("20.00");
        assertThat(mug.get("item-tax")).isEqualTo(amount(mugItem, "itemTax"));
        assertThat(mug.get("shipping-price")).isEqualTo(amount(mugItem, "shippingPrice"));
        assertThat(mug.get("shipping-tax")).isEqualTo(amount(mugItem, "shippingTax"));
        assertThat(mug.get("ship-city")).isEqualTo(o.get("shippingAddress").get("city").asString());
        assertThat(mug.get("ship-country")).isEqualTo("US");
        assertThat(mug.get("is-business-order")).isEqualTo("false");
        assertThat(mug.get("gift-wrap-price")).isEmpty();
        assertThat(report.line("amazon-order-id", shippedId, "CUP").get("item-status")).isEqualTo("Unshipped");
        Map<String, String> cup = report.line("amazon-order-id", cancelled.get("amazonOrderId").asString(), "CUP");
        assertThat(cup.get("order-status")).isEqualTo("Cancelled");
        assertThat(cup.get("item-status")).isEqualTo("Cancelled");
        assertThat(report.line("amazon-order-id", pending.get("amazonOrderId").asString(), "MUG")
                .get("order-status")).isEqualTo("Pending");

        Generated earlier = generate(allOrders, s.accountId(), ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                now.minus(Duration.ofDays(11)), now.minus(Duration.ofDays(5)), US);
        assertThat(earlier.column("amazon-order-id")).containsExactly(before.get("amazonOrderId").asString(),
                shippedId, shippedId);
    }

    @Test
    void unshippedOrdersShowEachLineStillToShipOfTheOrdersThePaymentCheckCleared() {
        Seller s = seller();
        Seller other = seller();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonNode partly = place(s, US, now.minus(Duration.ofDays(5)), "MUG", 4, "CUP", 1);
        JsonNode done = place(s, US, now.minus(Duration.ofDays(4)), "MUG", 1);
        JsonNode waiting = place(s, US, now.minus(Duration.ofDays(1)), "CUP", 2);
        JsonNode cancelled = place(s, US, now.minus(Duration.ofHours(20)), "CUP", 1);
        place(s, US, now.minusSeconds(60), "MUG", 1);
        place(other, US, now.minus(Duration.ofDays(3)), "MUG", 1);
        orders.promoteDue(1000);
        String partlyId = partly.get("amazonOrderId").asString();
        ship(partlyId, "MUG", 1);
        ship(partlyId, "CUP", 1);
        ship(done.get("amazonOrderId").asString(), "MUG", 1);
        cancel(s, cancelled.get("amazonOrderId").asString());

        Generated report = generate(actionableOrders, s.accountId(), ReportTypes.ACTIONABLE_ORDERS, null, null, US);

        assertThat(String.join("\t", report.header())).isEqualTo("order-id\torder-item-id\tpurchase-date\t"
                + "payments-date\treporting-date\tpromise-date\tdays-past-promise\tbuyer-email\tbuyer-name\t"
                + "buyer-phone-number\tsku\tproduct-name\tquantity-purchased\tquantity-shipped\tquantity-to-ship\t"
                + "ship-service-level\trecipient-name\tship-address-1\tship-address-2\tship-address-3\tship-city\t"
                + "ship-state\tship-postal-code\tship-country\tis-business-order\tpurchase-order-number\t"
                + "price-designation");
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.column("order-id")).containsExactly(partlyId, waiting.get("amazonOrderId").asString());

        JsonNode o = order(s, partlyId);
        Map<String, String> mug = report.line("order-id", partlyId, "MUG");
        assertThat(mug.get("order-item-id")).isEqualTo(item(o, "MUG").get("orderItemId").asString());
        assertThat(mug.get("quantity-purchased")).isEqualTo("4");
        assertThat(mug.get("quantity-shipped")).isEqualTo("1");
        assertThat(mug.get("quantity-to-ship")).isEqualTo("3");
        assertThat(mug.get("purchase-date")).isEqualTo(ISO.format(now.minus(Duration.ofDays(5))));
        assertThat(mug.get("payments-date")).isEqualTo(ISO.format(Instant.parse(o.get("pendingUntil").asString())));
        Instant promise = Instant.parse(o.get("latestShipDate").asString());
        assertThat(mug.get("promise-date")).isEqualTo(ISO.format(promise));
        assertThat(mug.get("days-past-promise"))
                .isEqualTo(Long.toString(Duration.between(promise, clock.instant()).toDays()));
        assertThat(mug.get("buyer-email")).isEqualTo(o.get("buyer").get("email").asString());
        assertThat(mug.get("buyer-name")).isEqualTo(o.get("buyer").get("name").asString());
        assertThat(mug.get("recipient-name")).isEqualTo(o.get("shippingAddress").get("name").asString());
        assertThat(mug.get("ship-address-1")).isEqualTo(o.get("shippingAddress").get("addressLine1").asString());
        assertThat(mug.get("ship-service-level")).isEqualTo("Standard");
        assertThat(mug.get("is-business-order")).isEqualTo("false");
    }

    @Test
    void anEmptySellerGetsTheHeaderOnlyAndOnlyTheMarketplacesAskedForAreShown() {
        Seller empty = seller();
        Seller both = seller(US, CA);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        place(both, US, now.minus(Duration.ofDays(2)), "MUG", 1);
        String inCanada = place(both, CA, now.minus(Duration.ofDays(2)), "CUP", 1).get("amazonOrderId").asString();
        orders.promoteDue(1000);

        assertThat(generate(allOrders, empty.accountId(), ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                now.minus(Duration.ofDays(30)), now, US).rows()).isZero();
        assertThat(generate(actionableOrders, empty.accountId(), ReportTypes.ACTIONABLE_ORDERS, null, null, US)
                .rows()).isZero();
        Generated canada = generate(allOrders, both.accountId(), ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                now.minus(Duration.ofDays(30)), now, CA);
        assertThat(canada.column("amazon-order-id")).containsExactly(inCanada);
        assertThat(canada.column("currency")).containsExactly("CAD");
        assertThat(canada.column("sales-channel")).containsExactly("Amazon.ca");
        assertThat(generate(actionableOrders, both.accountId(), ReportTypes.ACTIONABLE_ORDERS, null, null, US, CA)
                .rows()).isEqualTo(2);
    }
}
