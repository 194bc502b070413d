package io.openmws.server.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.TestDatabases;
import io.openmws.server.support.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The five Orders operations through the whole gateway on a real port, signed as clients sign them:
 * the exact Order and OrderItem elements, every ListOrders parameter rule with its error, keyset pages
 * followed by NextToken, tokens that are altered or belong to another caller, other sellers' orders,
 * and the shared throttle bucket. Orders are written with {@link OrderRows} at chosen instants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class OrdersApiTest {

    static final String TOKEN = "orders-api-test-" + UUID.randomUUID();
    static final String ORDERS = "/Orders/2013-09-01";
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final String DE = "A1PA6795UKMFR9";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.orders.items-page-size", () -> "2");
    }

    /** Who calls: the developer's keys, for which seller, with which MWS Auth Token (null: its own account). */
    record Caller(String sellerId, String developerId, String accessKeyId, String secretKey, String mwsAuthToken) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    OrderQueries queries;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    OrderRows rows() {
        return new OrderRows(jdbc);
    }

    Fixtures fixtures() {
        return new Fixtures(new JsonClient(port, TOKEN));
    }

    /** A developer calling for its own seller account, selling in these marketplaces. */
    Caller caller(boolean throttled, String... marketplaces) {
        Fixtures.Developer dev = fixtures().developerIn(marketplaces);
        if (!throttled) {
            unthrottle(dev.developerId());
        }
        return new Caller(dev.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), null);
    }

    Caller caller() {
        return caller(false, US, CA);
    }

    /** Another developer, authorized by the seller of {@code c}, calling for that seller. */
    Caller otherDeveloperFor(Caller c) {
        Fixtures.Developer dev = fixtures().developer();
        unthrottle(dev.developerId());
        String token = fixtures().authorize(c.sellerId(), dev.developerId());
        return new Caller(c.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), token);
    }

    void unthrottle(String developerId) {
        JsonClient.Response r = new JsonClient(port, TOKEN).post("/sandbox/v1/developers/" + developerId + "/throttling",
                "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    Answer call(Caller c, String action, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", "2013-09-01");
        all.put("SellerId", c.sellerId());
        all.put("Timestamp", Timestamps.format(clock.instant()));
        if (c.mwsAuthToken() != null) {
            all.put("MWSAuthToken", c.mwsAuthToken());
        }
        return new MwsClient(port).signedPost(ORDERS, c.accessKeyId(), c.secretKey(), all);
    }

    Answer ok(Caller c, String action, Map<String, String> params) {
        Answer a = call(c, action, params);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    /** ListOrders in the US marketplace for orders created since {@code after}, plus {@code more}. */
    Answer listCreated(Caller c, Instant after, String... more) {
        Map<String, String> params = new HashMap<>(Map.of("MarketplaceId.Id.1", US, "CreatedAfter",
                Timestamps.format(after)));
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return ok(c, "ListOrders", params);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    String insert(Caller c, Instant purchased) {
        return rows().insert(c.sellerId(), new OrderRows.Order().purchased(purchased));
    }

    static List<String> values(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String value(String xml, String element) {
        List<String> all = values(xml, element);
        assertThat(all).as("<%s> in %s", element, xml).hasSize(1);
        return all.get(0);
    }

    static void assertError(Answer a, int status, String code, String message) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        MwsError error = a.error().errors().get(0);
        assertThat(error.code()).as(a.body()).isEqualTo(code);
        if (message != null) {
            assertThat(error.message()).isEqualTo(message);
        }
    }

    // ---- the elements

    @Test
    void listOrdersAnswersTheExactOrderElement() {
        Caller c = caller();
        Instant purchased = now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).plusMillis(747);
        OrderRows.Order o = new OrderRows.Order().purchased(purchased);
        o.lastUpdateDate = purchased.plusSeconds(90);
        o.items = 2;
        o.sellerOrderId = "PO-1";
        String id = rows().insert(c.sellerId(), o);

        Instant before = now();
        Answer a = listCreated(c, purchased.minusSeconds(1));
        Instant after = now();

        String createdBefore = value(a.body(), "CreatedBefore");
        assertThat(Instant.parse(createdBefore)).isBetween(before.minus(Duration.ofMinutes(2)),
                after.minus(Duration.ofMinutes(2)));
        String d = Timestamps.format(purchased);
        assertThat(a.body()).isEqualTo("<?xml version=\"1.0\"?>\n"
                + "<ListOrdersResponse xmlns=\"https://mws.amazonservices.com/Orders/2013-09-01\"><ListOrdersResult>"
                + "<CreatedBefore>" + createdBefore + "</CreatedBefore><Orders><Order>"
                + "<AmazonOrderId>" + id + "</AmazonOrderId><SellerOrderId>PO-1</SellerOrderId>"
                + "<PurchaseDate>" + d + "</PurchaseDate>"
                + "<LastUpdateDate>" + Timestamps.format(purchased.plusSeconds(90)) + "</LastUpdateDate>"
                + "<OrderStatus>Unshipped</OrderStatus><FulfillmentChannel>MFN</FulfillmentChannel>"
                + "<SalesChannel>Amazon.com</SalesChannel><ShipServiceLevel>Std US D2D Dom</ShipServiceLevel>"
                + "<ShippingAddress><Name>Jo Buyer</Name><AddressLine1>12 Main St</AddressLine1>"
                + "<AddressLine2>Apt 4</AddressLine2><City>Seattle</City><StateOrRegion>WA</StateOrRegion>"
                + "<PostalCode>98103</PostalCode><CountryCode>US</CountryCode><Phone>+1 206 555 0100</Phone>"
                + "<AddressType>Residential</AddressType></ShippingAddress>"
                + "<OrderTotal><CurrencyCode>USD</CurrencyCode><Amount>49.48</Amount></OrderTotal>"
                + "<NumberOfItemsShipped>0</NumberOfItemsShipped><NumberOfItemsUnshipped>3</NumberOfItemsUnshipped>"
                + "<PaymentMethod>Other</PaymentMethod>"
                + "<PaymentMethodDetails><PaymentMethodDetail>Standard</PaymentMethodDetail></PaymentMethodDetails>"
                + "<MarketplaceId>ATVPDKIKX0DER</MarketplaceId><BuyerEmail>" + o.buyerEmail + "</BuyerEmail>"
                + "<BuyerName>Jo Buyer</BuyerName><ShipmentServiceLevelCategory>Standard</ShipmentServiceLevelCategory>"
                + "<OrderType>StandardOrder</OrderType><EarliestShipDate>" + d + "</EarliestShipDate>"
                + "<LatestShipDate>" + Timestamps.format(purchased.plus(Duration.ofDays(2))) + "</LatestShipDate>"
                + "<EarliestDeliveryDate>" + Timestamps.format(purchased.plus(Duration.ofDays(3)))
                + "</EarliestDeliveryDate><LatestDeliveryDate>" + Timestamps.format(purchased.plus(Duration.ofDays(7)))
                + "</LatestDeliveryDate><IsBusinessOrder>false</IsBusinessOrder><IsPrime>false</IsPrime>"
                + "<IsGlobalExpressEnabled>false</IsGlobalExpressEnabled><IsPremiumOrder>false</IsPremiumOrder>"
                + "<IsReplacementOrder>false</IsReplacementOrder></Order></Orders></ListOrdersResult>"
                + "<ResponseMetadata><RequestId>" + a.header("x-mws-request-id") + "</RequestId></ResponseMetadata>"
                + "</ListOrdersResponse>");
        assertThat(d).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.747Z");
    }

    @Test
    void listOrderItemsAnswersTheExactItemElements() {
        Caller c = caller();
        OrderRows.Order o = new OrderRows.Order().purchased(now().minus(Duration.ofDays(1)));
        o.conditionType = "UsedVeryGood";
        String id = rows().insert(c.sellerId(), o);
        long ref = jdbc.sql("SELECT id FROM customer_order WHERE amazon_order_id = :id").param("id", id)
                .query(Long.class).single();

        Answer a = ok(c, "ListOrderItems", Map.of("AmazonOrderId", id));

        assertThat(a.body()).isEqualTo("<?xml version=\"1.0\"?>\n"
                + "<ListOrderItemsResponse xmlns=\"https://mws.amazonservices.com/Orders/2013-09-01\">"
                + "<ListOrderItemsResult><AmazonOrderId>" + id + "</AmazonOrderId><OrderItems><OrderItem>"
                + "<ASIN>B000000001</ASIN><SellerSKU>SKU-1</SellerSKU>"
                + "<OrderItemId>" + String.format("%014d", ref * 100 + 1) + "</OrderItemId><Title>Thing 1</Title>"
                + "<QuantityOrdered>1</QuantityOrdered><QuantityShipped>0</QuantityShipped>"
                + "<ItemPrice><CurrencyCode>USD</CurrencyCode><Amount>12.50</Amount></ItemPrice>"
                + "<ShippingPrice><CurrencyCode>USD</CurrencyCode><Amount>4.99</Amount></ShippingPrice>"
                + "<ItemTax><CurrencyCode>USD</CurrencyCode><Amount>1.00</Amount></ItemTax>"
                + "<ShippingTax><CurrencyCode>USD</CurrencyCode><Amount>0.00</Amount></ShippingTax>"
                + "<PromotionDiscount><CurrencyCode>USD</CurrencyCode><Amount>0.00</Amount></PromotionDiscount>"
                + "<IsGift>false</IsGift><ConditionId>Used</ConditionId><ConditionSubtypeId>Very Good</ConditionSubtypeId>"
                + "<SerialNumberRequired>false</SerialNumberRequired><IsTransparency>false</IsTransparency>"
                + "</OrderItem></OrderItems></ListOrderItemsResult>"
                + "<ResponseMetadata><RequestId>" + a.header("x-mws-request-id") + "</RequestId></ResponseMetadata>"
                + "</ListOrderItemsResponse>");
    }

    @Test
    void pendingOrdersShowNeitherTheBuyerNorTheMoney() {
        Caller c = caller();
        OrderRows.Order o = new OrderRows.Order().purchased(now().minus(Duration.ofHours(1)));
        o.status = "Pending";
        String id = rows().insert(c.sellerId(), o);

        String order = ok(c, "GetOrder", Map.of("AmazonOrderId.Id.1", id)).body();
        assertThat(value(order, "OrderStatus")).isEqualTo("Pending");
        assertThat(order).doesNotContain("<BuyerEmail>", "<BuyerName>", "<ShippingAddress>", "<OrderTotal>",
                o.buyerEmail, "Seattle");
        assertThat(value(order, "NumberOfItemsUnshipped")).isEqualTo("1");

        String items = ok(c, "ListOrderItems", Map.of("AmazonOrderId", id)).body();
        assertThat(value(items, "SellerSKU")).isEqualTo("SKU-1");
        assertThat(items).doesNotContain("<ItemPrice>", "<ShippingPrice>", "<ItemTax>", "<ShippingTax>",
                "<PromotionDiscount>", "<Amount>");

        jdbc.sql("UPDATE customer_order SET status = 'Unshipped' WHERE amazon_order_id = :id").param("id", id).update();
        assertThat(ok(c, "GetOrder", Map.of("AmazonOrderId.Id.1", id)).body()).contains(
                "<BuyerEmail>" + o.buyerEmail + "</BuyerEmail>", "<ShippingAddress>", "<OrderTotal>");
    }

    @Test
    void noOrdersIsAnEmptyOrdersElement() {
        Caller c = caller();
        Answer a = listCreated(c, now().minus(Duration.ofDays(30)));
        assertThat(a.body()).contains("<Orders></Orders>").doesNotContain("<NextToken>");
    }

    @Test
    void anOrderABuyerPlacedIsListedPendingWithItsLines() {
        Caller c = caller();
        Listings listings = new Listings(catalog, transactions, jdbc);
        listings.offer(listings.accountId(c.sellerId()), US, "MUG-1", "9.99", 5, null);
        Instant purchased = now().minus(Duration.ofMinutes(10));
        JsonClient.Response placed = new JsonClient(port, TOKEN).post("/sandbox/v1/sellers/" + c.sellerId() + "/orders",
                "{\"marketplaceId\": \"" + US + "\", \"items\": [{\"sku\": \"MUG-1\", \"quantity\": 2}],"
                        + " \"purchaseDate\": \"" + purchased + "\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("amazonOrderId").asString();

        String listed = listCreated(c, purchased.minusSeconds(1)).body();
        assertThat(values(listed, "AmazonOrderId")).containsExactly(id);
        assertThat(value(listed, "OrderStatus")).isEqualTo("Pending");
        assertThat(value(listed, "PurchaseDate")).isEqualTo(Timestamps.format(purchased));
        assertThat(value(listed, "NumberOfItemsUnshipped")).isEqualTo("2");
        assertThat(listed).doesNotContain("<BuyerEmail>", "<OrderTotal>", "<ShippingAddress>");

        String items = ok(c, "ListOrderItems", Map.of("AmazonOrderId", id)).body();
        assertThat(value(items, "SellerSKU")).isEqualTo("MUG-1");
        assertThat(value(items, "QuantityOrdered")).isEqualTo("2");
        assertThat(value(items, "OrderItemId")).matches("\\d{14}");
        assertThat(items).doesNotContain("<ItemPrice>");
    }

    // ---- the parameter rules

    @Test
    void everyListOrdersParameterRuleHasItsError() {
        Caller c = caller();
        Instant now = now();
        String day = Timestamps.format(now.minus(Duration.ofDays(1)));
        String hour = Timestamps.format(now.minus(Duration.ofHours(1)));
        String soon = Timestamps.format(now.minus(Duration.ofSeconds(60)));
        String inv = "InvalidParameterValue";
        record Case(Map<String, String> params, String message) {}
        List<Case> cases = List.of(
                new Case(Map.of("CreatedAfter", day), "Missing required parameter MarketplaceId.Id.1."),
                new Case(Map.of("MarketplaceId.Id.1", US), "CreatedAfter or LastUpdatedAfter must be specified"),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedBefore", hour),
                        "CreatedAfter or LastUpdatedAfter must be specified"),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "LastUpdatedAfter", day),
                        "CreatedAfter and LastUpdatedAfter cannot both be specified: select orders either by creation"
                                + " or by last update."),
                new Case(Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", day, "CreatedBefore", hour),
                        "CreatedBefore can only be specified with CreatedAfter."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "LastUpdatedBefore", hour),
                        "LastUpdatedBefore can only be specified with LastUpdatedAfter."),
                new Case(Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", hour, "LastUpdatedBefore", day),
                        "The LastUpdatedAfter date is after the LastUpdatedBefore date."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", hour, "CreatedBefore", day),
                        "The CreatedAfter date is after the CreatedBefore date."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "CreatedBefore", day),
                        "The CreatedBefore date must be later than the CreatedAfter date."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", "2020-13-01T00:00:00Z"),
                        "Invalid CreatedAfter: 2020-13-01T00:00:00Z. Use ISO 8601, e.g. 2020-06-25T12:32:14Z."),
                new Case(Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", day, "LastUpdatedBefore", "yesterday"),
                        "Invalid LastUpdatedBefore: yesterday. Use ISO 8601, e.g. 2020-06-25T12:32:14Z."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", "2999-01-01T00:00:00Z"), null),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", soon), null),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "CreatedBefore", soon), null),
                new Case(Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", soon), null),
                new Case(Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", day, "LastUpdatedBefore", soon), null),
                new Case(Map.of("MarketplaceId.Id.1", "NOTAMARKET", "CreatedAfter", day),
                        "Invalid MarketplaceId: NOTAMARKET. It is not a marketplace id."),
                new Case(Map.of("MarketplaceId.Id.1", US, "MarketplaceId.Id.2", DE, "CreatedAfter", day),
                        "Invalid MarketplaceId: " + DE + ". The seller does not sell in it."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "OrderStatus.Status.1", "Unshipped"),
                        "OrderStatus values Unshipped and PartiallyShipped must be used together: send both or neither."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "OrderStatus.Status.1",
                        "PartiallyShipped"), "OrderStatus values Unshipped and PartiallyShipped must be used together:"
                        + " send both or neither."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "OrderStatus.Status.1", "Cancelled"),
                        "Invalid OrderStatus: Cancelled. Use one of Canceled, InvoiceUnconfirmed, PartiallyShipped,"
                                + " Pending, PendingAvailability, Shipped, Unfulfillable, Unshipped."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "FulfillmentChannel.Channel.1", "FBA"),
                        "Invalid FulfillmentChannel: FBA. Use one of AFN, MFN."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "PaymentMethod.Method.1", "Card"),
                        "Invalid PaymentMethod: Card. Use one of COD, CVS, Other."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "BuyerEmail", "a@b.c",
                        "OrderStatus.Status.1", "Shipped"), "BuyerEmail cannot be combined with OrderStatus: with"
                        + " BuyerEmail send only MarketplaceId, CreatedAfter and CreatedBefore."),
                new Case(Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", day, "BuyerEmail", "a@b.c"),
                        "BuyerEmail cannot be combined with LastUpdatedAfter: with BuyerEmail send only MarketplaceId,"
                                + " CreatedAfter and CreatedBefore."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "BuyerEmail", "a@b.c",
                        "FulfillmentChannel.Channel.1", "MFN"), "BuyerEmail cannot be combined with FulfillmentChannel:"
                        + " with BuyerEmail send only MarketplaceId, CreatedAfter and CreatedBefore."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "SellerOrderId", "PO-1",
                        "PaymentMethod.Method.1", "COD"), "SellerOrderId cannot be combined with PaymentMethod: with"
                        + " SellerOrderId send only MarketplaceId, CreatedAfter and CreatedBefore."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "SellerOrderId", "PO-1",
                        "BuyerEmail", "a@b.c"), "BuyerEmail cannot be combined with SellerOrderId: with BuyerEmail"
                        + " send only MarketplaceId, CreatedAfter and CreatedBefore."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "MaxResultsPerPage", "0"),
                        "MaxResultsPerPage must be a whole number from 1 to 100; it is 0."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "MaxResultsPerPage", "101"),
                        "MaxResultsPerPage must be a whole number from 1 to 100; it is 101."),
                new Case(Map.of("MarketplaceId.Id.1", US, "CreatedAfter", day, "MaxResultsPerPage", "ten"),
                        "MaxResultsPerPage must be a whole number from 1 to 100; it is ten."));
        for (Case k : cases) {
            Answer a = call(c, "ListOrders", k.params());
            assertThat(a.status()).as("%s: %s", k.params(), a.body()).isEqualTo(400);
            MwsError error = a.error().errors().get(0);
            assertThat(error.code()).as(a.body()).isEqualTo(inv);
            if (k.message() != null) {
                assertThat(error.message()).as("%s", k.params()).isEqualTo(k.message());
            } else {
                assertThat(error.message()).as("%s", k.params())
                        .matches("(CreatedAfter|CreatedBefore|LastUpdatedAfter|LastUpdatedBefore) must be no later"
                                + " than 2 minutes before the request time: \\S+Z at the latest, but it is \\S+Z\\.");
            }
        }

        Map<String, String> fifty = new LinkedHashMap<>(Map.of("CreatedAfter", day));
        for (int i = 1; i <= 51; i++) {
            fifty.put("MarketplaceId.Id." + i, US);
        }
        assertError(call(c, "ListOrders", fifty), 400, inv,
                "MarketplaceId.Id may name at most 50 marketplaces; 51 were sent.");
        fifty.remove("MarketplaceId.Id.51");
        assertThat(call(c, "ListOrders", fifty).status()).isEqualTo(200);
    }

    @Test
    void theBeforeDateIsEchoedAsGivenAndTheTwoMinuteBoundaryIsAccepted() {
        Caller c = caller();
        Instant before = now().minus(Duration.ofHours(5));
        String created = value(listCreated(c, before.minus(Duration.ofDays(1)), "CreatedBefore",
                Timestamps.format(before)).body(), "CreatedBefore");
        assertThat(created).isEqualTo(Timestamps.format(before));

        Answer updated = ok(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter",
                Timestamps.format(before)));
        assertThat(Instant.parse(value(updated.body(), "LastUpdatedBefore")))
                .isBetween(now().minus(Duration.ofMinutes(3)), now().minus(Duration.ofMinutes(2)));
        assertThat(updated.body()).doesNotContain("<CreatedBefore>");

        // Exactly two minutes (and a little more, for the trip) before the request is allowed.
        String boundary = Timestamps.format(now().minus(Duration.ofMinutes(2)).minusSeconds(1));
        assertThat(call(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "CreatedAfter", boundary)).status())
                .isEqualTo(200);
    }

    @Test
    void ordersAreSelectedByWindowAndEveryFilter() {
        Caller c = caller();
        Instant t = now().minus(Duration.ofDays(10));
        OrderRows.Order usShipped = new OrderRows.Order().purchased(t.plusSeconds(10));
        usShipped.status = "Shipped";
        usShipped.lastUpdateDate = t.plus(Duration.ofDays(5));
        OrderRows.Order usAfn = new OrderRows.Order().purchased(t.plusSeconds(20));
        usAfn.fulfillmentChannel = "AFN";
        usAfn.paymentMethod = "COD";
        usAfn.sellerOrderId = "PO-77";
        OrderRows.Order ca = new OrderRows.Order().purchased(t.plusSeconds(30));
        ca.marketplaceId = CA;
        ca.salesChannel = "Amazon.ca";
        ca.currency = "CAD";
        OrderRows.Order canceled = new OrderRows.Order().purchased(t.plusSeconds(40));
        canceled.status = "Canceled";
        OrderRows.Order old = new OrderRows.Order().purchased(t.minusSeconds(1));
        String shippedId = rows().insert(c.sellerId(), usShipped);
        String afnId = rows().insert(c.sellerId(), usAfn);
        String caId = rows().insert(c.sellerId(), ca);
        String canceledId = rows().insert(c.sellerId(), canceled);
        rows().insert(c.sellerId(), old);

        assertThat(values(listCreated(c, t).body(), "AmazonOrderId")).containsExactly(shippedId, afnId, canceledId);
        assertThat(values(ok(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "MarketplaceId.Id.2", CA,
                "CreatedAfter", Timestamps.format(t))).body(), "AmazonOrderId"))
                .containsExactly(shippedId, afnId, caId, canceledId);
        assertThat(values(listCreated(c, t, "CreatedBefore", Timestamps.format(t.plusSeconds(20))).body(),
                "AmazonOrderId")).as("Before is exclusive").containsExactly(shippedId);
        assertThat(values(listCreated(c, t, "OrderStatus.Status.1", "Unshipped", "OrderStatus.Status.2",
                "PartiallyShipped").body(), "AmazonOrderId")).containsExactly(afnId);
        assertThat(values(listCreated(c, t, "OrderStatus.Status.1", "Shipped", "OrderStatus.Status.2",
                "Canceled").body(), "AmazonOrderId")).containsExactly(shippedId, canceledId);
        assertThat(values(listCreated(c, t, "OrderStatus.Status.1", "PendingAvailability").body(), "AmazonOrderId"))
                .isEmpty();
        assertThat(values(listCreated(c, t, "FulfillmentChannel.Channel.1", "AFN").body(), "AmazonOrderId"))
                .containsExactly(afnId);
        assertThat(values(listCreated(c, t, "PaymentMethod.Method.1", "Other").body(), "AmazonOrderId"))
                .containsExactly(shippedId, canceledId);
        assertThat(values(listCreated(c, t, "BuyerEmail", usShipped.buyerEmail).body(), "AmazonOrderId"))
                .containsExactly(shippedId);
        assertThat(values(listCreated(c, t, "SellerOrderId", "PO-77").body(), "AmazonOrderId"))
                .containsExactly(afnId);
        assertThat(values(ok(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter",
                Timestamps.format(t.plus(Duration.ofDays(1))))).body(), "AmazonOrderId")).containsExactly(shippedId);
    }

    // ---- pages

    @Test
    void pagesFollowTheNextTokenInAscendingDateOrder() {
        Caller c = caller();
        Instant t = now().minus(Duration.ofDays(2));
        List<String> expected = new ArrayList<>();
        // Inserted out of date order; two pairs share an instant, which the id orders.
        for (int second : new int[] {50, 10, 30, 30, 20, 70, 60, 60}) {
            expected.add(second + "/" + insert(c, t.plusSeconds(second)));
        }
        List<String> byDate = expected.stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.split("/")[0]), Integer.parseInt(b.split("/")[0])))
                .map(s -> s.split("/")[1]).toList();

        List<String> seen = new ArrayList<>();
        Answer page = listCreated(c, t, "MaxResultsPerPage", "3");
        String createdBefore = value(page.body(), "CreatedBefore");
        int pages = 1;
        seen.addAll(values(page.body(), "AmazonOrderId"));
        while (page.body().contains("<NextToken>")) {
            String token = value(page.body(), "NextToken");
            page = ok(c, "ListOrdersByNextToken", Map.of("NextToken", token));
            assertThat(page.body()).startsWith("<?xml version=\"1.0\"?>\n<ListOrdersByNextTokenResponse"
                    + " xmlns=\"https://mws.amazonservices.com/Orders/2013-09-01\"><ListOrdersByNextTokenResult>");
            assertThat(value(page.body(), "CreatedBefore")).isEqualTo(createdBefore);
            assertThat(values(page.body(), "AmazonOrderId")).hasSizeLessThanOrEqualTo(3);
            seen.addAll(values(page.body(), "AmazonOrderId"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        // Equal instants come out in insertion (id) order, which the stable sort above keeps.
        assertThat(seen).containsExactlyElementsOf(byDate);

        // The same orders by last update, paged one at a time.
        List<String> byUpdate = new ArrayList<>();
        page = ok(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "LastUpdatedAfter", Timestamps.format(t),
                "MaxResultsPerPage", "1"));
        byUpdate.addAll(values(page.body(), "AmazonOrderId"));
        while (page.body().contains("<NextToken>")) {
            page = ok(c, "ListOrdersByNextToken", Map.of("NextToken", value(page.body(), "NextToken")));
            assertThat(page.body()).contains("<LastUpdatedBefore>").doesNotContain("<CreatedBefore>");
            byUpdate.addAll(values(page.body(), "AmazonOrderId"));
        }
        assertThat(byUpdate).containsExactlyElementsOf(byDate);
    }

    @Test
    void aNextTokenWorksOnlyUnalteredAndForItsOwnCaller() {
        Caller c = caller();
        Instant t = now().minus(Duration.ofDays(2));
        insert(c, t.plusSeconds(1));
        insert(c, t.plusSeconds(2));
        String token = value(listCreated(c, t, "MaxResultsPerPage", "1").body(), "NextToken");
        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain(c.sellerId());
        String corrupted = "NextTokenCorrupted";

        char last = token.charAt(token.length() / 2);
        String tampered = token.substring(0, token.length() / 2) + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() / 2 + 1);
        assertError(call(c, "ListOrdersByNextToken", Map.of("NextToken", tampered)), 400, corrupted, null);
        assertError(call(c, "ListOrdersByNextToken", Map.of("NextToken", "not a token!")), 400, corrupted, null);
        assertError(call(c, "ListOrderItemsByNextToken", Map.of("NextToken", token)), 400, corrupted, null);

        Caller otherDeveloper = otherDeveloperFor(c);
        assertThat(ok(otherDeveloper, "ListOrders", Map.of("MarketplaceId.Id.1", US, "CreatedAfter",
                Timestamps.format(t))).body()).as("the authorized developer sees the orders").contains("<Order>");
        assertError(call(otherDeveloper, "ListOrdersByNextToken", Map.of("NextToken", token)), 400, corrupted, null);

        Caller otherSeller = caller();
        assertError(call(otherSeller, "ListOrdersByNextToken", Map.of("NextToken", token)), 400, corrupted, null);

        assertError(call(c, "ListOrdersByNextToken", Map.of()), 400, "ValidationError",
                "1 validation error detected: Value null at 'nextToken' failed to satisfy constraint: Member must not be null");
        assertError(call(c, "ListOrderItemsByNextToken", Map.of("NextToken", " ")), 400, "ValidationError", null);

        assertThat(values(ok(c, "ListOrdersByNextToken", Map.of("NextToken", token)).body(), "AmazonOrderId"))
                .hasSize(1);
    }

    // ---- other sellers

    @Test
    void anotherSellersOrdersAreNeverVisible() {
        Caller a = caller();
        Caller b = caller();
        Instant t = now().minus(Duration.ofDays(1));
        String mine = insert(a, t.plusSeconds(1));
        String theirs = insert(b, t.plusSeconds(2));
        OrderRows.Order sameEmail = new OrderRows.Order().purchased(t.plusSeconds(3));
        sameEmail.buyerEmail = "shared@marketplace.amazon.com";
        rows().insert(b.sellerId(), sameEmail);

        assertThat(values(listCreated(a, t).body(), "AmazonOrderId")).containsExactly(mine);
        assertThat(values(listCreated(a, t, "BuyerEmail", "shared@marketplace.amazon.com").body(), "AmazonOrderId"))
                .isEmpty();
        assertThat(values(ok(a, "GetOrder", Map.of("AmazonOrderId.Id.1", theirs, "AmazonOrderId.Id.2", mine)).body(),
                "AmazonOrderId")).containsExactly(mine);
        assertError(call(a, "ListOrderItems", Map.of("AmazonOrderId", theirs)), 400, "InvalidParameterValue",
                "Invalid AmazonOrderId: " + theirs + ". The seller has no order with this id.");
        assertError(call(a, "ListOrderItems", Map.of("AmazonOrderId", "111-1111111-1111111")), 400,
                "InvalidParameterValue", "Invalid AmazonOrderId: 111-1111111-1111111. The seller has no order with this id.");

        // A developer authorized by A, calling for A, sees A's orders only; for B it has no authorization.
        Caller forA = otherDeveloperFor(a);
        assertThat(values(ok(forA, "ListOrders", Map.of("MarketplaceId.Id.1", US, "CreatedAfter",
                Timestamps.format(t))).body(), "AmazonOrderId")).containsExactly(mine);
        Caller forB = new Caller(b.sellerId(), forA.developerId(), forA.accessKeyId(), forA.secretKey(),
                forA.mwsAuthToken());
        assertThat(call(forB, "GetOrder", Map.of("AmazonOrderId.Id.1", theirs)).errorCode()).isEqualTo("AccessDenied");
    }

    // ---- GetOrder and ListOrderItems

    @Test
    void getOrderAnswersUpToFiftyOrdersInTheRequestedOrder() {
        Caller c = caller();
        Instant t = now().minus(Duration.ofDays(1));
        String first = insert(c, t.plusSeconds(1));
        String second = insert(c, t.plusSeconds(2));

        Answer a = ok(c, "GetOrder", Map.of("AmazonOrderId.Id.1", second, "AmazonOrderId.Id.2", "999-9999999-9999999",
                "AmazonOrderId.Id.3", first, "AmazonOrderId.Id.4", second));
        assertThat(a.body()).startsWith("<?xml version=\"1.0\"?>\n<GetOrderResponse"
                + " xmlns=\"https://mws.amazonservices.com/Orders/2013-09-01\"><GetOrderResult><Orders><Order>");
        assertThat(values(a.body(), "AmazonOrderId")).containsExactly(second, first);
        assertThat(ok(c, "GetOrder", Map.of("AmazonOrderId.Id.1", "999-9999999-9999999")).body())
                .contains("<GetOrderResult><Orders></Orders></GetOrderResult>");

        assertError(call(c, "GetOrder", Map.of()), 400, "InvalidParameterValue",
                "Missing required parameter AmazonOrderId.Id.1.");
        assertError(call(c, "GetOrder", Map.of("AmazonOrderId.Id.1", "12345")), 400, "InvalidParameterValue",
                "Invalid AmazonOrderId: 12345. An order id has 3-7-7 digits, like 902-3159896-1390916.");
        Map<String, String> many = new HashMap<>();
        for (int i = 1; i <= 51; i++) {
            many.put("AmazonOrderId.Id." + i, first);
        }
        assertError(call(c, "GetOrder", many), 400, "InvalidParameterValue",
                "AmazonOrderId.Id may name at most 50 orders; 51 were sent.");
        many.remove("AmazonOrderId.Id.51");
        assertThat(values(ok(c, "GetOrder", many).body(), "AmazonOrderId")).containsExactly(first);
    }

    @Test
    void orderItemsComeInPagesFollowedByNextToken() {
        Caller c = caller();
        OrderRows.Order o = new OrderRows.Order().purchased(now().minus(Duration.ofDays(1)));
        o.items = 5;
        String id = rows().insert(c.sellerId(), o);

        List<String> skus = new ArrayList<>();
        Answer page = ok(c, "ListOrderItems", Map.of("AmazonOrderId", id));
        assertThat(page.body()).contains("<ListOrderItemsResult><NextToken>");
        skus.addAll(values(page.body(), "SellerSKU"));
        int pages = 1;
        while (page.body().contains("<NextToken>")) {
            page = ok(c, "ListOrderItemsByNextToken", Map.of("NextToken", value(page.body(), "NextToken")));
            assertThat(value(page.body(), "AmazonOrderId")).isEqualTo(id);
            skus.addAll(values(page.body(), "SellerSKU"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(skus).containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
        assertThat(values(page.body(), "QuantityOrdered")).containsExactly("5");

        assertError(call(c, "ListOrderItems", Map.of()), 400, "InvalidParameterValue",
                "Missing required parameter AmazonOrderId.");
        assertError(call(c, "ListOrderItems", Map.of("AmazonOrderId", "abc")), 400, "InvalidParameterValue",
                "Invalid AmazonOrderId: abc. An order id has 3-7-7 digits, like 902-3159896-1390916.");
    }

    // ---- throttling

    @Test
    void theSeventhQuickListOrdersCallIsThrottledAndByNextTokenSharesTheBucket() {
        Caller c = caller(true, US);
        Instant t = now().minus(Duration.ofDays(1));
        insert(c, t.plusSeconds(1));
        insert(c, t.plusSeconds(2));
        Answer first = listCreated(c, t, "MaxResultsPerPage", "1");
        assertThat(first.header("x-mws-quota-max")).as("Orders answers carry no quota headers").isNull();
        String token = value(first.body(), "NextToken");
        for (int i = 2; i <= 6; i++) {
            assertThat(call(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "CreatedAfter", Timestamps.format(t)))
                    .status()).as("call %d", i).isEqualTo(200);
        }
        assertError(call(c, "ListOrdersByNextToken", Map.of("NextToken", token)), 503, "RequestThrottled", null);
        assertError(call(c, "ListOrders", Map.of("MarketplaceId.Id.1", US, "CreatedAfter", Timestamps.format(t))), 503,
                "RequestThrottled", null);
        assertThat(call(c, "GetOrder", Map.of("AmazonOrderId.Id.1", "999-9999999-9999999")).status())
                .as("GetOrder has a bucket of its own").isEqualTo(200);
    }

    // ---- keyset pages

    /** Inserts {@code count} bare orders of the seller, one a second from {@code start}, in one batch. */
    void bulkInsert(String sellerId, Instant start, int count) {
        long account = rows().accountId(sellerId);
        String prefix = String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        long base = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbcTemplate.batchUpdate("""
                INSERT INTO customer_order (account_id, amazon_order_id, marketplace_id, status, sales_channel,
                    ship_service_level, shipment_service_level_category, buyer_name, buyer_email, ship_name,
                    ship_address_line1, ship_city, ship_country_code, currency, order_total, items_unshipped,
                    purchase_date, pending_until, last_update_date, earliest_ship_date, latest_ship_date,
                    earliest_delivery_date, latest_delivery_date)
                VALUES (?, ?, 'ATVPDKIKX0DER', 'Unshipped', 'Amazon.com', 'Std', 'Standard', 'B', 'b@x', 'B', 'L', 'C',
                    'US', 'USD', 1.00, 1, ?, ?, ?, ?, ?, ?, ?)""",
                java.util.stream.IntStream.range(0, count).mapToObj(n -> {
                    Object at = SqlTime.of(start.plusSeconds(n));
                    long id = base + n;
                    String orderId = prefix + "-" + String.format("%07d", (id / 10_000_000L) % 10_000_000L) + "-"
                            + String.format("%07d", id % 10_000_000L);
                    return new Object[] {account, orderId, at, at, at, at, at, at, at};
                }).toList());
    }

    @Test
    void aDeepPageReadsWhatTheFirstPageReads() {
        Caller c = caller();
        Caller other = caller();
        Instant start = now().minus(Duration.ofDays(20));
        bulkInsert(c.sellerId(), start, 20_000);
        bulkInsert(other.sellerId(), start, 5_000);
        long account = rows().accountId(c.sellerId());
        boolean postgres = TestDatabases.current() == TestDatabases.Kind.POSTGRES;
        if (postgres) {
            jdbc.sql("ANALYZE customer_order").update();
        }
        for (boolean byUpdate : new boolean[] {false, true}) {
            ListOrdersQuery query = new ListOrdersQuery(byUpdate, start, now().minus(Duration.ofMinutes(2)),
                    List.of(US), List.of(), List.of(), List.of(), null, null, 100);
            // The position after the 19,900th order: page 200 of 100.
            List<ApiOrder> first = queries.list(account, query, null, 101);
            ApiOrder at = queries.list(account, query, null, 19_900).get(19_899);
            ListOrdersQuery.Position deep = new ListOrdersQuery.Position(start.plusSeconds(19_899), at.id());
            List<ApiOrder> page = queries.list(account, query, deep, 101);
            assertThat(first).hasSize(101);
            assertThat(first.get(0).purchaseDate()).isEqualTo(start);
            assertThat(page).hasSize(100);
            assertThat(page.get(0).purchaseDate()).isEqualTo(start.plusSeconds(19_900));
            assertThat(page.get(99).purchaseDate()).isEqualTo(start.plusSeconds(19_999));

            String index = byUpdate ? "customer_order_updated" : "customer_order_created";
            String explain = postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ";
            String firstPlan = plan(explain + OrderQueries.listSql(query, false), account, query, null);
            String deepPlan = plan(explain + OrderQueries.listSql(query, true), account, query, deep);
            assertThat(firstPlan.toLowerCase(java.util.Locale.ROOT)).as(firstPlan).contains(index);
            assertThat(deepPlan.toLowerCase(java.util.Locale.ROOT)).as(deepPlan).contains(index);
            if (postgres) {
                assertThat(firstPlan).as(firstPlan).doesNotContain("Seq Scan", "Sort");
                assertThat(deepPlan).as(deepPlan).doesNotContain("Seq Scan", "Sort");
                int firstBuffers = buffers(firstPlan);
                int deepBuffers = buffers(deepPlan);
                assertThat(deepBuffers).as("buffers of the deep page (first: %d)\n%s", firstBuffers, deepPlan)
                        .isLessThanOrEqualTo(firstBuffers * 2 + 5);
            }
        }
    }

    String plan(String sql, long account, ListOrdersQuery query, ListOrdersQuery.Position from) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("account", account)
                .param("after", SqlTime.of(query.after())).param("before", SqlTime.of(query.before()))
                .param("marketplaces", query.marketplaceIds()).param("limit", 101);
        if (from != null) {
            statement = statement.param("fromDate", SqlTime.of(from.date())).param("fromId", from.id());
        }
        return String.join("\n", statement.query((rs, n) -> rs.getString(1)).list());
    }

    /** The shared buffers the plan's top node touched (hit plus read). */
    static int buffers(String plan) {
        Matcher m = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?").matcher(plan);
        assertThat(m.find()).as(plan).isTrue();
        return (m.group(1) == null ? 0 : Integer.parseInt(m.group(1))) + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }
}
