package io.openmws.server.reports;

import java.time.Instant;
import java.util.List;

/**
 * The filters of GetReportList and GetReportCount. Empty lists and nulls filter nothing, except
 * {@code availableFrom}: null means 90 days of platform time back (mws-data-apis.md §3.1).
 *
 * @param acknowledged  {@code Acknowledged}; null for both
 * @param availableFrom {@code AvailableFromDate}, inclusive
 * @param availableTo   {@code AvailableToDate}, exclusive
 */
public record ReportQuery(List<String> reportTypes, Boolean acknowledged, List<Long> reportRequestIds,
                          Instant availableFrom, Instant availableTo) {

    public static final ReportQuery ALL = new ReportQuery(List.of(), null, List.of(), null, null);

    public ReportQuery {
        reportTypes = List.copyOf(reportTypes);
        reportRequestIds = List.copyOf(reportRequestIds);
    }
}
