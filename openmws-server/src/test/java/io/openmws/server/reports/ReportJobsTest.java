package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.finances.SettlementPeriodClosed;
import io.openmws.server.support.BlobStore;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Reports feature's background work with the real scheduler: schedules run by the sandbox clock
 * moved through the control API (each occurrence requested once, a long catch-up bounded), the
 * settlement request made in the transaction that closes a period, and 90-day retention. On H2 and
 * PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ReportJobsTest {

    static final String TOKEN = "report-jobs-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.reports.schedule-interval", () -> "PT1S");
        // Requests stored by hand stay as they are while a test looks at them.
        registry.add("openmws.reports.sweep-interval", () -> "PT1H");
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
    ReportRetention retention;

    @Autowired
    BlobStore blobs;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    long seller(String... marketplaces) {
        Fixtures.Seller s = new Fixtures(new JsonClient(port, TOKEN)).seller(Fixtures.newEmail("jobs"), marketplaces);
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", s.sellerId())
                .query(Long.class).single();
    }

    void advance(String duration) {
        JsonClient.Response r = new JsonClient(port, TOKEN).post("/sandbox/v1/clock/advance",
                "{\"duration\": \"" + duration + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    List<ReportRequest> scheduled(long account) {
        return jdbc.sql("""
                        SELECT q.*, NULL AS generated_report_id FROM report_request q
                        WHERE q.account_id = :a AND q.source = 'SCHEDULE' ORDER BY q.end_date""")
                .param("a", account).query(ReportRepository::request).list();
    }

    /** Waits until the account has {@code count} scheduled requests, then a while longer to see no more come. */
    List<ReportRequest> scheduledSettled(long account, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> scheduled(account).size() >= count);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> scheduled(account).size() == count);
        return scheduled(account);
    }

    @Test
    void movingTheClockRequestsEveryOccurrenceThatFellDueOnceAndBoundsALongCatchUp() {
        long hourly = seller();
        long quarterly = seller();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant firstHour = now.plus(Duration.ofMinutes(30));
        Instant firstQuarter = now.plus(Duration.ofMinutes(1));
        reports.manageSchedule(hourly, "dev", ReportTypes.ALL_ORDERS_BY_ORDER_DATE, "_1_HOUR_", firstHour, List.of());
        reports.manageSchedule(quarterly, null, ReportTypes.ACTIONABLE_ORDERS, "_15_MINUTES_", firstQuarter, List.of());

        advance("PT3H");

        // Occurrences at +0:30, +1:30 and +2:30, each covering the hour before it.
        List<ReportRequest> hours = scheduledSettled(hourly, 3);
        for (int i = 0; i < 3; i++) {
            ReportRequest r = hours.get(i);
            Instant at = firstHour.plus(Duration.ofHours(i));
            assertThat(r.endDate()).isEqualTo(at);
            assertThat(r.startDate()).isEqualTo(at.minus(Duration.ofHours(1)));
            assertThat(r.submittedAt()).isEqualTo(at);
            assertThat(r.scheduled()).isTrue();
            assertThat(r.developerId()).isNull();
            assertThat(r.reportType()).isEqualTo(ReportTypes.ALL_ORDERS_BY_ORDER_DATE);
            assertThat(r.marketplaceIds()).containsExactly(US);
        }
        assertThat(reports.schedules(hourly, List.of())).singleElement()
                .satisfies(s -> assertThat(s.scheduledAt()).isEqualTo(firstHour.plus(Duration.ofHours(3))));
        // +0:01 ... +2:46: twelve quarters.
        assertThat(scheduledSettled(quarterly, 12)).last()
                .satisfies(r -> assertThat(r.endDate()).isEqualTo(firstQuarter.plus(Duration.ofMinutes(15 * 11))));

        advance("P1D");

        assertThat(scheduledSettled(hourly, 27)).extracting(ReportRequest::endDate).doesNotHaveDuplicates();
        // 96 quarters fell due: only the last 30 are requested.
        List<ReportRequest> quarters = scheduledSettled(quarterly, 12 + ReportScheduling.MAX_CATCH_UP);
        Instant lastDue = firstQuarter.plus(Duration.ofMinutes(15L * (12 + 96 - 1)));
        assertThat(quarters.get(quarters.size() - 1).endDate()).isEqualTo(lastDue);
        assertThat(quarters.get(12).endDate()).isEqualTo(lastDue.minus(Duration.ofMinutes(15L * 29)));
        assertThat(reports.schedules(quarterly, List.of())).singleElement()
                .satisfies(s -> assertThat(s.scheduledAt()).isEqualTo(lastDue.plus(Duration.ofMinutes(15))));
    }

    SettlementPeriodClosed closed(long account, String group, Instant start, String currency) {
        return new SettlementPeriodClosed(account, group, start, start.plus(Duration.ofDays(14)), currency,
                new BigDecimal("12.34"), 2, "Successful", start.plus(Duration.ofDays(14)), "TRACE", "123");
    }

    @Test
    void aClosedSettlementPeriodRequestsItsReportInTheClosingTransactionOnce() {
        long account = seller(US, CA);
        Instant start = clock.instant().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.DAYS);
        String group = "group-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(s -> publisher.publishEvent(closed(account, group, start, "CAD")));
        tx.executeWithoutResult(s -> publisher.publishEvent(closed(account, group, start, "CAD")));
        String rolledBack = "group-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            publisher.publishEvent(closed(account, rolledBack, start, "USD"));
            s.setRollbackOnly();
        });

        List<ReportRequest> requests = reports.listRequests(account, ReportRequestQuery.ALL, 10, null);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.reportType()).isEqualTo(ReportTypes.SETTLEMENT);
            assertThat(r.source()).isEqualTo(ReportRequest.SOURCE_PLATFORM);
            assertThat(r.scheduled()).isTrue();
            assertThat(r.startDate()).isEqualTo(start);
            assertThat(r.endDate()).isEqualTo(start.plus(Duration.ofDays(14)));
            assertThat(r.financialEventGroupId()).isEqualTo(group);
            assertThat(r.marketplaceIds()).containsExactly(CA);
            assertThat(r.developerId()).isNull();
        });
        // Handed to the engine after the commit: it ends one way or another (with or without a generator).
        long rrid = requests.get(0).reportRequestId();
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.findRequest(account, rrid)
                .map(ReportRequest::finished).orElse(false));
    }

    /** A request stored as the engine leaves it, submitted at {@code submittedAt}, with a report available at {@code availableAt}. */
    ReportRequest stored(long account, String status, Instant submittedAt, Instant availableAt) throws IOException {
        long rrid = 57_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        ReportRequest request = new TransactionTemplate(transactions).execute(s -> {
            long id = repository.insert(new ReportRepository.NewRow(rrid, account, null, "API",
                    ReportTypes.MERCHANT_LISTINGS, List.of(US), submittedAt, submittedAt, null, false, submittedAt, null));
            jdbc.sql("UPDATE report_request SET status = :s WHERE id = :id").param("s", status).param("id", id).update();
            if (availableAt != null) {
                jdbc.sql("""
                                INSERT INTO report (report_id, account_id, request_ref, report_type, available_at,
                                    content_type, blob_key, blob_length, blob_md5, data_rows)
                                VALUES (:rid, :a, :id, :t, :at, 'text/plain', :key, 3, 'x', 1)""")
                        .param("rid", rrid * 1000).param("a", account).param("id", id).param("t", ReportTypes.MERCHANT_LISTINGS)
                        .param("at", SqlTime.of(availableAt)).param("key", Reports.blobKey(rrid)).update();
            }
            return repository.requestById(account, id).orElseThrow();
        });
        if (availableAt != null) {
            blobs.write(Reports.blobKey(rrid), new ByteArrayInputStream(new byte[] {'a', '\n', 'b'}));
        }
        return request;
    }

    boolean exists(ReportRequest r) {
        return jdbc.sql("SELECT COUNT(*) FROM report_request WHERE id = :id").param("id", r.id()).query(Long.class)
                .single() == 1;
    }

    boolean blobExists(ReportRequest r) throws IOException {
        try (var in = blobs.open(Reports.blobKey(r.reportRequestId()))) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Test
    void requestsAndReportsOlderThan90DaysGoWithTheirBlobs() throws IOException {
        long account = seller();
        Instant now = clock.instant();
        Instant old = now.minus(Reports.KEPT).minus(Duration.ofHours(2));
        ReportRequest oldDone = stored(account, ReportRequest.DONE, old, old.plus(Duration.ofHours(1)));
        ReportRequest oldCancelled = stored(account, ReportRequest.CANCELLED, old, null);
        ReportRequest oldRunning = stored(account, ReportRequest.IN_PROGRESS, old, null);
        ReportRequest lateReport = stored(account, ReportRequest.DONE, old, now.minus(Duration.ofDays(1)));
        ReportRequest recent = stored(account, ReportRequest.DONE, now.minus(Duration.ofDays(89)),
                now.minus(Duration.ofDays(89)));

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);

        assertThat(exists(oldDone)).isFalse();
        assertThat(blobExists(oldDone)).isFalse();
        assertThat(exists(oldCancelled)).isFalse();
        assertThat(exists(oldRunning)).as("in progress: it stays until it ends").isTrue();
        assertThat(exists(lateReport)).as("its report is younger").isTrue();
        assertThat(blobExists(lateReport)).isTrue();
        assertThat(exists(recent)).isTrue();
        assertThat(blobExists(recent)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isEqualTo(2);
    }
}
