package io.openmws.server.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ReportGenerator} is asked to produce: one request, with its seller scoped and its dates
 * settled.
 *
 * @param accountId             the seller whose rows, and only whose rows, go into the report
 * @param marketplaceIds        the marketplaces of the request (at least one)
 * @param startDate             {@code StartDate} (ignored by snapshot types)
 * @param endDate               {@code EndDate} (ignored by snapshot types)
 * @param options               {@code ReportOptions} as name/value pairs, e.g. {@code ShowSalesChannel=true}
 * @param financialEventGroupId the settlement period of a settlement report; null otherwise
 * @param now                   the platform clock's time at which generation started
 */
public record ReportJob(long accountId, String reportType, List<String> marketplaceIds, Instant startDate,
                        Instant endDate, Map<String, String> options, String financialEventGroupId, Instant now) {

    public ReportJob {
        marketplaceIds = List.copyOf(marketplaceIds);
        options = Map.copyOf(options);
    }
}
