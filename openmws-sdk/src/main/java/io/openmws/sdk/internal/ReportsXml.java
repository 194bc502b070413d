package io.openmws.sdk.internal;

import io.openmws.protocol.Text;
import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.CancelledReportRequests;
import io.openmws.sdk.Page;
import io.openmws.sdk.ReportInfo;
import io.openmws.sdk.ReportProcessingStatus;
import io.openmws.sdk.ReportRequestInfo;
import io.openmws.sdk.ReportSchedule;
import io.openmws.sdk.ScheduleFrequency;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads the Reports API's answers (spec §3.1) with the hardened streaming parser: any namespace, children in
 * any order, unknown elements ignored; strict about the root element, which names the operation, and about
 * the values a client acts on (ids, statuses, dates).
 */
public final class ReportsXml {

    /** What the items of an answer are. */
    private enum Item {
        REQUEST("ReportRequestInfo"),
        REPORT("ReportInfo"),
        SCHEDULE("ReportSchedule");

        final String element;

        Item(String element) {
            this.element = element;
        }
    }

    /** Everything one answer holds; the operations read the parts they have. */
    private record Answer(List<Object> items, String nextToken, boolean hasNext, Long count, String requestId) {
    }

    private ReportsXml() {
    }

    /** A parser of {@code RequestReportResponse}: its one {@code ReportRequestInfo}. */
    public static ResponseParser<ReportRequestInfo> requested() {
        return (body, requestId) -> {
            List<ReportRequestInfo> infos = items(read(body, "RequestReport", Item.REQUEST));
            if (infos.size() != 1) {
                throw new IOException("it holds " + infos.size() + " <ReportRequestInfo> elements, not one");
            }
            return infos.get(0);
        };
    }

    /** A parser of {@code GetReportRequestList[ByNextToken]Response}. */
    public static ResponseParser<Page<ReportRequestInfo>> requestPage(String action) {
        return (body, requestId) -> page(read(body, action, Item.REQUEST), requestId);
    }

    /** A parser of {@code GetReportList[ByNextToken]Response}. */
    public static ResponseParser<Page<ReportInfo>> reportPage(String action) {
        return (body, requestId) -> page(read(body, action, Item.REPORT), requestId);
    }

    /** A parser of {@code GetReportScheduleList[ByNextToken]Response}. */
    public static ResponseParser<Page<ReportSchedule>> schedulePage(String action) {
        return (body, requestId) -> page(read(body, action, Item.SCHEDULE), requestId);
    }

    /** A parser of the {@code Count} of {@code GetReportRequestCount}, {@code GetReportCount} or {@code GetReportScheduleCount}. */
    public static ResponseParser<Long> count(String action) {
        return (body, requestId) -> count(read(body, action, Item.REQUEST));
    }

    /** A parser of {@code CancelReportRequestsResponse}. */
    public static ResponseParser<CancelledReportRequests> cancelled() {
        return (body, headerRequestId) -> {
            Answer a = read(body, "CancelReportRequests", Item.REQUEST);
            return new CancelledReportRequests(count(a), items(a), SellersXml.firstNonBlank(headerRequestId, a.requestId));
        };
    }

    /** A parser of {@code ManageReportScheduleResponse}: the schedule as it now is, empty when the answer has none. */
    public static ResponseParser<Optional<ReportSchedule>> managed() {
        return (body, requestId) -> {
            Answer a = read(body, "ManageReportSchedule", Item.SCHEDULE);
            count(a);
            List<ReportSchedule> schedules = items(a);
            return schedules.stream().findFirst();
        };
    }

    /** A parser of {@code UpdateReportAcknowledgementsResponse}: the reports as they now are. */
    public static ResponseParser<List<ReportInfo>> acknowledged() {
        return (body, requestId) -> {
            Answer a = read(body, "UpdateReportAcknowledgements", Item.REPORT);
            count(a);
            return items(a);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> items(Answer a) {
        return (List<T>) (List<?>) a.items;
    }

    private static long count(Answer a) throws IOException {
        if (a.count == null) {
            throw new IOException("it has no <Count>");
        }
        return a.count;
    }

    private static <T> Page<T> page(Answer a, String headerRequestId) throws IOException {
        boolean more = a.hasNext || (a.nextToken != null && !a.nextToken.isEmpty());
        if (more && (a.nextToken == null || a.nextToken.isEmpty())) {
            throw new IOException("<HasNext> is true but there is no <NextToken>");
        }
        return new Page<>(items(a), more ? Optional.of(a.nextToken) : Optional.empty(),
                SellersXml.firstNonBlank(headerRequestId, a.requestId));
    }

    private static Answer read(InputStream body, String action, Item item) throws IOException {
        return SellersXml.read(body, action + "Response", r -> {
            List<Object> items = new ArrayList<>();
            String nextToken = null;
            Boolean hasNext = null;
            Long count = null;
            String requestId = null;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (name.equals(item.element)) {
                    items.add(item(XmlElement.read(r), item));
                    continue;
                }
                switch (name) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "HasNext" -> hasNext = FeedsXml.bool(SafeXml.elementText(r), "HasNext");
                    case "Count" -> count = FeedsXml.number(SafeXml.elementText(r), "Count");
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // the Result container, or an element this SDK does not know
                    }
                }
            }
            return new Answer(items, nextToken, hasNext != null && hasNext, count, requestId);
        });
    }

    private static Object item(XmlElement e, Item item) throws IOException {
        return switch (item) {
            case REQUEST -> requestInfo(e);
            case REPORT -> reportInfo(e);
            case SCHEDULE -> schedule(e);
        };
    }

    static ReportRequestInfo requestInfo(XmlElement e) throws IOException {
        String id = e.required("ReportRequestId");
        String status = e.text("ReportProcessingStatus").orElse("");
        ReportProcessingStatus parsed = ReportProcessingStatus.ofWireValue(status).orElseThrow(() -> new IOException(
                "<ReportProcessingStatus> of report request " + Text.abbreviate(id, 24) + " is '"
                        + Text.abbreviate(status, 40) + "', not one MWS documents (_SUBMITTED_, _IN_PROGRESS_, _DONE_,"
                        + " _DONE_NO_DATA_, _CANCELLED_)"));
        Instant submitted = e.instant("SubmittedDate")
                .orElseThrow(() -> new IOException("a <ReportRequestInfo> has no <SubmittedDate>"));
        return new ReportRequestInfo(id, e.text("ReportType").orElse(""), e.instant("StartDate"), e.instant("EndDate"),
                e.flag("Scheduled"), submitted, parsed, e.text("GeneratedReportId"), e.instant("StartedProcessingDate"),
                e.instant("CompletedDate"));
    }

    static ReportInfo reportInfo(XmlElement e) throws IOException {
        String id = e.required("ReportId");
        Instant available = e.instant("AvailableDate")
                .orElseThrow(() -> new IOException("a <ReportInfo> has no <AvailableDate>"));
        return new ReportInfo(id, e.text("ReportType").orElse(""), e.text("ReportRequestId"), available,
                e.flag("Acknowledged"), e.instant("AcknowledgedDate"));
    }

    static ReportSchedule schedule(XmlElement e) throws IOException {
        String type = e.required("ReportType");
        String value = e.text("Schedule").orElse("");
        ScheduleFrequency schedule = ScheduleFrequency.ofWireValue(value).orElseThrow(() -> new IOException(
                "<Schedule> of report type " + Text.abbreviate(type, 60) + " is '" + Text.abbreviate(value, 40)
                        + "', not one MWS documents (_15_MINUTES_ ... _30_DAYS_, _NEVER_)"));
        return new ReportSchedule(type, schedule, e.instant("ScheduledDate"));
    }
}
