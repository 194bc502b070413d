package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openmws.server.support.BlobStore;
import io.openmws.server.support.Hashes;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine from {@code _SUBMITTED_} to {@code _DONE_}, {@code _DONE_NO_DATA_} or {@code _CANCELLED_},
 * with the real scheduler, the database blob store and a generator of this test's own (a type of its
 * own, so the real generators stay as they are): the report row and its bytes, the charset of a
 * Japanese report, the read-only transaction it runs in, and a request left {@code _IN_PROGRESS_} by
 * a crash, with half a blob, completed once by the sweep. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ReportEngineTest {

    static final String TOKEN = "report-engine-" + UUID.randomUUID();
    static final String TYPE = "_TEST_ENGINE_ROWS_";
    static final String JP = "A1VC38T7YXB528";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.storage.type", () -> "database");
    }

    /**
     * Writes {@code rows=N} rows of the seller's business name (read from the database, in the engine's
     * transaction), or fails with {@code fail=true}; notes whether that transaction was read-only.
     */
    static class RowsGenerator implements ReportGenerator {
        volatile Boolean readOnly;

        @Override
        public Set<String> reportTypes() {
            return Set.of(TYPE);
        }

        @Override
        public long generate(ReportJob job, ReportOutput out) throws IOException {
            readOnly = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
            if ("true".equals(job.options().get("fail"))) {
                throw new IOException("failing as asked");
            }
            int rows = Integer.parseInt(job.options().getOrDefault("rows", "0"));
            out.header("n", "name", "text");
            for (int i = 1; i <= rows; i++) {
                out.row(Integer.toString(i), "seller " + job.accountId(), job.options().getOrDefault("text", "x"));
            }
            return out.rows();
        }
    }

    @TestConfiguration
    static class Generators {
        @Bean
        RowsGenerator rowsGenerator() {
            return new RowsGenerator();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reports reports;

    @Autowired
    ReportRepository repository;

    @Autowired
    ReportGenerationRepository engine;

    @Autowired
    ReportQueue queue;

    @Autowired
    BlobStore blobs;

    @Autowired
    RowsGenerator generator;

    @Autowired
    Clock clock;

    long seller(String... marketplaces) {
        Fixtures.Seller s = new Fixtures(new JsonClient(port, TOKEN)).seller(Fixtures.newEmail("engine"), marketplaces);
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", s.sellerId())
                .query(Long.class).single();
    }

    ReportRepository.NewRow row(long account, String marketplace, String options) {
        return new ReportRepository.NewRow(0, account, null, ReportRequest.SOURCE_API, TYPE, List.of(marketplace),
                clock.instant(), clock.instant(), options, false, clock.instant(), null);
    }

    ReportRequest finished(long account, ReportRequest request) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> reports
                .findRequest(account, request.reportRequestId()).map(ReportRequest::finished).orElse(false));
        return reports.findRequest(account, request.reportRequestId()).orElseThrow();
    }

    byte[] bytes(Report report) throws IOException {
        try (InputStream in = reports.open(report)) {
            return in.readAllBytes();
        }
    }

    long reportRows(ReportRequest request) {
        return jdbc.sql("SELECT COUNT(*) FROM report WHERE request_ref = :id").param("id", request.id())
                .query(Long.class).single();
    }

    @Test
    void aRequestBecomesAReportWithItsBytesLengthAndMd5() throws IOException {
        long account = seller();
        ReportRequest submitted = reports.submit(row(account, "ATVPDKIKX0DER", "rows=3;text=caf\u00e9"));

        ReportRequest done = finished(account, submitted);

        assertThat(done.status()).isEqualTo(ReportRequest.DONE);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.completedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(generator.readOnly).as("generated in a read-only transaction").isTrue();
        Report report = reports.findReport(account, done.generatedReportId()).orElseThrow();
        assertThat(String.valueOf(report.reportId())).matches("[1-9][0-9]{16}");
        assertThat(report.reportRequestId()).isEqualTo(done.reportRequestId());
        assertThat(report.reportType()).isEqualTo(TYPE);
        assertThat(report.dataRows()).isEqualTo(3);
        assertThat(report.acknowledged()).isFalse();
        assertThat(report.availableAt()).isEqualTo(done.completedAt());
        assertThat(report.contentType()).isEqualTo("text/plain;charset=windows-1252");
        byte[] bytes = bytes(report);
        String text = "n\tname\ttext\n1\tseller " + account + "\tcaf\u00e9\n2\tseller " + account + "\tcaf\u00e9\n3\tseller "
                + account + "\tcaf\u00e9\n";
        assertThat(bytes).isEqualTo(text.getBytes(Charset.forName("windows-1252")));
        assertThat(report.length()).isEqualTo(bytes.length);
        assertThat(report.md5Base64()).isEqualTo(Base64.getEncoder().encodeToString(Hashes.md5().digest(bytes)));
        assertThat(reports.listReports(account, ReportQuery.ALL, 10, null)).containsExactly(report);
    }

    @Test
    void aReportOfSeveralChunksIsWrittenWhileTheGeneratorReadsReadOnly() throws IOException {
        long account = seller();
        String text = "y".repeat(100);
        ReportRequest done = finished(account, reports.submit(row(account, "ATVPDKIKX0DER", "rows=30000;text=" + text)));

        assertThat(done.status()).isEqualTo(ReportRequest.DONE);
        Report report = reports.findReport(account, done.generatedReportId()).orElseThrow();
        assertThat(report.dataRows()).isEqualTo(30_000);
        assertThat(report.length()).isGreaterThan(3L * 1024 * 1024);
        byte[] bytes = bytes(report);
        assertThat(bytes.length).isEqualTo(report.length());
        assertThat(report.md5Base64()).isEqualTo(Base64.getEncoder().encodeToString(Hashes.md5().digest(bytes)));
    }

    @Test
    void aJapaneseReportIsShiftJis() throws IOException {
        long account = seller(JP);
        ReportRequest done = finished(account, reports.submit(row(account, JP, "rows=1;text=\u30c6\u30b9\u30c8")));

        Report report = reports.findReport(account, done.generatedReportId()).orElseThrow();
        assertThat(report.contentType()).isEqualTo("text/plain;charset=Shift_JIS");
        assertThat(new String(bytes(report), Charset.forName("Shift_JIS")))
                .isEqualTo("n\tname\ttext\n1\tseller " + account + "\t\u30c6\u30b9\u30c8\n");
    }

    @Test
    void noRowsIsDoneNoDataWithoutAReportAndAFailureIsCancelled() {
        long account = seller();
        ReportRequest empty = finished(account, reports.submit(row(account, "ATVPDKIKX0DER", "rows=0")));
        assertThat(empty.status()).isEqualTo(ReportRequest.DONE_NO_DATA);
        assertThat(empty.generatedReportId()).isNull();
        assertThat(empty.completedAt()).isNotNull();
        assertThat(reportRows(empty)).isZero();
        assertThatThrownBy(() -> blobs.open(Reports.blobKey(empty.reportRequestId())))
                .isInstanceOf(NoSuchFileException.class);

        ReportRequest failed = finished(account, reports.submit(row(account, "ATVPDKIKX0DER", "fail=true")));
        assertThat(failed.status()).isEqualTo(ReportRequest.CANCELLED);
        assertThat(reportRows(failed)).isZero();
        assertThatThrownBy(() -> blobs.open(Reports.blobKey(failed.reportRequestId())))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(reports.countReports(account, ReportQuery.ALL)).isZero();
    }

    @Test
    void aRequestCancelledBeforeItsTurnIsNeverGenerated() {
        long account = seller();
        // Inserted as a lost event would leave it: no task scheduled.
        long id = repository.insert(new ReportRepository.NewRow(55_500_000_000L + (account % 1_000_000) * 1000 + 1,
                account, null, "API", TYPE, List.of("ATVPDKIKX0DER"), clock.instant(), clock.instant(), "rows=2", false,
                clock.instant(), null));
        ReportRequest request = repository.requestById(account, id).orElseThrow();
        reports.cancel(account, new ReportRequestQuery(List.of(request.reportRequestId()), List.of(), List.of(), null,
                null));

        queue.sweep();
        queue.schedule(account, id);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reports
                .findRequest(account, request.reportRequestId()).map(r -> r.status().equals(ReportRequest.CANCELLED)
                        && r.startedAt() == null).orElse(false));
        assertThat(reportRows(request)).isZero();
    }

    @Test
    void aRequestLeftInProgressByACrashIsCompletedOnceByTheSweep() throws IOException {
        long account = seller();
        long reportRequestId = 55_600_000_000L + (account % 1_000_000) * 1000 + 2;
        long id = repository.insert(new ReportRepository.NewRow(reportRequestId, account, null, "API", TYPE,
                List.of("ATVPDKIKX0DER"), clock.instant(), clock.instant(), "rows=5", false, clock.instant(), null));
        // The node claimed it, wrote part of the report and died: no task left, half a blob under the key.
        assertThat(engine.claim(account, id, clock.instant())).isTrue();
        try (BlobStore.BlobOutput out = blobs.create(Reports.blobKey(reportRequestId))) {
            out.write("n\tname\ttext\n1\thalf".getBytes(StandardCharsets.US_ASCII));
            out.commit();
        }
        // And a write that never reached its commit.
        OutputStream abandoned = blobs.create(Reports.blobKey(reportRequestId));
        abandoned.write(new byte[] {1, 2, 3});

        assertThat(queue.sweep()).isGreaterThanOrEqualTo(1);
        ReportRequest done = finished(account, repository.requestById(account, id).orElseThrow());

        assertThat(done.status()).isEqualTo(ReportRequest.DONE);
        assertThat(reportRows(done)).isEqualTo(1);
        Report report = reports.findReport(account, done.generatedReportId()).orElseThrow();
        assertThat(report.dataRows()).isEqualTo(5);
        byte[] bytes = bytes(report);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).startsWith("n\tname\ttext\n1\tseller ").endsWith("\tx\n")
                .hasLineCount(6);
        assertThat(report.md5Base64()).isEqualTo(Base64.getEncoder().encodeToString(Hashes.md5().digest(bytes)));

        // Swept again and run again: still one report, unchanged.
        queue.sweep();
        queue.schedule(account, id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> reportRows(done) == 1);
        assertThat(reports.findReport(account, done.generatedReportId())).contains(report);
    }
}
