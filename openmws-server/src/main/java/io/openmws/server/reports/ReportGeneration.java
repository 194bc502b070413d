package io.openmws.server.reports;

import io.openmws.protocol.ids.IdGenerator;
import io.openmws.server.support.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one report request into its report: claims it ({@code _SUBMITTED_} to {@code _IN_PROGRESS_}),
 * streams the {@link ReportGenerator}'s rows into the blob store inside a read-only transaction (so
 * PostgreSQL can read with a cursor), commits the blob, then in one transaction ends the request
 * {@code _DONE_} and inserts the report row, or ends it {@code _DONE_NO_DATA_} and drops the blob when
 * there were no rows. A crash anywhere before that transaction leaves the request {@code _IN_PROGRESS_};
 * the sweep runs it again, the blob key is simply rewritten, and the report exists exactly once.
 */
@Component
class ReportGeneration {

    private static final Logger log = LoggerFactory.getLogger(ReportGeneration.class);

    private final ReportGenerationRepository repository;
    private final Map<String, ReportGenerator> generators;
    private final BlobStore blobs;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final IdGenerator ids = new IdGenerator();

    ReportGeneration(ReportGenerationRepository repository, List<ReportGenerator> generators, BlobStore blobs,
                     Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        Map<String, ReportGenerator> byType = new HashMap<>();
        for (ReportGenerator generator : generators) {
            for (String type : generator.reportTypes()) {
                if (byType.putIfAbsent(type, generator) != null) {
                    throw new IllegalStateException("Two report generators for " + type);
                }
            }
        }
        this.generators = Map.copyOf(byType);
        this.blobs = blobs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Generates the request's report, unless it is finished or was cancelled. Leaves it
     * {@code _IN_PROGRESS_} only when the database itself failed, for the sweep to try again.
     */
    void generate(long accountId, long id) {
        ReportRequest request = repository.request(accountId, id).orElse(null);
        if (request == null || request.finished()) {
            return;
        }
        if (ReportRequest.SUBMITTED.equals(request.status()) && !repository.claim(accountId, id, clock.instant())) {
            return; // cancelled meanwhile
        }
        ReportGenerator generator = generators.get(request.reportType());
        if (generator == null) {
            // A type the platform lists but has no generator for: ending it beats leaving clients waiting.
            log.error("No report generator for {}: report request {} is cancelled", request.reportType(),
                    request.reportRequestId());
            repository.end(accountId, id, ReportRequest.CANCELLED, clock.instant());
            return;
        }
        String key = Reports.blobKey(request.reportRequestId());
        Charset charset = ReportOutput.charsetFor(request.marketplaceIds());
        ReportJob job = new ReportJob(accountId, request.reportType(), request.marketplaceIds(), request.startDate(),
                request.endDate(), options(request.reportOptions()), request.financialEventGroupId(), clock.instant());
        long started = System.nanoTime();
        BlobStore.Blob blob;
        long rows;
        try (BlobStore.BlobOutput out = blobs.create(key)) {
            // The rows are read and formatted on this thread while another hashes and stores the bytes.
            WriteBehind behind = new WriteBehind(out, "report-writer-" + request.reportRequestId());
            try {
                ReportOutput output = new ReportOutput(behind, charset);
                rows = readOnly.execute(status -> {
                    try {
                        long written = generator.generate(job, output);
                        output.flush();
                        return written;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                behind.finish();
            } finally {
                behind.abort();
            }
            blob = out.commit();
        } catch (IOException | RuntimeException e) {
            // The request's data stays out of the log: its id says where to look.
            log.error("Report request {} ({}) failed; it is cancelled", request.reportRequestId(),
                    request.reportType(), e);
            deleteQuietly(key);
            repository.end(accountId, id, ReportRequest.CANCELLED, clock.instant());
            return;
        }
        if (rows == 0) {
            if (repository.end(accountId, id, ReportRequest.DONE_NO_DATA, clock.instant())) {
                deleteQuietly(key);
            }
            log.info("Report request {} ({}) done with no data", request.reportRequestId(), request.reportType());
            return;
        }
        BlobStore.Blob stored = blob;
        boolean done = Boolean.TRUE.equals(transaction.execute(status -> {
            Instant now = clock.instant();
            if (!repository.end(accountId, id, ReportRequest.DONE, now)) {
                return false;
            }
            repository.insertReport(newReportId(), accountId, id, request.reportType(), now,
                    ReportOutput.contentType(charset), key, stored.length(), stored.md5Base64(), rows);
            return true;
        }));
        log.info("Report request {} ({}) {}: {} rows, {} bytes in {} ms", request.reportRequestId(),
                request.reportType(), done ? "done" : "was ended meanwhile", rows, stored.length(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code ReportOptions} as name/value pairs: {@code a=b;c=d} (also {@code &}-separated); bare names are "true". */
    static Map<String, String> options(String reportOptions) {
        if (reportOptions == null || reportOptions.isBlank()) {
            return Map.of();
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : reportOptions.split("[;&]")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                options.putIfAbsent(p, "true");
            } else if (eq > 0) {
                options.putIfAbsent(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return options;
    }

    private long newReportId() {
        while (true) {
            long candidate = Long.parseLong(ids.reportId().value());
            // Checked first: on PostgreSQL a failed insert would spoil the transaction that ends the request.
            if (!repository.reportIdTaken(candidate)) {
                return candidate;
            }
        }
    }

    private void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete report blob {}", key, e);
        }
    }

    /** For tests: whether a generator serves the type. */
    Optional<ReportGenerator> generatorFor(String reportType) {
        return Optional.ofNullable(generators.get(reportType));
    }
}
