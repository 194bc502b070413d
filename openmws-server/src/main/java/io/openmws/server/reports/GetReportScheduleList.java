package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reports API: the seller's schedules, filtered by type. A seller has at most one schedule per report
 * type, so the list always fits one answer: {@code HasNext} is always false and no NextToken is issued,
 * as the MWS documentation says.
 */
@Component
class GetReportScheduleList implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReportScheduleList(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportScheduleList";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        List<String> types = ReportsApi.reportTypes(call);
        List<ReportSchedule> schedules = reports.schedules(api.accountId(call), types);
        result.element("HasNext", false);
        for (ReportSchedule s : schedules) {
            ReportsApi.writeSchedule(result, s);
        }
    }
}
