package io.openmws.server.reports;

import java.time.Instant;
import java.util.List;

/**
 * One report request as the features see it (table {@code report_request}): what {@code ReportRequestInfo}
 * shows.
 *
 * @param id                    the internal id, ordering a seller's requests
 * @param reportRequestId       the 11-digit id clients see
 * @param developerId           the developer whose call asked for it; null for the portal, a schedule or the platform
 * @param source                {@code API}, {@code PORTAL}, {@code SCHEDULE} or {@code PLATFORM}
 * @param startDate             {@code StartDate} (the submitted date when none was given)
 * @param endDate               {@code EndDate} (the submitted date when none was given)
 * @param reportOptions         {@code ReportOptions} as sent; null when none
 * @param scheduled             whether a schedule (or the platform) asked for it
 * @param status                one of the five {@code ReportProcessingStatus} values below
 * @param financialEventGroupId the settlement period a settlement report covers; null otherwise
 * @param generatedReportId     the {@code ReportId} of the report it produced; null until {@code _DONE_}
 */
public record ReportRequest(long id, long reportRequestId, long accountId, String developerId, String source,
        String reportType, List<String> marketplaceIds, Instant startDate, Instant endDate, String reportOptions,
        boolean scheduled, String status, Instant submittedAt, Instant startedAt, Instant completedAt,
        String financialEventGroupId, Long generatedReportId) {

    public static final String SUBMITTED = "_SUBMITTED_";
    public static final String IN_PROGRESS = "_IN_PROGRESS_";
    public static final String DONE = "_DONE_";
    public static final String DONE_NO_DATA = "_DONE_NO_DATA_";
    public static final String CANCELLED = "_CANCELLED_";
    /** Every status, in the order a request passes through them. */
    public static final List<String> STATUSES = List.of(SUBMITTED, IN_PROGRESS, DONE, DONE_NO_DATA, CANCELLED);

    public static final String SOURCE_API = "API";
    public static final String SOURCE_PORTAL = "PORTAL";
    public static final String SOURCE_SCHEDULE = "SCHEDULE";
    public static final String SOURCE_PLATFORM = "PLATFORM";

    public ReportRequest {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    /** Whether generation has finished, with or without a report. */
    public boolean finished() {
        return DONE.equals(status) || DONE_NO_DATA.equals(status) || CANCELLED.equals(status);
    }
}
