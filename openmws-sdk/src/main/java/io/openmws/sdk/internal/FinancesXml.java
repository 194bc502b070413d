package io.openmws.sdk.internal;

import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.ChargeComponent;
import io.openmws.sdk.FeeComponent;
import io.openmws.sdk.FinancialEventGroup;
import io.openmws.sdk.FinancialEventsPage;
import io.openmws.sdk.Page;
import io.openmws.sdk.Promotion;
import io.openmws.sdk.RefundEvent;
import io.openmws.sdk.ShipmentEvent;
import io.openmws.sdk.ShipmentItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads the Finances API's answers (spec §5): amounts as {@code CurrencyCode} + {@code CurrencyAmount} into
 * {@code BigDecimal}s, each event taken whole and its children looked up by name (any order), the event lists
 * this SDK does not model ({@code ServiceFeeEventList}, {@code AdjustmentEventList}, ...) and unknown elements
 * skipped; strict about the root element, which names the operation.
 */
public final class FinancesXml {

    private FinancesXml() {
    }

    /** A parser of {@code ListFinancialEventGroups[ByNextToken]Response}. */
    public static ResponseParser<Page<FinancialEventGroup>> groups(String action) {
        return (body, headerRequestId) -> SellersXml.read(body, action + "Response", r -> {
            String nextToken = null;
            String requestId = null;
            List<FinancialEventGroup> groups = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "FinancialEventGroup" -> groups.add(group(XmlElement.read(r)));
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // containers, or an element this SDK does not know
                    }
                }
            }
            return new Page<>(groups, Optional.ofNullable(nextToken).filter(t -> !t.isEmpty()),
                    SellersXml.firstNonBlank(headerRequestId, requestId));
        });
    }

    /** A parser of {@code ListFinancialEvents[ByNextToken]Response}. */
    public static ResponseParser<FinancialEventsPage> events(String action) {
        return (body, headerRequestId) -> SellersXml.read(body, action + "Response", r -> {
            String nextToken = null;
            String requestId = null;
            List<ShipmentEvent> shipments = new ArrayList<>();
            List<RefundEvent> refunds = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                switch (name) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "ShipmentEventList" -> {
                        for (XmlElement e : XmlElement.read(r).all("ShipmentEvent")) {
                            shipments.add(shipment(e));
                        }
                    }
                    case "RefundEventList" -> {
                        for (XmlElement e : XmlElement.read(r).all("ShipmentEvent")) {
                            refunds.add(refund(e));
                        }
                    }
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        if (name.endsWith("EventList")) {
                            SafeXml.elementText(r); // an event list this SDK does not model: skipped whole
                        }
                    }
                }
            }
            return new FinancialEventsPage(shipments, refunds, Optional.ofNullable(nextToken).filter(t -> !t.isEmpty()),
                    SellersXml.firstNonBlank(headerRequestId, requestId));
        });
    }

    static FinancialEventGroup group(XmlElement g) throws IOException {
        return new FinancialEventGroup(g.required("FinancialEventGroupId"), g.required("ProcessingStatus"),
                g.text("FundTransferStatus"), g.money("OriginalTotal"), g.money("ConvertedTotal"),
                g.instant("FundTransferDate"), g.text("TraceId"), g.text("AccountTail"), g.money("BeginningBalance"),
                g.instant("FinancialEventGroupStart").orElseThrow(() -> new IOException(
                        "a <FinancialEventGroup> has no <FinancialEventGroupStart>")),
                g.instant("FinancialEventGroupEnd"));
    }

    static ShipmentEvent shipment(XmlElement e) throws IOException {
        return new ShipmentEvent(e.required("AmazonOrderId"), e.text("SellerOrderId"), e.text("MarketplaceName"),
                posted(e), charges(e, "OrderChargeList"), charges(e, "OrderChargeAdjustmentList"),
                fees(e, "ShipmentFeeList"), fees(e, "ShipmentFeeAdjustmentList"), fees(e, "OrderFeeList"),
                fees(e, "OrderFeeAdjustmentList"), items(e, "ShipmentItemList"), items(e, "ShipmentItemAdjustmentList"));
    }

    static RefundEvent refund(XmlElement e) throws IOException {
        List<ShipmentItem> items = new ArrayList<>(items(e, "ShipmentItemAdjustmentList"));
        items.addAll(items(e, "ShipmentItemList"));
        List<ChargeComponent> charges = new ArrayList<>(charges(e, "OrderChargeAdjustmentList"));
        charges.addAll(charges(e, "OrderChargeList"));
        List<FeeComponent> orderFees = new ArrayList<>(fees(e, "OrderFeeAdjustmentList"));
        orderFees.addAll(fees(e, "OrderFeeList"));
        List<FeeComponent> shipmentFees = new ArrayList<>(fees(e, "ShipmentFeeAdjustmentList"));
        shipmentFees.addAll(fees(e, "ShipmentFeeList"));
        return new RefundEvent(e.required("AmazonOrderId"), e.text("SellerOrderId"), e.text("MarketplaceName"),
                posted(e), charges, shipmentFees, orderFees, items);
    }

    private static java.time.Instant posted(XmlElement e) throws IOException {
        return e.instant("PostedDate").orElseThrow(() -> new IOException("the event of order "
                + e.text("AmazonOrderId").orElse("?") + " has no <PostedDate>"));
    }

    private static List<ShipmentItem> items(XmlElement e, String list) throws IOException {
        List<ShipmentItem> items = new ArrayList<>();
        for (XmlElement i : e.list(list, "ShipmentItem")) {
            items.add(new ShipmentItem(i.text("SellerSKU"), i.text("OrderItemId"), i.text("OrderAdjustmentItemId"),
                    i.integer("QuantityShipped").orElse(0), charges(i, "ItemChargeList"),
                    charges(i, "ItemChargeAdjustmentList"), fees(i, "ItemFeeList"), fees(i, "ItemFeeAdjustmentList"),
                    promotions(i, "PromotionList"), promotions(i, "PromotionAdjustmentList")));
        }
        return items;
    }

    private static List<ChargeComponent> charges(XmlElement e, String list) throws IOException {
        List<ChargeComponent> charges = new ArrayList<>();
        for (XmlElement c : e.list(list, "ChargeComponent")) {
            charges.add(new ChargeComponent(c.required("ChargeType"), c.child("ChargeAmount")
                    .orElseThrow(() -> new IOException("a <ChargeComponent> has no <ChargeAmount>")).asMoney()));
        }
        return charges;
    }

    private static List<Promotion> promotions(XmlElement e, String list) throws IOException {
        List<Promotion> promotions = new ArrayList<>();
        for (XmlElement p : e.list(list, "Promotion")) {
            promotions.add(new Promotion(p.text("PromotionType").orElse(""), p.text("PromotionId").orElse(""),
                    p.child("PromotionAmount").orElseThrow(() -> new IOException("a <Promotion> has no <PromotionAmount>"))
                            .asMoney()));
        }
        return promotions;
    }

    private static List<FeeComponent> fees(XmlElement e, String list) throws IOException {
        List<FeeComponent> fees = new ArrayList<>();
        for (XmlElement f : e.list(list, "FeeComponent")) {
            fees.add(new FeeComponent(f.required("FeeType"), f.child("FeeAmount")
                    .orElseThrow(() -> new IOException("a <FeeComponent> has no <FeeAmount>")).asMoney()));
        }
        return fees;
    }
}
