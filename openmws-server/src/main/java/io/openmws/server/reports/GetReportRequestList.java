package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reports API: the seller's report requests of the last 90 days, newest first, filtered (mws-data-apis.md §3.1). */
@Component
class GetReportRequestList implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportRequestList(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportRequestList";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportsApi.RequestPage page = new ReportsApi.RequestPage(ReportsApi.requestQuery(call, true),
                ReportsApi.maxCount(call), null);
        long accountId = api.accountId(call);
        api.writeRequestPage(result, call, page,
                reports.listRequests(accountId, page.query(), page.maxCount() + 1, null));
    }
}
