package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code client.orders()} against the real platform: orders placed by the sandbox's buyers are listed page by
 * page, fetched by id, their items read, polled with {@code changedSince}, and never shown to another seller.
 */
@OpenMwsSandbox
class OrdersApiTest {

    private static final String US = "ATVPDKIKX0DER";

    private final Events events = new Events();

    private record Setup(MwsClient client, SellerAccess seller, SellerAccess otherSeller, PlatformTime time, Buyers buyers) {
        OrdersApi orders() {
            return client.orders();
        }
    }

    /** A developer authorized by two sellers; the first sells a live mug at 12.50, the second a live train. */
    private Setup setup(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        sandbox.throttling(developer, false);
        SandboxSeller first = sandbox.newSeller(US);
        SandboxSeller second = sandbox.newSeller(US);
        SandboxAuthorization a = sandbox.authorize(first, developer);
        SandboxAuthorization b = sandbox.authorize(second, developer);
        PlatformTime time = new PlatformTime(sandbox);
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("OrdersApiTest", "1.0").clock(time).throttling(Throttling.disabled()).listener(events).build();
        SellerAccess seller = SellerAccess.of(a.sellerId(), a.mwsAuthToken(), List.of(US));
        SellerAccess other = SellerAccess.of(b.sellerId(), b.mwsAuthToken(), List.of(US));
        Buyers.liveListing(client, seller, "MUG-1", "12.50", 100);
        Buyers.liveListing(client, other, "TRAIN-1", "30.00", 100);
        return new Setup(client, seller, other, time, new Buyers(sandbox));
    }

    private static String id(JsonNode order) {
        return order.get("amazonOrderId").asString();
    }

    @Test
    void buyersOrdersAreListedPageByPageFetchedByIdAndReadWithTheirItems(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        Instant start = s.time().instant().minusSeconds(1);
        List<String> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            placed.add(id(s.buyers().place(s.seller().sellerId().value(), US, "MUG-1", i == 3 ? 2 : 1)));
        }
        String othersOrder = id(s.buyers().place(s.otherSeller().sellerId().value(), US, "TRAIN-1", 1));
        s.time().advance(Duration.ofMinutes(3));
        events.clear();

        List<Order> pending = s.orders().listOrders(s.seller(), ListOrdersRequest.builder().createdAfter(start)
                .maxResultsPerPage(2).build()).toList();

        assertThat(pending).extracting(Order::amazonOrderId).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(events.all()).extracting(MwsCallEvent::action)
                .containsExactly("ListOrders", "ListOrdersByNextToken", "ListOrdersByNextToken");
        assertThat(pending).allSatisfy(o -> {
            assertThat(o.orderStatus()).isEqualTo(OrderStatus.PENDING);
            assertThat(o.marketplaceId()).hasValue(US);
            assertThat(o.salesChannel()).hasValue("Amazon.com");
            assertThat(o.fulfillmentChannel()).hasValue(FulfillmentChannel.MFN);
            assertThat(o.buyerEmail()).isEmpty();
            assertThat(o.shippingAddress()).isEmpty();
            assertThat(o.orderTotal()).isEmpty();
        });
        assertThat(s.orders().getOrder(s.seller(), placed.get(0), placed.get(2), othersOrder))
                .extracting(Order::amazonOrderId).containsExactlyInAnyOrder(placed.get(0), placed.get(2));
        assertThat(s.orders().listOrders(s.otherSeller(), ListOrdersRequest.createdAfter(start)))
                .extracting(Order::amazonOrderId).containsExactly(othersOrder);

        // After the payment check (30 minutes of platform time) the orders are Unshipped and show everything.
        s.time().advance(Duration.ofMinutes(31));
        Buyers.await("the payment check ran", () -> s.orders().getOrder(s.seller(), placed.get(2)).get(0).orderStatus()
                == OrderStatus.UNSHIPPED);
        Order paid = s.orders().getOrder(s.seller(), placed.get(2)).get(0);
        JsonNode asPlaced = s.buyers().order(s.seller().sellerId().value(), placed.get(2));
        List<OrderItem> items = s.orders().listOrderItems(s.seller(), placed.get(2)).toList();

        assertThat(paid.buyerEmail()).hasValueSatisfying(e -> assertThat(e).endsWith("@marketplace.amazon.com"));
        assertThat(paid.buyerName()).isPresent();
        assertThat(paid.shippingAddress()).hasValueSatisfying(a -> assertThat(a.countryCode()).hasValue("US"));
        assertThat(paid.orderTotal()).hasValue(new Money("USD",
                new BigDecimal(asPlaced.get("orderTotal").get("amount").asString()).setScale(2)));
        assertThat(paid.numberOfItemsUnshipped()).hasValue(2);
        assertThat(paid.numberOfItemsShipped()).hasValue(0);
        assertThat(paid.latestShipDate()).isPresent();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.sellerSku()).hasValue("MUG-1");
            assertThat(item.orderItemId()).matches("[0-9]{14}");
            assertThat(item.quantityOrdered()).isEqualTo(2);
            assertThat(item.quantityShipped()).isZero();
            assertThat(item.itemPrice()).hasValue(new Money("USD", new BigDecimal("25.00")));
        });
        assertThat(s.orders().listOrders(s.seller(), ListOrdersRequest.builder().createdAfter(start)
                .statuses(OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED).build())).hasSize(5);
        assertThat(s.orders().listOrders(s.seller(), ListOrdersRequest.builder().createdAfter(start)
                .statuses(OrderStatus.CANCELED).build())).isEmpty();
        assertThat(s.orders().listOrders(s.seller(), ListOrdersRequest.builder().createdAfter(start)
                .buyerEmail(paid.buyerEmail().orElseThrow()).build())).extracting(Order::amazonOrderId)
                .contains(placed.get(2));
    }

    @Test
    void changedSinceHandsBackEachChangeOnceAndAMarkFromWhichNothingIsLost(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        String sellerId = s.seller().sellerId().value();
        Instant since = s.time().instant().minus(Duration.ofMinutes(5));
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(id(s.buyers().place(sellerId, US, "MUG-1", 1)));
        }
        s.time().advance(Duration.ofMinutes(3));

        OrderChanges first = s.orders().changedSince(s.seller(), since);
        // Changes after the first window: a cancellation and a new order.
        s.buyers().cancel(sellerId, placed.get(1));
        String later = id(s.buyers().place(sellerId, US, "MUG-1", 1));
        s.time().advance(Duration.ofMinutes(3));
        OrderChanges second = s.orders().changedSince(s.seller(), first.resumeFrom());
        s.time().advance(Duration.ofMinutes(3));
        OrderChanges third = s.orders().changedSince(s.seller(), second.resumeFrom());

        assertThat(first.orders()).extracting(Order::amazonOrderId).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(first.resumeFrom()).isAfter(since).isBefore(s.time().instant());
        assertThat(second.orders()).extracting(Order::amazonOrderId).containsExactlyInAnyOrder(placed.get(1), later);
        assertThat(second.orders()).filteredOn(o -> o.amazonOrderId().equals(placed.get(1))).singleElement()
                .satisfies(o -> assertThat(o.orderStatus()).isEqualTo(OrderStatus.CANCELED));
        assertThat(second.resumeFrom()).isAfter(first.resumeFrom());
        assertThat(third.orders()).isEmpty();
        assertThat(third.resumeFrom()).isAfter(second.resumeFrom());
    }

    @Test
    void theEndpointsRulesComeBackAsInvalidParameterErrors(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        s.buyers().place(s.seller().sellerId().value(), US, "MUG-1", 1);
        s.buyers().place(s.seller().sellerId().value(), US, "MUG-1", 1);
        s.time().advance(Duration.ofMinutes(3));

        MwsException tooRecent = catchThrowableOfType(MwsException.class, () -> s.orders().listOrdersPage(s.seller(),
                ListOrdersRequest.createdAfter(s.time().instant())));
        OrdersPage page = s.orders().listOrdersPage(s.seller(), ListOrdersRequest.builder()
                .createdAfter(s.time().instant().minus(Duration.ofHours(1))).maxResultsPerPage(1).build());
        String token = page.nextToken().orElseThrow();
        MwsException tampered = catchThrowableOfType(MwsException.class, () -> s.orders().listOrdersByNextToken(
                s.seller(), token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA")));
        MwsException othersToken = catchThrowableOfType(MwsException.class,
                () -> s.orders().listOrdersByNextToken(s.otherSeller(), token));
        MwsException unknownOrder = catchThrowableOfType(MwsException.class,
                () -> s.orders().listOrderItems(s.seller(), "902-0000000-0000000").toList());

        assertThat(tooRecent.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(tooRecent.code()).isEqualTo("InvalidParameterValue");
        assertThat(page.orders()).hasSize(1);
        assertThat(page.createdBefore()).isPresent();
        assertThat(tampered.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(othersToken.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(unknownOrder.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(s.orders().listOrdersByNextToken(s.seller(), token).orders()).hasSize(1);
    }
}
