package io.openmws.sdk.internal;

import io.openmws.protocol.Text;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.Address;
import io.openmws.sdk.FulfillmentChannel;
import io.openmws.sdk.Order;
import io.openmws.sdk.OrderItem;
import io.openmws.sdk.OrderStatus;
import io.openmws.sdk.OrdersPage;
import io.openmws.sdk.Page;
import io.openmws.sdk.PaymentMethod;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads the Orders API's answers (spec §4): each {@code Order} and {@code OrderItem} is taken whole from the
 * stream and its children looked up by name, so their order does not matter and elements this SDK does not
 * know are ignored; strict about the root element, which names the operation, and about the parts every
 * order has (id, dates, status).
 */
public final class OrdersXml {

    private OrdersXml() {
    }

    /** A parser of {@code ListOrders[ByNextToken]Response} and {@code GetOrderResponse}. */
    public static ResponseParser<OrdersPage> orders(String action) {
        return (body, headerRequestId) -> SellersXml.read(body, action + "Response", r -> {
            String nextToken = null;
            Instant createdBefore = null;
            Instant lastUpdatedBefore = null;
            String requestId = null;
            List<Order> orders = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "CreatedBefore" -> createdBefore = date(SafeXml.elementText(r), "CreatedBefore");
                    case "LastUpdatedBefore" -> lastUpdatedBefore = date(SafeXml.elementText(r), "LastUpdatedBefore");
                    case "Order" -> orders.add(order(XmlElement.read(r)));
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // the Result and Orders containers, or an element this SDK does not know
                    }
                }
            }
            return new OrdersPage(orders, Optional.ofNullable(nextToken).filter(t -> !t.isEmpty()),
                    Optional.ofNullable(createdBefore), Optional.ofNullable(lastUpdatedBefore),
                    SellersXml.firstNonBlank(headerRequestId, requestId));
        });
    }

    /** A parser of {@code ListOrderItems[ByNextToken]Response}. */
    public static ResponseParser<Page<OrderItem>> items(String action) {
        return (body, headerRequestId) -> SellersXml.read(body, action + "Response", r -> {
            String nextToken = null;
            String requestId = null;
            List<OrderItem> items = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "OrderItem" -> items.add(item(XmlElement.read(r)));
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // containers, AmazonOrderId, or an element this SDK does not know
                    }
                }
            }
            return new Page<>(items, Optional.ofNullable(nextToken).filter(t -> !t.isEmpty()),
                    SellersXml.firstNonBlank(headerRequestId, requestId));
        });
    }

    static Order order(XmlElement o) throws IOException {
        String id = o.required("AmazonOrderId");
        String status = o.required("OrderStatus");
        OrderStatus parsed = OrderStatus.ofWireValue(status).orElseThrow(() -> new IOException("<OrderStatus> of order "
                + Text.abbreviate(id, 24) + " is '" + Text.abbreviate(status, 40) + "', not one MWS documents"));
        Optional<FulfillmentChannel> channel = Optional.empty();
        Optional<String> c = o.text("FulfillmentChannel");
        if (c.isPresent()) {
            try {
                channel = Optional.of(FulfillmentChannel.valueOf(c.get()));
            } catch (IllegalArgumentException e) {
                throw new IOException("<FulfillmentChannel> of order " + Text.abbreviate(id, 24) + " is '"
                        + Text.abbreviate(c.get(), 20) + "', not AFN or MFN");
            }
        }
        Optional<PaymentMethod> payment = Optional.empty();
        Optional<String> p = o.text("PaymentMethod");
        if (p.isPresent()) {
            payment = Optional.of(PaymentMethod.ofWireValue(p.get()).orElseThrow(() -> new IOException("<PaymentMethod>"
                    + " of order " + Text.abbreviate(id, 24) + " is '" + Text.abbreviate(p.get(), 20)
                    + "', not COD, CVS or Other")));
        }
        Optional<Address> address = o.child("ShippingAddress").filter(a -> !a.children().isEmpty())
                .map(a -> new Address(a.text("Name"), a.text("AddressLine1"), a.text("AddressLine2"),
                        a.text("AddressLine3"), a.text("City"), a.text("County"), a.text("District"),
                        a.text("StateOrRegion"), a.text("Municipality"), a.text("PostalCode"), a.text("CountryCode"),
                        a.text("Phone"), a.text("AddressType")));
        List<String> details = o.list("PaymentMethodDetails", "PaymentMethodDetail").stream()
                .map(XmlElement::text).filter(t -> !t.isEmpty()).toList();
        return new Order(id, o.text("SellerOrderId"), o.instant("PurchaseDate").orElseThrow(() -> missing(o, id,
                "PurchaseDate")), o.instant("LastUpdateDate").orElseThrow(() -> missing(o, id, "LastUpdateDate")),
                parsed, channel, o.text("SalesChannel"), o.text("OrderChannel"), o.text("ShipServiceLevel"), address,
                o.money("OrderTotal"), o.integer("NumberOfItemsShipped"), o.integer("NumberOfItemsUnshipped"), payment,
                details, o.text("MarketplaceId"), o.text("BuyerEmail"), o.text("BuyerName"),
                o.text("ShipmentServiceLevelCategory"), o.text("OrderType"), o.instant("EarliestShipDate"),
                o.instant("LatestShipDate"), o.instant("EarliestDeliveryDate"), o.instant("LatestDeliveryDate"),
                o.flag("IsBusinessOrder"), o.text("PurchaseOrderNumber"), o.flag("IsPrime"), o.flag("IsPremiumOrder"),
                o.flag("IsGlobalExpressEnabled"), o.flag("IsReplacementOrder"), o.text("ReplacedOrderId"));
    }

    static OrderItem item(XmlElement i) throws IOException {
        String id = i.required("OrderItemId");
        int ordered = i.integer("QuantityOrdered").orElseThrow(() -> new IOException("order item "
                + Text.abbreviate(id, 20) + " has no <QuantityOrdered>"));
        List<String> promotions = i.list("PromotionIds", "PromotionId").stream()
                .map(XmlElement::text).filter(t -> !t.isEmpty()).toList();
        return new OrderItem(i.required("ASIN"), i.text("SellerSKU"), id, i.text("Title"), ordered,
                i.integer("QuantityShipped").orElse(0),
                i.child("ProductInfo").isPresent() ? i.child("ProductInfo").get().integer("NumberOfItems")
                        : java.util.OptionalInt.empty(),
                i.money("ItemPrice"), i.money("ShippingPrice"), i.money("GiftWrapPrice"), i.money("ItemTax"),
                i.money("ShippingTax"), i.money("GiftWrapTax"), i.money("ShippingDiscount"),
                i.money("ShippingDiscountTax"), i.money("PromotionDiscount"), i.money("PromotionDiscountTax"),
                promotions, i.money("CODFee"), i.money("CODFeeDiscount"), i.flag("IsGift"), i.text("GiftMessageText"),
                i.text("GiftWrapLevel"), i.text("ConditionId"), i.text("ConditionSubtypeId"), i.text("ConditionNote"),
                i.instant("ScheduledDeliveryStartDate"), i.instant("ScheduledDeliveryEndDate"),
                i.text("PriceDesignation"), i.flag("SerialNumberRequired"), i.flag("IsTransparency"));
    }

    private static IOException missing(XmlElement o, String id, String child) {
        return new IOException("order " + Text.abbreviate(id, 24) + " has no <" + child + ">");
    }

    static Instant date(String text, String name) throws IOException {
        try {
            return Timestamps.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IOException("<" + name + "> is not a date-time: " + e.getMessage());
        }
    }
}
