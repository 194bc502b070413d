package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reports API: asks for a report (mws-data-apis.md §3.1). The request is stored {@code _SUBMITTED_} and
 * answered at once; the engine generates the report in the background.
 */
@Component
class RequestReport implements MwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    RequestReport(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "RequestReport";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        String reportType = call.required("ReportType").strip();
        if (ReportTypes.byName(reportType).isEmpty()) {
            throw ReportsApi.invalidReportType(reportType);
        }
        Instant start = ReportsApi.date(call, "StartDate");
        Instant end = ReportsApi.date(call, "EndDate");
        ReportsApi.inOrder(start, "StartDate", end, "EndDate");
        String options = call.parameter("ReportOptions").map(String::strip).filter(o -> !o.isEmpty()).orElse(null);
        if (options != null && options.length() > Reports.MAX_REPORT_OPTIONS) {
            throw MwsException.invalidParameter("ReportOptions must be at most " + Reports.MAX_REPORT_OPTIONS
                    + " characters; got " + options.length() + ".");
        }
        SellerAccount account = api.account(call);
        List<String> marketplaces = ReportsApi.marketplaces(call, account);
        ReportRequest requested;
        try {
            requested = reports.request(new NewReportRequest(account.id(), call.developerId(),
                    ReportRequest.SOURCE_API, reportType, marketplaces, start, end, options));
        } catch (ReportRefused e) {
            throw ReportsApi.refused(e, reportType, null);
        }
        ReportsApi.writeRequestInfo(result, requested);
    }
}
