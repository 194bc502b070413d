package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code client.finances()} against the real platform: orders placed by the sandbox's buyers, shipped with a
 * fulfillment feed sent through the SDK and partly refunded, come back as shipment and refund events with exact
 * amounts, by order, by group and by date, the open group's total is the sum of its events to the cent, and
 * another seller of the same developer sees none of it.
 */
@OpenMwsSandbox
class FinancesApiTest {

    private static final String US = "ATVPDKIKX0DER";

    private static String fulfillmentFeed(String sellerId, Instant shippedAt, Order order, List<OrderItem> items) {
        StringBuilder lines = new StringBuilder();
        for (OrderItem i : items) {
            lines.append("<Item><AmazonOrderItemCode>").append(i.orderItemId()).append("</AmazonOrderItemCode><Quantity>")
                    .append(i.quantityOrdered()).append("</Quantity></Item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>" + sellerId + "</MerchantIdentifier></Header><MessageType>OrderFulfillment"
                + "</MessageType><Message><MessageID>1</MessageID><OrderFulfillment><AmazonOrderID>" + order.amazonOrderId()
                + "</AmazonOrderID><FulfillmentDate>" + shippedAt + "</FulfillmentDate><FulfillmentData><CarrierCode>UPS"
                + "</CarrierCode><ShippingMethod>Ground</ShippingMethod><ShipperTrackingNumber>1Z999AA10123456784"
                + "</ShipperTrackingNumber></FulfillmentData>" + lines + "</OrderFulfillment></Message></AmazonEnvelope>\n";
    }

    @Test
    void shippedAndRefundedOrdersBecomeEventsThatAddUpToTheirGroupsTotal(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        sandbox.throttling(developer, false);
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(US), developer);
        PlatformTime time = new PlatformTime(sandbox);
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("FinancesApiTest", "1.0").clock(time).throttling(Throttling.disabled()).build();
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of(US));
        SandboxAuthorization otherGrant = sandbox.authorize(sandbox.newSeller(US), developer);
        SellerAccess otherSeller = SellerAccess.of(otherGrant.sellerId(), otherGrant.mwsAuthToken(), List.of(US));
        Buyers buyers = new Buyers(sandbox);
        Buyers.liveListing(client, seller, "MUG-1", "12.50", 100);
        Instant start = time.instant().minusSeconds(1);
        String kept = buyers.place(grant.sellerId(), US, "MUG-1", 2).get("amazonOrderId").asString();
        String returned = buyers.place(grant.sellerId(), US, "MUG-1", 1).get("amazonOrderId").asString();
        time.advance(Duration.ofMinutes(31));
        Buyers.await("the payment check ran", () -> client.orders().getOrder(seller, kept, returned).stream()
                .allMatch(o -> o.orderStatus() == OrderStatus.UNSHIPPED));

        for (Order order : client.orders().getOrder(seller, kept, returned)) {
            List<OrderItem> items = client.orders().listOrderItems(seller, order.amazonOrderId()).toList();
            String feed = fulfillmentFeed(grant.sellerId(), time.instant().minusSeconds(60), order, items);
            FeedSubmissionInfo info = client.feeds().submit(seller, "_POST_ORDER_FULFILLMENT_DATA_",
                    new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
            ProcessingReport report = client.feeds().awaitResult(seller, info.feedSubmissionId(), Duration.ofMinutes(5));
            assertThat(report.errors()).as("%s", report.results()).isEmpty();
        }
        buyers.refund(grant.sellerId(), returned);
        time.advance(Duration.ofMinutes(3));

        List<FinancialEvent> keptEvents = client.finances().listFinancialEvents(seller, FinancialEventFilter.byOrder(kept))
                .toList();
        List<FinancialEvent> returnedEvents = client.finances()
                .listFinancialEvents(seller, FinancialEventFilter.byOrder(returned)).toList();
        List<FinancialEventGroup> groups = client.finances().listFinancialEventGroups(seller,
                start.minus(Duration.ofDays(30))).toList();
        FinancialEventGroup open = groups.stream().filter(FinancialEventGroup::isOpen).findFirst().orElseThrow();
        List<FinancialEvent> inGroup = client.finances().listFinancialEvents(seller,
                FinancialEventFilter.byGroup(open.financialEventGroupId()).maxResultsPerPage(1)).toList();
        List<FinancialEvent> posted = client.finances().listFinancialEvents(seller, FinancialEventFilter.postedAfter(start))
                .toList();

        OrderItem keptItem = client.orders().listOrderItems(seller, kept).toList().get(0);
        assertThat(client.orders().getOrder(seller, kept).get(0).orderStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(keptEvents).singleElement().isInstanceOfSatisfying(ShipmentEvent.class, e -> {
            assertThat(e.amazonOrderId()).isEqualTo(kept);
            assertThat(e.marketplaceName()).hasValue("Amazon.com");
            assertThat(e.items()).singleElement().satisfies(i -> {
                assertThat(i.sellerSku()).hasValue("MUG-1");
                assertThat(i.orderItemId()).hasValue(keptItem.orderItemId());
                assertThat(i.quantityShipped()).isEqualTo(2);
                assertThat(i.charges()).contains(new ChargeComponent("Principal", keptItem.itemPrice().orElseThrow()));
                assertThat(i.fees()).extracting(FeeComponent::feeType).contains("Commission");
                assertThat(i.fees()).allSatisfy(f -> assertThat(f.amount().amount()).isNegative());
                assertThat(i.fees()).allSatisfy(f -> assertThat(f.amount().currencyCode()).isEqualTo("USD"));
            });
            assertThat(e.total()).isPositive();
        });
        assertThat(returnedEvents).hasSize(2);
        assertThat(returnedEvents).filteredOn(e -> e instanceof RefundEvent).singleElement().satisfies(e -> {
            assertThat(e.items()).singleElement().satisfies(i -> {
                assertThat(i.quantityShipped()).isEqualTo(1);
                assertThat(i.chargeAdjustments()).extracting(ChargeComponent::chargeType).contains("Principal");
            });
            assertThat(e.total()).isNegative();
        });
        assertThat(inGroup).hasSize(3);
        assertThat(posted).hasSize(3);
        BigDecimal sum = inGroup.stream().map(FinancialEvent::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(open.originalTotal()).hasValueSatisfying(t -> {
            assertThat(t.currencyCode()).isEqualTo("USD");
            assertThat(t.amount()).isEqualByComparingTo(sum);
        });
        assertThat(open.financialEventGroupEnd()).isEmpty();
        // The same developer calling for another seller sees none of it.
        assertThat(client.finances().listFinancialEvents(otherSeller, FinancialEventFilter.byOrder(kept))).isEmpty();
        assertThat(client.finances().listFinancialEvents(otherSeller, FinancialEventFilter.postedAfter(start))).isEmpty();
        assertThat(client.finances().listFinancialEventGroups(otherSeller, start.minus(Duration.ofDays(30))))
                .noneMatch(g -> g.financialEventGroupId().equals(open.financialEventGroupId()));
        assertThat(open.financialEventGroupStart()).isBeforeOrEqualTo(time.instant());

        // Fourteen days on, the settlement period closes: same events, same total, now with an end and a transfer.
        time.advance(Duration.ofDays(15));
        Buyers.await("the settlement period closed", () -> client.finances().listFinancialEventGroups(seller,
                start.minus(Duration.ofDays(30))).anyMatch(g -> g.financialEventGroupId()
                .equals(open.financialEventGroupId()) && !g.isOpen()));
        FinancialEventGroup closed = client.finances().listFinancialEventGroups(seller, start.minus(Duration.ofDays(30)))
                .filter(g -> g.financialEventGroupId().equals(open.financialEventGroupId())).findFirst().orElseThrow();
        assertThat(closed.processingStatus()).isEqualTo("Closed");
        assertThat(closed.financialEventGroupEnd()).isPresent();
        assertThat(closed.fundTransferStatus()).isPresent();
        assertThat(closed.originalTotal().orElseThrow().amount()).isEqualByComparingTo(sum);
        assertThat(client.finances().listFinancialEvents(seller, FinancialEventFilter.byGroup(closed.financialEventGroupId()))
                .map(FinancialEvent::total).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(sum);
    }
}
