package io.openmws.sdk;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.time.Timestamps;
import io.openmws.sdk.internal.CallExecutor;
import io.openmws.sdk.internal.CheckedDownload;
import io.openmws.sdk.internal.HourlyQuota;
import io.openmws.sdk.internal.LazyPages;
import io.openmws.sdk.internal.MwsCall;
import io.openmws.sdk.internal.PollSchedule;
import io.openmws.sdk.internal.ReportsXml;
import io.openmws.sdk.internal.ResponseParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Reports API (2009-01-01) of an {@link MwsClient}: request reports, follow and cancel the requests, list
 * and download the generated reports, schedule reports and acknowledge them (spec §3). Get it from
 * {@link MwsClient#reports()}.
 *
 * <pre>{@code
 * ReportRequestInfo request = client.reports().requestReport(seller, "_GET_MERCHANT_LISTINGS_DATA_");
 * ReportRequestInfo done = client.reports().awaitReport(seller, request.reportRequestId(), Duration.ofMinutes(30));
 * String reportId = done.generatedReportId().orElseThrow();   // empty for _DONE_NO_DATA_ and _CANCELLED_
 * ReportDownload download = client.reports().download(seller, reportId, Path.of("listings.txt"));
 * try (FlatFileReport report = FlatFileReport.open(Path.of("listings.txt"), download.charset())) {
 *     report.forEach(row -> System.out.println(row.get("seller-sku") + " " + row.get("quantity")));
 * }
 * }</pre>
 *
 * <p>Requests go to {@code /Reports/2009-01-01} with {@code SellerId} (and {@code MWSAuthToken}), lists as
 * {@code ReportTypeList.Type.1}, {@code ReportRequestIdList.Id.1}, ... as MWS documents them. Reports are never
 * held in memory: a download is written to a temporary file while its MD5 is computed, checked against the
 * answer's {@code Content-MD5} (a mismatch is downloaded again up to 3 times), and only then copied to the
 * caller's stream or moved to the caller's file.
 *
 * <p>Every call is paced and retried like any other ({@link Throttling}, {@link RetryPolicy}); failures are
 * {@link MwsException}s, and failures to write the caller's stream or file are {@link UncheckedIOException}s.
 * Thread-safe.
 */
public final class ReportsApi {

    private static final String REQUEST = "RequestReport";
    private static final String LIST_REQUESTS = "GetReportRequestList";
    private static final String LIST_REQUESTS_BY_NEXT_TOKEN = "GetReportRequestListByNextToken";
    private static final String COUNT_REQUESTS = "GetReportRequestCount";
    private static final String CANCEL = "CancelReportRequests";
    private static final String LIST_REPORTS = "GetReportList";
    private static final String LIST_REPORTS_BY_NEXT_TOKEN = "GetReportListByNextToken";
    private static final String COUNT_REPORTS = "GetReportCount";
    private static final String GET_REPORT = "GetReport";
    private static final String MANAGE_SCHEDULE = "ManageReportSchedule";
    private static final String LIST_SCHEDULES = "GetReportScheduleList";
    private static final String LIST_SCHEDULES_BY_NEXT_TOKEN = "GetReportScheduleListByNextToken";
    private static final String COUNT_SCHEDULES = "GetReportScheduleCount";
    private static final String ACKNOWLEDGE = "UpdateReportAcknowledgements";

    /** The most ReportIds one {@code UpdateReportAcknowledgements} takes. */
    public static final int MAX_ACKNOWLEDGEMENTS = 100;

    private final CallExecutor executor;

    ReportsApi(CallExecutor executor) {
        this.executor = executor;
    }

    // ------------------------------------------------------------------------------------------ RequestReport

    /**
     * Requests a report for the seller's marketplaces ({@link SellerAccess#marketplaceIds()}), with the
     * endpoint's default period.
     *
     * @param seller the seller
     * @param reportType e.g. {@code _GET_MERCHANT_LISTINGS_DATA_}
     * @return the request, {@link ReportProcessingStatus#SUBMITTED}
     * @throws MwsException when the call fails, e.g. {@code InvalidReportType} for a type the endpoint does not
     *     know or that cannot be requested (settlement reports)
     */
    public ReportRequestInfo requestReport(SellerAccess seller, String reportType) {
        return requestReport(seller, reportType, RequestReportOptions.defaults());
    }

    /**
     * Requests a report with options: marketplaces, period, {@code ReportOptions}.
     *
     * @param seller the seller
     * @param reportType e.g. {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}
     * @param options the options
     * @return the request, {@link ReportProcessingStatus#SUBMITTED}
     * @throws MwsException when the call fails
     */
    public ReportRequestInfo requestReport(SellerAccess seller, String reportType, RequestReportOptions options) {
        Objects.requireNonNull(seller, "seller");
        ReportRequestFilter.checkReportType(reportType);
        Objects.requireNonNull(options, "options");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ReportType", reportType);
        options.startDate().ifPresent(d -> params.put("StartDate", Timestamps.format(d)));
        options.endDate().ifPresent(d -> params.put("EndDate", Timestamps.format(d)));
        options.reportOptions().ifPresent(o -> params.put("ReportOptions", o));
        List<String> marketplaces = options.marketplaceIds().isEmpty()
                ? seller.marketplaceIds().stream().map(m -> m.value()).toList() : options.marketplaceIds();
        ReportRequestFilter.list(params, "MarketplaceIdList.Id.", marketplaces);
        return executor.execute(MwsCall.forSeller(ApiSection.REPORTS, REQUEST, seller, params), ReportsXml.requested());
    }

    // ------------------------------------------------------------------------------- requests: list, count, cancel

    /**
     * The seller's report requests that match the filter, newest first, as a lazy stream: the first call when
     * the stream is first read, each further page ({@code GetReportRequestListByNextToken}) only when the items
     * before it have been consumed. The filter's {@code maxCount} is the page size.
     *
     * @param seller the seller
     * @param filter which requests
     * @return the requests
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<ReportRequestInfo> listRequests(SellerAccess seller, ReportRequestFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Map<String, String> params = filter.parameters(ReportRequestFilter.Operation.LIST);
        return LazyPages.stream(() -> call(seller, LIST_REQUESTS, params, ReportsXml.requestPage(LIST_REQUESTS)),
                token -> listRequestsByNextToken(seller, token), Page::items, Page::nextToken);
    }

    /**
     * The first page of {@code GetReportRequestList}.
     *
     * @param seller the seller
     * @param filter which requests; {@code maxCount} is the page size (the endpoint's default is 10)
     * @return the page, with a NextToken when more follow
     * @throws MwsException when the call fails
     */
    public Page<ReportRequestInfo> listRequestsPage(SellerAccess seller, ReportRequestFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, LIST_REQUESTS, filter.parameters(ReportRequestFilter.Operation.LIST),
                ReportsXml.requestPage(LIST_REQUESTS));
    }

    /**
     * A further page: {@code GetReportRequestListByNextToken}, which has a bucket of its own (30, one every
     * 2 seconds).
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails
     */
    public Page<ReportRequestInfo> listRequestsByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, LIST_REQUESTS_BY_NEXT_TOKEN, tokenParameter(nextToken),
                ReportsXml.requestPage(LIST_REQUESTS_BY_NEXT_TOKEN));
    }

    /**
     * {@code GetReportRequestCount}: how many of the seller's requests match.
     *
     * @param seller the seller
     * @param filter report types, statuses and dates; no ids, no maxCount
     * @return the count
     * @throws MwsException when the call fails
     * @throws IllegalArgumentException when the filter has ids or a maxCount
     */
    public long countRequests(SellerAccess seller, ReportRequestFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, COUNT_REQUESTS, filter.parameters(ReportRequestFilter.Operation.COUNT),
                ReportsXml.count(COUNT_REQUESTS));
    }

    /**
     * {@code CancelReportRequests}: cancels the matching requests that have not started
     * ({@link ReportProcessingStatus#SUBMITTED}); the others are counted and answered unchanged, as MWS does.
     * <strong>{@link ReportRequestFilter#all()} cancels every request that can be cancelled</strong>.
     *
     * @param seller the seller
     * @param filter ids, report types, statuses and dates; no maxCount
     * @return how many matched, and the first 100
     * @throws MwsException when the call fails; {@code InvalidReportRequestId} for ids the seller does not have
     * @throws IllegalArgumentException when the filter has a maxCount
     */
    public CancelledReportRequests cancelRequests(SellerAccess seller, ReportRequestFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, CANCEL, filter.parameters(ReportRequestFilter.Operation.CANCEL), ReportsXml.cancelled());
    }

    /**
     * Waits until the report request is finished and answers it as it then is: {@link ReportProcessingStatus#DONE}
     * with the {@link ReportRequestInfo#generatedReportId() GeneratedReportId} to {@link #download}, or
     * {@link ReportProcessingStatus#DONE_NO_DATA} or {@link ReportProcessingStatus#CANCELLED} without one. Polls
     * {@code GetReportRequestList} for this one id, first after 1 second and then at intervals growing by half up
     * to 45 seconds (the operation's restore rate), slower still when the answers' {@code x-mws-quota-remaining}
     * says fewer than 10 calls are left this hour; every poll is also paced by the client's {@link Throttling}.
     *
     * @param seller the seller
     * @param reportRequestId the request
     * @param timeout how long to wait (a call in flight when it ends is finished)
     * @return the finished request
     * @throws MwsException {@link MwsException.Kind#NOT_READY} (code {@code ReportNotReady}) when the request is
     *     not finished within the timeout, {@link MwsException.Kind#INVALID_PARAMETER} (code
     *     {@code InvalidReportRequestId}) when the seller has no such request, {@link MwsException.Kind#INTERRUPTED},
     *     or any failure of a call
     */
    public ReportRequestInfo awaitReport(SellerAccess seller, String reportRequestId, Duration timeout) {
        Objects.requireNonNull(seller, "seller");
        ReportRequestFilter.checkRequestId(reportRequestId);
        Objects.requireNonNull(timeout, "timeout");
        PollSchedule schedule = new PollSchedule(timeout);
        Map<String, String> params = ReportRequestFilter.ids(reportRequestId).parameters(ReportRequestFilter.Operation.LIST);
        ResponseParser<Page<ReportRequestInfo>> page = ReportsXml.requestPage(LIST_REQUESTS);
        while (true) {
            schedule.polled();
            Poll poll = call(seller, LIST_REQUESTS, params, ResponseParser.withHeaders((body, requestId, headers) ->
                    new Poll(page.parse(body, requestId), HourlyQuota.of(headers))));
            ReportRequestInfo info = poll.page.items().stream().filter(i -> i.reportRequestId().equals(reportRequestId))
                    .findFirst().orElseThrow(() -> MwsException.builder().code("InvalidReportRequestId")
                            .kind(MwsException.Kind.INVALID_PARAMETER).requestId(poll.page.requestId()).attempts(1)
                            .message("The seller has no report request " + reportRequestId + " in the last 90 days")
                            .build());
            if (info.status().isFinal()) {
                return info;
            }
            if (schedule.expired()) {
                throw MwsException.builder().code("ReportNotReady").kind(MwsException.Kind.NOT_READY)
                        .requestId(poll.page.requestId()).attempts(schedule.polls())
                        .message("Report request " + reportRequestId + " is still " + info.status() + " after " + timeout
                                + " (" + schedule.polls() + " polls); wait again later").build();
            }
            schedule.sleep(poll.quota, executor.pacingNow(), "report request " + reportRequestId);
        }
    }

    private record Poll(Page<ReportRequestInfo> page, HourlyQuota quota) {
    }

    // ---------------------------------------------------------------------------------- reports: list, count

    /**
     * The seller's generated reports that match the filter, newest first, as a lazy stream over
     * {@code GetReportList} and {@code GetReportListByNextToken}. The filter's {@code maxCount} is the page size.
     *
     * @param seller the seller
     * @param filter which reports
     * @return the reports
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<ReportInfo> listReports(SellerAccess seller, ReportFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Map<String, String> params = filter.parameters(true);
        return LazyPages.stream(() -> call(seller, LIST_REPORTS, params, ReportsXml.reportPage(LIST_REPORTS)),
                token -> listReportsByNextToken(seller, token), Page::items, Page::nextToken);
    }

    /**
     * The first page of {@code GetReportList}.
     *
     * @param seller the seller
     * @param filter which reports; {@code maxCount} is the page size (the endpoint's default is 10)
     * @return the page, with a NextToken when more follow
     * @throws MwsException when the call fails
     */
    public Page<ReportInfo> listReportsPage(SellerAccess seller, ReportFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, LIST_REPORTS, filter.parameters(true), ReportsXml.reportPage(LIST_REPORTS));
    }

    /**
     * A further page: {@code GetReportListByNextToken}.
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails
     */
    public Page<ReportInfo> listReportsByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, LIST_REPORTS_BY_NEXT_TOKEN, tokenParameter(nextToken),
                ReportsXml.reportPage(LIST_REPORTS_BY_NEXT_TOKEN));
    }

    /**
     * {@code GetReportCount}: how many of the seller's reports match.
     *
     * @param seller the seller
     * @param filter report types, acknowledged and dates; no request ids, no maxCount
     * @return the count
     * @throws MwsException when the call fails
     * @throws IllegalArgumentException when the filter has request ids or a maxCount
     */
    public long countReports(SellerAccess seller, ReportFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, COUNT_REPORTS, filter.parameters(false), ReportsXml.count(COUNT_REPORTS));
    }

    // ---------------------------------------------------------------------------------- GetReport

    /**
     * {@code GetReport}: downloads the raw report to {@code out}. The answer is written to a temporary file
     * while its MD5 is computed; when it differs from the {@code Content-MD5} header the download is tried
     * again, up to 3 more times, as MWS asks; only a report whose MD5 matched is copied to {@code out}.
     *
     * @param seller the seller
     * @param reportId the report ({@link ReportInfo#reportId()} or {@link ReportRequestInfo#generatedReportId()})
     * @param out where the report goes; not closed
     * @return the report's length, MD5, Content-Type (and so its {@link ReportDownload#charset() charset})
     * @throws MwsException when the call fails: {@link MwsException.Kind#INVALID_PARAMETER} ({@code InvalidReportId})
     *     for a report the seller does not have, {@code ReportNoLongerAvailable} for one older than 90 days, and
     *     {@link MwsException.Kind#UNEXPECTED_RESPONSE} with code {@code ContentMD5DoesNotMatch} when four downloads
     *     in a row did not match their {@code Content-MD5}, or {@code ContentMD5Missing} when the answer had none
     * @throws UncheckedIOException when {@code out} cannot be written
     */
    public ReportDownload download(SellerAccess seller, String reportId, OutputStream out) {
        Objects.requireNonNull(out, "out");
        try (CheckedDownload.Verified d = fetch(seller, reportId, null)) {
            try {
                d.spool().copyTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Report " + reportId + " could not be written: " + e.getMessage(), e);
            }
            return result(reportId, d);
        }
    }

    /**
     * {@code GetReport} to a file: the report is written to a temporary file in the target's folder while its
     * MD5 is computed and, once it matched the {@code Content-MD5} header (a mismatch is downloaded again up to
     * 3 times), moved to {@code file}, replacing it. When the download fails, no file is left behind and a file
     * that was there before is untouched.
     *
     * @param seller the seller
     * @param reportId the report
     * @param file where the report goes
     * @return the report's length, MD5, Content-Type (and so its {@link ReportDownload#charset() charset})
     * @throws MwsException as {@link #download(SellerAccess, String, OutputStream)}
     * @throws UncheckedIOException when the file cannot be written
     */
    public ReportDownload download(SellerAccess seller, String reportId, Path file) {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        try (CheckedDownload.Verified d = fetch(seller, reportId, target.getParent())) {
            try {
                try {
                    Files.move(d.spool().path(), target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(d.spool().path(), target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Report " + reportId + " could not be moved to " + file + ": "
                        + e.getMessage(), e);
            }
            return result(reportId, d);
        }
    }

    private CheckedDownload.Verified fetch(SellerAccess seller, String reportId, Path dir) {
        Objects.requireNonNull(seller, "seller");
        ReportFilter.checkReportId(reportId);
        MwsCall call = MwsCall.forSeller(ApiSection.REPORTS, GET_REPORT, seller, Map.of("ReportId", reportId));
        return CheckedDownload.fetch(executor, call, dir, dir == null ? "openmws-report-" : ".openmws-report-",
                "Report " + reportId);
    }

    private static ReportDownload result(String reportId, CheckedDownload.Verified d) {
        return new ReportDownload(reportId, d.spool().length(), d.spool().md5Base64(), d.contentType(), d.requestId(),
                d.attempts());
    }

    // ---------------------------------------------------------------------------------- schedules

    /**
     * {@code ManageReportSchedule}: creates the seller's schedule for the report type, changes it when one
     * exists, or deletes it with {@link ScheduleFrequency#NEVER}. The first report falls due one period from now.
     *
     * @param seller the seller
     * @param reportType a schedulable type, e.g. {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}
     * @param schedule how often
     * @return the schedule as it now is; empty when the answer shows none (a delete of no schedule)
     * @throws MwsException when the call fails, e.g. {@code InvalidReportType} for a type that cannot be scheduled
     */
    public Optional<ReportSchedule> manageSchedule(SellerAccess seller, String reportType, ScheduleFrequency schedule) {
        return manageSchedule(seller, reportType, schedule, null);
    }

    /**
     * {@code ManageReportSchedule} with a {@code ScheduleDate}: when the first report falls due.
     *
     * @param seller the seller
     * @param reportType a schedulable type
     * @param schedule how often
     * @param scheduleDate when the first report falls due; {@code null} for one period from now
     * @return the schedule as it now is; empty when the answer shows none
     * @throws MwsException when the call fails
     */
    public Optional<ReportSchedule> manageSchedule(SellerAccess seller, String reportType, ScheduleFrequency schedule,
                                                   Instant scheduleDate) {
        Objects.requireNonNull(seller, "seller");
        ReportRequestFilter.checkReportType(reportType);
        Objects.requireNonNull(schedule, "schedule");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ReportType", reportType);
        params.put("Schedule", schedule.wireValue());
        if (scheduleDate != null) {
            params.put("ScheduleDate", Timestamps.format(scheduleDate));
        }
        return call(seller, MANAGE_SCHEDULE, params, ReportsXml.managed());
    }

    /**
     * {@code GetReportScheduleList}: the seller's schedules of these report types (every one when none is given),
     * following a {@code NextToken} should an endpoint send one.
     *
     * @param seller the seller
     * @param reportTypes the types; none for all
     * @return the schedules
     * @throws MwsException when a call fails
     */
    public List<ReportSchedule> schedules(SellerAccess seller, String... reportTypes) {
        Objects.requireNonNull(seller, "seller");
        Map<String, String> params = typeList(List.of(reportTypes));
        return LazyPages.stream(() -> call(seller, LIST_SCHEDULES, params, ReportsXml.schedulePage(LIST_SCHEDULES)),
                token -> call(seller, LIST_SCHEDULES_BY_NEXT_TOKEN, tokenParameter(token),
                        ReportsXml.schedulePage(LIST_SCHEDULES_BY_NEXT_TOKEN)), Page::items, Page::nextToken).toList();
    }

    /**
     * {@code GetReportScheduleCount}: how many schedules the seller has of these report types.
     *
     * @param seller the seller
     * @param reportTypes the types; none for all
     * @return the count
     * @throws MwsException when the call fails
     */
    public long scheduleCount(SellerAccess seller, String... reportTypes) {
        Objects.requireNonNull(seller, "seller");
        return call(seller, COUNT_SCHEDULES, typeList(List.of(reportTypes)), ReportsXml.count(COUNT_SCHEDULES));
    }

    // ---------------------------------------------------------------------------------- acknowledgements

    /**
     * {@code UpdateReportAcknowledgements}: marks reports as acknowledged (processed by the caller; a later
     * {@link ReportFilter.Builder#acknowledged(boolean) acknowledged(false)} list leaves them out) or not.
     *
     * @param seller the seller
     * @param reportIds 1 to 100 ReportIds
     * @param acknowledged the new value
     * @return the reports as they now are
     * @throws MwsException when the call fails; {@code InvalidReportId} (from this platform) when an id is not one
     *     of the seller's reports, and then nothing changes
     */
    public List<ReportInfo> updateAcknowledgements(SellerAccess seller, Collection<String> reportIds, boolean acknowledged) {
        Objects.requireNonNull(seller, "seller");
        if (reportIds.isEmpty() || reportIds.size() > MAX_ACKNOWLEDGEMENTS) {
            throw new IllegalArgumentException("UpdateReportAcknowledgements takes 1 to " + MAX_ACKNOWLEDGEMENTS
                    + " ReportIds; " + reportIds.size() + " were given");
        }
        List<String> ids = new ArrayList<>();
        for (String id : reportIds) {
            ids.add(ReportFilter.checkReportId(id));
        }
        Map<String, String> params = new LinkedHashMap<>();
        ReportRequestFilter.list(params, "ReportIdList.Id.", ids);
        params.put("Acknowledged", Boolean.toString(acknowledged));
        return call(seller, ACKNOWLEDGE, params, ReportsXml.acknowledged());
    }

    // ---------------------------------------------------------------------------------- helpers

    private <T> T call(SellerAccess seller, String action, Map<String, String> params, ResponseParser<T> parser) {
        return executor.execute(MwsCall.forSeller(ApiSection.REPORTS, action, seller, params), parser);
    }

    private static Map<String, String> typeList(List<String> reportTypes) {
        Map<String, String> params = new LinkedHashMap<>();
        ReportRequestFilter.list(params, "ReportTypeList.Type.", ReportRequestFilter.checkReportTypes(reportTypes));
        return params;
    }

    private static Map<String, String> tokenParameter(String nextToken) {
        Objects.requireNonNull(nextToken, "nextToken");
        if (nextToken.isBlank()) {
            throw new IllegalArgumentException("The NextToken is blank; pass the token of the previous page");
        }
        return Map.of("NextToken", nextToken);
    }

    @Override
    public String toString() {
        return "ReportsApi[" + executor + "]";
    }
}
