package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reports API: the next page of a {@code GetReportList}, with the same filters and size. */
@Component
class GetReportListByNextToken implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportListByNextToken(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportListByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportsApi.ReportPage page = api.reportPage(call, ReportsApi.nextToken(call));
        long accountId = api.accountId(call);
        api.writeReportPage(result, call, page,
                reports.listReports(accountId, page.query(), page.maxCount() + 1, page.beforeIdExclusive()));
    }
}
