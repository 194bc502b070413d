package io.openmws.server.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the sellers' report schedules by the platform clock: every schedule whose next run is due gets
 * one request per occurrence that fell due (source {@code SCHEDULE}, StartDate the occurrence before,
 * EndDate this one, submitted at the occurrence), and its next run moves past now in the same
 * transaction, by a conditional update, so each occurrence is requested once even with two nodes.
 *
 * <p>A long catch-up (the sandbox clock moved a year) is bounded: only the last {@value #MAX_CATCH_UP}
 * occurrences of a schedule, and none older than the 90 days reports are kept, are requested; the
 * others are skipped.
 */
@Component
class ReportScheduling {

    /** The most occurrences of one schedule requested in one run. */
    static final int MAX_CATCH_UP = 30;
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ReportScheduling.class);

    private final ReportGenerationRepository repository;
    private final Reports reports;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReportScheduling(ReportGenerationRepository repository, Reports reports, Clock clock,
                     PlatformTransactionManager transactions) {
        this.repository = repository;
        this.reports = reports;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Requests every occurrence that fell due; answers how many requests were made. */
    int runDue() {
        int requested = 0;
        while (true) {
            Instant now = clock.instant();
            int advanced = 0;
            for (ReportGenerationRepository.Due due : repository.due(now, BATCH)) {
                Optional<Integer> made = transaction.execute(status -> run(due, now));
                if (made.isPresent()) {
                    advanced++;
                    requested += made.get();
                }
            }
            if (advanced == 0) {
                break;
            }
        }
        if (requested > 0) {
            log.info("Reports: {} scheduled requests made", requested);
        }
        return requested;
    }

    /** One schedule's due occurrences; empty when another node or a change got there first. */
    private Optional<Integer> run(ReportGenerationRepository.Due due, Instant now) {
        Duration period = ScheduleFrequency.of(due.schedule()).map(ScheduleFrequency::period).orElse(null);
        if (period == null) {
            log.error("Report schedule {} has no period ({}); it is left as it is", due.id(), due.schedule());
            return Optional.empty();
        }
        long occurrences = Duration.between(due.nextRunAt(), now).dividedBy(period) + 1;
        Instant next = due.nextRunAt().plus(period.multipliedBy(occurrences));
        if (!repository.advance(due.accountId(), due.id(), due.nextRunAt(), next)) {
            return Optional.empty();
        }
        Instant oldest = now.minus(Reports.KEPT);
        int made = 0;
        for (long i = Math.max(0, occurrences - MAX_CATCH_UP); i < occurrences; i++) {
            Instant at = due.nextRunAt().plus(period.multipliedBy(i));
            if (at.isBefore(oldest)) {
                continue;
            }
            reports.submit(new ReportRepository.NewRow(0, due.accountId(), null,
                    ReportRequest.SOURCE_SCHEDULE, due.reportType(), due.marketplaceIds(), at.minus(period), at, null,
                    true, at, null));
            made++;
        }
        return Optional.of(made);
    }
}
