package io.openmws.sdk;

import io.openmws.protocol.Text;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to request a report, beyond its type: the marketplaces it covers (by default the {@link SellerAccess}'s),
 * the period ({@code StartDate}/{@code EndDate}; snapshot reports such as listings ignore it), and
 * {@code ReportOptions} (e.g. {@code ShowSalesChannel=true}).
 *
 * <pre>{@code
 * RequestReportOptions.builder().startDate(Instant.parse("2026-11-01T00:00:00Z")).endDate(Instant.parse("2026-12-01T00:00:00Z")).build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class RequestReportOptions {

    private static final RequestReportOptions DEFAULTS = builder().build();

    private final List<String> marketplaceIds;
    private final Instant startDate;
    private final Instant endDate;
    private final String reportOptions;

    private RequestReportOptions(Builder b) {
        this.marketplaceIds = b.marketplaceIds;
        this.startDate = b.startDate;
        this.endDate = b.endDate;
        this.reportOptions = b.reportOptions;
    }

    /** The seller access's marketplaces, no dates (the endpoint's defaults), no report options. */
    public static RequestReportOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The marketplaces (1 to 5); empty for the {@link SellerAccess#marketplaceIds()} of the call. */
    public List<String> marketplaceIds() {
        return marketplaceIds;
    }

    /** {@code StartDate}; empty for the endpoint's default. */
    public Optional<Instant> startDate() {
        return Optional.ofNullable(startDate);
    }

    /** {@code EndDate}; empty for the endpoint's default. */
    public Optional<Instant> endDate() {
        return Optional.ofNullable(endDate);
    }

    /** {@code ReportOptions}, sent as given; empty for none. */
    public Optional<String> reportOptions() {
        return Optional.ofNullable(reportOptions);
    }

    @Override
    public String toString() {
        return "RequestReportOptions[marketplaceIds=" + (marketplaceIds.isEmpty() ? "the seller access's" : marketplaceIds)
                + ", startDate=" + startDate + ", endDate=" + endDate + ", reportOptions=" + reportOptions + "]";
    }

    /** Collects the options. Not thread-safe. */
    public static final class Builder {
        private List<String> marketplaceIds = List.of();
        private Instant startDate;
        private Instant endDate;
        private String reportOptions;

        private Builder() {
        }

        /** The marketplaces the report covers, 1 to 5. */
        public Builder marketplaceIds(String... marketplaceIds) {
            return marketplaceIds(List.of(marketplaceIds));
        }

        /** The marketplaces the report covers, 1 to 5. */
        public Builder marketplaceIds(Collection<String> marketplaceIds) {
            this.marketplaceIds = SubmitFeedOptions.checkMarketplaces(marketplaceIds, "A report");
            return this;
        }

        /** The start of the period the report covers ({@code StartDate}). */
        public Builder startDate(Instant startDate) {
            this.startDate = Objects.requireNonNull(startDate, "startDate");
            return this;
        }

        /** The end of the period the report covers ({@code EndDate}). */
        public Builder endDate(Instant endDate) {
            this.endDate = Objects.requireNonNull(endDate, "endDate");
            return this;
        }

        /** {@code ReportOptions}, e.g. {@code ShowSalesChannel=true}. */
        public Builder reportOptions(String reportOptions) {
            Objects.requireNonNull(reportOptions, "reportOptions");
            if (reportOptions.isBlank()) {
                throw new IllegalArgumentException("ReportOptions is blank; leave it out instead");
            }
            if (reportOptions.length() > 1000) {
                throw new IllegalArgumentException("ReportOptions '" + Text.abbreviate(reportOptions, 40)
                        + "' is longer than 1000 characters");
            }
            this.reportOptions = reportOptions;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when {@code startDate} is after {@code endDate}
         */
        public RequestReportOptions build() {
            ReportRequestFilter.checkRange(startDate, endDate, "start");
            return new RequestReportOptions(this);
        }
    }
}
