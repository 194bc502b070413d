package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reports API: how many of the seller's downloadable reports match the filters of GetReportList (no ids). */
@Component
class GetReportCount implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportCount(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportCount";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportQuery query = ReportsApi.reportQuery(call, false);
        result.element("Count", reports.countReports(api.accountId(call), query));
    }
}
