package io.openmws.server.reports;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reports API: creates, changes or (with {@code _NEVER_}) deletes the seller's schedule for a report type
 * (mws-data-apis.md §3.1). Answers {@code Count} (1, or 0 when {@code _NEVER_} found nothing to delete)
 * and the schedule as it now is. {@code ScheduleDate}, when given, is when the first report falls due: not
 * in the past (the missed periods would all fall due at once) and at most 366 days ahead.
 */
@Component
class ManageReportSchedule implements MwsOperation {

    static final Duration FURTHEST_START = Duration.ofDays(366);

    private final ReportsApi api;
    private final Reports reports;

    ManageReportSchedule(ReportsApi api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    @Override
    public ApiSection section() {
        return ApiSection.REPORTS;
    }

    @Override
    public String action() {
        return "ManageReportSchedule";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        String reportType = call.required("ReportType").strip();
        String schedule = call.required("Schedule").strip();
        if (ReportTypes.byName(reportType).isEmpty()) {
            throw ReportsApi.invalidReportType(reportType);
        }
        if (ScheduleFrequency.of(schedule).isEmpty()) {
            throw ReportsApi.invalidSchedule(schedule);
        }
        Instant scheduleDate = ReportsApi.date(call, "ScheduleDate");
        if (scheduleDate != null && scheduleDate.isBefore(call.receivedAt())) {
            throw MwsException.invalidParameter("ScheduleDate must not be in the past (it is now "
                    + Timestamps.formatWithOffset(call.receivedAt()) + ").");
        }
        if (scheduleDate != null && scheduleDate.isAfter(call.receivedAt().plus(FURTHEST_START))) {
            throw MwsException.invalidParameter("ScheduleDate must be at most 366 days ahead.");
        }
        SellerAccount account = api.account(call);
        List<String> marketplaces = ReportsApi.marketplaces(call, account);
        Optional<ReportSchedule> now;
        try {
            now = reports.manageSchedule(account.id(), call.developerId(), reportType, schedule, scheduleDate,
                    marketplaces);
        } catch (ReportRefused e) {
            throw ReportsApi.refused(e, reportType, schedule);
        }
        result.element("Count", now.isPresent() ? 1 : 0);
        if (now.isPresent()) {
            ReportsApi.writeSchedule(result, now.get());
        }
    }
}
