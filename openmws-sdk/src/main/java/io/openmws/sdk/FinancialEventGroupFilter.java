package io.openmws.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which financial event groups {@code ListFinancialEventGroups} lists (spec §5.1): those that started at or
 * after {@code startedAfter} (or were open then), up to {@code startedBefore} (by default the endpoint's now
 * minus two minutes), with an optional page size.
 *
 * <pre>{@code
 * FinancialEventGroupFilter.startedAfter(Instant.parse("2026-01-01T00:00:00Z")).maxResultsPerPage(10);
 * }</pre>
 *
 * <p>Immutable: each method returns a new filter.
 */
public final class FinancialEventGroupFilter {

    private final Instant startedAfter;
    private final Instant startedBefore;
    private final Integer maxResultsPerPage;

    private FinancialEventGroupFilter(Instant startedAfter, Instant startedBefore, Integer maxResultsPerPage) {
        this.startedAfter = Objects.requireNonNull(startedAfter, "startedAfter");
        this.startedBefore = startedBefore;
        this.maxResultsPerPage = maxResultsPerPage;
        if (startedBefore != null && !startedBefore.isAfter(startedAfter)) {
            throw new IllegalArgumentException("startedBefore " + startedBefore + " is not after startedAfter " + startedAfter);
        }
    }

    /** The groups that started at or after this instant, or were open then. */
    public static FinancialEventGroupFilter startedAfter(Instant startedAfter) {
        return new FinancialEventGroupFilter(startedAfter, null, null);
    }

    /** This filter, ending at {@code startedBefore} ({@code FinancialEventGroupStartedBefore}). */
    public FinancialEventGroupFilter startedBefore(Instant startedBefore) {
        return new FinancialEventGroupFilter(startedAfter, Objects.requireNonNull(startedBefore, "startedBefore"),
                maxResultsPerPage);
    }

    /** This filter with a page size of 1 to 100. */
    public FinancialEventGroupFilter maxResultsPerPage(int max) {
        return new FinancialEventGroupFilter(startedAfter, startedBefore, FinancialEventFilter.checkPageSize(max));
    }

    /** {@code FinancialEventGroupStartedAfter}. */
    public Instant startedAfter() {
        return startedAfter;
    }

    /** {@code FinancialEventGroupStartedBefore}. */
    public Optional<Instant> startedBefore() {
        return Optional.ofNullable(startedBefore);
    }

    /** {@code MaxResultsPerPage}; empty for the endpoint's default (100). */
    public OptionalInt maxResultsPerPage() {
        return maxResultsPerPage == null ? OptionalInt.empty() : OptionalInt.of(maxResultsPerPage);
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        ListOrdersRequest.date(p, "FinancialEventGroupStartedAfter", startedAfter);
        ListOrdersRequest.date(p, "FinancialEventGroupStartedBefore", startedBefore);
        if (maxResultsPerPage != null) {
            p.put("MaxResultsPerPage", Integer.toString(maxResultsPerPage));
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FinancialEventGroupFilter f && startedAfter.equals(f.startedAfter)
                && Objects.equals(startedBefore, f.startedBefore) && Objects.equals(maxResultsPerPage, f.maxResultsPerPage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startedAfter, startedBefore, maxResultsPerPage);
    }

    @Override
    public String toString() {
        return "FinancialEventGroupFilter[startedAfter=" + startedAfter
                + (startedBefore != null ? ", startedBefore=" + startedBefore : "")
                + (maxResultsPerPage != null ? ", maxResultsPerPage=" + maxResultsPerPage : "") + "]";
    }
}
