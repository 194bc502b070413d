package io.openmws.server.reports;

import java.time.Instant;
import java.util.List;

/**
 * A seller's schedule for one report type (table {@code report_schedule}): what {@code ReportSchedule} shows.
 *
 * @param schedule    the {@code Schedule} value, e.g. {@code _1_DAY_}
 * @param scheduledAt {@code ScheduledDate}: when the next report falls due, on the platform clock
 */
public record ReportSchedule(long id, long accountId, String reportType, String schedule,
                             List<String> marketplaceIds, Instant scheduledAt) {

    public ReportSchedule {
        marketplaceIds = List.copyOf(marketplaceIds);
    }
}
