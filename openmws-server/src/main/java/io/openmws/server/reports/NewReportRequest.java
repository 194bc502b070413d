package io.openmws.server.reports;

import java.time.Instant;
import java.util.List;

/**
 * What RequestReport or the portal asks for.
 *
 * @param developerId    the calling developer; null for the portal
 * @param source         {@code API} or {@code PORTAL}
 * @param marketplaceIds the marketplaces asked for; empty means the seller's home marketplace
 * @param startDate      {@code StartDate}; null means the submitted date
 * @param endDate        {@code EndDate}; null means the submitted date
 * @param reportOptions  {@code ReportOptions} as sent; null when none
 */
public record NewReportRequest(long accountId, String developerId, String source, String reportType,
                               List<String> marketplaceIds, Instant startDate, Instant endDate,
                               String reportOptions) {

    public NewReportRequest {
        marketplaceIds = List.copyOf(marketplaceIds);
    }
}
