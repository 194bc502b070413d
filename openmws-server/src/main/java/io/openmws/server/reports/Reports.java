package io.openmws.server.reports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A seller's report requests, reports and schedules, for the Reports API and the portal: asking for a
 * report (generation is the engine's, in the background), finding, listing, counting and cancelling
 * requests, listing, reading and acknowledging reports, and managing schedules. Every method is scoped
 * by the seller's account: another seller's ids are never found.
 *
 * <p>CONTRACT (issue 16): signatures agreed between the helpers; h-reports-core implements the bodies.
 */
@Service
public class Reports {

    /** Requests and reports are listed, and kept, for 90 days of platform time. */
    public static final Duration KEPT = Duration.ofDays(90);

    /** What CancelReportRequests answers: how many requests the filter matched, and up to 100 of them. */
    public record Cancellation(long count, List<ReportRequest> requests) {
        public Cancellation {
            requests = List.copyOf(requests);
        }
    }

    /**
     * Stores a {@code _SUBMITTED_} request at the platform clock's time and, once committed, hands it to
     * the engine.
     *
     * @throws ReportRefused for an unknown or unrequestable type, a marketplace the seller does not sell
     *                       in, dates out of order, or an inactive account; nothing is stored
     */
    public ReportRequest request(NewReportRequest request) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    public Optional<ReportRequest> findRequest(long accountId, long reportRequestId) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /**
     * The seller's requests of the last 90 days the query covers, newest first (submitted date, then id),
     * at most {@code limit}, after the request whose internal id is {@code beforeIdExclusive} when given.
     */
    public List<ReportRequest> listRequests(long accountId, ReportRequestQuery query, int limit,
                                            Long beforeIdExclusive) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    public long countRequests(long accountId, ReportRequestQuery query) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /**
     * Cancels the {@code _SUBMITTED_} requests the query covers, each atomically against the engine's
     * claim; requests already started or finished are counted and answered as they are (§3.1).
     */
    public Cancellation cancel(long accountId, ReportRequestQuery query) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    public Optional<Report> findReport(long accountId, long reportId) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /**
     * The seller's reports the query covers, newest first (available date, then id), at most
     * {@code limit}, after the report whose internal id is {@code beforeIdExclusive} when given.
     */
    public List<Report> listReports(long accountId, ReportQuery query, int limit, Long beforeIdExclusive) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    public long countReports(long accountId, ReportQuery query) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /** Whether a report is older than the 90 days reports are kept ({@code ReportNoLongerAvailable}). */
    public boolean expired(Report report) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /** The report's bytes, streamed from the blob store. */
    public InputStream open(Report report) throws IOException {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /**
     * Sets {@code Acknowledged} (and {@code AcknowledgedDate}, the platform clock's time; cleared when
     * false) on the seller's reports among {@code reportIds}; answers them, unknown ids left out.
     */
    public List<Report> acknowledge(long accountId, List<Long> reportIds, boolean acknowledged) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /**
     * ManageReportSchedule: creates the seller's schedule for the type, changes it when one exists, or
     * deletes it for {@code _NEVER_}. The first report falls due at {@code scheduleDate} (null: now plus
     * one period). Answers the schedule as it now is; for {@code _NEVER_}, the deleted one with
     * {@code _NEVER_} as its schedule, or empty when there was none.
     *
     * @throws ReportRefused for an unknown or unschedulable type or an unknown schedule value
     */
    public Optional<ReportSchedule> manageSchedule(long accountId, String developerId, String reportType,
                                                   String schedule, Instant scheduleDate,
                                                   List<String> marketplaceIds) {
        throw new UnsupportedOperationException("h-reports-core");
    }

    /** The seller's schedules of these types (all when empty), by type. */
    public List<ReportSchedule> schedules(long accountId, List<String> reportTypes) {
        throw new UnsupportedOperationException("h-reports-core");
    }
}
