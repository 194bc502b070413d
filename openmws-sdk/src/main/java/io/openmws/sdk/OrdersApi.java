package io.openmws.sdk;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.Text;
import io.openmws.sdk.internal.CallExecutor;
import io.openmws.sdk.internal.LazyPages;
import io.openmws.sdk.internal.MwsCall;
import io.openmws.sdk.internal.OrdersXml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Orders API (2013-09-01) of an {@link MwsClient} (spec §4): list a seller's orders by creation or update
 * date with every filter MWS has, fetch orders by id, read their items, and poll for what changed. Get it from
 * {@link MwsClient#orders()}.
 *
 * <pre>{@code
 * OrderChanges changes = client.orders().changedSince(seller, lastRun);
 * for (Order o : changes.orders()) {
 *     client.orders().listOrderItems(seller, o.amazonOrderId()).forEach(item -> ship(o, item));
 * }
 * lastRun = changes.resumeFrom();
 * }</pre>
 *
 * <p>Lists are lazy streams that follow {@code NextToken}s on their own (one {@code ByNextToken} call per page,
 * made only when the stream gets that far); the {@code ...Page} methods give single pages, for programs that
 * keep a token. Calls are paced with the Orders limits ({@code ListOrders} 6 and then one a minute), retried and
 * reported like any other ({@link Throttling}, {@link RetryPolicy}, {@link MwsException}). Thread-safe.
 */
public final class OrdersApi {

    private static final String LIST = "ListOrders";
    private static final String LIST_BY_NEXT_TOKEN = "ListOrdersByNextToken";
    private static final String GET = "GetOrder";
    private static final String ITEMS = "ListOrderItems";
    private static final String ITEMS_BY_NEXT_TOKEN = "ListOrderItemsByNextToken";

    /** The most ids one {@code GetOrder} takes. */
    public static final int MAX_ORDER_IDS = 50;

    /** An AmazonOrderId as the schema has it ({@code \w{3}-\w{7}-\w{7}}; digits in practice). */
    static final Pattern AMAZON_ORDER_ID = Pattern.compile("[A-Za-z0-9]{3}-[A-Za-z0-9]{7}-[A-Za-z0-9]{7}");

    private final CallExecutor executor;

    OrdersApi(CallExecutor executor) {
        this.executor = executor;
    }

    /**
     * Every order the request matches, as a lazy stream over {@code ListOrders} and
     * {@code ListOrdersByNextToken}: the first call when the stream is first read, each further page only when
     * the orders before it have been consumed.
     *
     * @param seller the seller
     * @param request the filters
     * @return the orders, in the endpoint's order
     * @throws MwsException (when the stream is read) when a call fails, e.g. {@code InvalidParameterValue} for a
     *     date less than two minutes old on the endpoint's clock
     */
    public Stream<Order> listOrders(SellerAccess seller, ListOrdersRequest request) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(request, "request");
        return LazyPages.stream(() -> listOrdersPage(seller, request), token -> listOrdersByNextToken(seller, token),
                OrdersPage::orders, OrdersPage::nextToken);
    }

    /**
     * The first page of {@code ListOrders}.
     *
     * @param seller the seller
     * @param request the filters
     * @return the page, with the window's end ({@code CreatedBefore} or {@code LastUpdatedBefore}) and a
     *     NextToken when more follow
     * @throws MwsException when the call fails
     */
    public OrdersPage listOrdersPage(SellerAccess seller, ListOrdersRequest request) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(request, "request");
        return executor.execute(MwsCall.forSeller(ApiSection.ORDERS, LIST, seller, request.parameters(seller)),
                OrdersXml.orders(LIST));
    }

    /**
     * A further page: {@code ListOrdersByNextToken}, which shares its throttle bucket with {@code ListOrders}.
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails; {@link MwsException.Kind#INVALID_PARAMETER} for a token the
     *     endpoint does not accept (start again from the first page)
     */
    public OrdersPage listOrdersByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.ORDERS, LIST_BY_NEXT_TOKEN, seller,
                Map.of("NextToken", checkToken(nextToken))), OrdersXml.orders(LIST_BY_NEXT_TOKEN));
    }

    /**
     * {@code GetOrder}: the orders with these ids, in one call.
     *
     * @param seller the seller
     * @param amazonOrderIds 1 to 50 AmazonOrderIds, e.g. {@code 902-3159896-1390916}; repeats are sent once
     * @return the orders the endpoint found (an id the seller does not have is left out)
     * @throws IllegalArgumentException for no ids, more than 50, or one that is not an AmazonOrderId
     * @throws MwsException when the call fails
     */
    public List<Order> getOrder(SellerAccess seller, String... amazonOrderIds) {
        return getOrder(seller, List.of(amazonOrderIds));
    }

    /**
     * {@code GetOrder}: the orders with these ids, in one call.
     *
     * @param seller the seller
     * @param amazonOrderIds 1 to 50 AmazonOrderIds; repeats are sent once
     * @return the orders the endpoint found
     * @throws IllegalArgumentException for no ids, more than 50, or one that is not an AmazonOrderId
     * @throws MwsException when the call fails
     */
    public List<Order> getOrder(SellerAccess seller, Collection<String> amazonOrderIds) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(amazonOrderIds, "amazonOrderIds");
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(amazonOrderIds));
        if (ids.isEmpty() || ids.size() > MAX_ORDER_IDS) {
            throw new IllegalArgumentException("GetOrder takes 1 to " + MAX_ORDER_IDS + " AmazonOrderIds; got " + ids.size()
                    + (ids.isEmpty() ? "" : ": split them into calls of " + MAX_ORDER_IDS));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            params.put("AmazonOrderId.Id." + (i + 1), checkOrderId(ids.get(i)));
        }
        return executor.execute(MwsCall.forSeller(ApiSection.ORDERS, GET, seller, params), OrdersXml.orders(GET)).orders();
    }

    /**
     * Every item of an order, as a lazy stream over {@code ListOrderItems} and {@code ListOrderItemsByNextToken}.
     *
     * @param seller the seller
     * @param amazonOrderId the order
     * @return the items
     * @throws IllegalArgumentException when the id is not an AmazonOrderId
     * @throws MwsException (when the stream is read) when a call fails, e.g. {@code InvalidParameterValue} for an
     *     order the seller does not have
     */
    public Stream<OrderItem> listOrderItems(SellerAccess seller, String amazonOrderId) {
        Objects.requireNonNull(seller, "seller");
        checkOrderId(amazonOrderId);
        return LazyPages.stream(() -> listOrderItemsPage(seller, amazonOrderId),
                token -> listOrderItemsByNextToken(seller, token), Page::items, Page::nextToken);
    }

    /**
     * The first page of {@code ListOrderItems}.
     *
     * @param seller the seller
     * @param amazonOrderId the order
     * @return the page
     * @throws MwsException when the call fails
     */
    public Page<OrderItem> listOrderItemsPage(SellerAccess seller, String amazonOrderId) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.ORDERS, ITEMS, seller,
                Map.of("AmazonOrderId", checkOrderId(amazonOrderId))), OrdersXml.items(ITEMS));
    }

    /**
     * A further page: {@code ListOrderItemsByNextToken}, sharing {@code ListOrderItems}' throttle bucket.
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails
     */
    public Page<OrderItem> listOrderItemsByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.ORDERS, ITEMS_BY_NEXT_TOKEN, seller,
                Map.of("NextToken", checkToken(nextToken))), OrdersXml.items(ITEMS_BY_NEXT_TOKEN));
    }

    /**
     * The orders of the seller's marketplaces that changed at or after {@code since}, each once, and where the
     * next poll starts. Walks {@code ListOrders} with {@code LastUpdatedAfter=since} (and no
     * {@code LastUpdatedBefore}, so the endpoint ends the window two minutes before its own now) through every
     * page; the window's end the endpoint echoes is the high-water mark. An order that changes while the walk
     * runs has its new {@code LastUpdateDate} after that mark, so the next poll sees it: nothing is lost, and
     * nothing depends on this machine's clock.
     *
     * @param seller the seller
     * @param since the previous call's {@link OrderChanges#resumeFrom()}, or where to start the first time (at
     *     least two minutes ago)
     * @return the changed orders and the mark
     * @throws MwsException when a call fails, or {@link MwsException.Kind#UNEXPECTED_RESPONSE} when the endpoint
     *     does not say where its window ended
     */
    public OrderChanges changedSince(SellerAccess seller, Instant since) {
        Map<String, Order> latest = new LinkedHashMap<>();
        Instant mark = changedSince(seller, since, o -> latest.put(o.amazonOrderId(), o));
        return new OrderChanges(List.copyOf(latest.values()), mark);
    }

    /**
     * Like {@link #changedSince(SellerAccess, Instant)}, handing each order to {@code each} as its page arrives
     * instead of keeping them: for windows with many orders. An order may be handed over twice if it changed
     * during the walk (once per version the pages showed).
     *
     * @param seller the seller
     * @param since where the window starts
     * @param each receives the orders
     * @return the mark: the next call's {@code since}
     * @throws MwsException as {@link #changedSince(SellerAccess, Instant)}
     */
    public Instant changedSince(SellerAccess seller, Instant since, Consumer<Order> each) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(each, "each");
        OrdersPage first = listOrdersPage(seller, ListOrdersRequest.lastUpdatedAfter(since));
        Instant mark = first.lastUpdatedBefore().orElseThrow(() -> MwsException.builder()
                .kind(MwsException.Kind.UNEXPECTED_RESPONSE).httpStatus(200).requestId(first.requestId()).attempts(1)
                .message("The ListOrders answer has no <LastUpdatedBefore>, so there is no mark to resume from; MWS"
                        + " endpoints always echo it").build());
        OrdersPage page = first;
        while (true) {
            page.orders().forEach(each);
            if (page.nextToken().isEmpty()) {
                return mark;
            }
            page = listOrdersByNextToken(seller, page.nextToken().get());
        }
    }

    private static String checkOrderId(String id) {
        if (id == null || !AMAZON_ORDER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(id), 30) + "' is not an"
                    + " AmazonOrderId: expected three groups of 3, 7 and 7 digits, e.g. 902-3159896-1390916");
        }
        return id;
    }

    static String checkToken(String nextToken) {
        Objects.requireNonNull(nextToken, "nextToken");
        if (nextToken.isBlank()) {
            throw new IllegalArgumentException("The NextToken is blank; pass the token of the previous page");
        }
        return nextToken;
    }

    @Override
    public String toString() {
        return "OrdersApi[" + executor + "]";
    }
}
