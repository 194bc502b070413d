package io.openmws.server.finances;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The pages of ListFinancialEvents and its ByNextToken (mws-data-apis.md §5.2): the seller's events of
 * one order, one group, or a posted-date range, by posted date then id, keyset-paged; each page has
 * every {@code ...EventList} of the 2015-05-01 model, empty ones included, as live responses do.
 */
@Component
class EventPages {

    /**
     * The {@code FinancialEvents} children in the official model's order (MWSFinancesService 2018
     * client, then the lists later versions added). The platform posts into the first two only.
     */
    static final List<String> LISTS = List.of("ShipmentEventList", "RefundEventList", "GuaranteeClaimEventList",
            "ChargebackEventList", "PayWithAmazonEventList", "ServiceProviderCreditEventList",
            "RetrochargeEventList", "RentalTransactionEventList", "PerformanceBondRefundEventList",
            "ProductAdsPaymentEventList", "ServiceFeeEventList", "SellerDealPaymentEventList", "DebtRecoveryEventList",
            "LoanServicingEventList", "AdjustmentEventList", "SAFETReimbursementEventList",
            "SellerReviewEnrollmentPaymentEventList", "FBALiquidationEventList", "CouponPaymentEventList",
            "ImagingServicesFeeEventList", "NetworkComminglingTransactionEventList", "AffordabilityExpenseEventList",
            "AffordabilityExpenseReversalEventList", "TrialShipmentEventList", "ShipmentSettleEventList",
            "TaxWithholdingEventList", "RemovalShipmentEventList", "RemovalShipmentAdjustmentEventList");

    private static final String LIST = "events";
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9]{3}-[A-Za-z0-9]{7}-[A-Za-z0-9]{7}");
    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_=-]{1,64}");
    private static final String BY_ORDER = "order";
    private static final String BY_GROUP = "group";
    private static final String BY_DATE = "posted";

    /**
     * One page's request: the filter family and its value(s), the size, and where it starts (null: at
     * the first). For {@code posted}, {@code value} is PostedAfter and {@code before} the range's end.
     */
    record Page(String family, String value, Instant before, int maxResults, FinancialEventRepository.After from) {}

    private final FinancesApi api;
    private final FinancialEventRepository events;
    private final FinancialEventGroupRepository groups;

    EventPages(FinancesApi api, FinancialEventRepository events, FinancialEventGroupRepository groups) {
        this.api = api;
        this.events = events;
        this.groups = groups;
    }

    /** The first page a ListFinancialEvents call asks for, checked by every rule of §5.2. */
    static Page first(MwsCall call) {
        int max = FinancesApi.maxResults(call);
        String orderId = call.parameter("AmazonOrderId").orElse("");
        String groupId = call.parameter("FinancialEventGroupId").orElse("");
        String postedAfter = call.parameter("PostedAfter").orElse("");
        boolean postedBefore = !call.parameter("PostedBefore").orElse("").isEmpty();
        int families = (orderId.isEmpty() ? 0 : 1) + (groupId.isEmpty() ? 0 : 1) + (postedAfter.isEmpty() ? 0 : 1);
        if (postedBefore && postedAfter.isEmpty()) {
            throw MwsException.invalidParameter("PostedBefore can only be given with PostedAfter.");
        }
        if (families == 0) {
            throw MwsException.invalidParameter(
                    "One of AmazonOrderId, FinancialEventGroupId or PostedAfter must be specified.");
        }
        if (families > 1) {
            throw MwsException.invalidParameter(
                    "Only one of AmazonOrderId, FinancialEventGroupId or PostedAfter may be specified.");
        }
        if (!orderId.isEmpty()) {
            if (!ORDER_ID.matcher(orderId).matches()) {
                throw MwsException.invalidParameter("Invalid AmazonOrderId: " + FinancesApi.abbreviate(orderId)
                        + ". An AmazonOrderId looks like 902-3159896-1390916.");
            }
            return new Page(BY_ORDER, orderId, null, max, null);
        }
        if (!groupId.isEmpty()) {
            if (!GROUP_ID.matcher(groupId).matches()) {
                throw MwsException.invalidParameter("Invalid FinancialEventGroupId: "
                        + FinancesApi.abbreviate(groupId) + ".");
            }
            return new Page(BY_GROUP, groupId, null, max, null);
        }
        Instant after = FinancesApi.date(call, "PostedAfter");
        Instant before = FinancesApi.before(call, "PostedBefore", after, "PostedAfter");
        return new Page(BY_DATE, after.toString(), before, max, null);
    }

    /** The page a NextToken stands for. */
    Page next(MwsCall call) {
        List<String> f = api.open(call, LIST, FinancesApi.nextToken(call), 6);
        try {
            return new Page(f.get(0), f.get(1), f.get(2).isEmpty() ? null : Instant.parse(f.get(2)),
                    Integer.parseInt(f.get(3)),
                    new FinancialEventRepository.After(Instant.parse(f.get(4)), Long.parseLong(f.get(5))));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw FinancesApi.corrupted();
        }
    }

    /** Writes the page: {@code NextToken} when more follows, then {@code FinancialEvents}. */
    void write(MwsCall call, MwsXmlWriter xml, Page page) throws IOException {
        long accountId = api.accountId(call);
        List<PostedEvent> fetched = filter(accountId, page)
                .map(f -> events.page(accountId, f, FinancesApi.oldest(call), page.from(), page.maxResults() + 1))
                .orElse(List.of());
        boolean more = fetched.size() > page.maxResults();
        List<PostedEvent> shown = more ? fetched.subList(0, page.maxResults()) : fetched;
        if (more) {
            PostedEvent last = shown.get(shown.size() - 1);
            xml.element("NextToken", api.seal(call, LIST, List.of(page.family(), page.value(),
                    page.before() == null ? "" : page.before().toString(), Integer.toString(page.maxResults()),
                    last.postedDate().toString(), Long.toString(last.id()))));
        }
        List<PostedEvent> shipments = new ArrayList<>();
        List<PostedEvent> refunds = new ArrayList<>();
        for (PostedEvent e : shown) {
            (e.refund() ? refunds : shipments).add(e);
        }
        xml.start("FinancialEvents");
        for (String list : LISTS) {
            xml.start(list);
            if (list.equals("ShipmentEventList")) {
                for (PostedEvent e : shipments) {
                    writeEvent(xml, e);
                }
            } else if (list.equals("RefundEventList")) {
                for (PostedEvent e : refunds) {
                    writeEvent(xml, e);
                }
            }
            xml.end();
        }
        xml.end();
    }

    /** The filter of a page within the seller; empty when it names a group the seller does not have. */
    private Optional<FinancialEventRepository.Filter> filter(long accountId, Page page) {
        return switch (page.family()) {
            case BY_ORDER -> Optional.of(new FinancialEventRepository.Filter.ByOrder(page.value()));
            case BY_GROUP -> groups.refOf(accountId, page.value()).map(FinancialEventRepository.Filter.ByGroup::new);
            case BY_DATE -> Optional.of(new FinancialEventRepository.Filter.Posted(Instant.parse(page.value()),
                    page.before()));
            default -> throw FinancesApi.corrupted();
        };
    }

    /**
     * One {@code ShipmentEvent}: a shipment's items under {@code ShipmentItemList} with
     * {@code ItemChargeList}, {@code ItemFeeList}, {@code PromotionList}; a refund's under
     * {@code ShipmentItemAdjustmentList} with the {@code ...AdjustmentList} names and an
     * {@code OrderAdjustmentItemId}. Empty inner lists are left out.
     */
    static void writeEvent(MwsXmlWriter xml, PostedEvent e) throws IOException {
        boolean refund = e.refund();
        String adjustment = refund ? "Adjustment" : "";
        xml.start("ShipmentEvent")
                .element("AmazonOrderId", e.amazonOrderId())
                .element("SellerOrderId", e.sellerOrderId())
                .element("MarketplaceName", e.marketplaceName())
                .element("PostedDate", e.postedDate());
        xml.start(refund ? "ShipmentItemAdjustmentList" : "ShipmentItemList");
        for (PostedEvent.Item item : e.items()) {
            xml.start("ShipmentItem")
                    .element("SellerSKU", item.sellerSku())
                    .element("OrderItemId", item.orderItemId())
                    .element("OrderAdjustmentItemId", item.orderAdjustmentItemId())
                    .element("QuantityShipped", item.quantity());
            writeComponents(xml, e.currency(), item, PostedEvent.Component.CHARGE, "ItemCharge" + adjustment + "List");
            writeComponents(xml, e.currency(), item, PostedEvent.Component.FEE, "ItemFee" + adjustment + "List");
            writeComponents(xml, e.currency(), item, PostedEvent.Component.PROMOTION,
                    "Promotion" + adjustment + "List");
            xml.end();
        }
        xml.end();
        xml.end();
    }

    private static void writeComponents(MwsXmlWriter xml, String currency, PostedEvent.Item item, String kind,
                                        String listName) throws IOException {
        List<PostedEvent.Component> of = item.components().stream().filter(c -> c.kind().equals(kind)).toList();
        if (of.isEmpty()) {
            return;
        }
        xml.start(listName);
        for (PostedEvent.Component c : of) {
            switch (kind) {
                case PostedEvent.Component.CHARGE -> {
                    xml.start("ChargeComponent").element("ChargeType", c.type());
                    FinancesApi.money(xml, "ChargeAmount", currency, c.amount());
                }
                case PostedEvent.Component.FEE -> {
                    xml.start("FeeComponent").element("FeeType", c.type());
                    FinancesApi.money(xml, "FeeAmount", currency, c.amount());
                }
                default -> {
                    xml.start("Promotion").element("PromotionType", c.type()).element("PromotionId", c.promotionId());
                    FinancesApi.money(xml, "PromotionAmount", currency, c.amount());
                }
            }
            xml.end();
        }
        xml.end();
    }
}
