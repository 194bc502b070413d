package io.openmws.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which financial events {@code ListFinancialEvents} lists (spec §5.2): exactly one of an order's, a group's,
 * or those posted in a date range, with an optional page size.
 *
 * <pre>{@code
 * FinancialEventFilter.byOrder("902-3159896-1390916");
 * FinancialEventFilter.byGroup(group.financialEventGroupId()).maxResultsPerPage(50);
 * FinancialEventFilter.postedBetween(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"));
 * }</pre>
 *
 * <p>Immutable: each method returns a new filter.
 */
public final class FinancialEventFilter {

    /** The largest page MWS serves. */
    public static final int MAX_RESULTS_PER_PAGE = 100;

    private final Map<String, String> criteria;
    private final Integer maxResultsPerPage;

    private FinancialEventFilter(Map<String, String> criteria, Integer maxResultsPerPage) {
        this.criteria = Map.copyOf(criteria);
        this.maxResultsPerPage = maxResultsPerPage;
    }

    /** The events of one order ({@code AmazonOrderId}). */
    public static FinancialEventFilter byOrder(String amazonOrderId) {
        Objects.requireNonNull(amazonOrderId, "amazonOrderId");
        if (!OrdersApi.AMAZON_ORDER_ID.matcher(amazonOrderId).matches()) {
            throw new IllegalArgumentException("'" + amazonOrderId + "' is not an AmazonOrderId, e.g. 902-3159896-1390916");
        }
        return new FinancialEventFilter(Map.of("AmazonOrderId", amazonOrderId), null);
    }

    /** The events of one group ({@code FinancialEventGroupId}, from {@link FinancialEventGroup}). */
    public static FinancialEventFilter byGroup(String financialEventGroupId) {
        Objects.requireNonNull(financialEventGroupId, "financialEventGroupId");
        if (financialEventGroupId.isBlank()) {
            throw new IllegalArgumentException("The FinancialEventGroupId is blank");
        }
        return new FinancialEventFilter(Map.of("FinancialEventGroupId", financialEventGroupId), null);
    }

    /** The events posted at or after {@code after}, up to the endpoint's now minus two minutes. */
    public static FinancialEventFilter postedAfter(Instant after) {
        Map<String, String> p = new LinkedHashMap<>();
        ListOrdersRequest.date(p, "PostedAfter", Objects.requireNonNull(after, "after"));
        return new FinancialEventFilter(p, null);
    }

    /** The events posted at or after {@code after} and before {@code before}. */
    public static FinancialEventFilter postedBetween(Instant after, Instant before) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(before, "before");
        if (!before.isAfter(after)) {
            throw new IllegalArgumentException("PostedBefore " + before + " is not after PostedAfter " + after);
        }
        Map<String, String> p = new LinkedHashMap<>();
        ListOrdersRequest.date(p, "PostedAfter", after);
        ListOrdersRequest.date(p, "PostedBefore", before);
        return new FinancialEventFilter(p, null);
    }

    /** This filter with a page size of 1 to 100. */
    public FinancialEventFilter maxResultsPerPage(int max) {
        return new FinancialEventFilter(criteria, checkPageSize(max));
    }

    /** {@code MaxResultsPerPage}; empty for the endpoint's default (100). */
    public OptionalInt maxResultsPerPage() {
        return maxResultsPerPage == null ? OptionalInt.empty() : OptionalInt.of(maxResultsPerPage);
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(criteria);
        if (maxResultsPerPage != null) {
            p.put("MaxResultsPerPage", Integer.toString(maxResultsPerPage));
        }
        return p;
    }

    static int checkPageSize(int max) {
        if (max < 1 || max > MAX_RESULTS_PER_PAGE) {
            throw new IllegalArgumentException("maxResultsPerPage is 1 to " + MAX_RESULTS_PER_PAGE + "; got " + max);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinancialEventFilter f && criteria.equals(f.criteria)
                && Objects.equals(maxResultsPerPage, f.maxResultsPerPage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(criteria, maxResultsPerPage);
    }

    @Override
    public String toString() {
        return "FinancialEventFilter" + new java.util.TreeMap<>(parameters());
    }
}
