package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reports API: the next page of a {@code GetReportRequestList}, with the same filters and size. */
@Component
class GetReportRequestListByNextToken implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportRequestListByNextToken(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportRequestListByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportsApi.RequestPage page = api.requestPage(call, ReportsApi.nextToken(call));
        long accountId = api.accountId(call);
        api.writeRequestPage(result, call, page,
                reports.listRequests(accountId, page.query(), page.maxCount() + 1, page.beforeIdExclusive()));
    }
}
