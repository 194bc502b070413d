package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Reports API: the seller's downloadable reports, newest first, filtered by type, request, acknowledgement
 * and available date (from 90 days back unless {@code AvailableFromDate} says otherwise; mws-data-apis.md §3.1).
 */
@Component
class GetReportList implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportList(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportList";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportsApi.ReportPage page = new ReportsApi.ReportPage(ReportsApi.reportQuery(call, true),
                ReportsApi.maxCount(call), null);
        long accountId = api.accountId(call);
        api.writeReportPage(result, call, page, reports.listReports(accountId, page.query(), page.maxCount() + 1, null));
    }
}
