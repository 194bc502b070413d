package io.openmws.server.reports;

import io.openmws.protocol.ids.IdGenerator;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.support.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A seller's report requests, reports and schedules, for the Reports API and the portal: asking for a
 * report (generation is the engine's, in the background), finding, listing, counting and cancelling
 * requests, listing, reading and acknowledging reports, and managing schedules. Every method is scoped
 * by the seller's account: another seller's ids are never found.
 */
@Service
public class Reports {

    /** Requests and reports are listed, and kept, for 90 days of platform time. */
    public static final Duration KEPT = Duration.ofDays(90);
    /** The longest {@code ReportOptions} stored; callers refuse longer ones before asking. */
    public static final int MAX_REPORT_OPTIONS = 500;
    /** CancelReportRequests answers at most this many requests (it counts them all). */
    static final int CANCEL_ANSWER = 100;

    /** What CancelReportRequests answers: how many requests the filter matched, and up to 100 of them. */
    public record Cancellation(long count, List<ReportRequest> requests) {
        public Cancellation {
            requests = List.copyOf(requests);
        }
    }

    private final ReportRepository repository;
    private final SellerAccounts accounts;
    private final BlobStore blobs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final IdGenerator ids = new IdGenerator();

    Reports(ReportRepository repository, SellerAccounts accounts, BlobStore blobs, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.accounts = accounts;
        this.blobs = blobs;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The blob key of the report a request produces; a regenerated report simply rewrites it. */
    static String blobKey(long reportRequestId) {
        return "reports/" + reportRequestId;
    }

    /**
     * Stores a {@code _SUBMITTED_} request at the platform clock's time and, once committed, hands it to
     * the engine.
     *
     * @throws ReportRefused for an unknown or unrequestable type, a marketplace the seller does not sell
     *                       in, dates out of order, or an inactive account; nothing is stored
     * @throws IllegalArgumentException for {@code ReportOptions} longer than {@link #MAX_REPORT_OPTIONS}
     */
    public ReportRequest request(NewReportRequest request) {
        ReportTypes.ReportType type = ReportTypes.byName(request.reportType())
                .orElseThrow(() -> new ReportRefused(ReportRefused.Reason.INVALID_REPORT_TYPE,
                        "Invalid report type: " + request.reportType()));
        if (!type.requestable()) {
            throw new ReportRefused(ReportRefused.Reason.NOT_REQUESTABLE, type.name()
                    + " cannot be requested: the platform generates it by itself at the close of each settlement period.");
        }
        if (request.reportOptions() != null && request.reportOptions().length() > MAX_REPORT_OPTIONS) {
            throw new IllegalArgumentException("ReportOptions longer than " + MAX_REPORT_OPTIONS + " characters");
        }
        SellerAccount account = activeAccount(request.accountId());
        List<String> marketplaces = marketplacesOf(account, request.marketplaceIds());
        Instant now = clock.instant();
        Instant start = request.startDate() == null ? now : request.startDate();
        Instant end = request.endDate() == null ? now : request.endDate();
        if (start.isAfter(now) || end.isAfter(now)) {
            throw new ReportRefused(ReportRefused.Reason.INVALID_DATES, "StartDate and EndDate must not be in the future.");
        }
        if (start.isAfter(end)) {
            throw new ReportRefused(ReportRefused.Reason.INVALID_DATES, "StartDate must not be after EndDate.");
        }
        String source = request.source() == null ? ReportRequest.SOURCE_API : request.source();
        return submit(new ReportRepository.NewRow(0, request.accountId(), request.developerId(), source,
                type.name(), marketplaces, start, end, request.reportOptions(), false, now, null));
    }

    /**
     * Inserts a request as settled by the caller (a fresh id replaces {@code row.reportRequestId()}),
     * inside the caller's transaction when there is one, and hands it to the engine after the commit.
     */
    ReportRequest submit(ReportRepository.NewRow row) {
        return transaction.execute(status -> {
            long id = insertWithFreshId(row);
            publishAfterCommit(new ReportRequested(row.accountId(), id));
            return repository.requestById(row.accountId(), id).orElseThrow();
        });
    }

    private long insertWithFreshId(ReportRepository.NewRow row) {
        while (true) {
            long candidate = Long.parseLong(ids.reportRequestId().value());
            // Checked first: on PostgreSQL a failed insert would spoil the caller's whole transaction.
            if (!repository.reportRequestIdTaken(candidate)) {
                return repository.insert(new ReportRepository.NewRow(candidate, row.accountId(), row.developerId(),
                        row.source(), row.reportType(), row.marketplaceIds(), row.startDate(), row.endDate(),
                        row.reportOptions(), row.scheduled(), row.submittedAt(), row.financialEventGroupId()));
            }
        }
    }

    public Optional<ReportRequest> findRequest(long accountId, long reportRequestId) {
        return repository.findRequest(accountId, reportRequestId);
    }

    /**
     * The seller's requests of the last 90 days the query covers, newest first (submitted date, then id),
     * at most {@code limit}, after the request whose internal id is {@code beforeIdExclusive} when given.
     */
    public List<ReportRequest> listRequests(long accountId, ReportRequestQuery query, int limit,
                                            Long beforeIdExclusive) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return repository.listRequests(accountId, query, windowStart(), limit, beforeIdExclusive);
    }

    public long countRequests(long accountId, ReportRequestQuery query) {
        return repository.countRequests(accountId, query, windowStart());
    }

    /**
     * Cancels the {@code _SUBMITTED_} requests the query covers, each atomically against the engine's
     * claim; requests already started or finished are counted and answered as they are (§3.1).
     */
    public Cancellation cancel(long accountId, ReportRequestQuery query) {
        Instant windowStart = windowStart();
        return transaction.execute(status -> {
            // Matched before the update, so a status filter of _SUBMITTED_ still counts what it cancels.
            long count = repository.countRequests(accountId, query, windowStart);
            List<Long> answered = repository.requestIds(accountId, query, windowStart, CANCEL_ANSWER);
            repository.cancelSubmitted(accountId, query, windowStart, clock.instant());
            return new Cancellation(count, repository.requestsByIds(accountId, answered));
        });
    }

    public Optional<Report> findReport(long accountId, long reportId) {
        return repository.findReport(accountId, reportId);
    }

    /**
     * The seller's reports the query covers, newest first (available date, then id), at most
     * {@code limit}, after the report whose internal id is {@code beforeIdExclusive} when given.
     */
    public List<Report> listReports(long accountId, ReportQuery query, int limit, Long beforeIdExclusive) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return repository.listReports(accountId, query, windowStart(), limit, beforeIdExclusive);
    }

    public long countReports(long accountId, ReportQuery query) {
        return repository.countReports(accountId, query, windowStart());
    }

    /** Whether a report is older than the 90 days reports are kept ({@code ReportNoLongerAvailable}). */
    public boolean expired(Report report) {
        return report.availableAt().isBefore(windowStart());
    }

    /** The report's bytes, streamed from the blob store. */
    public InputStream open(Report report) throws IOException {
        return blobs.open(report.blobKey());
    }

    /**
     * Sets {@code Acknowledged} (and {@code AcknowledgedDate}, the platform clock's time; cleared when
     * false) on the seller's reports among {@code reportIds}; answers them, unknown ids left out.
     */
    public List<Report> acknowledge(long accountId, List<Long> reportIds, boolean acknowledged) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(reportIds));
        return transaction.execute(status -> {
            repository.acknowledge(accountId, distinct, acknowledged, clock.instant());
            Map<Long, Report> byId = new LinkedHashMap<>();
            for (Report r : repository.reportsByReportIds(accountId, distinct)) {
                byId.put(r.reportId(), r);
            }
            // In the order asked for, as UpdateReportAcknowledgements lists them.
            List<Report> answer = new ArrayList<>(byId.size());
            for (long id : distinct) {
                Report r = byId.get(id);
                if (r != null) {
                    answer.add(r);
                }
            }
            return answer;
        });
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
        ReportTypes.ReportType type = ReportTypes.byName(reportType)
                .orElseThrow(() -> new ReportRefused(ReportRefused.Reason.INVALID_REPORT_TYPE,
                        "Invalid report type: " + reportType));
        if (!type.schedulable()) {
            throw new ReportRefused(ReportRefused.Reason.NOT_SCHEDULABLE, type.name() + " cannot be scheduled.");
        }
        ScheduleFrequency frequency = ScheduleFrequency.of(schedule)
                .orElseThrow(() -> new ReportRefused(ReportRefused.Reason.INVALID_SCHEDULE,
                        "Invalid schedule frequency: " + schedule));
        SellerAccount account = activeAccount(accountId);
        if (frequency == ScheduleFrequency.NEVER) {
            return transaction.execute(status -> {
                Optional<ReportSchedule> existing = repository.schedule(accountId, type.name());
                if (existing.isEmpty() || !repository.deleteSchedule(accountId, type.name())) {
                    return Optional.<ReportSchedule>empty();
                }
                ReportSchedule e = existing.get();
                return Optional.of(new ReportSchedule(e.id(), e.accountId(), e.reportType(),
                        ScheduleFrequency.NEVER.value(), e.marketplaceIds(), e.scheduledAt()));
            });
        }
        List<String> marketplaces = marketplacesOf(account, marketplaceIds);
        Instant now = clock.instant();
        Instant next = scheduleDate == null ? now.plus(frequency.period()) : scheduleDate;
        for (int attempt = 0; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    if (!repository.updateSchedule(accountId, developerId, type.name(), frequency.value(), marketplaces,
                            next)) {
                        repository.insertSchedule(accountId, developerId, type.name(), frequency.value(), marketplaces,
                                next, now);
                    }
                    return repository.schedule(accountId, type.name());
                });
            } catch (DuplicateKeyException e) {
                // Another call created the schedule between our update and insert: it is an update now.
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** The seller's schedules of these types (all when empty), by type. */
    public List<ReportSchedule> schedules(long accountId, List<String> reportTypes) {
        return repository.schedules(accountId, reportTypes);
    }

    private SellerAccount activeAccount(long accountId) {
        return accounts.byId(accountId).filter(SellerAccount::active)
                .orElseThrow(() -> new ReportRefused(ReportRefused.Reason.ACCOUNT_INACTIVE,
                        "The seller's account is not active."));
    }

    private Instant windowStart() {
        return clock.instant().minus(KEPT);
    }

    private static List<String> marketplacesOf(SellerAccount account, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(account.homeMarketplaceId());
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : requested) {
            if (!account.marketplaceIds().contains(id)) {
                throw new ReportRefused(ReportRefused.Reason.MARKETPLACE_NOT_PARTICIPATING,
                        "The seller does not sell in marketplace " + id + ".");
            }
            distinct.add(id);
        }
        return List.copyOf(distinct);
    }

    private void publishAfterCommit(ReportRequested event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(event);
                }
            });
        } else {
            events.publishEvent(event);
        }
    }
}
