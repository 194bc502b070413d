package io.openmws.sdk;

import io.openmws.protocol.ApiSection;
import io.openmws.sdk.internal.CallExecutor;
import io.openmws.sdk.internal.FinancesXml;
import io.openmws.sdk.internal.LazyPages;
import io.openmws.sdk.internal.MwsCall;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Finances API (2015-05-01) of an {@link MwsClient} (spec §5): the seller's settlement periods (financial
 * event groups) and the events that moved money (shipments and refunds), with exact {@link java.math.BigDecimal}
 * amounts. Get it from {@link MwsClient#finances()}.
 *
 * <pre>{@code
 * client.finances().listFinancialEventGroups(seller, Instant.parse("2026-01-01T00:00:00Z"))
 *         .filter(g -> !g.isOpen())
 *         .forEach(g -> client.finances().listFinancialEvents(seller, FinancialEventFilter.byGroup(g.financialEventGroupId()))
 *                 .forEach(e -> book(g, e.amazonOrderId(), e.total())));
 * }</pre>
 *
 * <p>Lists are lazy streams that follow {@code NextToken}s on their own; the {@code ...Page} methods give
 * single pages. Calls are paced with the Finances limits (30, then one every 2 seconds), retried and reported
 * like any other. Thread-safe.
 */
public final class FinancesApi {

    private static final String GROUPS = "ListFinancialEventGroups";
    private static final String GROUPS_BY_NEXT_TOKEN = "ListFinancialEventGroupsByNextToken";
    private static final String EVENTS = "ListFinancialEvents";
    private static final String EVENTS_BY_NEXT_TOKEN = "ListFinancialEventsByNextToken";

    private final CallExecutor executor;

    FinancesApi(CallExecutor executor) {
        this.executor = executor;
    }

    /**
     * The groups that started at or after {@code startedAfter} (or were open then), up to the endpoint's now
     * minus two minutes, as a lazy stream over every page.
     *
     * @param seller the seller
     * @param startedAfter at least two minutes ago on the endpoint's clock
     * @return the groups
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<FinancialEventGroup> listFinancialEventGroups(SellerAccess seller, Instant startedAfter) {
        return listFinancialEventGroups(seller, FinancialEventGroupFilter.startedAfter(startedAfter));
    }

    /**
     * The groups that started in {@code [startedAfter, startedBefore)}, as a lazy stream over every page.
     *
     * @param seller the seller
     * @param startedAfter the start
     * @param startedBefore the end, after the start and at least two minutes ago
     * @return the groups
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<FinancialEventGroup> listFinancialEventGroups(SellerAccess seller, Instant startedAfter,
                                                                Instant startedBefore) {
        return listFinancialEventGroups(seller, FinancialEventGroupFilter.startedAfter(startedAfter)
                .startedBefore(startedBefore));
    }

    /**
     * The groups a filter selects, as a lazy stream over {@code ListFinancialEventGroups} and its
     * {@code ByNextToken} sequel.
     *
     * @param seller the seller
     * @param filter the dates and page size
     * @return the groups
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<FinancialEventGroup> listFinancialEventGroups(SellerAccess seller, FinancialEventGroupFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(filter, "filter");
        return LazyPages.stream(() -> listFinancialEventGroupsPage(seller, filter),
                token -> listFinancialEventGroupsByNextToken(seller, token), Page::items, Page::nextToken);
    }

    /**
     * The first page of {@code ListFinancialEventGroups}.
     *
     * @param seller the seller
     * @param filter the dates and page size
     * @return the page
     * @throws MwsException when the call fails
     */
    public Page<FinancialEventGroup> listFinancialEventGroupsPage(SellerAccess seller, FinancialEventGroupFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(filter, "filter");
        return executor.execute(MwsCall.forSeller(ApiSection.FINANCES, GROUPS, seller, filter.parameters()),
                FinancesXml.groups(GROUPS));
    }

    /**
     * A further page: {@code ListFinancialEventGroupsByNextToken}.
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails
     */
    public Page<FinancialEventGroup> listFinancialEventGroupsByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.FINANCES, GROUPS_BY_NEXT_TOKEN, seller,
                Map.of("NextToken", OrdersApi.checkToken(nextToken))), FinancesXml.groups(GROUPS_BY_NEXT_TOKEN));
    }

    /**
     * The shipment and refund events a filter selects (an order's, a group's, or those posted in a range), as a
     * lazy stream over {@code ListFinancialEvents} and its {@code ByNextToken} sequel; within a page, shipments
     * come before refunds.
     *
     * @param seller the seller
     * @param filter which events
     * @return the events
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<FinancialEvent> listFinancialEvents(SellerAccess seller, FinancialEventFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(filter, "filter");
        return LazyPages.stream(() -> listFinancialEventsPage(seller, filter),
                token -> listFinancialEventsByNextToken(seller, token), FinancialEventsPage::events,
                FinancialEventsPage::nextToken);
    }

    /**
     * The first page of {@code ListFinancialEvents}.
     *
     * @param seller the seller
     * @param filter which events
     * @return the page
     * @throws MwsException when the call fails
     */
    public FinancialEventsPage listFinancialEventsPage(SellerAccess seller, FinancialEventFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(filter, "filter");
        return executor.execute(MwsCall.forSeller(ApiSection.FINANCES, EVENTS, seller, filter.parameters()),
                FinancesXml.events(EVENTS));
    }

    /**
     * A further page: {@code ListFinancialEventsByNextToken}.
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails
     */
    public FinancialEventsPage listFinancialEventsByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.FINANCES, EVENTS_BY_NEXT_TOKEN, seller,
                Map.of("NextToken", OrdersApi.checkToken(nextToken))), FinancesXml.events(EVENTS_BY_NEXT_TOKEN));
    }

    @Override
    public String toString() {
        return "FinancesApi[" + executor + "]";
    }
}
