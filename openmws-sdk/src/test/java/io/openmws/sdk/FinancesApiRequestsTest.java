package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code client.finances()} sends and how it reads answers, against a local stand-in for an MWS endpoint:
 * the parameter spellings of each filter, the path and version, lazy paging, {@code CurrencyAmount}s read into
 * exact decimals, and event lists the SDK does not model skipped. The same operations against the platform are
 * in {@code FinancesApiTest}.
 */
class FinancesApiRequestsTest {

    private static final SellerAccess SELLER = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER"));
    private static final String NS = "http://mws.amazonservices.com/Finances/2015-05-01";

    private MwsClient.Builder client(URI endpoint) {
        return MwsClient.builder().endpoint(endpoint)
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .application("FinancesTest", "1.0").throttling(Throttling.disabled());
    }

    static String response(String action, String result) {
        return "<?xml version=\"1.0\"?><" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result
                + "</" + action + "Result><ResponseMetadata><RequestId>3b4c7e0a-5f1e-4d7a-9c2b-0e4f5a6b7c8d</RequestId>"
                + "</ResponseMetadata></" + action + "Response>";
    }

    static String money(String name, String currency, String amount) {
        return "<" + name + "><CurrencyAmount>" + amount + "</CurrencyAmount><CurrencyCode>" + currency + "</CurrencyCode></"
                + name + ">";
    }

    private static final String CLOSED_GROUP = "<FinancialEventGroup><ProcessingStatus>Closed</ProcessingStatus>"
            + "<FinancialEventGroupId>d7XWb7A0XhXwMZPaZ8Gs0RvHjOtGKd7aQKc-qhA_cjE</FinancialEventGroupId>"
            + "<FundTransferStatus>Successful</FundTransferStatus>" + money("OriginalTotal", "USD", "1234.50")
            + money("ConvertedTotal", "USD", "1234.50") + "<FundTransferDate>2020-06-03T11:20:25.747Z</FundTransferDate>"
            + "<TraceId>1234567890</TraceId><AccountTail>789</AccountTail>" + money("BeginningBalance", "USD", "0.00")
            + "<FinancialEventGroupStart>2020-05-06T11:20:25.747Z</FinancialEventGroupStart>"
            + "<FinancialEventGroupEnd>2020-05-20T11:20:25.747Z</FinancialEventGroupEnd></FinancialEventGroup>";

    private static final String OPEN_GROUP = "<FinancialEventGroup><FinancialEventGroupId>second-group</FinancialEventGroupId>"
            + "<ProcessingStatus>Open</ProcessingStatus>" + money("OriginalTotal", "USD", "0.00")
            + "<FinancialEventGroupStart>2020-05-20T11:20:25.747Z</FinancialEventGroupStart></FinancialEventGroup>";

    @Test
    void eventGroupsAreListedLazilyWithTheirDatesAndExactTotals() throws Exception {
        String first = response("ListFinancialEventGroups", "<NextToken>groups-2</NextToken><FinancialEventGroupList>"
                + CLOSED_GROUP + "</FinancialEventGroupList>");
        String second = response("ListFinancialEventGroupsByNextToken", "<FinancialEventGroupList>" + OPEN_GROUP
                + "</FinancialEventGroupList>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, first, Map.of()),
                StubEndpoint.Answer.xml(200, second, Map.of()), StubEndpoint.Answer.xml(200, first, Map.of()))) {
            FinancesApi finances = client(stub.uri()).build().finances();

            List<FinancialEventGroup> groups = finances.listFinancialEventGroups(SELLER,
                    Instant.parse("2020-05-01T00:00:00Z"), Instant.parse("2020-06-01T00:00:00Z")).toList();

            StubEndpoint.Received request = stub.received().get(0);
            assertThat(request.uri().getPath()).isEqualTo("/Finances/2015-05-01");
            assertThat(OrdersApiRequestsTest.form(request.body())).containsEntry("Action", "ListFinancialEventGroups")
                    .containsEntry("Version", "2015-05-01").containsEntry("SellerId", "A1EXAMPLESELLER")
                    .containsEntry("FinancialEventGroupStartedAfter", "2020-05-01T00:00:00.000Z")
                    .containsEntry("FinancialEventGroupStartedBefore", "2020-06-01T00:00:00.000Z")
                    .doesNotContainKeys("MaxResultsPerPage", "MarketplaceId", "MarketplaceId.Id.1");
            assertThat(OrdersApiRequestsTest.form(stub.received().get(1).body()))
                    .containsEntry("Action", "ListFinancialEventGroupsByNextToken").containsEntry("NextToken", "groups-2")
                    .doesNotContainKey("FinancialEventGroupStartedAfter");
            assertThat(groups).containsExactly(
                    new FinancialEventGroup("d7XWb7A0XhXwMZPaZ8Gs0RvHjOtGKd7aQKc-qhA_cjE", "Closed", Optional.of("Successful"),
                            Optional.of(new Money("USD", new BigDecimal("1234.50"))),
                            Optional.of(new Money("USD", new BigDecimal("1234.50"))),
                            Optional.of(Instant.parse("2020-06-03T11:20:25.747Z")), Optional.of("1234567890"),
                            Optional.of("789"), Optional.of(new Money("USD", new BigDecimal("0.00"))),
                            Instant.parse("2020-05-06T11:20:25.747Z"), Optional.of(Instant.parse("2020-05-20T11:20:25.747Z"))),
                    new FinancialEventGroup("second-group", "Open", Optional.empty(),
                            Optional.of(new Money("USD", new BigDecimal("0.00"))), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Instant.parse("2020-05-20T11:20:25.747Z"),
                            Optional.empty()));
            assertThat(groups.get(0).isOpen()).isFalse();
            assertThat(groups.get(1).isOpen()).isTrue();

            finances.listFinancialEventGroupsPage(SELLER, FinancialEventGroupFilter.startedAfter(
                    Instant.parse("2020-05-01T00:00:00Z")).maxResultsPerPage(7));
            assertThat(OrdersApiRequestsTest.form(stub.received().get(2).body())).containsEntry("MaxResultsPerPage", "7")
                    .doesNotContainKey("FinancialEventGroupStartedBefore");
        }
    }

    @Test
    void eachEventFilterSendsItsOwnParameters() throws Exception {
        String empty = response("ListFinancialEvents", "<FinancialEvents><ShipmentEventList/><RefundEventList/>"
                + "</FinancialEvents>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, empty, Map.of()))) {
            FinancesApi finances = client(stub.uri()).build().finances();

            finances.listFinancialEventsPage(SELLER, FinancialEventFilter.byOrder("902-3159896-1390916"));
            finances.listFinancialEventsPage(SELLER, FinancialEventFilter.byGroup("d7XWb7A0XhXwMZPa").maxResultsPerPage(100));
            finances.listFinancialEventsPage(SELLER, FinancialEventFilter.postedBetween(Instant.parse("2020-05-01T00:00:00Z"),
                    Instant.parse("2020-05-15T00:00:00Z")));
            finances.listFinancialEventsPage(SELLER, FinancialEventFilter.postedAfter(Instant.parse("2020-05-01T00:00:00Z")));

            List<Map<String, String>> sent = stub.received().stream().map(r -> OrdersApiRequestsTest.form(r.body())).toList();
            assertThat(sent).allSatisfy(p -> assertThat(p).containsEntry("Action", "ListFinancialEvents")
                    .containsEntry("Version", "2015-05-01"));
            assertThat(sent.get(0)).containsEntry("AmazonOrderId", "902-3159896-1390916")
                    .doesNotContainKeys("FinancialEventGroupId", "PostedAfter", "MaxResultsPerPage");
            assertThat(sent.get(1)).containsEntry("FinancialEventGroupId", "d7XWb7A0XhXwMZPa")
                    .containsEntry("MaxResultsPerPage", "100").doesNotContainKeys("AmazonOrderId", "PostedAfter");
            assertThat(sent.get(2)).containsEntry("PostedAfter", "2020-05-01T00:00:00.000Z")
                    .containsEntry("PostedBefore", "2020-05-15T00:00:00.000Z").doesNotContainKey("AmazonOrderId");
            assertThat(sent.get(3)).containsEntry("PostedAfter", "2020-05-01T00:00:00.000Z").doesNotContainKey("PostedBefore");
        }
        assertThatThrownBy(() -> FinancialEventFilter.byOrder("3159896")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FinancialEventFilter.postedBetween(Instant.parse("2020-05-02T00:00:00Z"),
                Instant.parse("2020-05-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after");
        assertThatThrownBy(() -> FinancialEventFilter.byGroup("g").maxResultsPerPage(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> FinancialEventGroupFilter.startedAfter(Instant.parse("2020-05-02T00:00:00Z"))
                .startedBefore(Instant.parse("2020-05-02T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shipmentsAndRefundsAreReadWithExactAmountsAcrossPagesAndOtherEventListsAreSkipped() throws Exception {
        String shipment = "<ShipmentEvent><PostedDate>2020-05-10T08:00:00.000Z</PostedDate>"
                + "<ShipmentItemList><ShipmentItem><ItemFeeList><FeeComponent>" + money("FeeAmount", "USD", "-3.88")
                + "<FeeType>Commission</FeeType></FeeComponent><FeeComponent><FeeType>FixedClosingFee</FeeType>"
                + money("FeeAmount", "USD", "-1.80") + "</FeeComponent></ItemFeeList>"
                + "<ItemChargeList><ChargeComponent><ChargeType>Principal</ChargeType>" + money("ChargeAmount", "USD", "25.90")
                + "</ChargeComponent><ChargeComponent><ChargeType>Tax</ChargeType>" + money("ChargeAmount", "USD", "2.33")
                + "</ChargeComponent></ItemChargeList><PromotionList><Promotion><PromotionType>Free</PromotionType>"
                + "<PromotionId>SHIP1</PromotionId>" + money("PromotionAmount", "USD", "-0.10") + "</Promotion></PromotionList>"
                + "<SellerSKU>MUG-BLUE</SellerSKU><OrderItemId>68828574383266</OrderItemId>"
                + "<QuantityShipped>2</QuantityShipped></ShipmentItem></ShipmentItemList>"
                + "<AmazonOrderId>902-3159896-1390916</AmazonOrderId><MarketplaceName>Amazon.com</MarketplaceName>"
                + "</ShipmentEvent>";
        String refund = "<ShipmentEvent><AmazonOrderId>902-3159896-1390916</AmazonOrderId>"
                + "<PostedDate>2020-05-12T08:00:00.000Z</PostedDate><ShipmentItemAdjustmentList><ShipmentItem>"
                + "<OrderAdjustmentItemId>52986411826454</OrderAdjustmentItemId><QuantityShipped>1</QuantityShipped>"
                + "<ItemChargeAdjustmentList><ChargeComponent><ChargeType>Principal</ChargeType>"
                + money("ChargeAmount", "USD", "-12.95") + "</ChargeComponent></ItemChargeAdjustmentList>"
                + "<ItemFeeAdjustmentList><FeeComponent><FeeType>Commission</FeeType>" + money("FeeAmount", "USD", "1.94")
                + "</FeeComponent></ItemFeeAdjustmentList></ShipmentItem></ShipmentItemAdjustmentList></ShipmentEvent>";
        String serviceFee = "<ServiceFeeEventList><ServiceFeeEvent><FeeList><FeeComponent><FeeType>Subscription</FeeType>"
                + money("FeeAmount", "USD", "-39.99") + "</FeeComponent></FeeList></ServiceFeeEvent></ServiceFeeEventList>";
        // A guarantee claim holds ShipmentEvents too: they are not shipments and must not be read as such.
        String claim = "<GuaranteeClaimEventList>" + shipment.replace("902-3159896-1390916", "902-9999999-9999999")
                + "</GuaranteeClaimEventList>";
        String first = response("ListFinancialEvents", "<NextToken>events-2</NextToken><FinancialEvents>" + serviceFee
                + "<ShipmentEventList>" + shipment + "</ShipmentEventList>" + claim + "<RefundEventList/></FinancialEvents>");
        String second = response("ListFinancialEventsByNextToken", "<FinancialEvents><RefundEventList>" + refund
                + "</RefundEventList><ShipmentEventList/><UnknownFutureEventList><X/></UnknownFutureEventList>"
                + "</FinancialEvents>");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, first, Map.of()),
                StubEndpoint.Answer.xml(200, second, Map.of()))) {
            List<FinancialEvent> events = client(stub.uri()).build().finances()
                    .listFinancialEvents(SELLER, FinancialEventFilter.byOrder("902-3159896-1390916")).toList();

            assertThat(OrdersApiRequestsTest.form(stub.received().get(1).body()))
                    .containsEntry("Action", "ListFinancialEventsByNextToken").containsEntry("NextToken", "events-2")
                    .doesNotContainKey("AmazonOrderId");
            assertThat(events).hasSize(2);
            ShipmentEvent shipped = (ShipmentEvent) events.get(0);
            assertThat(shipped.amazonOrderId()).isEqualTo("902-3159896-1390916");
            assertThat(shipped.marketplaceName()).hasValue("Amazon.com");
            assertThat(shipped.postedDate()).isEqualTo(Instant.parse("2020-05-10T08:00:00Z"));
            ShipmentItem item = shipped.items().get(0);
            assertThat(item.sellerSku()).hasValue("MUG-BLUE");
            assertThat(item.orderItemId()).hasValue("68828574383266");
            assertThat(item.quantityShipped()).isEqualTo(2);
            assertThat(item.charges()).containsExactly(
                    new ChargeComponent("Principal", new Money("USD", new BigDecimal("25.90"))),
                    new ChargeComponent("Tax", new Money("USD", new BigDecimal("2.33"))));
            assertThat(item.fees()).containsExactly(new FeeComponent("Commission", new Money("USD", new BigDecimal("-3.88"))),
                    new FeeComponent("FixedClosingFee", new Money("USD", new BigDecimal("-1.80"))));
            assertThat(item.promotions()).containsExactly(new Promotion("Free", "SHIP1", new Money("USD", new BigDecimal("-0.10"))));
            assertThat(shipped.total()).isEqualByComparingTo("22.45");
            assertThat(shipped.total().scale()).isEqualTo(2);
            RefundEvent refunded = (RefundEvent) events.get(1);
            assertThat(refunded.items()).singleElement().satisfies(i -> {
                assertThat(i.orderAdjustmentItemId()).hasValue("52986411826454");
                assertThat(i.chargeAdjustments()).containsExactly(
                        new ChargeComponent("Principal", new Money("USD", new BigDecimal("-12.95"))));
                assertThat(i.feeAdjustments()).containsExactly(
                        new FeeComponent("Commission", new Money("USD", new BigDecimal("1.94"))));
            });
            assertThat(refunded.total()).isEqualByComparingTo("-11.01");
        }
    }
}
