package io.openmws.server.orders;

import io.openmws.protocol.Text;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.ids.AmazonOrderId;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.support.SecretSealer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the five Orders operations share (docs/protocol.md, "Orders API"): the calling seller's account,
 * the parameter rules of {@code ListOrders} (mws-data-apis.md §4.1), the {@code Order} and
 * {@code OrderItem} elements (§4.3, §4.4), and the NextTokens of both lists.
 *
 * <p>A NextToken is sealed ({@link SecretSealer}, AEAD) with a context naming the list, the seller and
 * the developer: it is opaque, cannot be altered, and opens only for the caller it was issued to;
 * anything else is {@code NextTokenCorrupted}.
 */
@Component
class OrdersProtocol {

    /** Every {@code OrderStatus} MWS documents; the platform produces Pending to Canceled. */
    static final Set<String> STATUSES = Set.of("PendingAvailability", "Pending", "Unshipped", "PartiallyShipped",
            "Shipped", "InvoiceUnconfirmed", "Canceled", "Unfulfillable");
    static final Set<String> FULFILLMENT_CHANNELS = Set.of("AFN", "MFN");
    static final Set<String> PAYMENT_METHODS = Set.of("COD", "CVS", "Other");
    static final int MAX_MARKETPLACES = 50;
    static final int MAX_RESULTS_PER_PAGE = 100;
    static final int MAX_ORDER_IDS = 50;
    /** How far before the request every ListOrders date must be, and where "Before" defaults to. */
    static final Duration SETTLING = Duration.ofMinutes(2);

    private static final String LIST_TOKEN = "o1";
    private static final String ITEMS_TOKEN = "i1";

    private final SellerAccounts accounts;
    private final SecretSealer sealer;
    private final int itemsPageSize;

    OrdersProtocol(SellerAccounts accounts, SecretSealer sealer,
              @Value("${openmws.orders.items-page-size:100}") int itemsPageSize) {
        if (itemsPageSize < 1) {
            throw new IllegalArgumentException("openmws.orders.items-page-size must be at least 1");
        }
        this.accounts = accounts;
        this.sealer = sealer;
        this.itemsPageSize = itemsPageSize;
    }

    /** The calling seller's account; {@code AccessDenied} unless it is active. */
    SellerAccount account(MwsCall call) {
        return accounts.bySellerId(call.sellerId()).filter(SellerAccount::active)
                .orElseThrow(() -> new MwsException(MwsError.accessDenied()));
    }

    // ---- ListOrders parameters

    /** The checked filters of a {@code ListOrders} request of this seller. */
    static ListOrdersQuery query(MwsCall call, SellerAccount account) {
        List<String> marketplaces = marketplaces(call, account);
        Instant latest = call.receivedAt().minus(SETTLING).truncatedTo(ChronoUnit.MILLIS);
        Instant createdAfter = date(call, "CreatedAfter", latest);
        Instant createdBefore = date(call, "CreatedBefore", latest);
        Instant updatedAfter = date(call, "LastUpdatedAfter", latest);
        Instant updatedBefore = date(call, "LastUpdatedBefore", latest);
        if (createdAfter == null && updatedAfter == null) {
            throw MwsException.invalidParameter("CreatedAfter or LastUpdatedAfter must be specified");
        }
        if (createdAfter != null && updatedAfter != null) {
            throw MwsException.invalidParameter("CreatedAfter and LastUpdatedAfter cannot both be specified:"
                    + " select orders either by creation or by last update.");
        }
        boolean byLastUpdate = updatedAfter != null;
        if (byLastUpdate && createdBefore != null) {
            throw MwsException.invalidParameter("CreatedBefore can only be specified with CreatedAfter.");
        }
        if (!byLastUpdate && updatedBefore != null) {
            throw MwsException.invalidParameter("LastUpdatedBefore can only be specified with LastUpdatedAfter.");
        }
        String family = byLastUpdate ? "LastUpdated" : "Created";
        Instant after = byLastUpdate ? updatedAfter : createdAfter;
        Instant before = byLastUpdate ? updatedBefore : createdBefore;
        if (before == null) {
            before = latest;
        }
        if (after.isAfter(before)) {
            throw MwsException.invalidParameter("The " + family + "After date is after the " + family + "Before date.");
        }
        if (after.equals(before)) {
            throw MwsException.invalidParameter("The " + family + "Before date must be later than the " + family
                    + "After date.");
        }
        List<String> statuses = values(call, "OrderStatus.Status", "OrderStatus", STATUSES);
        if (statuses.contains("Unshipped") != statuses.contains("PartiallyShipped")) {
            throw MwsException.invalidParameter("OrderStatus values Unshipped and PartiallyShipped must be used"
                    + " together: send both or neither.");
        }
        List<String> channels = values(call, "FulfillmentChannel.Channel", "FulfillmentChannel", FULFILLMENT_CHANNELS);
        List<String> methods = values(call, "PaymentMethod.Method", "PaymentMethod", PAYMENT_METHODS);
        String buyerEmail = call.parameter("BuyerEmail").map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        String sellerOrderId = call.parameter("SellerOrderId").map(String::strip).filter(v -> !v.isEmpty())
                .orElse(null);
        exclusive("BuyerEmail", buyerEmail, byLastUpdate, statuses, channels, methods, sellerOrderId, "SellerOrderId");
        exclusive("SellerOrderId", sellerOrderId, byLastUpdate, statuses, channels, methods, buyerEmail, "BuyerEmail");
        return new ListOrdersQuery(byLastUpdate, after, before, marketplaces, statuses, channels, methods, buyerEmail,
                sellerOrderId, maxResultsPerPage(call));
    }

    /** {@code MarketplaceId.Id.N}: 1 to 50 marketplaces, each one the seller sells in. */
    private static List<String> marketplaces(MwsCall call, SellerAccount account) {
        List<String> ids = call.list("MarketplaceId.Id");
        if (ids.isEmpty() || ids.stream().allMatch(String::isBlank)) {
            throw MwsException.missingParameter("MarketplaceId.Id.1");
        }
        if (ids.size() > MAX_MARKETPLACES) {
            throw MwsException.invalidParameter("MarketplaceId.Id may name at most " + MAX_MARKETPLACES
                    + " marketplaces; " + ids.size() + " were sent.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            String value = id.strip();
            if (Marketplaces.byId(value).isEmpty()) {
                throw MwsException.invalidParameter("Invalid MarketplaceId: " + abbreviate(value)
                        + ". It is not a marketplace id.");
            }
            if (!account.marketplaceIds().contains(value)) {
                throw MwsException.invalidParameter("Invalid MarketplaceId: " + abbreviate(value)
                        + ". The seller does not sell in it.");
            }
            distinct.add(value);
        }
        return List.copyOf(distinct);
    }

    /** A date parameter: ISO 8601, and no later than {@code latest} (the request time less 2 minutes). */
    private static Instant date(MwsCall call, String name, Instant latest) {
        String value = call.parameter(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        Instant date;
        try {
            date = Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(value)
                    + ". Use ISO 8601, e.g. 2020-06-25T12:32:14Z.");
        }
        if (date.isAfter(latest)) {
            throw MwsException.invalidParameter(name + " must be no later than 2 minutes before the request time: "
                    + Timestamps.format(latest) + " at the latest, but it is " + Timestamps.format(date) + ".");
        }
        return date;
    }

    /** The values of a list parameter, each one of {@code allowed} (case-sensitive), without repeats. */
    private static List<String> values(MwsCall call, String prefix, String name, Set<String> allowed) {
        Set<String> found = new LinkedHashSet<>();
        for (String value : call.list(prefix)) {
            if (!allowed.contains(value)) {
                throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(value) + ". Use one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
            found.add(value);
        }
        return List.copyOf(found);
    }

    /** {@code BuyerEmail} and {@code SellerOrderId} each exclude the other filters (§4.1). */
    private static void exclusive(String name, String value, boolean byLastUpdate, List<String> statuses,
                                  List<String> channels, List<String> methods, String other, String otherName) {
        if (value == null) {
            return;
        }
        String conflict = byLastUpdate ? "LastUpdatedAfter"
                : !statuses.isEmpty() ? "OrderStatus"
                : !channels.isEmpty() ? "FulfillmentChannel"
                : !methods.isEmpty() ? "PaymentMethod"
                : other != null ? otherName
                : null;
        if (conflict != null) {
            throw MwsException.invalidParameter(name + " cannot be combined with " + conflict + ": with " + name
                    + " send only MarketplaceId, CreatedAfter and CreatedBefore.");
        }
    }

    /** {@code MaxResultsPerPage}: 1 to 100, 100 when absent. */
    private static int maxResultsPerPage(MwsCall call) {
        String value = call.parameter("MaxResultsPerPage").map(String::strip).orElse("");
        if (value.isEmpty()) {
            return MAX_RESULTS_PER_PAGE;
        }
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1
                || Integer.parseInt(value) > MAX_RESULTS_PER_PAGE) {
            throw MwsException.invalidParameter("MaxResultsPerPage must be a whole number from 1 to "
                    + MAX_RESULTS_PER_PAGE + "; it is " + abbreviate(value) + ".");
        }
        return Integer.parseInt(value);
    }

    /** {@code AmazonOrderId.Id.N} of GetOrder: 1 to 50 ids in the 3-7-7 form, without repeats. */
    static List<String> orderIds(MwsCall call) {
        List<String> ids = call.list("AmazonOrderId.Id");
        if (ids.isEmpty()) {
            throw MwsException.missingParameter("AmazonOrderId.Id.1");
        }
        if (ids.size() > MAX_ORDER_IDS) {
            throw MwsException.invalidParameter("AmazonOrderId.Id may name at most " + MAX_ORDER_IDS
                    + " orders; " + ids.size() + " were sent.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(orderId(id));
        }
        return List.copyOf(distinct);
    }

    /** One order id, in the 3-7-7 form. */
    static String orderId(String value) {
        String id = value.strip();
        if (!AmazonOrderId.isValid(id)) {
            throw MwsException.invalidParameter("Invalid AmazonOrderId: " + abbreviate(id)
                    + ". An order id has 3-7-7 digits, like 902-3159896-1390916.");
        }
        return id;
    }

    // ---- NextTokens

    /** A list page a token stands for: the filters and where the page starts. */
    record ListPage(ListOrdersQuery query, ListOrdersQuery.Position from) {}

    /** An item page a token stands for: the order and the last line already sent. */
    record ItemsPage(String amazonOrderId, int afterSeq) {}

    String listToken(MwsCall call, ListOrdersQuery q, ListOrdersQuery.Position from) {
        String text = String.join("|", LIST_TOKEN, q.byLastUpdate() ? "U" : "C", q.after().toString(),
                q.before().toString(), Integer.toString(q.maxResults()), join(q.marketplaceIds()), join(q.statuses()),
                join(q.fulfillmentChannels()), join(q.paymentMethods()), encode(q.buyerEmail()),
                encode(q.sellerOrderId()), from.date().toString(), Long.toString(from.id()));
        return seal(call, "ListOrders", text);
    }

    ListPage listPage(MwsCall call, String token) {
        String[] parts = open(call, "ListOrders", token);
        try {
            if (parts.length != 13 || !LIST_TOKEN.equals(parts[0]) || !parts[1].matches("[CU]")) {
                throw corrupted();
            }
            ListOrdersQuery query = new ListOrdersQuery("U".equals(parts[1]), Instant.parse(parts[2]),
                    Instant.parse(parts[3]), split(parts[5]), split(parts[6]), split(parts[7]), split(parts[8]),
                    decode(parts[9]), decode(parts[10]), Integer.parseInt(parts[4]));
            if (query.maxResults() < 1 || query.maxResults() > MAX_RESULTS_PER_PAGE) {
                throw corrupted();
            }
            return new ListPage(query, new ListOrdersQuery.Position(Instant.parse(parts[11]), Long.parseLong(parts[12])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupted();
        }
    }

    String itemsToken(MwsCall call, String amazonOrderId, int afterSeq) {
        return seal(call, "ListOrderItems", String.join("|", ITEMS_TOKEN, amazonOrderId, Integer.toString(afterSeq)));
    }

    ItemsPage itemsPage(MwsCall call, String token) {
        String[] parts = open(call, "ListOrderItems", token);
        if (parts.length != 3 || !ITEMS_TOKEN.equals(parts[0]) || !AmazonOrderId.isValid(parts[1])
                || !parts[2].matches("[0-9]{1,9}")) {
            throw corrupted();
        }
        return new ItemsPage(parts[1], Integer.parseInt(parts[2]));
    }

    /** The NextToken parameter of a ByNextToken call; {@code ValidationError} when missing (§0.3). */
    static String nextToken(MwsCall call) {
        return call.parameter("NextToken").filter(t -> !t.isBlank())
                .orElseThrow(() -> new MwsException(MwsError.missingNextToken()));
    }

    private String seal(MwsCall call, String list, String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealer.seal(text, context(call, list)));
    }

    private String[] open(MwsCall call, String list, String token) {
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token.strip());
            return sealer.open(sealed, context(call, list)).split("\\|", -1);
        } catch (IllegalArgumentException | SecretSealer.SealBroken e) {
            throw corrupted();
        }
    }

    private static String context(MwsCall call, String list) {
        return "orders-next-token/" + list + "/" + call.sellerId() + "/" + call.developerId();
    }

    private static String join(List<String> values) {
        return String.join(",", values.stream().map(OrdersProtocol::encode).toList());
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",", -1)).map(OrdersProtocol::decode).toList();
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static MwsException corrupted() {
        return MwsException.of(MwsErrorCode.NEXT_TOKEN_CORRUPTED, MwsErrorCode.NEXT_TOKEN_CORRUPTED.defaultMessage());
    }

    // ---- XML

    /**
     * Writes a ListOrders page: {@code NextToken} when more follows, {@code CreatedBefore} or
     * {@code LastUpdatedBefore}, then {@code Orders}. {@code fetched} holds at most {@code maxResults + 1}
     * orders; the last only tells that more follow.
     */
    void writeOrdersPage(MwsXmlWriter xml, MwsCall call, ListOrdersQuery query, List<ApiOrder> fetched)
            throws IOException {
        boolean more = fetched.size() > query.maxResults();
        List<ApiOrder> page = more ? fetched.subList(0, query.maxResults()) : fetched;
        if (more) {
            ApiOrder last = page.get(page.size() - 1);
            xml.element("NextToken", listToken(call, query, new ListOrdersQuery.Position(
                    query.byLastUpdate() ? last.lastUpdateDate() : last.purchaseDate(), last.id())));
        }
        xml.element(query.byLastUpdate() ? "LastUpdatedBefore" : "CreatedBefore", query.before());
        writeOrders(xml, page);
    }

    /**
     * Writes a ListOrderItems page of the seller's order: {@code NextToken} when more lines follow,
     * {@code AmazonOrderId}, then {@code OrderItems}. An unknown id and another seller's order are the
     * same {@code InvalidParameterValue}, so no seller learns which ids exist.
     */
    void writeItemsPage(MwsXmlWriter xml, MwsCall call, OrderQueries queries, String amazonOrderId, int afterSeq)
            throws IOException {
        long accountId = account(call).id();
        ApiOrder order = queries.byAmazonOrderIds(accountId, List.of(amazonOrderId)).stream().findFirst()
                .orElseThrow(() -> MwsException.invalidParameter("Invalid AmazonOrderId: " + amazonOrderId
                        + ". The seller has no order with this id."));
        List<ApiOrderItem> fetched = queries.items(accountId, order.id(), afterSeq, itemsPageSize + 1);
        boolean more = fetched.size() > itemsPageSize;
        List<ApiOrderItem> page = more ? fetched.subList(0, itemsPageSize) : fetched;
        if (more) {
            xml.element("NextToken", itemsToken(call, amazonOrderId, page.get(page.size() - 1).seq()));
        }
        xml.element("AmazonOrderId", amazonOrderId);
        xml.start("OrderItems");
        for (ApiOrderItem item : page) {
            writeItem(xml, order, item);
        }
        xml.end();
    }

    /** Writes {@code <Orders>} with each order; {@code <Orders/>} when there is none. */
    static void writeOrders(MwsXmlWriter xml, List<ApiOrder> orders) throws IOException {
        xml.start("Orders");
        for (ApiOrder o : orders) {
            writeOrder(xml, o);
        }
        xml.end();
    }

    /**
     * Writes one {@code Order} in the schema's element order (§4.3). A {@code Pending} order shows no
     * {@code ShippingAddress}, {@code OrderTotal}, {@code BuyerEmail} or {@code BuyerName}.
     */
    static void writeOrder(MwsXmlWriter xml, ApiOrder o) throws IOException {
        boolean shown = !o.pending();
        xml.start("Order")
                .element("AmazonOrderId", o.amazonOrderId())
                .element("SellerOrderId", o.sellerOrderId())
                .element("PurchaseDate", o.purchaseDate())
                .element("LastUpdateDate", o.lastUpdateDate())
                .element("OrderStatus", o.status())
                .element("FulfillmentChannel", o.fulfillmentChannel())
                .element("SalesChannel", o.salesChannel())
                .element("ShipServiceLevel", o.shipServiceLevel());
        if (shown) {
            ApiOrder.Address a = o.shippingAddress();
            xml.start("ShippingAddress")
                    .element("Name", a.name())
                    .element("AddressLine1", a.line1())
                    .element("AddressLine2", a.line2())
                    .element("AddressLine3", a.line3())
                    .element("City", a.city())
                    .element("County", a.county())
                    .element("District", a.district())
                    .element("StateOrRegion", a.stateOrRegion())
                    .element("PostalCode", a.postalCode())
                    .element("CountryCode", a.countryCode())
                    .element("Phone", a.phone())
                    .element("AddressType", a.addressType())
                    .end();
            money(xml, "OrderTotal", o.currency(), o.orderTotal());
        }
        xml.element("NumberOfItemsShipped", o.itemsShipped())
                .element("NumberOfItemsUnshipped", o.itemsUnshipped())
                .element("PaymentMethod", o.paymentMethod())
                .start("PaymentMethodDetails")
                .element("PaymentMethodDetail", "Other".equals(o.paymentMethod()) ? "Standard" : o.paymentMethod())
                .end()
                .element("MarketplaceId", o.marketplaceId());
        if (shown) {
            xml.element("BuyerEmail", o.buyerEmail()).element("BuyerName", o.buyerName());
        }
        xml.element("ShipmentServiceLevelCategory", o.shipmentServiceLevelCategory())
                .element("OrderType", o.orderType())
                .element("EarliestShipDate", o.earliestShipDate())
                .element("LatestShipDate", o.latestShipDate())
                .element("EarliestDeliveryDate", o.earliestDeliveryDate())
                .element("LatestDeliveryDate", o.latestDeliveryDate())
                .element("IsBusinessOrder", o.businessOrder())
                .element("IsPrime", o.prime())
                .element("IsGlobalExpressEnabled", false)
                .element("IsPremiumOrder", false)
                .element("IsReplacementOrder", false)
                .end();
    }

    /**
     * Writes one {@code OrderItem} in the schema's element order (§4.4); the lines of a {@code Pending}
     * order show no prices, taxes or discounts.
     */
    static void writeItem(MwsXmlWriter xml, ApiOrder order, ApiOrderItem i) throws IOException {
        xml.start("OrderItem")
                .element("ASIN", i.asin())
                .element("SellerSKU", i.sku())
                .element("OrderItemId", i.orderItemId())
                .element("Title", i.title())
                .element("QuantityOrdered", i.quantityOrdered())
                .element("QuantityShipped", i.quantityShipped());
        if (!order.pending()) {
            money(xml, "ItemPrice", order.currency(), i.itemPrice());
            money(xml, "ShippingPrice", order.currency(), i.shippingPrice());
            money(xml, "ItemTax", order.currency(), i.itemTax());
            money(xml, "ShippingTax", order.currency(), i.shippingTax());
            money(xml, "PromotionDiscount", order.currency(), i.promotionDiscount());
        }
        String[] condition = condition(i.conditionType());
        xml.element("IsGift", false)
                .element("ConditionId", condition[0])
                .element("ConditionSubtypeId", condition[1])
                .element("SerialNumberRequired", false)
                .element("IsTransparency", false)
                .end();
    }

    /**
     * The Orders API's {@code ConditionId} and {@code ConditionSubtypeId} of a listing's feed
     * {@code ConditionType}: {@code UsedVeryGood} is {@code Used} / {@code Very Good}.
     */
    static String[] condition(String conditionType) {
        if (conditionType == null || conditionType.isEmpty()) {
            return new String[] {"New", "New"};
        }
        for (String id : List.of("Used", "Collectible")) {
            if (conditionType.startsWith(id) && conditionType.length() > id.length()) {
                String subtype = switch (conditionType.substring(id.length())) {
                    case "LikeNew" -> "Mint";
                    case "VeryGood" -> "Very Good";
                    default -> conditionType.substring(id.length());
                };
                return new String[] {id, subtype};
            }
        }
        return new String[] {conditionType, conditionType};
    }

    /** An Orders money element: {@code CurrencyCode} then {@code Amount} with two decimals. */
    private static void money(MwsXmlWriter xml, String name, String currency, BigDecimal amount) throws IOException {
        xml.start(name)
                .element("CurrencyCode", currency)
                .element("Amount", amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString())
                .end();
    }

    static String abbreviate(String value) {
        return Text.abbreviate(value, 103);
    }

    /** The ids in {@code wanted}'s order, for the orders found (unknown ones left out). */
    static List<ApiOrder> inOrder(List<String> wanted, List<ApiOrder> found) {
        List<ApiOrder> ordered = new ArrayList<>();
        for (String id : wanted) {
            found.stream().filter(o -> o.amazonOrderId().equals(id)).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }
}
