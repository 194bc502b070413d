package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What {@code client.orders()} sends and how it reads answers, against a local stand-in for an MWS endpoint:
 * the ListOrders request byte for byte (a signature computed independently), the parameter spellings of every
 * operation, the rules checked before sending, lazy paging, and answers whose elements come in any order. The
 * same operations against the platform are in {@code OrdersApiTest}.
 */
class OrdersApiRequestsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final SellerAccess SELLER = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER"));
    static final String NS = "https://mws.amazonservices.com/Orders/2013-09-01";

    private MwsClient.Builder client(URI endpoint) {
        return MwsClient.builder().endpoint(endpoint).credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", SECRET))
                .application("OrdersTest", "1.0").throttling(Throttling.disabled());
    }

    static String response(String action, String result) {
        return "<?xml version=\"1.0\"?><" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result
                + "</" + action + "Result><ResponseMetadata><RequestId>88faca76-b600-46d2-b53c-0c8c4533e43a</RequestId>"
                + "</ResponseMetadata></" + action + "Response>";
    }

    /** An Unshipped order with its children in an order of their own and elements the SDK does not know. */
    static String unshippedOrder(String id, String lastUpdate) {
        return "<Order><OrderStatus>Unshipped</OrderStatus><LastUpdateDate>" + lastUpdate + "</LastUpdateDate>"
                + "<FutureElement><Nested>1</Nested></FutureElement>"
                + "<ShippingAddress><PostalCode>98103</PostalCode><Name>Jo Buyer</Name><AddressLine1>1 Main St</AddressLine1>"
                + "<City>Seattle</City><StateOrRegion>WA</StateOrRegion><CountryCode>US</CountryCode>"
                + "<AddressType>Residential</AddressType></ShippingAddress>"
                + "<AmazonOrderId>" + id + "</AmazonOrderId><PurchaseDate>2020-06-20T19:49:35.000Z</PurchaseDate>"
                + "<FulfillmentChannel>MFN</FulfillmentChannel><SalesChannel>Amazon.com</SalesChannel>"
                + "<ShipServiceLevel>Std US D2D Dom</ShipServiceLevel>"
                + "<OrderTotal><Amount>25.00</Amount><CurrencyCode>USD</CurrencyCode></OrderTotal>"
                + "<NumberOfItemsShipped>0</NumberOfItemsShipped><NumberOfItemsUnshipped>2</NumberOfItemsUnshipped>"
                + "<PaymentMethod>Other</PaymentMethod><PaymentMethodDetails><PaymentMethodDetail>Standard"
                + "</PaymentMethodDetail></PaymentMethodDetails><MarketplaceId>ATVPDKIKX0DER</MarketplaceId>"
                + "<BuyerEmail>8xk2m1@marketplace.amazon.com</BuyerEmail><BuyerName>Jo Buyer</BuyerName>"
                + "<ShipmentServiceLevelCategory>Standard</ShipmentServiceLevelCategory><OrderType>StandardOrder</OrderType>"
                + "<EarliestShipDate>2020-06-21T07:00:00.000Z</EarliestShipDate>"
                + "<LatestShipDate>2020-06-23T06:59:59.000Z</LatestShipDate>"
                + "<IsBusinessOrder>false</IsBusinessOrder><IsPrime>true</IsPrime><IsPremiumOrder>false</IsPremiumOrder>"
                + "</Order>";
    }

    /** A Pending order: no buyer, no address, no total (spec §4.3). */
    static String pendingOrder(String id) {
        return "<Order><AmazonOrderId>" + id + "</AmazonOrderId><PurchaseDate>2020-06-22T10:00:00.000Z</PurchaseDate>"
                + "<LastUpdateDate>2020-06-22T10:00:00.000Z</LastUpdateDate><OrderStatus>Pending</OrderStatus>"
                + "<FulfillmentChannel>MFN</FulfillmentChannel><NumberOfItemsShipped>0</NumberOfItemsShipped>"
                + "<NumberOfItemsUnshipped>1</NumberOfItemsUnshipped><MarketplaceId>ATVPDKIKX0DER</MarketplaceId></Order>";
    }

    static Map<String, String> form(String body) {
        return FeedsApiRequestsTest.formParams(body);
    }

    @Test
    void listOrdersSendsEveryParameterSignedInTheFormBody() throws Exception {
        // Signature computed with Python's hmac over the canonical string of docs/protocol.md §3.
        String expected = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListOrders&CreatedAfter=2020-05-01T00%3A00%3A00.000Z"
                + "&CreatedBefore=2020-05-28T11%3A00%3A00.000Z&FulfillmentChannel.Channel.1=MFN"
                + "&MarketplaceId.Id.1=ATVPDKIKX0DER&MarketplaceId.Id.2=A2EUQ1WTGCTBG2&MaxResultsPerPage=50"
                + "&OrderStatus.Status.1=Unshipped&OrderStatus.Status.2=PartiallyShipped&PaymentMethod.Method.1=COD"
                + "&PaymentMethod.Method.2=Other&SellerId=A1EXAMPLESELLER"
                + "&Signature=tdCvmp4r9puJTr0bZqVi9TzTN698qa1VTG%2BzMZv8%2BnY%3D&SignatureMethod=HmacSHA256"
                + "&SignatureVersion=2&Timestamp=2020-05-28T11%3A22%3A23Z&Version=2013-09-01";
        String answer = response("ListOrders", "<CreatedBefore>2020-05-28T11:00:00.000Z</CreatedBefore><Orders/>");
        try (StubEndpoint proxy = new StubEndpoint(StubEndpoint.Answer.xml(200, answer, Map.of()))) {
            MwsClient client = client(URI.create("http://mws.amazonservices.com")).proxy(ProxySelector.of(proxy.address()))
                    .clock(Clock.fixed(Instant.parse("2020-05-28T11:22:23Z"), ZoneOffset.UTC)).build();

            OrdersPage page = client.orders().listOrdersPage(SELLER, ListOrdersRequest.builder()
                    .marketplaceIds("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2")
                    .createdAfter(Instant.parse("2020-05-01T00:00:00Z")).createdBefore(Instant.parse("2020-05-28T11:00:00Z"))
                    .statuses(OrderStatus.PARTIALLY_SHIPPED, OrderStatus.UNSHIPPED)
                    .fulfillmentChannels(FulfillmentChannel.MFN).paymentMethods(PaymentMethod.OTHER, PaymentMethod.COD)
                    .maxResultsPerPage(50).build());

            StubEndpoint.Received request = proxy.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri().toString()).isEqualTo("http://mws.amazonservices.com/Orders/2013-09-01");
            assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.body()).isEqualTo(expected);
            assertThat(page.orders()).isEmpty();
            assertThat(page.hasNext()).isFalse();
            assertThat(page.createdBefore()).hasValue(Instant.parse("2020-05-28T11:00:00Z"));
            assertThat(page.lastUpdatedBefore()).isEmpty();
            assertThat(page.requestId()).isEqualTo("88faca76-b600-46d2-b53c-0c8c4533e43a");
        }
    }

    @Test
    void theOtherFamiliesOfListOrdersSendTheirOwnParametersAndTheSellersMarketplacesByDefault() throws Exception {
        String answer = response("ListOrders", "<LastUpdatedBefore>2020-05-28T11:00:00Z</LastUpdatedBefore><Orders/>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, answer, Map.of()))) {
            OrdersApi orders = client(stub.uri()).build().orders();
            SellerAccess twoMarkets = SellerAccess.of("A1EXAMPLESELLER", "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE",
                    List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"));

            orders.listOrdersPage(twoMarkets, ListOrdersRequest.builder().lastUpdatedAfter(Instant.parse("2020-05-01T00:00:00Z"))
                    .lastUpdatedBefore(Instant.parse("2020-05-02T00:00:00.123Z")).statuses(OrderStatus.CANCELED).build());
            orders.listOrdersPage(SELLER, ListOrdersRequest.builder().createdAfter(Instant.parse("2020-05-01T00:00:00Z"))
                    .buyerEmail("8xk2m1@marketplace.amazon.com").build());
            orders.listOrdersPage(SELLER, ListOrdersRequest.builder().createdAfter(Instant.parse("2020-05-01T00:00:00Z"))
                    .sellerOrderId("PO-77").build());

            List<Map<String, String>> sent = stub.received().stream().map(r -> form(r.body())).toList();
            assertThat(sent.get(0)).containsEntry("Action", "ListOrders").containsEntry("MWSAuthToken",
                    "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE").containsEntry("MarketplaceId.Id.1", "ATVPDKIKX0DER")
                    .containsEntry("MarketplaceId.Id.2", "A2EUQ1WTGCTBG2")
                    .containsEntry("LastUpdatedAfter", "2020-05-01T00:00:00.000Z")
                    .containsEntry("LastUpdatedBefore", "2020-05-02T00:00:00.123Z")
                    .containsEntry("OrderStatus.Status.1", "Canceled")
                    .doesNotContainKeys("CreatedAfter", "CreatedBefore", "MaxResultsPerPage", "OrderStatus.Status.2");
            assertThat(sent.get(1)).containsEntry("BuyerEmail", "8xk2m1@marketplace.amazon.com")
                    .containsEntry("CreatedAfter", "2020-05-01T00:00:00.000Z").containsEntry("MarketplaceId.Id.1", "ATVPDKIKX0DER")
                    .doesNotContainKeys("SellerOrderId", "LastUpdatedAfter", "MarketplaceId.Id.2");
            assertThat(sent.get(2)).containsEntry("SellerOrderId", "PO-77").doesNotContainKey("BuyerEmail");
            assertThat(sent).allSatisfy(p -> assertThat(p).containsEntry("Version", "2013-09-01"));
        }
    }

    @Test
    void everyRuleOfListOrdersIsCheckedBeforeAnythingIsSent() {
        Instant t = Instant.parse("2020-05-01T00:00:00Z");
        Map<String, Supplier<ListOrdersRequest>> broken = new LinkedHashMap<>();
        broken.put("createdAfter or lastUpdatedAfter", () -> ListOrdersRequest.builder().build());
        broken.put("not both", () -> ListOrdersRequest.builder().createdAfter(t).lastUpdatedAfter(t).build());
        broken.put("createdBefore goes with createdAfter",
                () -> ListOrdersRequest.builder().lastUpdatedAfter(t).createdBefore(t.plusSeconds(60)).build());
        broken.put("lastUpdatedBefore goes with lastUpdatedAfter",
                () -> ListOrdersRequest.builder().createdAfter(t).lastUpdatedBefore(t.plusSeconds(60)).build());
        broken.put("is not after createdAfter", () -> ListOrdersRequest.builder().createdAfter(t).createdBefore(t).build());
        broken.put("is not after lastUpdatedAfter",
                () -> ListOrdersRequest.builder().lastUpdatedAfter(t).lastUpdatedBefore(t.minusSeconds(1)).build());
        broken.put("UNSHIPPED and PARTIALLY_SHIPPED together",
                () -> ListOrdersRequest.builder().createdAfter(t).statuses(OrderStatus.UNSHIPPED).build());
        broken.put("buyerEmail cannot be combined with statuses", () -> ListOrdersRequest.builder().createdAfter(t)
                .statuses(OrderStatus.SHIPPED).buyerEmail("a@marketplace.amazon.com").build());
        broken.put("buyerEmail cannot be combined with sellerOrderId", () -> ListOrdersRequest.builder().createdAfter(t)
                .buyerEmail("a@marketplace.amazon.com").sellerOrderId("PO-1").build());
        broken.put("sellerOrderId cannot be combined with fulfillmentChannels", () -> ListOrdersRequest.builder()
                .createdAfter(t).fulfillmentChannels(FulfillmentChannel.AFN).sellerOrderId("PO-1").build());
        broken.put("sellerOrderId cannot be combined with paymentMethods", () -> ListOrdersRequest.builder()
                .createdAfter(t).paymentMethods(PaymentMethod.COD).sellerOrderId("PO-1").build());
        broken.put("buyerEmail cannot be combined with lastUpdatedAfter", () -> ListOrdersRequest.builder()
                .lastUpdatedAfter(t).buyerEmail("a@marketplace.amazon.com").build());
        broken.put("maxResultsPerPage is 1 to 100", () -> ListOrdersRequest.builder().createdAfter(t).maxResultsPerPage(101).build());
        broken.put("at most 50 marketplaces", () -> ListOrdersRequest.builder().createdAfter(t)
                .marketplaceIds(IntStream.range(0, 51).mapToObj(i -> "ATVPDKIKX0DER").toList()).build());
        broken.put("statuses is empty", () -> ListOrdersRequest.builder().createdAfter(t).statuses(List.of()).build());

        broken.forEach((message, request) -> assertThatThrownBy(request::get).as(message)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message));
        assertThat(ListOrdersRequest.builder().createdAfter(t).statuses(OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED)
                .maxResultsPerPage(1).build().statuses()).containsExactly(OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED);
    }

    @Test
    void ordersAreReadInAnyElementOrderAndPagesAreFetchedOnlyAsTheStreamIsRead() throws Exception {
        String first = response("ListOrders", "<NextToken>token/1+=</NextToken>"
                + "<CreatedBefore>2020-06-28T11:00:00.000Z</CreatedBefore><Orders>"
                + unshippedOrder("902-3159896-1390916", "2020-06-20T19:52:02.000Z") + "</Orders>");
        String second = response("ListOrdersByNextToken", "<Orders>" + pendingOrder("902-0000000-0000002")
                + "</Orders><NextToken>token-2</NextToken><CreatedBefore>2020-06-28T11:00:00.000Z</CreatedBefore>");
        String last = response("ListOrdersByNextToken", "<CreatedBefore>2020-06-28T11:00:00.000Z</CreatedBefore><Orders/>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, first, Map.of()),
                StubEndpoint.Answer.xml(200, first, Map.of()), StubEndpoint.Answer.xml(200, second, Map.of()),
                StubEndpoint.Answer.xml(200, last, Map.of()))) {
            OrdersApi orders = client(stub.uri()).build().orders();
            ListOrdersRequest request = ListOrdersRequest.createdAfter(Instant.parse("2020-06-01T00:00:00Z"));

            Order firstOrder = orders.listOrders(SELLER, request).findFirst().orElseThrow();
            assertThat(stub.received()).hasSize(1);
            List<Order> all = orders.listOrders(SELLER, request).toList();

            assertThat(stub.received()).hasSize(4);
            assertThat(form(stub.received().get(2).body())).containsEntry("Action", "ListOrdersByNextToken")
                    .containsEntry("NextToken", "token/1+=").doesNotContainKeys("CreatedAfter", "MarketplaceId.Id.1");
            assertThat(form(stub.received().get(3).body())).containsEntry("NextToken", "token-2");
            assertThat(all).extracting(Order::amazonOrderId).containsExactly("902-3159896-1390916", "902-0000000-0000002");
            assertThat(all.get(0)).isEqualTo(firstOrder);
            assertThat(firstOrder).isEqualTo(new Order("902-3159896-1390916", Optional.empty(),
                    Instant.parse("2020-06-20T19:49:35Z"), Instant.parse("2020-06-20T19:52:02Z"), OrderStatus.UNSHIPPED,
                    Optional.of(FulfillmentChannel.MFN), Optional.of("Amazon.com"), Optional.empty(),
                    Optional.of("Std US D2D Dom"), Optional.of(new Address(Optional.of("Jo Buyer"), Optional.of("1 Main St"),
                            Optional.empty(), Optional.empty(), Optional.of("Seattle"), Optional.empty(), Optional.empty(),
                            Optional.of("WA"), Optional.empty(), Optional.of("98103"), Optional.of("US"), Optional.empty(),
                            Optional.of("Residential"))),
                    Optional.of(new Money("USD", new BigDecimal("25.00"))), OptionalInt.of(0), OptionalInt.of(2),
                    Optional.of(PaymentMethod.OTHER), List.of("Standard"), Optional.of("ATVPDKIKX0DER"),
                    Optional.of("8xk2m1@marketplace.amazon.com"), Optional.of("Jo Buyer"), Optional.of("Standard"),
                    Optional.of("StandardOrder"), Optional.of(Instant.parse("2020-06-21T07:00:00Z")),
                    Optional.of(Instant.parse("2020-06-23T06:59:59Z")), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), true, false, false, false, Optional.empty()));
            Order pending = all.get(1);
            assertThat(pending.orderStatus()).isEqualTo(OrderStatus.PENDING);
            assertThat(pending.buyerEmail()).isEmpty();
            assertThat(pending.shippingAddress()).isEmpty();
            assertThat(pending.orderTotal()).isEmpty();
            assertThat(pending.isPrime()).isFalse();
        }
    }

    @Test
    void getOrderSendsEachIdOnceAndChecksTheirCountAndShapeBeforeSending() throws Exception {
        String answer = response("GetOrder", "<Orders>" + pendingOrder("902-0000000-0000002")
                + unshippedOrder("902-3159896-1390916", "2020-06-20T19:52:02Z") + "</Orders>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, answer, Map.of()))) {
            OrdersApi orders = client(stub.uri()).build().orders();

            List<Order> found = orders.getOrder(SELLER, "902-0000000-0000002", "902-3159896-1390916", "902-0000000-0000002");

            assertThat(found).extracting(Order::amazonOrderId).containsExactly("902-0000000-0000002", "902-3159896-1390916");
            assertThat(form(stub.received().get(0).body())).containsEntry("Action", "GetOrder")
                    .containsEntry("AmazonOrderId.Id.1", "902-0000000-0000002")
                    .containsEntry("AmazonOrderId.Id.2", "902-3159896-1390916").doesNotContainKey("AmazonOrderId.Id.3");
            List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> String.format("902-0000000-%07d", i)).toList();
            assertThatThrownBy(() -> orders.getOrder(SELLER, fiftyOne)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 50").hasMessageContaining("got 51");
            assertThatThrownBy(() -> orders.getOrder(SELLER)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got 0");
            assertThatThrownBy(() -> orders.getOrder(SELLER, "902-3159896")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not an AmazonOrderId");
            assertThat(orders.getOrder(SELLER, fiftyOne.subList(0, 50))).hasSize(2);
            assertThat(form(stub.received().get(1).body())).containsEntry("AmazonOrderId.Id.50", "902-0000000-0000049");
            assertThat(stub.received()).hasSize(2);
        }
    }

    @Test
    void orderItemsAreReadWithExactAmountsAcrossPages() throws Exception {
        String item = "<OrderItem><QuantityShipped>1</QuantityShipped><ItemPrice><CurrencyCode>USD</CurrencyCode>"
                + "<Amount>39.80</Amount></ItemPrice><ASIN>B00EXAMPLE</ASIN><SellerSKU>MUG-BLUE</SellerSKU>"
                + "<OrderItemId>68828574383266</OrderItemId><Title>Blue mug</Title><QuantityOrdered>2</QuantityOrdered>"
                + "<ProductInfo><NumberOfItems>1</NumberOfItems></ProductInfo><ItemTax><CurrencyCode>USD</CurrencyCode>"
                + "<Amount>3.58</Amount></ItemTax><ShippingPrice><CurrencyCode>USD</CurrencyCode><Amount>4.99</Amount>"
                + "</ShippingPrice><PromotionIds><PromotionId>FREESHIP</PromotionId></PromotionIds>"
                + "<ConditionId>New</ConditionId><IsGift>false</IsGift><SerialNumberRequired>false</SerialNumberRequired>"
                + "</OrderItem>";
        String other = "<OrderItem><ASIN>B00EXAMPLF</ASIN><OrderItemId>68828574383267</OrderItemId>"
                + "<QuantityOrdered>1</QuantityOrdered></OrderItem>";
        String first = response("ListOrderItems", "<NextToken>items-2</NextToken><AmazonOrderId>902-3159896-1390916"
                + "</AmazonOrderId><OrderItems>" + item + "</OrderItems>");
        String second = response("ListOrderItemsByNextToken", "<AmazonOrderId>902-3159896-1390916</AmazonOrderId>"
                + "<OrderItems>" + other + "</OrderItems>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, first, Map.of()),
                StubEndpoint.Answer.xml(200, second, Map.of()))) {
            List<OrderItem> items = client(stub.uri()).build().orders().listOrderItems(SELLER, "902-3159896-1390916").toList();

            assertThat(form(stub.received().get(0).body())).containsEntry("Action", "ListOrderItems")
                    .containsEntry("AmazonOrderId", "902-3159896-1390916").containsEntry("Version", "2013-09-01");
            assertThat(form(stub.received().get(1).body())).containsEntry("Action", "ListOrderItemsByNextToken")
                    .containsEntry("NextToken", "items-2").doesNotContainKey("AmazonOrderId");
            assertThat(stub.received().get(0).uri().getPath()).isEqualTo("/Orders/2013-09-01");
            assertThat(items).hasSize(2);
            OrderItem mug = items.get(0);
            assertThat(mug.asin()).isEqualTo("B00EXAMPLE");
            assertThat(mug.sellerSku()).hasValue("MUG-BLUE");
            assertThat(mug.orderItemId()).isEqualTo("68828574383266");
            assertThat(mug.quantityOrdered()).isEqualTo(2);
            assertThat(mug.quantityShipped()).isEqualTo(1);
            assertThat(mug.numberOfItems()).hasValue(1);
            assertThat(mug.itemPrice()).hasValue(new Money("USD", new BigDecimal("39.80")));
            assertThat(mug.itemPrice().orElseThrow().amount().scale()).isEqualTo(2);
            assertThat(mug.itemTax()).hasValue(new Money("USD", new BigDecimal("3.58")));
            assertThat(mug.shippingPrice()).hasValue(new Money("USD", new BigDecimal("4.99")));
            assertThat(mug.promotionIds()).containsExactly("FREESHIP");
            assertThat(mug.conditionId()).hasValue("New");
            assertThat(mug.giftWrapPrice()).isEmpty();
            assertThat(items.get(1).quantityShipped()).isZero();
            assertThat(items.get(1).itemPrice()).isEmpty();
        }
    }

    @Test
    void changedSinceWalksEveryPageAndResumesFromTheEchoedWindowEnd() throws Exception {
        String first = response("ListOrders", "<NextToken>more</NextToken>"
                + "<LastUpdatedBefore>2020-06-28T10:58:00.000Z</LastUpdatedBefore><Orders>"
                + unshippedOrder("902-3159896-1390916", "2020-06-20T19:52:02Z") + pendingOrder("902-0000000-0000002")
                + "</Orders>");
        // The second page shows the first order again, changed while the walk ran: it is kept once, as last seen.
        String second = response("ListOrdersByNextToken", "<LastUpdatedBefore>2020-06-28T10:58:00.000Z"
                + "</LastUpdatedBefore><Orders>" + unshippedOrder("902-3159896-1390916", "2020-06-28T10:57:00Z")
                + "</Orders>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, first, Map.of()),
                StubEndpoint.Answer.xml(200, second, Map.of()))) {
            OrdersApi orders = client(stub.uri()).build().orders();

            OrderChanges changes = orders.changedSince(SELLER, Instant.parse("2020-06-01T00:00:00Z"));

            assertThat(changes.resumeFrom()).isEqualTo(Instant.parse("2020-06-28T10:58:00Z"));
            assertThat(changes.orders()).extracting(Order::amazonOrderId)
                    .containsExactly("902-3159896-1390916", "902-0000000-0000002");
            assertThat(changes.orders().get(0).lastUpdateDate()).isEqualTo(Instant.parse("2020-06-28T10:57:00Z"));
            Map<String, String> sent = form(stub.received().get(0).body());
            assertThat(sent).containsEntry("LastUpdatedAfter", "2020-06-01T00:00:00.000Z")
                    .containsEntry("MarketplaceId.Id.1", "ATVPDKIKX0DER").doesNotContainKeys("LastUpdatedBefore", "CreatedAfter");
            assertThat(form(stub.received().get(1).body())).containsEntry("NextToken", "more");
        }
    }

    @Test
    void anAnswerWithoutItsWindowEndOrWithABrokenOrderIsAnUnexpectedResponse() throws Exception {
        String noMark = response("ListOrders", "<Orders/>");
        String badStatus = response("ListOrders", "<Orders>" + pendingOrder("902-0000000-0000002")
                .replace("<OrderStatus>Pending", "<OrderStatus>Lost") + "</Orders>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, noMark, Map.of()),
                StubEndpoint.Answer.xml(200, badStatus, Map.of()))) {
            OrdersApi orders = client(stub.uri()).build().orders();

            MwsException missing = catchThrowableOfType(MwsException.class,
                    () -> orders.changedSince(SELLER, Instant.parse("2020-06-01T00:00:00Z")));
            MwsException broken = catchThrowableOfType(MwsException.class,
                    () -> orders.listOrders(SELLER, ListOrdersRequest.createdAfter(Instant.parse("2020-06-01T00:00:00Z")))
                            .toList());

            assertThat(missing.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
            assertThat(missing.getMessage()).contains("LastUpdatedBefore");
            assertThat(broken.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
            assertThat(broken.getMessage()).contains("'Lost'");
        }
    }

    @Test
    void theEndpointsRefusalIsAnInvalidParameterErrorWithItsCodeAndMessage() throws Exception {
        String error = "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
                + "<Code>InvalidParameterValue</Code><Message>CreatedAfter date must be no later than 2 minutes before"
                + " the time of the request.</Message></Error><RequestID>a4d7d0c4-2f3c-4a47-a2d1-5e0b9fd1e2aa</RequestID>"
                + "</ErrorResponse>";
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(400, error, Map.of()))) {
            MwsException e = catchThrowableOfType(MwsException.class, () -> client(stub.uri()).build().orders()
                    .listOrdersPage(SELLER, ListOrdersRequest.createdAfter(Instant.parse("2020-06-01T00:00:00Z"))));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
            assertThat(e.code()).isEqualTo("InvalidParameterValue");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.endpointMessage()).contains("2 minutes");
            assertThat(stub.received()).hasSize(1);
        }
    }
}
