package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reports API: how many of the seller's report requests of the last 90 days match the filters. */
@Component
class GetReportRequestCount implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportRequestCount(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportRequestCount";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportRequestQuery query = ReportsApi.requestQuery(call, false);
        result.element("Count", reports.countRequests(api.accountId(call), query));
    }
}
