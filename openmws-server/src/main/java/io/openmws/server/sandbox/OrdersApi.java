package io.openmws.server.sandbox;

import io.openmws.server.orders.Address;
import io.openmws.server.orders.CustomerOrder;
import io.openmws.server.orders.GeneratorSettings;
import io.openmws.server.orders.NewOrder;
import io.openmws.server.orders.OrderRefunded;
import io.openmws.server.orders.Orders;
import io.openmws.server.orders.SandboxOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated buyers (issue 15): a buyer places an order with a seller, cancels it before it ships, or
 * returns shipped units for a refund. What the buyer cannot do (a SKU that is not for sale, an order
 * that shipped) is a JSON error from {@link SandboxApiErrors}.
 */
@RestController
@Tag(name = "Simulated buyers", description = "Orders placed, canceled and returned by the sandbox's buyers; "
        + "the order generator. Rules: docs/orders.md.")
class OrdersApi {

    @Schema(description = "One line: a SKU of the seller's live listing in the marketplace and how many units.")
    record Line(@Schema(example = "MUG-RED-01") String sku,
                @Schema(description = "1 to 1000; 1 when left out", example = "2") Integer quantity) {}

    @Schema(description = "The buyer; anything left out is made up (a name, an anonymized "
            + "...@marketplace.amazon.com address).")
    record Buyer(String name, String email) {}

    @Schema(description = "An order to place. Only marketplaceId and items are required.")
    record NewOrderRequest(
            @Schema(description = "A marketplace the seller sells in", example = "ATVPDKIKX0DER") String marketplaceId,
            List<Line> items,
            Buyer buyer,
            @Schema(description = "Made up in the marketplace's country when left out; when given, addressLine1, "
                    + "city and countryCode are required") Address shippingAddress,
            @Schema(description = "MFN (the default and the only one the sandbox's buyers order)") String fulfillmentChannel,
            @Schema(description = "The ShipmentServiceLevelCategory: Standard (default), Expedited, SecondDay, NextDay; "
                    + "decides the shipping price and delivery dates") String shipServiceLevel,
            @Schema(description = "ISO-8601 instant, not after the platform's now; now when left out",
                    example = "2026-01-15T10:00:00Z") String purchaseDate) {}

    record Money(String currencyCode, String amount) {
        static Money of(String currency, BigDecimal amount) {
            return new Money(currency, amount.toPlainString());
        }
    }

    record Cancellation(Instant canceledAt, String reason, String canceledBy) {}

    record Item(String orderItemId, String sku, String asin, String title, String conditionId, int quantity,
                int quantityShipped, Money unitPrice, Money itemPrice, Money shippingPrice, Money itemTax,
                Money shippingTax) {}

    @Schema(description = "An order as the seller's software will see it through the Orders API (which hides "
            + "the buyer and the total while the order is Pending; this view does not).")
    record OrderState(String amazonOrderId, String sellerId, String marketplaceId, String status, Instant purchaseDate,
                      Instant lastUpdateDate, Instant pendingUntil, String salesChannel, String fulfillmentChannel,
                      String shipServiceLevel, String shipmentServiceLevelCategory, Buyer buyer,
                      Address shippingAddress, Money orderTotal, int numberOfItemsShipped,
                      int numberOfItemsUnshipped, Instant earliestShipDate, Instant latestShipDate,
                      Instant earliestDeliveryDate, Instant latestDeliveryDate, Cancellation cancellation,
                      List<Item> orderItems) {}

    @Schema(description = "Optional. reason: an OrderAcknowledgement CancelReason; BuyerCanceled when left out.")
    record CancelRequest(String reason) {}

    record ReturnLine(String orderItemId, Integer quantity) {}

    @Schema(description = "Optional. items: the units returned per order item (every shipped unit not refunded "
            + "yet when left out); reason: a CancelReason value, CustomerReturn when left out.")
    record RefundRequest(List<ReturnLine> items, String reason) {}

    record RefundedItem(String orderItemId, String sku, int quantity, Money principal, Money shipping, Money tax,
                        Money shippingTax) {}

    record RefundState(String amazonOrderId, long refundId, Instant postedDate, String reason,
                       List<RefundedItem> items) {}

    @Schema(description = "perHour: orders per hour of platform time, 0 to 3600 (0 stops); marketplaceId: where "
            + "the buyers buy (the seller's home marketplace when left out); skus: the SKUs they pick from (any live "
            + "listing when left out)")
    record GeneratorRequest(@Schema(example = "24") Integer perHour, String marketplaceId, List<String> skus) {}

    @Schema(description = "The seller's simulated buyers. nextOrderAt is left out while stopped.")
    record GeneratorState(String sellerId, int perHour, String marketplaceId, List<String> skus,
                          Instant nextOrderAt) {}

    private final SandboxOrders orders;

    OrdersApi(SandboxOrders orders) {
        this.orders = orders;
    }

    @Operation(summary = "A buyer places an order", description = """
            Buys live (ACTIVE) listings of the seller: every line's units come out of stock atomically, all \
            lines or none. 409 Conflict names the SKU that cannot be bought (unknown, staged, incomplete, sold \
            out, or fewer units than asked); 400 for input that is not an order or a marketplace the seller \
            does not sell in; 404 for an unknown seller. Prices are the listings' (a sale price within its \
            dates) in the marketplace's currency, plus shipping and tax by the rule in docs/orders.md. The order \
            is Pending for 30 minutes of platform time (the payment check), then Unshipped.""")
    @PostMapping("/sandbox/v1/sellers/{sellerId}/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderState place(@PathVariable String sellerId, @RequestBody(required = false) NewOrderRequest request) {
        if (request == null) {
            throw SandboxApiException.invalid("Give {\"marketplaceId\": ..., \"items\": [{\"sku\": ..., \"quantity\": ...}]}.");
        }
        List<NewOrder.Line> lines = new ArrayList<>();
        if (request.items() != null) {
            for (Line l : request.items()) {
                if (l == null) {
                    throw SandboxApiException.invalid("'items' holds a null entry.");
                }
                lines.add(new NewOrder.Line(l.sku(), l.quantity() == null ? 1 : l.quantity()));
            }
        }
        NewOrder order = new NewOrder(request.marketplaceId(), lines,
                request.buyer() == null ? null : new NewOrder.Buyer(request.buyer().name(), request.buyer().email()),
                request.shippingAddress(), request.fulfillmentChannel(), request.shipServiceLevel(),
                instant("purchaseDate", request.purchaseDate()));
        return state(sellerId, orders.place(sellerId, order));
    }

    @Operation(summary = "One order of the seller, with its items")
    @GetMapping("/sandbox/v1/sellers/{sellerId}/orders/{amazonOrderId}")
    OrderState order(@PathVariable String sellerId, @PathVariable String amazonOrderId) {
        return state(sellerId, orders.order(sellerId, amazonOrderId));
    }

    @Operation(summary = "The buyer cancels an order", description = """
            Only before anything shipped (409 after, and for an order canceled already): the order becomes \
            Canceled and its units go back into stock.""")
    @PostMapping("/sandbox/v1/sellers/{sellerId}/orders/{amazonOrderId}/cancel")
    OrderState cancel(@PathVariable String sellerId, @PathVariable String amazonOrderId,
                      @RequestBody(required = false) CancelRequest request) {
        return state(sellerId, orders.cancel(sellerId, amazonOrderId, request == null ? null : request.reason()));
    }

    @Operation(summary = "The buyer returns shipped units for a refund", description = """
            Refunds item price, shipping and their taxes of the units returned (each line's share by units; the \
            refund that completes a line gets what is left, so refunds add up exactly) and posts a RefundEvent to \
            Finances. 409 for more units than shipped and not refunded yet. Stock does not change.""")
    @PostMapping("/sandbox/v1/sellers/{sellerId}/orders/{amazonOrderId}/refund")
    @ResponseStatus(HttpStatus.CREATED)
    RefundState refund(@PathVariable String sellerId, @PathVariable String amazonOrderId,
                       @RequestBody(required = false) RefundRequest request) {
        List<Orders.Return> returns = new ArrayList<>();
        if (request != null && request.items() != null) {
            for (ReturnLine l : request.items()) {
                if (l == null || l.quantity() == null) {
                    throw SandboxApiException.invalid("Each of 'items' is {\"orderItemId\": ..., \"quantity\": ...}.");
                }
                returns.add(new Orders.Return(l.orderItemId(), l.quantity()));
            }
        }
        Orders.Refund refund = orders.refund(sellerId, amazonOrderId, returns, request == null ? null : request.reason());
        OrderRefunded e = refund.event();
        return new RefundState(e.amazonOrderId(), refund.refundRef(), e.postedAt(), e.reason(), e.items().stream()
                .map(i -> new RefundedItem(i.orderItemId(), i.sku(), i.quantity(), Money.of(e.currency(), i.principal()),
                        Money.of(e.currency(), i.shipping()), Money.of(e.currency(), i.tax()),
                        Money.of(e.currency(), i.shippingTax())))
                .toList());
    }

    @Operation(summary = "Start, change or stop the seller's order generator", description = """
            A steady stream of buyers by the platform clock: an order every (1 hour / perHour), dated when it fell             due, each buying one unit of a random live SKU (or one of 'skus'); skipped when nothing is buyable.             Moving the clock a day produces a day of orders at the generator's next run (every 5 seconds), at most             the latest 2,000 that fell due (older ones are skipped) and 500 per seller per run, so a long jump             never hangs the platform. The first order is due one interval after this call.""")
    @PostMapping("/sandbox/v1/sellers/{sellerId}/order-generator")
    GeneratorState setGenerator(@PathVariable String sellerId, @RequestBody(required = false) GeneratorRequest request) {
        if (request == null || request.perHour() == null) {
            throw SandboxApiException.invalid("Give {\"perHour\": N} (0 stops), optionally \"marketplaceId\" and \"skus\".");
        }
        return generator(sellerId, orders.setGenerator(sellerId, request.perHour(), request.marketplaceId(),
                request.skus()));
    }

    @Operation(summary = "The seller's order generator", description = "perHour 0 when stopped or never started.")
    @GetMapping("/sandbox/v1/sellers/{sellerId}/order-generator")
    GeneratorState generator(@PathVariable String sellerId) {
        return generator(sellerId, orders.generator(sellerId));
    }

    private static GeneratorState generator(String sellerId, GeneratorSettings g) {
        return new GeneratorState(sellerId.strip(), g.perHour(), g.marketplaceId(), g.skus(), g.nextAt());
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw SandboxApiException.invalid("'" + field + "' is an ISO-8601 date and time with its offset, like "
                    + "2026-01-15T10:00:00Z.");
        }
    }

    private static OrderState state(String sellerId, CustomerOrder o) {
        String c = o.currency();
        List<Item> items = o.items().stream().map(i -> new Item(i.orderItemId(), i.sku(), i.asin(), i.title(),
                i.conditionType(), i.quantityOrdered(), i.quantityShipped(), Money.of(c, i.unitPrice()),
                Money.of(c, i.itemPrice()), Money.of(c, i.shippingPrice()), Money.of(c, i.itemTax()),
                Money.of(c, i.shippingTax()))).toList();
        return new OrderState(o.amazonOrderId(), sellerId.strip(), o.marketplaceId(), o.status(), o.purchaseDate(),
                o.lastUpdateDate(), o.pendingUntil(), o.salesChannel(), o.fulfillmentChannel(), o.shipServiceLevel(),
                o.shipmentServiceLevelCategory(), new Buyer(o.buyerName(), o.buyerEmail()), o.shippingAddress(),
                Money.of(c, o.orderTotal()), o.itemsShipped(), o.itemsUnshipped(), o.earliestShipDate(),
                o.latestShipDate(), o.earliestDeliveryDate(), o.latestDeliveryDate(),
                o.canceledAt() == null ? null : new Cancellation(o.canceledAt(), o.cancelReason(), o.canceledBy()),
                items);
    }
}
