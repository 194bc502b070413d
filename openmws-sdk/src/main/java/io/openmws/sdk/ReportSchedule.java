package io.openmws.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A seller's schedule for one report type ({@code ReportSchedule}, spec §3.1).
 *
 * @param reportType e.g. {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}
 * @param schedule how often; {@link ScheduleFrequency#NEVER} in the answer that deleted it
 * @param scheduledDate when the next report falls due; empty when the endpoint sends none
 */
public record ReportSchedule(String reportType, ScheduleFrequency schedule, Optional<Instant> scheduledDate) {

    /** Checks that nothing is missing. */
    public ReportSchedule {
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(scheduledDate, "scheduledDate");
    }
}
