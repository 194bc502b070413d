package io.openmws.server.finances;

import static io.openmws.server.finances.FinancesTesting.compact;
import static io.openmws.server.finances.FinancesTesting.elements;
import static io.openmws.server.finances.FinancesTesting.money;
import static io.openmws.server.finances.FinancesTesting.newItemId;
import static io.openmws.server.finances.FinancesTesting.newOrderId;
import static io.openmws.server.finances.FinancesTesting.newRef;
import static io.openmws.server.finances.FinancesTesting.shipped;
import static io.openmws.server.finances.FinancesTesting.value;
import static io.openmws.server.finances.FinancesTesting.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.time.Timestamps;
import io.openmws.server.finances.FinancesTesting.Caller;
import io.openmws.server.orders.OrderRefunded;
import io.openmws.server.orders.OrderShipped;
import io.openmws.server.testing.OnBothDatabases;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
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
 * The Finances API through the whole gateway on a real port, fed by the orders feature's events
 * published inside a transaction: the exact ShipmentEvent and RefundEvent elements with the fee
 * table's amounts, group totals that are exactly the sum of their events, every parameter rule,
 * keyset pages with sealed NextTokens, and what another seller or developer sees. The clock is not
 * moved here (FinancesSettlementTest does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FinancesApiTest {

    static final String TOKEN = "finances-test-" + UUID.randomUUID();

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

    FinancesTesting t;

    @BeforeEach
    void setUp() {
        t = new FinancesTesting(port, TOKEN, jdbc, publisher, transactions);
    }

    /** Ten minutes ago on the platform clock, so the two-minute rule lets lists see it. */
    Instant recently() {
        return clock.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
    }

    Map<String, String> groupsSince(Instant after) {
        return Map.of("FinancialEventGroupStartedAfter", Timestamps.format(after));
    }

    // ---- events and totals

    @Test
    void aShipmentPostsItsChargesFeesAndPromotionExactlyAsTheFeeTableSays() {
        Caller c = t.seller();
        long account = t.accountId(c);
        String order = newOrderId();
        String item = newItemId();
        Instant at = recently();
        t.ship(shipped(account, order, newRef(), at, new OrderShipped.Item(item, "SKU-A", 2, money("20.00"),
                money("4.99"), money("1.65"), money("0.41"), money("2.00"))));

        String xml = t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order));

        assertThat(xml).startsWith("<?xml version=\"1.0\"?>");
        assertThat(xml).contains("<ListFinancialEventsResponse xmlns=\"http://mws.amazonservices.com/Finances/2015-05-01\">"
                + "<ListFinancialEventsResult><FinancialEvents><ShipmentEventList><ShipmentEvent>"
                + "<AmazonOrderId>" + order + "</AmazonOrderId><MarketplaceName>Amazon.com</MarketplaceName>"
                + "<PostedDate>" + Timestamps.format(at) + "</PostedDate>"
                + "<ShipmentItemList><ShipmentItem><SellerSKU>SKU-A</SellerSKU><OrderItemId>" + item + "</OrderItemId>"
                + "<QuantityShipped>2</QuantityShipped>"
                + "<ItemChargeList>"
                + charge("Principal", "20.00") + charge("Tax", "1.65") + charge("ShippingCharge", "4.99")
                + charge("ShippingTax", "0.41")
                + "</ItemChargeList><ItemFeeList>"
                + fee("Commission", "-3.00") + fee("FixedClosingFee", "-3.60")
                + "</ItemFeeList><PromotionList><Promotion><PromotionType>PromotionMetaDataDefinitionValue</PromotionType>"
                + "<PromotionId>OpenMWS-Discount-" + item + "</PromotionId>"
                + "<PromotionAmount><CurrencyCode>USD</CurrencyCode><CurrencyAmount>-2.00</CurrencyAmount></PromotionAmount>"
                + "</Promotion></PromotionList></ShipmentItem></ShipmentItemList></ShipmentEvent></ShipmentEventList>"
                + "<RefundEventList></RefundEventList><GuaranteeClaimEventList></GuaranteeClaimEventList>");
        assertThat(xml).doesNotContain("<NextToken>");
        // Every list of the model is there, in order, the empty ones too.
        int at0 = -1;
        for (String list : EventPages.LISTS) {
            int found = xml.indexOf("<" + list + ">");
            assertThat(found).as(list).isGreaterThan(at0);
            at0 = found;
        }
        assertThat(xml).endsWith("</FinancialEvents></ListFinancialEventsResult><ResponseMetadata><RequestId>"
                + value(xml, "RequestId") + "</RequestId></ResponseMetadata></ListFinancialEventsResponse>");
    }

    static String charge(String type, String amount) {
        return "<ChargeComponent><ChargeType>" + type + "</ChargeType><ChargeAmount><CurrencyCode>USD</CurrencyCode>"
                + "<CurrencyAmount>" + amount + "</CurrencyAmount></ChargeAmount></ChargeComponent>";
    }

    static String fee(String type, String amount) {
        return "<FeeComponent><FeeType>" + type + "</FeeType><FeeAmount><CurrencyCode>USD</CurrencyCode>"
                + "<CurrencyAmount>" + amount + "</CurrencyAmount></FeeAmount></FeeComponent>";
    }

    @Test
    void theOpenGroupsTotalIsExactlyTheSumOfItsEventsWithHalfEvenCommissionAndTheMinimum() {
        Caller c = t.seller();
        long account = t.accountId(c);
        Instant at = recently();
        // 20.00 x2: commission 3.00; 18.45 in all (see the test above).
        t.ship(shipped(account, newOrderId(), newRef(), at, new OrderShipped.Item(newItemId(), "SKU-A", 2,
                money("20.00"), money("4.99"), money("1.65"), money("0.41"), money("2.00"))));
        // 10.30: 15% is 1.545, half-even 1.54 (half-up would say 1.55); 10.30 - 1.54 - 1.80 = 6.96.
        String halfEven = newOrderId();
        t.ship(shipped(account, halfEven, newRef(), at.plusMillis(1), new OrderShipped.Item(newItemId(), "SKU-B", 1,
                money("10.30"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));
        // 1.00: 15% is 0.15, the per-item minimum 0.30 applies; 1.00 - 0.30 - 1.80 = -1.10.
        String minimum = newOrderId();
        t.ship(shipped(account, minimum, newRef(), at.plusMillis(2), new OrderShipped.Item(newItemId(), "SKU-C", 1,
                money("1.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));

        assertThat(t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", halfEven))).contains(fee("Commission", "-1.54"));
        assertThat(t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", minimum))).contains(fee("Commission", "-0.30"));

        String groups = t.ok(c, "ListFinancialEventGroups", groupsSince(at.minus(Duration.ofDays(1))));
        List<String> group = elements(groups, "FinancialEventGroup");
        assertThat(group).hasSize(1);
        String groupId = value(group.get(0), "FinancialEventGroupId");
        assertThat(groupId).matches("[A-Za-z0-9_-]{43}");
        assertThat(group.get(0)).isEqualTo("<FinancialEventGroup><FinancialEventGroupId>" + groupId
                + "</FinancialEventGroupId><ProcessingStatus>Open</ProcessingStatus>"
                + "<OriginalTotal><CurrencyCode>USD</CurrencyCode><CurrencyAmount>24.31</CurrencyAmount></OriginalTotal>"
                + "<BeginningBalance><CurrencyCode>USD</CurrencyCode><CurrencyAmount>0.00</CurrencyAmount></BeginningBalance>"
                + "<FinancialEventGroupStart>" + Timestamps.format(at.truncatedTo(ChronoUnit.DAYS))
                + "</FinancialEventGroupStart></FinancialEventGroup>");

        String events = t.ok(c, "ListFinancialEvents", Map.of("FinancialEventGroupId", groupId));
        assertThat(elements(events, "ShipmentEvent")).hasSize(3);
        assertThat(sumOfComponents(events)).isEqualByComparingTo("24.31");
    }

    /** The sum of every CurrencyAmount of every charge, fee and promotion in a page. */
    static BigDecimal sumOfComponents(String xml) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String amount : values(xml, "CurrencyAmount")) {
            sum = sum.add(new BigDecimal(amount));
        }
        return sum;
    }

    @Test
    void aRefundGivesChargesBackNegativeWithTheCommissionAndKeepsTheRefundCommission() {
        Caller c = t.seller();
        long account = t.accountId(c);
        String order = newOrderId();
        String item = newItemId();
        Instant at = recently();
        t.ship(shipped(account, order, newRef(), at, new OrderShipped.Item(item, "SKU-R", 2, money("20.00"),
                money("0.00"), money("1.66"), money("0.00"), money("0.00"))));
        t.refund(new OrderRefunded(account, order, null, "ATVPDKIKX0DER", "USD", newRef(), at.plusSeconds(60),
                "CustomerReturn", List.of(new OrderRefunded.Item(item, "SKU-R", 1, money("10.00"), money("0.00"),
                money("0.83"), money("0.00")))));

        String xml = t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order));

        assertThat(elements(xml, "ShipmentEventList").get(0)).contains("<ShipmentItemList>");
        String refunds = elements(xml, "RefundEventList").get(0);
        String adjustmentId = value(refunds, "OrderAdjustmentItemId");
        assertThat(adjustmentId).matches("[1-9][0-9]{13}");
        assertThat(refunds).isEqualTo("<RefundEventList><ShipmentEvent><AmazonOrderId>" + order + "</AmazonOrderId>"
                + "<MarketplaceName>Amazon.com</MarketplaceName><PostedDate>" + Timestamps.format(at.plusSeconds(60))
                + "</PostedDate><ShipmentItemAdjustmentList><ShipmentItem><SellerSKU>SKU-R</SellerSKU>"
                + "<OrderItemId>" + item + "</OrderItemId><OrderAdjustmentItemId>" + adjustmentId
                + "</OrderAdjustmentItemId><QuantityShipped>1</QuantityShipped><ItemChargeAdjustmentList>"
                + charge("Principal", "-10.00") + charge("Tax", "-0.83") + charge("ShippingCharge", "0.00")
                + charge("ShippingTax", "0.00") + "</ItemChargeAdjustmentList><ItemFeeAdjustmentList>"
                + fee("Commission", "1.50") + fee("RefundCommission", "-0.30")
                + "</ItemFeeAdjustmentList></ShipmentItem></ShipmentItemAdjustmentList></ShipmentEvent></RefundEventList>");
        // Shipment 20.00 + 1.66 - 3.00 - 3.60 = 15.06; refund -10.00 - 0.83 + 1.50 - 0.30 = -9.63.
        String groups = t.ok(c, "ListFinancialEventGroups", groupsSince(at.minus(Duration.ofDays(1))));
        assertThat(values(groups, "CurrencyAmount").get(0)).isEqualTo("5.43");
        assertThat(sumOfComponents(xml)).isEqualByComparingTo("5.43");
    }

    @Test
    void theSameShipmentOrRefundPublishedTwicePostsOnce() {
        Caller c = t.seller();
        long account = t.accountId(c);
        String order = newOrderId();
        OrderShipped shipment = shipped(account, order, newRef(), recently(), new OrderShipped.Item(newItemId(),
                "SKU-A", 1, money("5.00"), money("0.00"), money("0.00"), money("0.00"), money("0.00")));
        t.ship(shipment);
        t.ship(shipment);

        String xml = t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order));
        assertThat(elements(xml, "ShipmentEvent")).hasSize(1);
        String groups = t.ok(c, "ListFinancialEventGroups", groupsSince(recently().minus(Duration.ofDays(1))));
        // 5.00 - 0.75 - 1.80
        assertThat(values(groups, "CurrencyAmount").get(0)).isEqualTo("2.45");
    }

    @Test
    void concurrentShipmentsOfANewSellerShareOneOpenGroupAndAddUpExactly() throws Exception {
        Caller c = t.seller();
        long account = t.accountId(c);
        Instant at = recently();
        int shipments = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < shipments; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    t.ship(shipped(account, newOrderId(), newRef(), at.plusMillis(n), new OrderShipped.Item(newItemId(),
                            "SKU-" + n, 1, money("7.77"), money("0.00"), money("0.00"), money("0.00"), money("0.00"))));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String groups = t.ok(c, "ListFinancialEventGroups", groupsSince(at.minus(Duration.ofDays(1))));
        assertThat(elements(groups, "FinancialEventGroup")).hasSize(1);
        // Each: 7.77 - 1.17 (15% is 1.1655) - 1.80 = 4.80; twelve of them 57.60.
        assertThat(values(groups, "CurrencyAmount").get(0)).isEqualTo("57.60");
        String events = t.ok(c, "ListFinancialEvents", Map.of("FinancialEventGroupId",
                value(groups, "FinancialEventGroupId")));
        assertThat(elements(events, "ShipmentEvent")).hasSize(shipments);
    }

    @Test
    void aPostedRangeIsPagedByNextTokenBoundToTheSellerAndTheDeveloper() {
        Caller c = t.seller();
        long account = t.accountId(c);
        Instant at = recently();
        for (int i = 0; i < 5; i++) {
            t.ship(shipped(account, newOrderId(), newRef(), at.plusSeconds(i), new OrderShipped.Item(newItemId(),
                    "SKU-" + i, 1, money("5.00"), money("0.00"), money("0.00"), money("0.00"), money("0.00"))));
        }
        Map<String, String> range = Map.of("PostedAfter", Timestamps.format(at), "PostedBefore",
                Timestamps.format(at.plusSeconds(4)), "MaxResultsPerPage", "2");

        String first = t.ok(c, "ListFinancialEvents", range);
        assertThat(values(first, "SellerSKU")).containsExactly("SKU-0", "SKU-1");
        String token = value(first, "NextToken");
        assertThat(first).contains("<ListFinancialEventsResult><NextToken>" + token + "</NextToken><FinancialEvents>");
        String second = t.ok(c, "ListFinancialEventsByNextToken", Map.of("NextToken", token));
        assertThat(second).contains("<ListFinancialEventsByNextTokenResult>");
        assertThat(values(second, "SellerSKU")).containsExactly("SKU-2", "SKU-3");
        // PostedBefore is exclusive: SKU-4, posted at it, is not in the range, so nothing follows.
        assertThat(second).doesNotContain("<NextToken>");

        // A token is for this seller, this developer and this list only, and does not survive a change.
        Caller other = t.otherDeveloperOf(c);
        assertThat(t.ok(other, "ListFinancialEvents", range)).contains("<SellerSKU>SKU-0</SellerSKU>");
        assertThat(t.error(other, "ListFinancialEventsByNextToken", Map.of("NextToken", token), 400))
                .isEqualTo("NextTokenCorrupted");
        assertThat(t.error(c, "ListFinancialEventGroupsByNextToken", Map.of("NextToken", token), 400))
                .isEqualTo("NextTokenCorrupted");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(t.error(c, "ListFinancialEventsByNextToken", Map.of("NextToken", tampered), 400))
                .isEqualTo("NextTokenCorrupted");
        assertThat(t.error(c, "ListFinancialEventsByNextToken", Map.of("NextToken", "not a token!"), 400))
                .isEqualTo("NextTokenCorrupted");
        assertThat(t.error(c, "ListFinancialEventsByNextToken", Map.of(), 400)).isEqualTo("ValidationError");
        assertThat(t.error(c, "ListFinancialEventGroupsByNextToken", Map.of(), 400)).isEqualTo("ValidationError");
    }

    @Test
    void groupsArePagedByNextTokenAcrossCurrencies() {
        Caller c = t.seller();
        long account = t.accountId(c);
        Instant at = recently();
        for (String currency : List.of("USD", "CAD", "MXN")) {
            t.ship(new OrderShipped(account, newOrderId(), null, "ATVPDKIKX0DER", currency, newRef(), at,
                    List.of(new OrderShipped.Item(newItemId(), "SKU", 1, money("5.00"), money("0.00"), money("0.00"),
                            money("0.00"), money("0.00")))));
        }
        Map<String, String> since = Map.of("FinancialEventGroupStartedAfter",
                Timestamps.format(at.minus(Duration.ofDays(1))), "MaxResultsPerPage", "2");
        String first = t.ok(c, "ListFinancialEventGroups", since);
        assertThat(elements(first, "FinancialEventGroup")).hasSize(2);
        String second = t.ok(c, "ListFinancialEventGroupsByNextToken", Map.of("NextToken", value(first, "NextToken")));
        assertThat(second).contains("<ListFinancialEventGroupsByNextTokenResult><FinancialEventGroupList>");
        assertThat(elements(second, "FinancialEventGroup")).hasSize(1);
        assertThat(values(first + second, "CurrencyCode")).contains("USD", "CAD", "MXN");
    }

    @Test
    void yenAmountsAreWholeYen() {
        Caller c = t.seller();
        long account = t.accountId(c);
        String order = newOrderId();
        t.ship(new OrderShipped(account, order, "MY-ORDER-1", "A1VC38T7YXB528", "JPY", newRef(), recently(),
                List.of(new OrderShipped.Item(newItemId(), "SKU-J", 1, money("1003"), money("0"), money("80"),
                        money("0"), money("0")))));

        String xml = t.ok(c, "ListFinancialEvents", Map.of("AmazonOrderId", order));
        assertThat(xml).contains("<SellerOrderId>MY-ORDER-1</SellerOrderId><MarketplaceName>Amazon.co.jp</MarketplaceName>");
        assertThat(xml).contains("<ChargeType>Principal</ChargeType><ChargeAmount><CurrencyCode>JPY</CurrencyCode>"
                + "<CurrencyAmount>1003</CurrencyAmount>");
        // 15% of 1003 is 150.45: 150 yen; the closing fee 180 yen.
        assertThat(xml).contains("<FeeType>Commission</FeeType><FeeAmount><CurrencyCode>JPY</CurrencyCode>"
                + "<CurrencyAmount>-150</CurrencyAmount>");
        assertThat(xml).contains("<FeeType>FixedClosingFee</FeeType><FeeAmount><CurrencyCode>JPY</CurrencyCode>"
                + "<CurrencyAmount>-180</CurrencyAmount>");
        String groups = t.ok(c, "ListFinancialEventGroups", groupsSince(recently().minus(Duration.ofDays(1))));
        assertThat(groups).contains("<OriginalTotal><CurrencyCode>JPY</CurrencyCode><CurrencyAmount>753</CurrencyAmount>");
    }

    // ---- parameter rules

    @Test
    void listFinancialEventGroupsRefusesEveryBrokenRule() {
        Caller c = t.seller();
        Instant now = clock.instant();
        String old = Timestamps.format(now.minus(Duration.ofDays(3)));
        assertThat(t.error(c, "ListFinancialEventGroups", Map.of(), 400)).isEqualTo("InvalidParameterValue");
        assertThat(t.call(c, "ListFinancialEventGroups", Map.of()).body())
                .contains("FinancialEventGroupStartedAfter");
        assertThat(t.error(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter",
                Timestamps.format(now.minusSeconds(30))), 400)).isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter", "yesterday"), 400))
                .isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter", old,
                "FinancialEventGroupStartedBefore", old), 400)).isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter", old,
                "FinancialEventGroupStartedBefore", Timestamps.format(now.plusSeconds(3600))), 400))
                .isEqualTo("InvalidParameterValue");
        for (String max : List.of("0", "101", "ten", "-1")) {
            assertThat(t.error(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter", old,
                    "MaxResultsPerPage", max), 400)).as(max).isEqualTo("InvalidParameterValue");
        }
        assertThat(t.ok(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter",
                "0000-01-01T00:00:00Z"))).contains("<FinancialEventGroupList></FinancialEventGroupList>");
        String empty = t.ok(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter", old,
                "MaxResultsPerPage", "100"));
        assertThat(empty).contains("<ListFinancialEventGroupsResult><FinancialEventGroupList></FinancialEventGroupList>"
                + "</ListFinancialEventGroupsResult>");
    }

    @Test
    void listFinancialEventsRefusesEveryBrokenRule() {
        Caller c = t.seller();
        Instant now = clock.instant();
        String old = Timestamps.format(now.minus(Duration.ofDays(3)));
        String order = newOrderId();
        assertThat(t.call(c, "ListFinancialEvents", Map.of()).body())
                .contains("One of AmazonOrderId, FinancialEventGroupId or PostedAfter must be specified.");
        for (Map<String, String> twoFamilies : List.of(Map.of("AmazonOrderId", order, "PostedAfter", old),
                Map.of("AmazonOrderId", order, "FinancialEventGroupId", "abc"),
                Map.of("FinancialEventGroupId", "abc", "PostedAfter", old))) {
            assertThat(t.error(c, "ListFinancialEvents", twoFamilies, 400)).isEqualTo("InvalidParameterValue");
        }
        assertThat(t.call(c, "ListFinancialEvents", Map.of("PostedBefore", old)).body())
                .contains("PostedBefore can only be given with PostedAfter.");
        assertThat(t.error(c, "ListFinancialEvents", Map.of("AmazonOrderId", order, "PostedBefore", old), 400))
                .isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEvents", Map.of("PostedAfter", Timestamps.format(now)), 400))
                .isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEvents", Map.of("PostedAfter", old, "PostedBefore",
                Timestamps.format(now.minusSeconds(60))), 400)).isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEvents", Map.of("PostedAfter", old, "PostedBefore",
                Timestamps.format(now.minus(Duration.ofDays(4)))), 400)).isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEvents", Map.of("AmazonOrderId", "12345"), 400))
                .isEqualTo("InvalidParameterValue");
        assertThat(t.error(c, "ListFinancialEvents", Map.of("FinancialEventGroupId", "not/an id"), 400))
                .isEqualTo("InvalidParameterValue");
        for (String max : List.of("0", "101", "x")) {
            assertThat(t.error(c, "ListFinancialEvents", Map.of("AmazonOrderId", order, "MaxResultsPerPage", max), 400))
                    .as(max).isEqualTo("InvalidParameterValue");
        }
        assertThat(t.ok(c, "ListFinancialEvents", Map.of("PostedAfter", "0000-01-01T00:00:00Z")))
                .contains("<ShipmentEventList></ShipmentEventList>");
        String none = t.ok(c, "ListFinancialEvents", Map.of("PostedAfter", old));
        assertThat(none).contains("<FinancialEvents><ShipmentEventList></ShipmentEventList>"
                + "<RefundEventList></RefundEventList>");
    }

    // ---- who sees what

    @Test
    void anotherSellerAndAnUnauthorizedDeveloperSeeNothingOfASellersFinances() {
        Caller owner = t.seller();
        long account = t.accountId(owner);
        String order = newOrderId();
        Instant at = recently();
        t.ship(shipped(account, order, newRef(), at, new OrderShipped.Item(newItemId(), "SKU-A", 1, money("9.99"),
                money("0.00"), money("0.00"), money("0.00"), money("0.00"))));
        String groups = t.ok(owner, "ListFinancialEventGroups", groupsSince(at.minus(Duration.ofDays(1))));
        String groupId = value(groups, "FinancialEventGroupId");

        Caller stranger = t.seller();
        assertThat(elements(t.ok(stranger, "ListFinancialEvents", Map.of("AmazonOrderId", order)), "ShipmentEvent"))
                .isEmpty();
        assertThat(elements(t.ok(stranger, "ListFinancialEvents", Map.of("FinancialEventGroupId", groupId)),
                "ShipmentEvent")).isEmpty();
        assertThat(elements(t.ok(stranger, "ListFinancialEvents", Map.of("PostedAfter",
                Timestamps.format(at.minusSeconds(1)))), "ShipmentEvent")).isEmpty();
        assertThat(elements(t.ok(stranger, "ListFinancialEventGroups", groupsSince(at.minus(Duration.ofDays(1)))),
                "FinancialEventGroup")).isEmpty();

        // The stranger's developer naming the owner's seller without an authorization gets nothing.
        Caller intruder = new Caller(owner.sellerId(), stranger.developerId(), stranger.accessKeyId(),
                stranger.secretKey(), null);
        assertThat(t.call(intruder, "ListFinancialEvents", Map.of("AmazonOrderId", order)).status()).isIn(401, 403);
        assertThat(t.call(intruder, "ListFinancialEventGroups", groupsSince(at.minus(Duration.ofDays(1)))).body())
                .doesNotContain(groupId);
    }
}
