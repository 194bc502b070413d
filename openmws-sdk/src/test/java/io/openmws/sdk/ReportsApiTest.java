package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client.reports()} against the real platform: request, await, download and read a report; list,
 * page, count and cancel requests; schedules; acknowledgements; another seller's ids. One platform serves the
 * class; each test makes its own sellers.
 */
@OpenMwsSandbox
class ReportsApiTest {

    private static final Duration GENERATION = Duration.ofMinutes(2);
    private static final String LISTINGS = "_GET_MERCHANT_LISTINGS_DATA_";
    private static final String OPEN_LISTINGS = "_GET_FLAT_FILE_OPEN_LISTINGS_DATA_";
    private static final String ALL_ORDERS = "_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_";
    private static final String SETTLEMENT = "_GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_";

    private final Events events = new Events();

    private record Setup(MwsClient client, SellerAccess seller) {
        ReportsApi reports() {
            return client.reports();
        }
    }

    private Setup setup(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller("ATVPDKIKX0DER"), developer);
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("ReportsApiTest", "1.0").listener(events).build();
        return new Setup(client, SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER")));
    }

    private static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void aRequestedReportIsAwaitedDownloadedWithItsMd5ReadByColumnAndAcknowledged(Sandbox sandbox, @TempDir Path dir)
            throws Exception {
        Setup s = setup(sandbox);
        Buyers.liveListing(s.client(), s.seller(), "MUG-1", "12.50", 10);

        ReportRequestInfo requested = s.reports().requestReport(s.seller(), LISTINGS);
        ReportRequestInfo done = s.reports().awaitReport(s.seller(), requested.reportRequestId(), GENERATION);
        String reportId = done.generatedReportId().orElseThrow();
        Path file = dir.resolve("listings.txt");
        ReportDownload download = s.reports().download(s.seller(), reportId, file);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        s.reports().download(s.seller(), reportId, copy);

        assertThat(requested.reportRequestId()).matches("[0-9]{11}");
        assertThat(requested.status()).isEqualTo(ReportProcessingStatus.SUBMITTED);
        assertThat(requested.reportType()).isEqualTo(LISTINGS);
        assertThat(done.status()).isEqualTo(ReportProcessingStatus.DONE);
        assertThat(done.completed()).isPresent();
        assertThat(download.attempts()).isEqualTo(1);
        assertThat(download.md5Base64()).isEqualTo(md5(Files.readAllBytes(file)));
        assertThat(download.length()).isEqualTo(Files.size(file));
        assertThat(copy.toByteArray()).isEqualTo(Files.readAllBytes(file));
        assertThat(download.charset()).isEqualTo(Charset.forName("windows-1252"));
        try (FlatFileReport report = FlatFileReport.open(file, download.charset())) {
            assertThat(report.header()).startsWith("item-name", "item-description", "listing-id", "seller-sku");
            assertThat(report.rows().toList()).singleElement().satisfies(row -> {
                assertThat(row.get("seller-sku")).isEqualTo("MUG-1");
                assertThat(row.decimal("price")).hasValue(new BigDecimal("12.50"));
                assertThat(row.get("quantity")).isEqualTo("10");
                assertThat(row.get("item-name")).isEqualTo("Wooden train MUG-1");
            });
        }

        List<ReportInfo> listed = s.reports().listReports(s.seller(), ReportFilter.requestIds(requested.reportRequestId()))
                .toList();
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.reportId()).isEqualTo(reportId);
            assertThat(r.reportType()).isEqualTo(LISTINGS);
            assertThat(r.reportRequestId()).hasValue(requested.reportRequestId());
            assertThat(r.acknowledged()).isFalse();
        });
        List<ReportInfo> acknowledged = s.reports().updateAcknowledgements(s.seller(), List.of(reportId), true);
        assertThat(acknowledged).singleElement().satisfies(r -> {
            assertThat(r.acknowledged()).isTrue();
            assertThat(r.acknowledgedDate()).isPresent();
        });
        assertThat(s.reports().countReports(s.seller(), ReportFilter.builder().acknowledged(false).build())).isZero();
        assertThat(s.reports().countReports(s.seller(), ReportFilter.builder().acknowledged(true).build())).isEqualTo(1);
        assertThat(s.reports().listReports(s.seller(), ReportFilter.builder().acknowledged(false).build())).isEmpty();

        // Another seller finds neither the report nor its request.
        Setup other = setup(sandbox);
        MwsException theirDownload = catchThrowableOfType(MwsException.class,
                () -> other.reports().download(other.seller(), reportId, new ByteArrayOutputStream()));
        MwsException theirAcknowledgement = catchThrowableOfType(MwsException.class,
                () -> other.reports().updateAcknowledgements(other.seller(), List.of(reportId), false));
        assertThat(theirDownload.code()).isEqualTo("InvalidReportId");
        assertThat(theirDownload.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(theirAcknowledgement.code()).isEqualTo("InvalidReportId");
        assertThat(other.reports().listReports(other.seller(), ReportFilter.requestIds(requested.reportRequestId()))).isEmpty();
        assertThat(s.reports().countReports(s.seller(), ReportFilter.builder().acknowledged(true).build())).isEqualTo(1);
    }

    @Test
    void requestsArePagedCountedAndCancelledAndANoDataReportHasNoId(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(s.reports().requestReport(s.seller(), OPEN_LISTINGS).reportRequestId());
        }
        events.clear();

        List<ReportRequestInfo> all = s.reports().listRequests(s.seller(), ReportRequestFilter.builder().maxCount(2).build())
                .toList();

        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(all).extracting(ReportRequestInfo::reportRequestId).containsExactlyElementsOf(newestFirst);
        assertThat(events.all()).extracting(MwsCallEvent::action).containsExactly("GetReportRequestList",
                "GetReportRequestListByNextToken", "GetReportRequestListByNextToken");
        Page<ReportRequestInfo> first = s.reports().listRequestsPage(s.seller(), ReportRequestFilter.builder().maxCount(4).build());
        assertThat(first.items()).hasSize(4);
        assertThat(s.reports().listRequestsByNextToken(s.seller(), first.nextToken().orElseThrow()).items()).hasSize(1);
        assertThat(s.reports().countRequests(s.seller(), ReportRequestFilter.all())).isEqualTo(5);
        assertThat(s.reports().countRequests(s.seller(), ReportRequestFilter.builder().reportTypes(ALL_ORDERS).build()))
                .isZero();

        CancelledReportRequests cancelled = s.reports().cancelRequests(s.seller(), ReportRequestFilter.ids(ids.get(4)));
        assertThat(cancelled.count()).isEqualTo(1);
        assertThat(cancelled.infos()).singleElement().satisfies(i -> assertThat(i.reportRequestId()).isEqualTo(ids.get(4)));

        // A seller without listings: the report of the first request has no rows, and no report may be made of it.
        ReportRequestInfo finished = s.reports().awaitReport(s.seller(), ids.get(0), GENERATION);
        assertThat(finished.status()).isIn(ReportProcessingStatus.DONE, ReportProcessingStatus.DONE_NO_DATA);
        assertThat(finished.generatedReportId().isPresent()).isEqualTo(finished.status() == ReportProcessingStatus.DONE);
        ReportRequestInfo last = s.reports().awaitReport(s.seller(), ids.get(4), GENERATION);
        assertThat(last.status().isFinal()).isTrue();
        if (cancelled.infos().get(0).status() == ReportProcessingStatus.CANCELLED) {
            assertThat(last.status()).isEqualTo(ReportProcessingStatus.CANCELLED);
            assertThat(last.generatedReportId()).isEmpty();
        }
    }

    @Test
    void schedulesAreMadeListedCountedAndDeleted(Sandbox sandbox) {
        Setup s = setup(sandbox);

        ReportSchedule made = s.reports().manageSchedule(s.seller(), ALL_ORDERS, ScheduleFrequency.EVERY_DAY).orElseThrow();
        ReportSchedule changed = s.reports().manageSchedule(s.seller(), ALL_ORDERS, ScheduleFrequency.EVERY_7_DAYS)
                .orElseThrow();
        List<ReportSchedule> listed = s.reports().schedules(s.seller());
        long counted = s.reports().scheduleCount(s.seller(), ALL_ORDERS);
        MwsException unschedulable = catchThrowableOfType(MwsException.class,
                () -> s.reports().manageSchedule(s.seller(), SETTLEMENT, ScheduleFrequency.EVERY_DAY));
        s.reports().manageSchedule(s.seller(), ALL_ORDERS, ScheduleFrequency.NEVER);

        assertThat(made.reportType()).isEqualTo(ALL_ORDERS);
        assertThat(made.schedule()).isEqualTo(ScheduleFrequency.EVERY_DAY);
        assertThat(made.scheduledDate()).isPresent();
        assertThat(changed.schedule()).isEqualTo(ScheduleFrequency.EVERY_7_DAYS);
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.reportType()).isEqualTo(ALL_ORDERS);
            assertThat(r.schedule()).isEqualTo(ScheduleFrequency.EVERY_7_DAYS);
        });
        assertThat(counted).isEqualTo(1);
        assertThat(unschedulable.code()).isEqualTo("InvalidReportType");
        assertThat(unschedulable.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(s.reports().schedules(s.seller())).isEmpty();
        assertThat(s.reports().scheduleCount(s.seller())).isZero();
    }

    @Test
    void anotherSellersIdsAreUnknownAndSettlementReportsCannotBeRequested(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        Setup other = setup(sandbox);
        ReportRequestInfo theirs = other.reports().requestReport(other.seller(), OPEN_LISTINGS);
        ReportRequestInfo theirsDone = other.reports().awaitReport(other.seller(), theirs.reportRequestId(), GENERATION);

        MwsException settlement = catchThrowableOfType(MwsException.class,
                () -> s.reports().requestReport(s.seller(), SETTLEMENT));
        MwsException unknownType = catchThrowableOfType(MwsException.class,
                () -> s.reports().requestReport(s.seller(), "_GET_NO_SUCH_REPORT_DATA_"));
        MwsException await = catchThrowableOfType(MwsException.class,
                () -> s.reports().awaitReport(s.seller(), theirs.reportRequestId(), GENERATION));
        MwsException cancel = catchThrowableOfType(MwsException.class,
                () -> s.reports().cancelRequests(s.seller(), ReportRequestFilter.ids(theirs.reportRequestId())));

        assertThat(settlement.code()).isEqualTo("InvalidReportType");
        assertThat(unknownType.code()).isEqualTo("InvalidReportType");
        assertThat(await.code()).isEqualTo("InvalidReportRequestId");
        assertThat(cancel.code()).isEqualTo("InvalidReportRequestId");
        assertThat(s.reports().listRequests(s.seller(), ReportRequestFilter.ids(theirs.reportRequestId()))).isEmpty();
        // The other seller has no listings: finished, with nothing to report.
        assertThat(theirsDone.status()).isEqualTo(ReportProcessingStatus.DONE_NO_DATA);
        assertThat(theirsDone.generatedReportId()).isEmpty();
    }
}
