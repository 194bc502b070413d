package io.openmws.sdk;

import io.openmws.protocol.Text;
import io.openmws.protocol.ids.ReportId;
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

/**
 * Which generated reports a list or count call is about: report types, whether acknowledged, the requests
 * that produced them (lists only), an availability date range and, for lists, the page size. Every part is
 * optional; without {@code availableFrom} the endpoint looks 90 days back.
 *
 * <pre>{@code
 * ReportFilter.builder().reportTypes("_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_").acknowledged(false).build();
 * ReportFilter.requestIds("51781018424");
 * }</pre>
 *
 * <p>{@code GetReportCount} takes no request ids and no page size; {@link ReportsApi} refuses a filter with a
 * part the operation does not take rather than drop it. Immutable.
 */
public final class ReportFilter {

    private static final ReportFilter ALL = builder().build();

    private final List<String> reportTypes;
    private final Boolean acknowledged;
    private final List<String> requestIds;
    private final Instant availableFrom;
    private final Instant availableTo;
    private final Integer maxCount;

    private ReportFilter(Builder b) {
        this.reportTypes = List.copyOf(b.reportTypes);
        this.acknowledged = b.acknowledged;
        this.requestIds = List.copyOf(b.requestIds);
        this.availableFrom = b.availableFrom;
        this.availableTo = b.availableTo;
        this.maxCount = b.maxCount;
    }

    /** No filter: every report of the last 90 days. */
    public static ReportFilter all() {
        return ALL;
    }

    /** The reports produced by these requests. */
    public static ReportFilter requestIds(String... reportRequestIds) {
        return builder().requestIds(reportRequestIds).build();
    }

    /** A builder of an empty filter. */
    public static Builder builder() {
        return new Builder();
    }

    /** The report types; empty for any. */
    public List<String> reportTypes() {
        return reportTypes;
    }

    /** Only acknowledged ({@code true}) or unacknowledged ({@code false}) reports; empty for both. */
    public Optional<Boolean> acknowledged() {
        return Optional.ofNullable(acknowledged);
    }

    /** The ReportRequestIds of the requests that produced them; empty for any. */
    public List<String> requestIds() {
        return requestIds;
    }

    /** The earliest availability date. */
    public Optional<Instant> availableFrom() {
        return Optional.ofNullable(availableFrom);
    }

    /** The latest availability date. */
    public Optional<Instant> availableTo() {
        return Optional.ofNullable(availableTo);
    }

    /** The page size of a list, 1 to 100; empty for the endpoint's default (10). */
    public OptionalInt maxCount() {
        return maxCount == null ? OptionalInt.empty() : OptionalInt.of(maxCount);
    }

    /**
     * The request parameters of this filter: {@code GetReportList}'s when {@code list}, else {@code GetReportCount}'s.
     *
     * @throws IllegalArgumentException for a count with request ids or a page size
     */
    Map<String, String> parameters(boolean list) {
        if (!list && !requestIds.isEmpty()) {
            throw new IllegalArgumentException("GetReportCount takes no ReportRequestIds; leave requestIds out of the filter");
        }
        if (!list && maxCount != null) {
            throw new IllegalArgumentException("GetReportCount takes no MaxCount; leave maxCount out of the filter");
        }
        Map<String, String> p = new LinkedHashMap<>();
        if (maxCount != null) {
            p.put("MaxCount", Integer.toString(maxCount));
        }
        ReportRequestFilter.list(p, "ReportTypeList.Type.", reportTypes);
        if (acknowledged != null) {
            p.put("Acknowledged", acknowledged.toString());
        }
        ReportRequestFilter.list(p, "ReportRequestIdList.Id.", requestIds);
        if (availableFrom != null) {
            p.put("AvailableFromDate", Timestamps.format(availableFrom));
        }
        if (availableTo != null) {
            p.put("AvailableToDate", Timestamps.format(availableTo));
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportFilter f && reportTypes.equals(f.reportTypes)
                && Objects.equals(acknowledged, f.acknowledged) && requestIds.equals(f.requestIds)
                && Objects.equals(availableFrom, f.availableFrom) && Objects.equals(availableTo, f.availableTo)
                && Objects.equals(maxCount, f.maxCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportTypes, acknowledged, requestIds, availableFrom, availableTo, maxCount);
    }

    @Override
    public String toString() {
        return "ReportFilter[reportTypes=" + reportTypes + ", acknowledged=" + acknowledged + ", requestIds=" + requestIds
                + ", availableFrom=" + availableFrom + ", availableTo=" + availableTo + ", maxCount=" + maxCount + "]";
    }

    /** Collects the parts of a filter; each method replaces what it sets. Not thread-safe. */
    public static final class Builder {
        private List<String> reportTypes = List.of();
        private Boolean acknowledged;
        private List<String> requestIds = List.of();
        private Instant availableFrom;
        private Instant availableTo;
        private Integer maxCount;

        private Builder() {
        }

        /** The report types, e.g. {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}. */
        public Builder reportTypes(String... reportTypes) {
            return reportTypes(List.of(reportTypes));
        }

        /** The report types, e.g. {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}. */
        public Builder reportTypes(Collection<String> reportTypes) {
            this.reportTypes = ReportRequestFilter.checkReportTypes(reportTypes);
            return this;
        }

        /** Only acknowledged ({@code true}) or only unacknowledged ({@code false}) reports. */
        public Builder acknowledged(boolean acknowledged) {
            this.acknowledged = acknowledged;
            return this;
        }

        /** The reports produced by these requests (lists only). */
        public Builder requestIds(String... reportRequestIds) {
            return requestIds(List.of(reportRequestIds));
        }

        /** The reports produced by these requests (lists only). */
        public Builder requestIds(Collection<String> reportRequestIds) {
            List<String> checked = new ArrayList<>();
            for (String id : reportRequestIds) {
                checked.add(ReportRequestFilter.checkRequestId(id));
            }
            this.requestIds = checked;
            return this;
        }

        /** Reports available at or after this instant; by default the endpoint looks 90 days back. */
        public Builder availableFrom(Instant from) {
            this.availableFrom = Objects.requireNonNull(from, "from");
            return this;
        }

        /** Reports available before this instant. */
        public Builder availableTo(Instant to) {
            this.availableTo = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * The page size of a list.
         *
         * @param maxCount 1 to 100
         * @return this builder
         */
        public Builder maxCount(int maxCount) {
            this.maxCount = ReportRequestFilter.checkMaxCount(maxCount);
            return this;
        }

        /**
         * The filter.
         *
         * @throws IllegalArgumentException when {@code availableFrom} is after {@code availableTo}
         */
        public ReportFilter build() {
            ReportRequestFilter.checkRange(availableFrom, availableTo, "available");
            return new ReportFilter(this);
        }
    }

    static String checkReportId(String id) {
        if (!ReportId.isValid(id)) {
            throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(id), 30) + "' is not a ReportId:"
                    + " expected the decimal number GetReportList or GeneratedReportId gave, e.g. 21175694446018424");
        }
        return id;
    }
}
