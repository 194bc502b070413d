package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reports API: marks the seller's reports acknowledged (or, with {@code Acknowledged=false}, not), so that
 * GetReportList's {@code Acknowledged} filter finds the ones not yet stored (mws-data-apis.md §3.1).
 * {@code Acknowledged} defaults to true. An unknown {@code ReportId} (another seller's included) is
 * {@code InvalidReportId}, and then nothing changes.
 */
@Component
class UpdateReportAcknowledgements implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    UpdateReportAcknowledgements(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "UpdateReportAcknowledgements";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        List<Long> ids = ReportsApi.ids(call, "ReportIdList.Id", "ReportId");
        if (ids.isEmpty()) {
            throw MwsException.missingParameter("ReportIdList.Id.1");
        }
        Boolean given = ReportsApi.bool(call, "Acknowledged");
        boolean acknowledged = given == null || given;
        long accountId = api.accountId(call);
        for (long id : ids) {
            if (reports.findReport(accountId, id).isEmpty()) {
                throw MwsException.of(MwsErrorCode.INVALID_REPORT_ID, "One or more of the provided ReportIds could"
                        + " not be found. Unknown: " + id + ".");
            }
        }
        List<Report> updated = reports.acknowledge(accountId, ids, acknowledged);
        result.element("Count", updated.size());
        for (Report r : updated) {
            ReportsApi.writeReportInfo(result, r);
        }
    }
}
