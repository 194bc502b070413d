package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rules of {@link Reports} for requests, reports and schedules (mws-data-apis.md §3.1), through the
 * service on H2 and PostgreSQL. The scheduler polls once an hour here, so requests stay where these tests
 * put them; the engine has tests of its own. Reports are inserted as the engine would leave them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ReportsTest {

    static final String TOKEN = "reports-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final String MX = "A1AM78C64UM0Y8";
    static final String DE = "A1PA6795UKMFR9";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.jobs.polling-interval", () -> "PT1H");
        registry.add("openmws.jobs.start-at-once", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reports reports;

    @Autowired
    Clock clock;

    long seller(String... marketplaces) {
        Fixtures.Seller s = new Fixtures(new JsonClient(port, TOKEN)).seller(Fixtures.newEmail("reports"), marketplaces);
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", s.sellerId())
                .query(Long.class).single();
    }

    ReportRequest request(long account, String type) {
        return reports.request(new NewReportRequest(account, null, ReportRequest.SOURCE_API, type, List.of(), null, null,
                null));
    }

    /** A report for a request, as the engine leaves it. */
    long report(ReportRequest request, Instant availableAt) {
        long reportId = 10_000_000_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        jdbc.sql("UPDATE report_request SET status = '_DONE_' WHERE id = :id").param("id", request.id()).update();
        jdbc.sql("""
                        INSERT INTO report (report_id, account_id, request_ref, report_type, available_at, content_type,
                            blob_key, blob_length, blob_md5, data_rows)
                        VALUES (:rid, :account, :ref, :type, :at, 'text/plain;charset=windows-1252', :key, 10,
                            '1B2M2Y8AsgTpgAmY7PhCfg==', 1)""")
                .param("rid", reportId).param("account", request.accountId()).param("ref", request.id())
                .param("type", request.reportType()).param("at", SqlTime.of(availableAt))
                .param("key", Reports.blobKey(request.reportRequestId())).update();
        return reportId;
    }

    void submittedAt(ReportRequest request, Instant at) {
        jdbc.sql("UPDATE report_request SET submitted_at = :at WHERE id = :id").param("at", SqlTime.of(at))
                .param("id", request.id()).update();
    }

    ReportRefused.Reason refusal(Runnable call) {
        try {
            call.run();
        } catch (ReportRefused e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aRequestWithoutDatesCoversItsSubmittedDateInTheHomeMarketplace() {
        long account = seller(CA, US, MX);
        Instant before = clock.instant();
        ReportRequest r = request(account, ReportTypes.MERCHANT_LISTINGS);

        assertThat(String.valueOf(r.reportRequestId())).matches("[1-9][0-9]{10}");
        assertThat(r.status()).isEqualTo(ReportRequest.SUBMITTED);
        assertThat(r.marketplaceIds()).containsExactly(CA);
        assertThat(r.submittedAt()).isBetween(before.truncatedTo(ChronoUnit.MILLIS), clock.instant());
        assertThat(r.startDate()).isEqualTo(r.submittedAt());
        assertThat(r.endDate()).isEqualTo(r.submittedAt());
        assertThat(r.scheduled()).isFalse();
        assertThat(r.source()).isEqualTo("API");
        assertThat(r.generatedReportId()).isNull();
        assertThat(r.startedAt()).isNull();
        assertThat(reports.findRequest(account, r.reportRequestId())).contains(r);

        Instant start = clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(1));
        ReportRequest dated = reports.request(new NewReportRequest(account, "dev", ReportRequest.SOURCE_PORTAL,
                ReportTypes.ALL_ORDERS_BY_ORDER_DATE, List.of(US, MX, US), start, end, "ShowSalesChannel=true"));
        assertThat(dated.startDate()).isEqualTo(start);
        assertThat(dated.endDate()).isEqualTo(end);
        assertThat(dated.marketplaceIds()).containsExactly(US, MX);
        assertThat(dated.reportOptions()).isEqualTo("ShowSalesChannel=true");
        assertThat(dated.developerId()).isEqualTo("dev");
        assertThat(dated.source()).isEqualTo("PORTAL");
    }

    @Test
    void anEndDateAFewMinutesAheadIsAClientClockRunningFastNotTheFuture() {
        long account = seller(US, CA);
        Instant ahead = clock.instant().plusSeconds(10 * 60).truncatedTo(ChronoUnit.SECONDS);
        ReportRequest request = reports.request(new NewReportRequest(account, null, "API",
                ReportTypes.ALL_ORDERS_BY_ORDER_DATE, List.of(), ahead.minusSeconds(86_400), ahead, null));
        assertThat(request.endDate()).isEqualTo(ahead);
        assertThat(request.status()).isEqualTo(ReportRequest.SUBMITTED);
    }

    @Test
    void refusedRequestsStoreNothing() {
        long account = seller(US, CA);
        Instant now = clock.instant();
        assertThat(refusal(() -> request(account, "_GET_NOTHING_"))).isEqualTo(ReportRefused.Reason.INVALID_REPORT_TYPE);
        assertThat(refusal(() -> request(account, ReportTypes.SETTLEMENT))).isEqualTo(ReportRefused.Reason.NOT_REQUESTABLE);
        assertThat(refusal(() -> reports.request(new NewReportRequest(account, null, "API", ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                List.of(), now.minusSeconds(60), now.minusSeconds(120), null)))).isEqualTo(ReportRefused.Reason.INVALID_DATES);
        assertThat(refusal(() -> reports.request(new NewReportRequest(account, null, "API", ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                List.of(), now.plusSeconds(3600), null, null)))).isEqualTo(ReportRefused.Reason.INVALID_DATES);
        assertThat(refusal(() -> reports.request(new NewReportRequest(account, null, "API", ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                List.of(), now.minusSeconds(3600), now.plusSeconds(3600), null)))).isEqualTo(ReportRefused.Reason.INVALID_DATES);
        assertThat(refusal(() -> reports.request(new NewReportRequest(account, null, "API", ReportTypes.ALL_ORDERS_BY_ORDER_DATE,
                List.of(), now.minusSeconds(3600), now.plusSeconds(16 * 60), null)))).isEqualTo(ReportRefused.Reason.INVALID_DATES);
        assertThat(refusal(() -> reports.request(new NewReportRequest(account, null, "API", ReportTypes.MERCHANT_LISTINGS,
                List.of(US, DE), null, null, null)))).isEqualTo(ReportRefused.Reason.MARKETPLACE_NOT_PARTICIPATING);
        assertThatThrownBy(() -> reports.request(new NewReportRequest(account, null, "API", ReportTypes.MERCHANT_LISTINGS,
                List.of(), null, null, "x".repeat(Reports.MAX_REPORT_OPTIONS + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        jdbc.sql("UPDATE seller_account SET status = 'PENDING_VERIFICATION' WHERE id = :a").param("a", account).update();
        assertThat(refusal(() -> request(account, ReportTypes.MERCHANT_LISTINGS)))
                .isEqualTo(ReportRefused.Reason.ACCOUNT_INACTIVE);

        assertThat(reports.countRequests(account, ReportRequestQuery.ALL)).isZero();
    }

    @Test
    void requestsAreListedNewestFirstInPagesByEveryFilterAndOnlyToTheirSeller() {
        long account = seller();
        long other = seller();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ReportRequest> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ReportRequest r = request(account, i % 2 == 0 ? ReportTypes.MERCHANT_LISTINGS : ReportTypes.OPEN_LISTINGS);
            submittedAt(r, now.minus(Duration.ofHours(10 - i)));
            made.add(reports.findRequest(account, r.reportRequestId()).orElseThrow());
        }
        ReportRequest old = request(account, ReportTypes.MERCHANT_LISTINGS);
        submittedAt(old, now.minus(Reports.KEPT).minusSeconds(60));
        ReportRequest foreign = request(other, ReportTypes.MERCHANT_LISTINGS);
        jdbc.sql("UPDATE report_request SET status = '_CANCELLED_' WHERE id = :id").param("id", made.get(4).id()).update();

        List<Long> ids = reports.listRequests(account, ReportRequestQuery.ALL, 10, null).stream()
                .map(ReportRequest::reportRequestId).toList();
        assertThat(ids).containsExactly(made.get(4).reportRequestId(), made.get(3).reportRequestId(),
                made.get(2).reportRequestId(), made.get(1).reportRequestId(), made.get(0).reportRequestId());
        assertThat(reports.countRequests(account, ReportRequestQuery.ALL)).isEqualTo(5);

        List<ReportRequest> page1 = reports.listRequests(account, ReportRequestQuery.ALL, 2, null);
        List<ReportRequest> page2 = reports.listRequests(account, ReportRequestQuery.ALL, 2, page1.get(1).id());
        List<ReportRequest> page3 = reports.listRequests(account, ReportRequestQuery.ALL, 2, page2.get(1).id());
        assertThat(page1.size() + page2.size() + page3.size()).isEqualTo(5);
        assertThat(page3).extracting(ReportRequest::reportRequestId).containsExactly(made.get(0).reportRequestId());
        // Another seller's cursor finds nothing.
        assertThat(reports.listRequests(other, ReportRequestQuery.ALL, 10, page1.get(1).id())).isEmpty();

        ReportRequestQuery byType = new ReportRequestQuery(List.of(), List.of(ReportTypes.OPEN_LISTINGS), List.of(), null, null);
        assertThat(reports.countRequests(account, byType)).isEqualTo(2);
        ReportRequestQuery byStatus = new ReportRequestQuery(List.of(), List.of(), List.of(ReportRequest.CANCELLED), null, null);
        assertThat(reports.listRequests(account, byStatus, 10, null)).extracting(ReportRequest::reportRequestId)
                .containsExactly(made.get(4).reportRequestId());
        ReportRequestQuery byDates = new ReportRequestQuery(List.of(), List.of(), List.of(),
                now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(7)));
        assertThat(reports.listRequests(account, byDates, 10, null)).extracting(ReportRequest::reportRequestId)
                .containsExactly(made.get(2).reportRequestId(), made.get(1).reportRequestId());
        // Ids win over every other filter; another seller's id and one older than 90 days are not found.
        ReportRequestQuery byIds = new ReportRequestQuery(List.of(made.get(0).reportRequestId(), foreign.reportRequestId(),
                old.reportRequestId()), List.of(ReportTypes.OPEN_LISTINGS), List.of(ReportRequest.DONE), null, null);
        assertThat(reports.listRequests(account, byIds, 10, null)).extracting(ReportRequest::reportRequestId)
                .containsExactly(made.get(0).reportRequestId());
        assertThat(reports.findRequest(account, foreign.reportRequestId())).isEmpty();
        assertThat(reports.countRequests(other, ReportRequestQuery.ALL)).isEqualTo(1);
    }

    @Test
    void cancellingTurnsOnlySubmittedRequestsAndCountsEveryMatch() {
        long account = seller();
        long other = seller();
        List<ReportRequest> made = new ArrayList<>();
        for (int i = 0; i < 103; i++) {
            made.add(request(account, ReportTypes.MERCHANT_LISTINGS));
        }
        jdbc.sql("UPDATE report_request SET status = '_IN_PROGRESS_' WHERE id = :id").param("id", made.get(0).id()).update();
        jdbc.sql("UPDATE report_request SET status = '_DONE_' WHERE id = :id").param("id", made.get(1).id()).update();
        ReportRequest foreign = request(other, ReportTypes.MERCHANT_LISTINGS);

        Reports.Cancellation some = reports.cancel(account, new ReportRequestQuery(List.of(made.get(0).reportRequestId(),
                made.get(1).reportRequestId(), made.get(2).reportRequestId(), foreign.reportRequestId()), List.of(),
                List.of(), null, null));
        assertThat(some.count()).isEqualTo(3);
        assertThat(some.requests()).extracting(ReportRequest::status)
                .containsExactlyInAnyOrder(ReportRequest.IN_PROGRESS, ReportRequest.DONE, ReportRequest.CANCELLED);
        assertThat(some.requests()).filteredOn(r -> r.status().equals(ReportRequest.CANCELLED))
                .allSatisfy(r -> assertThat(r.completedAt()).isNotNull());
        assertThat(reports.findRequest(other, foreign.reportRequestId()).orElseThrow().status())
                .isEqualTo(ReportRequest.SUBMITTED);

        Reports.Cancellation all = reports.cancel(account, new ReportRequestQuery(List.of(), List.of(),
                List.of(ReportRequest.SUBMITTED), null, null));
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.requests()).hasSize(100).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReportRequest.CANCELLED));
        Reports.Cancellation everything = reports.cancel(account, ReportRequestQuery.ALL);
        assertThat(everything.count()).isEqualTo(103);
        assertThat(everything.requests()).hasSize(Reports.CANCEL_ANSWER);
        assertThat(reports.countRequests(account, new ReportRequestQuery(List.of(), List.of(),
                List.of(ReportRequest.CANCELLED), null, null))).isEqualTo(101);
    }

    @Test
    void reportsAreListedCountedAndAcknowledgedForTheirSellerOnly() {
        long account = seller();
        long other = seller();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReportRequest a = request(account, ReportTypes.MERCHANT_LISTINGS);
        ReportRequest b = request(account, ReportTypes.OPEN_LISTINGS);
        ReportRequest c = request(account, ReportTypes.MERCHANT_LISTINGS);
        ReportRequest d = request(account, ReportTypes.MERCHANT_LISTINGS);
        long ra = report(a, now.minus(Duration.ofHours(3)));
        long rb = report(b, now.minus(Duration.ofHours(2)));
        long rc = report(c, now.minus(Duration.ofHours(1)));
        long rd = report(d, now.minus(Reports.KEPT).minusSeconds(10));
        long foreign = report(request(other, ReportTypes.MERCHANT_LISTINGS), now);

        assertThat(reports.listReports(account, ReportQuery.ALL, 10, null)).extracting(Report::reportId)
                .containsExactly(rc, rb, ra);
        assertThat(reports.countReports(account, ReportQuery.ALL)).isEqualTo(3);
        Report first = reports.listReports(account, ReportQuery.ALL, 1, null).get(0);
        assertThat(reports.listReports(account, ReportQuery.ALL, 10, first.id())).extracting(Report::reportId)
                .containsExactly(rb, ra);
        assertThat(first.reportRequestId()).isEqualTo(c.reportRequestId());
        assertThat(reports.findRequest(account, c.reportRequestId()).orElseThrow().generatedReportId()).isEqualTo(rc);
        assertThat(reports.countReports(account, new ReportQuery(List.of(ReportTypes.OPEN_LISTINGS), null, List.of(),
                null, null))).isEqualTo(1);
        assertThat(reports.listReports(account, new ReportQuery(List.of(), null, List.of(a.reportRequestId()), null, null),
                10, null)).extracting(Report::reportId).containsExactly(ra);
        assertThat(reports.listReports(account, new ReportQuery(List.of(), null, List.of(),
                now.minus(Duration.ofMinutes(150)), now.minus(Duration.ofMinutes(30))), 10, null))
                .extracting(Report::reportId).containsExactly(rc, rb);
        // Older than 90 days: found by id, but expired and never listed, even when asked for.
        Report old = reports.findReport(account, rd).orElseThrow();
        assertThat(reports.expired(old)).isTrue();
        assertThat(reports.expired(first)).isFalse();
        assertThat(reports.countReports(account, new ReportQuery(List.of(), null, List.of(),
                now.minus(Duration.ofDays(200)), null))).isEqualTo(3);
        assertThat(reports.findReport(account, foreign)).isEmpty();

        List<Report> acknowledged = reports.acknowledge(account, List.of(rb, foreign, ra, rb), true);
        assertThat(acknowledged).extracting(Report::reportId).containsExactly(rb, ra);
        assertThat(acknowledged).allSatisfy(r -> {
            assertThat(r.acknowledged()).isTrue();
            assertThat(r.acknowledgedAt()).isNotNull();
        });
        assertThat(reports.findReport(other, foreign).orElseThrow().acknowledged()).isFalse();
        assertThat(reports.listReports(account, new ReportQuery(List.of(), true, List.of(), null, null), 10, null))
                .extracting(Report::reportId).containsExactly(rb, ra);
        assertThat(reports.countReports(account, new ReportQuery(List.of(), false, List.of(), null, null))).isEqualTo(1);

        List<Report> cleared = reports.acknowledge(account, List.of(ra), false);
        assertThat(cleared).singleElement().satisfies(r -> {
            assertThat(r.acknowledged()).isFalse();
            assertThat(r.acknowledgedAt()).isNull();
        });
        assertThat(reports.acknowledge(account, List.of(foreign), true)).isEmpty();
    }

    @Test
    void schedulesAreCreatedChangedAndDeletedForSchedulableTypesOnly() {
        long account = seller(US, CA);
        long other = seller();
        Instant now = clock.instant();
        ReportSchedule created = reports.manageSchedule(account, "dev", ReportTypes.ALL_ORDERS_BY_ORDER_DATE, "_1_DAY_",
                null, List.of()).orElseThrow();
        assertThat(created.schedule()).isEqualTo("_1_DAY_");
        assertThat(created.marketplaceIds()).containsExactly(US);
        assertThat(created.scheduledAt()).isBetween(now.plus(Duration.ofDays(1)).minusSeconds(1),
                clock.instant().plus(Duration.ofDays(1)));

        Instant date = now.plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        ReportSchedule changed = reports.manageSchedule(account, "dev", ReportTypes.ALL_ORDERS_BY_ORDER_DATE, "_7_DAYS_",
                date, List.of(CA)).orElseThrow();
        assertThat(changed.id()).isEqualTo(created.id());
        assertThat(changed.schedule()).isEqualTo("_7_DAYS_");
        assertThat(changed.scheduledAt()).isEqualTo(date);
        assertThat(changed.marketplaceIds()).containsExactly(CA);
        reports.manageSchedule(account, null, ReportTypes.ACTIONABLE_ORDERS, "_15_MINUTES_", null, List.of());
        assertThat(reports.schedules(account, List.of())).extracting(ReportSchedule::reportType)
                .containsExactly(ReportTypes.ACTIONABLE_ORDERS, ReportTypes.ALL_ORDERS_BY_ORDER_DATE);
        assertThat(reports.schedules(account, List.of(ReportTypes.ACTIONABLE_ORDERS))).hasSize(1);
        assertThat(reports.schedules(other, List.of())).isEmpty();

        assertThat(refusal(() -> reports.manageSchedule(account, null, ReportTypes.MERCHANT_LISTINGS, "_1_DAY_", null,
                List.of()))).isEqualTo(ReportRefused.Reason.NOT_SCHEDULABLE);
        assertThat(refusal(() -> reports.manageSchedule(account, null, ReportTypes.SETTLEMENT, "_1_DAY_", null,
                List.of()))).isEqualTo(ReportRefused.Reason.NOT_SCHEDULABLE);
        assertThat(refusal(() -> reports.manageSchedule(account, null, "_NOPE_", "_1_DAY_", null, List.of())))
                .isEqualTo(ReportRefused.Reason.INVALID_REPORT_TYPE);
        assertThat(refusal(() -> reports.manageSchedule(account, null, ReportTypes.ACTIONABLE_ORDERS, "_3_DAYS_", null,
                List.of()))).isEqualTo(ReportRefused.Reason.INVALID_SCHEDULE);
        assertThat(refusal(() -> reports.manageSchedule(account, null, ReportTypes.ACTIONABLE_ORDERS, "_1_DAY_", null,
                List.of(DE)))).isEqualTo(ReportRefused.Reason.MARKETPLACE_NOT_PARTICIPATING);

        ReportSchedule deleted = reports.manageSchedule(account, null, ReportTypes.ALL_ORDERS_BY_ORDER_DATE, "_NEVER_",
                null, List.of()).orElseThrow();
        assertThat(deleted.schedule()).isEqualTo("_NEVER_");
        assertThat(deleted.reportType()).isEqualTo(ReportTypes.ALL_ORDERS_BY_ORDER_DATE);
        assertThat(reports.manageSchedule(account, null, ReportTypes.ALL_ORDERS_BY_ORDER_DATE, "_NEVER_", null,
                List.of())).isEmpty();
        assertThat(reports.manageSchedule(other, null, ReportTypes.ACTIONABLE_ORDERS, "_NEVER_", null, List.of())).isEmpty();
        assertThat(reports.schedules(account, List.of())).extracting(ReportSchedule::reportType)
                .containsExactly(ReportTypes.ACTIONABLE_ORDERS);
    }
}
