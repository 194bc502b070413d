package io.openmws.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One report request as the Reports API describes it ({@code ReportRequestInfo}, spec §3.1).
 *
 * @param reportRequestId the id RequestReport gave it, e.g. {@code 51781018424}
 * @param reportType e.g. {@code _GET_MERCHANT_LISTINGS_DATA_}
 * @param startDate the start of the period asked for (MWS echoes the submitted date when none was given)
 * @param endDate the end of the period asked for
 * @param scheduled whether a schedule (or the endpoint itself, for settlement reports) asked for it
 * @param submitted when it was received
 * @param status where it stands
 * @param generatedReportId the {@code ReportId} of the report it produced; present only when {@link ReportProcessingStatus#DONE}
 * @param started when generation started; empty before
 * @param completed when generation ended; empty before
 */
public record ReportRequestInfo(String reportRequestId, String reportType, Optional<Instant> startDate,
                                Optional<Instant> endDate, boolean scheduled, Instant submitted,
                                ReportProcessingStatus status, Optional<String> generatedReportId,
                                Optional<Instant> started, Optional<Instant> completed) {

    /** Checks that nothing is missing. */
    public ReportRequestInfo {
        Objects.requireNonNull(reportRequestId, "reportRequestId");
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(generatedReportId, "generatedReportId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(completed, "completed");
    }
}
