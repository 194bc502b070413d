package io.openmws.server.reports;

import io.openmws.protocol.Text;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.support.SecretSealer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What the Reports operations share (docs/protocol.md, "Reports API"): the calling seller's account,
 * the filters and page size of a request, the {@code ReportRequestInfo}, {@code ReportInfo} and
 * {@code ReportSchedule} elements, and NextTokens. A NextToken is the page's filters, size and position
 * sealed with the platform's AEAD key and bound to the seller, the developer and the list it continues:
 * it cannot be read, altered or used by anyone else ({@code NextTokenCorrupted}).
 */
@Component
class ReportsApi {

    static final int DEFAULT_MAX_COUNT = 10;
    static final int MAX_MAX_COUNT = 100;
    /** The most ids one list parameter may name (UpdateReportAcknowledgements' documented limit, for all). */
    static final int MAX_IDS = 100;

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_]{1,100}");
    private static final String REQUESTS = "GetReportRequestList";
    private static final String REPORTS = "GetReportList";
    private static final String TOKEN_VERSION = "r1";

    /** One page of report requests: the filters, its size, and where it starts (null: at the newest). */
    record RequestPage(ReportRequestQuery query, int maxCount, Long beforeIdExclusive) {}

    /** One page of reports: the filters, its size, and where it starts (null: at the newest). */
    record ReportPage(ReportQuery query, int maxCount, Long beforeIdExclusive) {}

    private final SellerAccounts accounts;
    private final SecretSealer sealer;

    ReportsApi(SellerAccounts accounts, SecretSealer sealer) {
        this.accounts = accounts;
        this.sealer = sealer;
    }

    /** The internal id of the calling seller's account; {@code AccessDenied} unless it is active. */
    long accountId(MwsCall call) {
        return account(call).id();
    }

    /** The calling seller's account; {@code AccessDenied} unless it is active. */
    SellerAccount account(MwsCall call) {
        return accounts.bySellerId(call.sellerId()).filter(SellerAccount::active)
                .orElseThrow(() -> new MwsException(MwsError.accessDenied()));
    }

    /**
     * {@code MarketplaceIdList.Id.N}, each once; {@code InvalidParameterValue} naming the first the seller
     * does not sell in. Empty means the seller's home marketplace, which the service fills in.
     */
    static List<String> marketplaces(MwsCall call, SellerAccount account) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(call.list("MarketplaceIdList.Id")));
        for (String id : ids) {
            if (!account.marketplaceIds().contains(id)) {
                throw MwsException.invalidParameter("Invalid MarketplaceId: " + abbreviate(id)
                        + ". The seller does not sell in it.");
            }
        }
        return ids;
    }

    // ---- parameters

    /**
     * The ids of a list parameter such as {@code ReportRequestIdList.Id.N}, each once, in the order given;
     * {@code InvalidParameterValue} for one that is not a number, or for more than 100.
     */
    static List<Long> ids(MwsCall call, String prefix, String name) {
        List<String> given = call.list(prefix);
        if (given.size() > MAX_IDS) {
            throw MwsException.invalidParameter("At most " + MAX_IDS + " " + name + " values may be given; got "
                    + given.size() + ".");
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (String id : given) {
            if (!ID.matcher(id.strip()).matches()) {
                throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(id) + ".");
            }
            ids.add(Long.parseLong(id.strip()));
        }
        return List.copyOf(ids);
    }

    /** {@code ReportTypeList.Type.N}: names of the ReportType form; a well-formed unknown type matches nothing. */
    static List<String> reportTypes(MwsCall call) {
        List<String> types = call.list("ReportTypeList.Type");
        for (String type : types) {
            if (!TYPE.matcher(type).matches()) {
                throw MwsException.invalidParameter("Invalid ReportType: " + abbreviate(type) + ".");
            }
        }
        return List.copyOf(new LinkedHashSet<>(types));
    }

    /** {@code ReportProcessingStatusList.Status.N}: the five documented statuses. */
    static List<String> statuses(MwsCall call) {
        List<String> statuses = call.list("ReportProcessingStatusList.Status");
        for (String status : statuses) {
            if (!ReportRequest.STATUSES.contains(status)) {
                throw MwsException.invalidParameter("Invalid ReportProcessingStatus: " + abbreviate(status)
                        + ". Use " + String.join(", ", ReportRequest.STATUSES) + ".");
            }
        }
        return List.copyOf(new LinkedHashSet<>(statuses));
    }

    /** A date parameter, or null when absent or empty; {@code InvalidParameterValue} unless ISO 8601. */
    static Instant date(MwsCall call, String name) {
        String value = call.parameter(name).orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(value)
                    + ". Use ISO 8601, e.g. 2020-06-25T12:32:14Z.");
        }
    }

    /** Two dates of a range, checked to be in order: the first must not be after the second. */
    static void inOrder(Instant from, String fromName, Instant to, String toName) {
        if (from != null && to != null && from.isAfter(to)) {
            throw MwsException.invalidParameter(fromName + " must not be after " + toName + ".");
        }
    }

    /** A boolean parameter ({@code true} or {@code false}), or null when absent or empty. */
    static Boolean bool(MwsCall call, String name) {
        String value = call.parameter(name).orElse("").strip();
        return switch (value) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(value)
                    + ". Use true or false.");
        };
    }

    /** {@code MaxCount}: 1 to 100, 10 when absent. */
    static int maxCount(MwsCall call) {
        String value = call.parameter("MaxCount").orElse("").strip();
        if (value.isEmpty()) {
            return DEFAULT_MAX_COUNT;
        }
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_MAX_COUNT) {
            throw MwsException.invalidParameter("MaxCount must be a whole number from 1 to " + MAX_MAX_COUNT
                    + "; got " + abbreviate(value) + ".");
        }
        return Integer.parseInt(value);
    }

    /**
     * The filters of GetReportRequestList ({@code withIds}), GetReportRequestCount and CancelReportRequests
     * ({@code withIds}): ids, types, statuses and the {@code Requested...Date} range.
     */
    static ReportRequestQuery requestQuery(MwsCall call, boolean withIds) {
        List<Long> ids = withIds ? ids(call, "ReportRequestIdList.Id", "ReportRequestId") : List.of();
        List<String> types = reportTypes(call);
        List<String> statuses = statuses(call);
        Instant from = date(call, "RequestedFromDate");
        Instant to = date(call, "RequestedToDate");
        inOrder(from, "RequestedFromDate", to, "RequestedToDate");
        return new ReportRequestQuery(ids, types, statuses, from, to);
    }

    /**
     * The filters of GetReportList ({@code withIds}) and GetReportCount: request ids, types,
     * {@code Acknowledged} and the {@code Available...Date} range (from: 90 days back when absent).
     */
    static ReportQuery reportQuery(MwsCall call, boolean withIds) {
        List<Long> requestIds = withIds ? ids(call, "ReportRequestIdList.Id", "ReportRequestId") : List.of();
        List<String> types = reportTypes(call);
        Boolean acknowledged = bool(call, "Acknowledged");
        Instant from = date(call, "AvailableFromDate");
        Instant to = date(call, "AvailableToDate");
        inOrder(from, "AvailableFromDate", to, "AvailableToDate");
        return new ReportQuery(types, acknowledged, requestIds, from, to);
    }

    // ---- elements, in the documentation's order (mws-data-apis.md §3.1)

    /** Writes one {@code ReportRequestInfo}. */
    static void writeRequestInfo(MwsXmlWriter xml, ReportRequest r) throws IOException {
        xml.start("ReportRequestInfo")
                .element("ReportRequestId", r.reportRequestId())
                .element("ReportType", r.reportType())
                .element("StartDate", Timestamps.formatWithOffset(r.startDate()))
                .element("EndDate", Timestamps.formatWithOffset(r.endDate()))
                .element("Scheduled", r.scheduled())
                .element("SubmittedDate", Timestamps.formatWithOffset(r.submittedAt()))
                .element("ReportProcessingStatus", r.status());
        if (r.generatedReportId() != null) {
            xml.element("GeneratedReportId", r.generatedReportId());
        }
        if (r.startedAt() != null) {
            xml.element("StartedProcessingDate", Timestamps.formatWithOffset(r.startedAt()));
        }
        if (r.completedAt() != null) {
            xml.element("CompletedDate", Timestamps.formatWithOffset(r.completedAt()));
        }
        xml.end();
    }

    /** Writes one {@code ReportInfo}. */
    static void writeReportInfo(MwsXmlWriter xml, Report r) throws IOException {
        xml.start("ReportInfo")
                .element("ReportId", r.reportId())
                .element("ReportType", r.reportType())
                .element("ReportRequestId", r.reportRequestId())
                .element("AvailableDate", Timestamps.formatWithOffset(r.availableAt()))
                .element("Acknowledged", r.acknowledged());
        if (r.acknowledged() && r.acknowledgedAt() != null) {
            xml.element("AcknowledgedDate", Timestamps.formatWithOffset(r.acknowledgedAt()));
        }
        xml.end();
    }

    /** Writes one {@code ReportSchedule}. */
    static void writeSchedule(MwsXmlWriter xml, ReportSchedule s) throws IOException {
        xml.start("ReportSchedule")
                .element("ReportType", s.reportType())
                .element("Schedule", s.schedule())
                .element("ScheduledDate", Timestamps.formatWithOffset(s.scheduledAt()))
                .end();
    }

    // ---- pages and NextTokens

    /**
     * Writes a page of requests: {@code NextToken} when more follows, {@code HasNext}, the infos.
     * {@code fetched} holds at most {@code maxCount + 1}, the last of which only tells that more follow.
     */
    void writeRequestPage(MwsXmlWriter xml, MwsCall call, RequestPage page, List<ReportRequest> fetched)
            throws IOException {
        List<ReportRequest> shown = writeHead(xml, fetched, page.maxCount(), ReportRequest::id,
                last -> requestToken(call, new RequestPage(page.query(), page.maxCount(), last)));
        for (ReportRequest r : shown) {
            writeRequestInfo(xml, r);
        }
    }

    /** Writes a page of reports, as {@link #writeRequestPage} does requests. */
    void writeReportPage(MwsXmlWriter xml, MwsCall call, ReportPage page, List<Report> fetched) throws IOException {
        List<Report> shown = writeHead(xml, fetched, page.maxCount(), Report::id,
                last -> reportToken(call, new ReportPage(page.query(), page.maxCount(), last)));
        for (Report r : shown) {
            writeReportInfo(xml, r);
        }
    }

    private interface TokenFor {
        String after(long lastId);
    }

    private static <T> List<T> writeHead(MwsXmlWriter xml, List<T> fetched, int maxCount, ToLongFunction<T> id,
                                         TokenFor token) throws IOException {
        boolean hasNext = fetched.size() > maxCount;
        List<T> shown = hasNext ? fetched.subList(0, maxCount) : fetched;
        if (hasNext) {
            xml.element("NextToken", token.after(id.applyAsLong(shown.get(shown.size() - 1))));
        }
        xml.element("HasNext", hasNext);
        return shown;
    }

    String requestToken(MwsCall call, RequestPage page) {
        ReportRequestQuery q = page.query();
        return seal(call, REQUESTS, List.of(TOKEN_VERSION, Integer.toString(page.maxCount()),
                Long.toString(page.beforeIdExclusive()), joinIds(q.reportRequestIds()), String.join(",", q.reportTypes()),
                String.join(",", q.statuses()), instant(q.requestedFrom()), instant(q.requestedTo())));
    }

    /** The page a GetReportRequestList NextToken stands for; {@code NextTokenCorrupted} unless issued to this caller. */
    RequestPage requestPage(MwsCall call, String token) {
        List<String> f = open(call, REQUESTS, token, 8);
        try {
            List<String> statuses = split(f.get(5));
            if (!ReportRequest.STATUSES.containsAll(statuses)) {
                throw corrupted();
            }
            ReportRequestQuery query = new ReportRequestQuery(splitIds(f.get(3)), split(f.get(4)), statuses,
                    instant(f.get(6)), instant(f.get(7)));
            return new RequestPage(query, pageSize(f.get(1)), position(f.get(2)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupted();
        }
    }

    String reportToken(MwsCall call, ReportPage page) {
        ReportQuery q = page.query();
        return seal(call, REPORTS, List.of(TOKEN_VERSION, Integer.toString(page.maxCount()),
                Long.toString(page.beforeIdExclusive()), joinIds(q.reportRequestIds()), String.join(",", q.reportTypes()),
                q.acknowledged() == null ? "" : q.acknowledged().toString(), instant(q.availableFrom()),
                instant(q.availableTo())));
    }

    /** The page a GetReportList NextToken stands for; {@code NextTokenCorrupted} unless issued to this caller. */
    ReportPage reportPage(MwsCall call, String token) {
        List<String> f = open(call, REPORTS, token, 8);
        try {
            Boolean acknowledged = switch (f.get(5)) {
                case "" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw corrupted();
            };
            ReportQuery query = new ReportQuery(split(f.get(4)), acknowledged, splitIds(f.get(3)),
                    instant(f.get(6)), instant(f.get(7)));
            return new ReportPage(query, pageSize(f.get(1)), position(f.get(2)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupted();
        }
    }

    /** The {@code NextToken} parameter of a {@code ...ByNextToken} call; the live {@code ValidationError} when absent. */
    static String nextToken(MwsCall call) {
        return call.parameter("NextToken").filter(t -> !t.isBlank())
                .orElseThrow(() -> new MwsException(MwsError.missingNextToken()));
    }

    private String seal(MwsCall call, String list, List<String> fields) {
        byte[] sealed = sealer.seal(String.join("\n", fields), context(call, list));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    private List<String> open(MwsCall call, String list, String token, int fields) {
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token.strip());
            List<String> values = List.of(sealer.open(sealed, context(call, list)).split("\n", -1));
            if (values.size() != fields || !TOKEN_VERSION.equals(values.get(0))) {
                throw corrupted();
            }
            return values;
        } catch (IllegalArgumentException | SecretSealer.SealBroken e) {
            throw corrupted();
        }
    }

    private static String context(MwsCall call, String list) {
        return "reports/next-token/" + list + "/" + call.sellerId() + "/" + call.developerId();
    }

    private static int pageSize(String text) {
        int size = Integer.parseInt(text);
        if (size < 1 || size > MAX_MAX_COUNT) {
            throw corrupted();
        }
        return size;
    }

    private static long position(String text) {
        long id = Long.parseLong(text);
        if (id < 1) {
            throw corrupted();
        }
        return id;
    }

    private static String joinIds(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> splitIds(String joined) {
        List<Long> ids = new ArrayList<>();
        for (String id : split(joined)) {
            ids.add(Long.parseLong(id));
        }
        return ids;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",", -1));
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static Instant instant(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }

    static MwsException corrupted() {
        return MwsException.of(MwsErrorCode.NEXT_TOKEN_CORRUPTED, MwsErrorCode.NEXT_TOKEN_CORRUPTED.defaultMessage());
    }

    // ---- refusals

    /** The MWS error for a request or schedule the service refused, naming what the caller sent. */
    static MwsException refused(ReportRefused e, String reportType, String schedule) {
        return switch (e.reason()) {
            case INVALID_REPORT_TYPE -> invalidReportType(reportType);
            case NOT_REQUESTABLE -> MwsException.of(MwsErrorCode.INVALID_REPORT_TYPE, "The ReportType "
                    + abbreviate(reportType) + " cannot be requested: Amazon generates settlement reports itself at the"
                    + " close of each settlement period. Find them with GetReportList.");
            case NOT_SCHEDULABLE -> MwsException.of(MwsErrorCode.INVALID_REPORT_TYPE, "The ReportType "
                    + abbreviate(reportType) + " cannot be scheduled: only order reports can be. Request it with"
                    + " RequestReport instead.");
            case INVALID_SCHEDULE -> invalidSchedule(schedule);
            case MARKETPLACE_NOT_PARTICIPATING, INVALID_DATES -> MwsException.invalidParameter(
                    Text.abbreviate(e.getMessage(), 300));
            case ACCOUNT_INACTIVE -> new MwsException(MwsError.accessDenied());
        };
    }

    static MwsException invalidReportType(String reportType) {
        return MwsException.of(MwsErrorCode.INVALID_REPORT_TYPE, "Invalid ReportType: " + abbreviate(reportType)
                + ". " + MwsErrorCode.INVALID_REPORT_TYPE.defaultMessage());
    }

    static MwsException invalidSchedule(String schedule) {
        return MwsException.of(MwsErrorCode.INVALID_SCHEDULE_FREQUENCY, "Invalid Schedule: " + abbreviate(schedule)
                + ". Use one of " + String.join(" ", Arrays.stream(ScheduleFrequency.values())
                        .map(ScheduleFrequency::value).toList()) + ".");
    }

    static String abbreviate(String value) {
        return Text.abbreviate(value, 103);
    }
}
