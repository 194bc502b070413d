package io.openmws.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated report as the Reports API describes it ({@code ReportInfo}, spec §3.1): what
 * {@link ReportsApi#download} fetches.
 *
 * @param reportId the id to download it by, e.g. {@code 21175694446018424}
 * @param reportType e.g. {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}
 * @param reportRequestId the request that produced it; optional in the schema
 * @param available when it became available
 * @param acknowledged whether it was acknowledged ({@link ReportsApi#updateAcknowledgements})
 * @param acknowledgedDate when it was acknowledged; empty when it is not
 */
public record ReportInfo(String reportId, String reportType, Optional<String> reportRequestId, Instant available,
                         boolean acknowledged, Optional<Instant> acknowledgedDate) {

    /** Checks that nothing is missing. */
    public ReportInfo {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(reportRequestId, "reportRequestId");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(acknowledgedDate, "acknowledgedDate");
    }
}
