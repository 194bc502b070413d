package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import org.springframework.stereotype.Component;

/**
 * Reports API: served for completeness, as MWS documents it "for future compatibility". GetReportScheduleList
 * never issues a NextToken, so any token is one this server did not issue ({@code NextTokenCorrupted}); none
 * at all is the live {@code ValidationError}.
 */
@Component
class GetReportScheduleListByNextToken implements MwsOperation {

    private final ReportsApi api;

    GetReportScheduleListByNextToken(ReportsApi api) {
        this.api = api;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "GetReportScheduleListByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) {
        ReportsApi.nextToken(call);
        api.accountId(call);
        throw ReportsApi.corrupted();
    }
}
