package io.openmws.server.reports;

import java.time.Instant;
import java.util.List;

/**
 * The filters of GetReportRequestList, GetReportRequestCount and CancelReportRequests. Empty lists and
 * null dates filter nothing; when {@code reportRequestIds} is given the other filters are ignored
 * (mws-data-apis.md §3.1).
 *
 * @param requestedFrom {@code RequestedFromDate}, inclusive
 * @param requestedTo   {@code RequestedToDate}, exclusive
 */
public record ReportRequestQuery(List<Long> reportRequestIds, List<String> reportTypes, List<String> statuses,
                                 Instant requestedFrom, Instant requestedTo) {

    public static final ReportRequestQuery ALL = new ReportRequestQuery(List.of(), List.of(), List.of(), null, null);

    public ReportRequestQuery {
        reportRequestIds = List.copyOf(reportRequestIds);
        reportTypes = List.copyOf(reportTypes);
        statuses = List.copyOf(statuses);
    }
}
