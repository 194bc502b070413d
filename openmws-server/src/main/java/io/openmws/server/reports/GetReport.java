package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.RawAnswer;
import io.openmws.server.gateway.RawMwsOperation;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reports API: one report's bytes as stored, streamed with its {@code Content-Type} (text in the charset of
 * its marketplace) and {@code Content-MD5} (mws-data-apis.md §3.1). An unknown id, or another seller's, is
 * {@code InvalidReportId}; a report past the 90 days reports are kept is {@code ReportNoLongerAvailable}.
 */
@Component
class GetReport implements RawMwsOperation {

    private final ReportsApi api;
    private final Reports reports;

    GetReport(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReport";
    }

    @Override
    public RawAnswer answer(MwsCall call) {
        String id = call.required("ReportId").strip();
        long accountId = api.accountId(call);
        Report report = (id.matches("[0-9]{1,18}") ? reports.findReport(accountId, Long.parseLong(id))
                : Optional.<Report>empty())
                .orElseThrow(() -> new MwsException(MwsError.of(MwsErrorCode.INVALID_REPORT_ID)));
        if (reports.expired(report)) {
            throw new MwsException(MwsError.of(MwsErrorCode.REPORT_NO_LONGER_AVAILABLE));
        }
        return new RawAnswer(report.contentType(), report.length(), report.md5Base64(), () -> reports.open(report));
    }
}
