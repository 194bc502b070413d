package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reports API: how many schedules the seller has of the given types (all when none are given). */
@Component
class GetReportScheduleCount implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportScheduleCount(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportScheduleCount";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        List<String> types = ReportsApi.reportTypes(call);
        result.element("Count", reports.schedules(api.accountId(call), types).size());
    }
}
