package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Reports API: cancels the seller's report requests that have not started (mws-data-apis.md §3.1); with
 * no filter at all, every one of them. Requests already processing or processed match and are counted
 * but stay as they are, as live MWS answers. An unknown {@code ReportRequestId} (another seller's
 * included) is {@code InvalidReportRequestId}, and then nothing is cancelled.
 */
@Component
class CancelReportRequests implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    CancelReportRequests(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "CancelReportRequests";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ReportRequestQuery query = ReportsApi.requestQuery(call, true);
        long accountId = api.accountId(call);
        for (long id : query.reportRequestIds()) {
            if (reports.findRequest(accountId, id).isEmpty()) {
                throw MwsException.of(MwsErrorCode.INVALID_REPORT_REQUEST_ID,
                        MwsErrorCode.INVALID_REPORT_REQUEST_ID.defaultMessage() + " Unknown: " + id + ".");
            }
        }
        Reports.Cancellation cancellation = reports.cancel(accountId, query);
        result.element("Count", cancellation.count());
        for (ReportRequest r : cancellation.requests()) {
            ReportsApi.writeRequestInfo(result, r);
        }
    }
}
