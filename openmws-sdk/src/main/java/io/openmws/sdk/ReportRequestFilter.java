package io.openmws.sdk;

import io.openmws.protocol.Text;
import io.openmws.protocol.ids.ReportRequestId;
import io.openmws.protocol.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which report requests a list, count or cancel call is about: ids, report types, statuses, a request date
 * range ({@code RequestedFromDate}/{@code RequestedToDate}) and, for lists, the page size. Every part is
 * optional; an empty filter matches every request of the last 90 days.
 *
 * <pre>{@code
 * ReportRequestFilter.builder().reportTypes("_GET_MERCHANT_LISTINGS_DATA_").statuses(ReportProcessingStatus.DONE)
 *         .requestedFrom(Instant.parse("2026-11-01T00:00:00Z")).maxCount(50).build();
 * ReportRequestFilter.ids("51781018424");
 * }</pre>
 *
 * <p>Not every operation takes every part (spec §3.1): {@code GetReportRequestCount} takes no ids and no page
 * size, {@code CancelReportRequests} no page size; {@link ReportsApi} refuses a filter with a part the
 * operation does not take rather than drop it. With ids, MWS ignores the other parts of a list. Immutable.
 */
public final class ReportRequestFilter {

    /** The largest page MWS serves. */
    public static final int MAX_COUNT = 100;

    static final Pattern REPORT_TYPE = Pattern.compile("_[A-Z0-9_]+_");

    private static final ReportRequestFilter ALL = builder().build();

    private final List<String> ids;
    private final List<String> reportTypes;
    private final List<ReportProcessingStatus> statuses;
    private final Instant requestedFrom;
    private final Instant requestedTo;
    private final Integer maxCount;

    private ReportRequestFilter(Builder b) {
        this.ids = List.copyOf(b.ids);
        this.reportTypes = List.copyOf(b.reportTypes);
        this.statuses = List.copyOf(b.statuses);
        this.requestedFrom = b.requestedFrom;
        this.requestedTo = b.requestedTo;
        this.maxCount = b.maxCount;
    }

    /** No filter: every request (for a cancel: every one that can be cancelled). */
    public static ReportRequestFilter all() {
        return ALL;
    }

    /** The requests with these ids. */
    public static ReportRequestFilter ids(String... reportRequestIds) {
        return builder().ids(reportRequestIds).build();
    }

    /** A builder of an empty filter. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ReportRequestIds; empty for any. */
    public List<String> ids() {
        return ids;
    }

    /** The report types; empty for any. */
    public List<String> reportTypes() {
        return reportTypes;
    }

    /** The statuses; empty for any. */
    public List<ReportProcessingStatus> statuses() {
        return statuses;
    }

    /** The earliest request date. */
    public Optional<Instant> requestedFrom() {
        return Optional.ofNullable(requestedFrom);
    }

    /** The latest request date. */
    public Optional<Instant> requestedTo() {
        return Optional.ofNullable(requestedTo);
    }

    /** The page size of a list, 1 to 100; empty for the endpoint's default (10). */
    public OptionalInt maxCount() {
        return maxCount == null ? OptionalInt.empty() : OptionalInt.of(maxCount);
    }

    /** The operations and which parts of a filter each takes. */
    enum Operation {
        LIST("GetReportRequestList", true, true),
        COUNT("GetReportRequestCount", false, false),
        CANCEL("CancelReportRequests", true, false);

        final String action;
        final boolean ids;
        final boolean maxCount;

        Operation(String action, boolean ids, boolean maxCount) {
            this.action = action;
            this.ids = ids;
            this.maxCount = maxCount;
        }
    }

    /**
     * The request parameters of this filter for an operation.
     *
     * @throws IllegalArgumentException when the filter has a part the operation does not take
     */
    Map<String, String> parameters(Operation operation) {
        if (!operation.ids && !ids.isEmpty()) {
            throw new IllegalArgumentException(operation.action + " takes no ReportRequestIds; count them with"
                    + " listRequests(...) or leave ids out of the filter");
        }
        if (!operation.maxCount && maxCount != null) {
            throw new IllegalArgumentException(operation.action + " takes no MaxCount; leave maxCount out of the filter");
        }
        Map<String, String> p = new LinkedHashMap<>();
        list(p, "ReportRequestIdList.Id.", ids);
        list(p, "ReportTypeList.Type.", reportTypes);
        list(p, "ReportProcessingStatusList.Status.", statuses.stream().map(ReportProcessingStatus::wireValue).toList());
        if (requestedFrom != null) {
            p.put("RequestedFromDate", Timestamps.format(requestedFrom));
        }
        if (requestedTo != null) {
            p.put("RequestedToDate", Timestamps.format(requestedTo));
        }
        if (maxCount != null) {
            p.put("MaxCount", Integer.toString(maxCount));
        }
        return p;
    }

    static void list(Map<String, String> p, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.put(prefix + (i + 1), values.get(i));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportRequestFilter f && ids.equals(f.ids) && reportTypes.equals(f.reportTypes)
                && statuses.equals(f.statuses) && Objects.equals(requestedFrom, f.requestedFrom)
                && Objects.equals(requestedTo, f.requestedTo) && Objects.equals(maxCount, f.maxCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, reportTypes, statuses, requestedFrom, requestedTo, maxCount);
    }

    @Override
    public String toString() {
        return "ReportRequestFilter[ids=" + ids + ", reportTypes=" + reportTypes + ", statuses=" + statuses
                + ", requestedFrom=" + requestedFrom + ", requestedTo=" + requestedTo + ", maxCount=" + maxCount + "]";
    }

    /** Collects the parts of a filter; each method replaces what it sets. Not thread-safe. */
    public static final class Builder {
        private List<String> ids = List.of();
        private List<String> reportTypes = List.of();
        private List<ReportProcessingStatus> statuses = List.of();
        private Instant requestedFrom;
        private Instant requestedTo;
        private Integer maxCount;

        private Builder() {
        }

        /** The ReportRequestIds (decimal numbers as RequestReport returned them). */
        public Builder ids(String... reportRequestIds) {
            return ids(List.of(reportRequestIds));
        }

        /** The ReportRequestIds (decimal numbers as RequestReport returned them). */
        public Builder ids(Collection<String> reportRequestIds) {
            List<String> checked = new ArrayList<>();
            for (String id : reportRequestIds) {
                checked.add(checkRequestId(id));
            }
            this.ids = checked;
            return this;
        }

        /** The report types, e.g. {@code _GET_MERCHANT_LISTINGS_DATA_}. */
        public Builder reportTypes(String... reportTypes) {
            return reportTypes(List.of(reportTypes));
        }

        /** The report types, e.g. {@code _GET_MERCHANT_LISTINGS_DATA_}. */
        public Builder reportTypes(Collection<String> reportTypes) {
            this.reportTypes = checkReportTypes(reportTypes);
            return this;
        }

        /** The statuses. */
        public Builder statuses(ReportProcessingStatus... statuses) {
            return statuses(List.of(statuses));
        }

        /** The statuses. */
        public Builder statuses(Collection<ReportProcessingStatus> statuses) {
            this.statuses = List.copyOf(statuses);
            return this;
        }

        /** Requests received at or after this instant. */
        public Builder requestedFrom(Instant from) {
            this.requestedFrom = Objects.requireNonNull(from, "from");
            return this;
        }

        /** Requests received before this instant. */
        public Builder requestedTo(Instant to) {
            this.requestedTo = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * The page size of a list.
         *
         * @param maxCount 1 to 100
         * @return this builder
         */
        public Builder maxCount(int maxCount) {
            this.maxCount = checkMaxCount(maxCount);
            return this;
        }

        /**
         * The filter.
         *
         * @throws IllegalArgumentException when {@code requestedFrom} is after {@code requestedTo}
         */
        public ReportRequestFilter build() {
            checkRange(requestedFrom, requestedTo, "requested");
            return new ReportRequestFilter(this);
        }
    }

    static int checkMaxCount(int maxCount) {
        if (maxCount < 1 || maxCount > MAX_COUNT) {
            throw new IllegalArgumentException("maxCount is 1 to " + MAX_COUNT + ", the page sizes MWS serves; got "
                    + maxCount);
        }
        return maxCount;
    }

    static void checkRange(Instant from, Instant to, String name) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException(name + "From " + from + " is after " + name + "To " + to);
        }
    }

    static String checkRequestId(String id) {
        if (!ReportRequestId.isValid(id)) {
            throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(id), 30) + "' is not a ReportRequestId:"
                    + " expected the decimal number RequestReport returned, e.g. 51781018424");
        }
        return id;
    }

    static String checkReportType(String type) {
        if (type == null || !REPORT_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(type), 60) + "' is not a report type:"
                    + " expected e.g. _GET_MERCHANT_LISTINGS_DATA_ or _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_");
        }
        return type;
    }

    static List<String> checkReportTypes(Collection<String> types) {
        List<String> checked = new ArrayList<>();
        for (String type : types) {
            checked.add(checkReportType(type));
        }
        return checked;
    }
}
