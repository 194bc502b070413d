package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code client.reports()} sends and how it reads answers, against a local stand-in for an MWS endpoint
 * answering with the shapes of spec §3.1 (live element order, which is not schema order): the RequestReport
 * request byte for byte (a signature computed independently), every list parameter's spelling, lazy paging,
 * counts, cancels, schedules, acknowledgements, polling, and the download's MD5 check with its retries. The
 * same operations against the platform are in {@code ReportsApiTest}.
 */
class ReportsApiRequestsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final SellerAccess SELLER = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER"));
    private static final String NS = "http://mws.amazonaws.com/doc/2009-01-01/";
    private static final String LISTINGS = "_GET_MERCHANT_LISTINGS_DATA_";
    private static final String ORDERS = "_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_";

    private final Events events = new Events();

    private MwsClient.Builder client(URI endpoint) {
        return MwsClient.builder().endpoint(endpoint).credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", SECRET))
                .application("ReportsTest", "1.0").listener(events);
    }

    /** A ReportRequestInfo as live answers order it: status first, then the rest. */
    static String requestInfo(String id, String status, String extra) {
        return "<ReportRequestInfo><ReportProcessingStatus>" + status + "</ReportProcessingStatus>"
                + "<EndDate>2020-06-24T11:54:04+00:00</EndDate><Scheduled>false</Scheduled>"
                + "<ReportRequestId>" + id + "</ReportRequestId><StartDate>2020-06-24T11:54:04+00:00</StartDate>"
                + "<SubmittedDate>2020-06-24T11:54:04+00:00</SubmittedDate><ReportType>" + LISTINGS + "</ReportType>"
                + extra + "</ReportRequestInfo>";
    }

    static String reportInfo(String reportId, String requestId, boolean acknowledged) {
        return "<ReportInfo><ReportType>" + ORDERS + "</ReportType><Acknowledged>" + acknowledged + "</Acknowledged>"
                + "<ReportId>" + reportId + "</ReportId><ReportRequestId>" + requestId + "</ReportRequestId>"
                + "<AvailableDate>2020-06-24T11:54:15+00:00</AvailableDate>"
                + (acknowledged ? "<AcknowledgedDate>2020-06-25T08:00:00+00:00</AcknowledgedDate>" : "")
                + "</ReportInfo>";
    }

    static String response(String action, String result) {
        return "<?xml version=\"1.0\"?><" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result
                + "</" + action + "Result><ResponseMetadata><RequestId>6a8d4a4e-1a2b-4c5d-8e9f-0123456789ab</RequestId>"
                + "</ResponseMetadata></" + action + "Response>";
    }

    static String page(String action, String nextToken, String... items) {
        return response(action, (nextToken == null ? "<HasNext>false</HasNext>"
                : "<NextToken>" + nextToken + "</NextToken><HasNext>true</HasNext>") + String.join("", items));
    }

    static StubEndpoint.Answer ok(String body) {
        return StubEndpoint.Answer.xml(200, body, Map.of());
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> operationParameters(StubEndpoint.Received r) {
        Map<String, String> p = new LinkedHashMap<>(form(r.body()));
        for (String common : List.of("AWSAccessKeyId", "Action", "SellerId", "Signature", "SignatureMethod",
                "SignatureVersion", "Timestamp", "Version")) {
            p.remove(common);
        }
        return p;
    }

    @Test
    void requestReportSendsTheDocumentedParametersSignedToTheReportsPath() throws Exception {
        // Signature computed with Python's hmac for this test over the same parameters.
        String expected = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=RequestReport&EndDate=2020-06-24T00%3A00%3A00.000Z"
                + "&MarketplaceIdList.Id.1=ATVPDKIKX0DER&MarketplaceIdList.Id.2=A2EUQ1WTGCTBG2"
                + "&ReportOptions=ShowSalesChannel%3Dtrue&ReportType=_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_"
                + "&SellerId=A1EXAMPLESELLER&Signature=oIMsDk2wtWhbsfxC8XEK%2FfWRkJ3MKxLf%2Fmf%2F9GHp%2B6k%3D"
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&StartDate=2020-06-01T00%3A00%3A00.000Z"
                + "&Timestamp=2020-06-24T11%3A54%3A00Z&Version=2009-01-01";
        try (StubEndpoint proxy = new StubEndpoint(ok(response("RequestReport", requestInfo("51781018424", "_SUBMITTED_", ""))))) {
            MwsClient client = client(URI.create("http://mws.amazonservices.com")).proxy(ProxySelector.of(proxy.address()))
                    .clock(Clock.fixed(Instant.parse("2020-06-24T11:54:00Z"), ZoneOffset.UTC)).build();

            ReportRequestInfo info = client.reports().requestReport(SELLER, ORDERS, RequestReportOptions.builder()
                    .marketplaceIds("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2").startDate(Instant.parse("2020-06-01T00:00:00Z"))
                    .endDate(Instant.parse("2020-06-24T00:00:00Z")).reportOptions("ShowSalesChannel=true").build());

            StubEndpoint.Received request = proxy.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri().toString()).isEqualTo("http://mws.amazonservices.com/Reports/2009-01-01");
            assertThat(request.body()).isEqualTo(expected);
            Instant at = Instant.parse("2020-06-24T11:54:04Z");
            assertThat(info).isEqualTo(new ReportRequestInfo("51781018424", LISTINGS, Optional.of(at), Optional.of(at),
                    false, at, ReportProcessingStatus.SUBMITTED, Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }

    @Test
    void aPlainRequestGoesToTheSellerAccessMarketplacesWithoutDates() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(ok(response("RequestReport", requestInfo("51781018425", "_SUBMITTED_", ""))))) {
            SellerAccess seller = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"));

            client(stub.uri()).build().reports().requestReport(seller, LISTINGS);

            assertThat(operationParameters(stub.received().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ReportType", LISTINGS, "MarketplaceIdList.Id.1", "ATVPDKIKX0DER",
                    "MarketplaceIdList.Id.2", "A2EUQ1WTGCTBG2"));
            assertThat(form(stub.received().get(0).body())).containsEntry("Version", "2009-01-01");
        }
    }

    @Test
    void theRequestListIsReadLazilyAcrossByNextTokenWithEveryFilterSpelledAsDocumented() throws Exception {
        String done = "<GeneratedReportId>21175694446018424</GeneratedReportId>"
                + "<StartedProcessingDate>2020-06-24T11:54:09+00:00</StartedProcessingDate>"
                + "<CompletedDate>2020-06-24T11:54:15+00:00</CompletedDate>";
        try (StubEndpoint stub = new StubEndpoint(
                ok(page("GetReportRequestList", "tok+1/==", requestInfo("51781018427", "_DONE_", done),
                        requestInfo("51781018426", "_DONE_NO_DATA_", ""))),
                ok(page("GetReportRequestListByNextToken", null, requestInfo("51781018425", "_CANCELLED_", ""))))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            Stream<ReportRequestInfo> stream = reports.listRequests(SELLER, ReportRequestFilter.builder()
                    .reportTypes(LISTINGS, ORDERS).statuses(ReportProcessingStatus.DONE, ReportProcessingStatus.CANCELLED)
                    .requestedFrom(Instant.parse("2020-06-01T00:00:00Z")).requestedTo(Instant.parse("2020-06-30T00:00:00Z"))
                    .maxCount(2).build());
            assertThat(stub.received()).as("nothing is sent before the stream is read").isEmpty();
            List<ReportRequestInfo> all = stream.toList();

            assertThat(all).extracting(ReportRequestInfo::reportRequestId)
                    .containsExactly("51781018427", "51781018426", "51781018425");
            assertThat(all).extracting(ReportRequestInfo::status).containsExactly(ReportProcessingStatus.DONE,
                    ReportProcessingStatus.DONE_NO_DATA, ReportProcessingStatus.CANCELLED);
            assertThat(all.get(0).generatedReportId()).hasValue("21175694446018424");
            assertThat(all.get(0).started()).hasValue(Instant.parse("2020-06-24T11:54:09Z"));
            assertThat(all.get(0).completed()).hasValue(Instant.parse("2020-06-24T11:54:15Z"));
            assertThat(all.get(1).generatedReportId()).isEmpty();
            assertThat(operationParameters(stub.received().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ReportTypeList.Type.1", LISTINGS, "ReportTypeList.Type.2", ORDERS,
                    "ReportProcessingStatusList.Status.1", "_DONE_", "ReportProcessingStatusList.Status.2", "_CANCELLED_",
                    "RequestedFromDate", "2020-06-01T00:00:00.000Z", "RequestedToDate", "2020-06-30T00:00:00.000Z",
                    "MaxCount", "2"));
            assertThat(form(stub.received().get(1).body())).containsEntry("Action", "GetReportRequestListByNextToken")
                    .containsEntry("NextToken", "tok+1/==");
            assertThat(operationParameters(stub.received().get(1))).containsOnlyKeys("NextToken");
        }
    }

    @Test
    void countsCancelsAndTheReportListReadTheirAnswers() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                ok(response("GetReportRequestCount", "<Count>1276</Count>")),
                ok(response("CancelReportRequests", "<Count>2</Count>"
                        + requestInfo("51781018424", "_CANCELLED_", "") + requestInfo("51781018423", "_DONE_", ""))),
                ok(page("GetReportList", null, reportInfo("21175694446018424", "51781018424", false),
                        reportInfo("21175694446018425", "51781018423", true))),
                ok(response("GetReportCount", "<Count>2</Count>")))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            long count = reports.countRequests(SELLER, ReportRequestFilter.builder().statuses(ReportProcessingStatus.SUBMITTED)
                    .build());
            CancelledReportRequests cancelled = reports.cancelRequests(SELLER, ReportRequestFilter.ids("51781018424", "51781018423"));
            List<ReportInfo> list = reports.listReports(SELLER, ReportFilter.builder().reportTypes(ORDERS).acknowledged(false)
                    .requestIds("51781018424").availableFrom(Instant.parse("2020-06-01T00:00:00Z"))
                    .availableTo(Instant.parse("2020-07-01T00:00:00Z")).maxCount(100).build()).toList();
            long reportCount = reports.countReports(SELLER, ReportFilter.builder().acknowledged(true).build());

            assertThat(count).isEqualTo(1276);
            assertThat(cancelled.count()).isEqualTo(2);
            assertThat(cancelled.requestId()).isEqualTo("6a8d4a4e-1a2b-4c5d-8e9f-0123456789ab");
            assertThat(cancelled.infos()).extracting(ReportRequestInfo::status)
                    .containsExactly(ReportProcessingStatus.CANCELLED, ReportProcessingStatus.DONE);
            assertThat(list).containsExactly(
                    new ReportInfo("21175694446018424", ORDERS, Optional.of("51781018424"),
                            Instant.parse("2020-06-24T11:54:15Z"), false, Optional.empty()),
                    new ReportInfo("21175694446018425", ORDERS, Optional.of("51781018423"),
                            Instant.parse("2020-06-24T11:54:15Z"), true, Optional.of(Instant.parse("2020-06-25T08:00:00Z"))));
            assertThat(reportCount).isEqualTo(2);
            List<StubEndpoint.Received> sent = stub.received();
            assertThat(operationParameters(sent.get(0))).containsExactlyInAnyOrderEntriesOf(
                    Map.of("ReportProcessingStatusList.Status.1", "_SUBMITTED_"));
            assertThat(operationParameters(sent.get(1))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ReportRequestIdList.Id.1", "51781018424", "ReportRequestIdList.Id.2", "51781018423"));
            assertThat(operationParameters(sent.get(2))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ReportTypeList.Type.1", ORDERS, "Acknowledged", "false", "ReportRequestIdList.Id.1", "51781018424",
                    "AvailableFromDate", "2020-06-01T00:00:00.000Z", "AvailableToDate", "2020-07-01T00:00:00.000Z",
                    "MaxCount", "100"));
            assertThat(operationParameters(sent.get(3))).containsExactlyInAnyOrderEntriesOf(Map.of("Acknowledged", "true"));
            assertThat(sent).extracting(r -> form(r.body()).get("Action")).containsExactly("GetReportRequestCount",
                    "CancelReportRequests", "GetReportList", "GetReportCount");
        }
    }

    @Test
    void aFilterWithAPartTheOperationDoesNotTakeIsRefusedBeforeAnythingIsSent() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(ok(response("GetReportCount", "<Count>0</Count>")))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            assertThatThrownBy(() -> reports.countRequests(SELLER, ReportRequestFilter.ids("51781018424")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetReportRequestCount takes no ReportRequestIds");
            assertThatThrownBy(() -> reports.cancelRequests(SELLER, ReportRequestFilter.builder().maxCount(5).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MaxCount");
            assertThatThrownBy(() -> reports.countReports(SELLER, ReportFilter.requestIds("51781018424")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetReportCount");
            assertThatThrownBy(() -> reports.requestReport(SELLER, "listings")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a report type");
            assertThatThrownBy(() -> reports.download(SELLER, "0123", new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ReportId");
            assertThatThrownBy(() -> ReportFilter.builder().availableFrom(Instant.parse("2020-07-01T00:00:00Z"))
                    .availableTo(Instant.parse("2020-06-01T00:00:00Z")).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reports.updateAcknowledgements(SELLER, List.of(), true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
            assertThat(stub.received()).isEmpty();
        }
    }

    @Test
    void schedulesAndAcknowledgementsSendAndReadTheDocumentedShapes() throws Exception {
        String schedule = "<ReportSchedule><ReportType>" + ORDERS + "</ReportType><Schedule>_1_DAY_</Schedule>"
                + "<ScheduledDate>2020-06-25T00:00:00+00:00</ScheduledDate></ReportSchedule>";
        try (StubEndpoint stub = new StubEndpoint(
                ok(response("ManageReportSchedule", "<Count>1</Count>" + schedule)),
                ok(page("GetReportScheduleList", null, schedule)),
                ok(response("GetReportScheduleCount", "<Count>1</Count>")),
                ok(response("ManageReportSchedule", "<Count>0</Count>")),
                ok(response("UpdateReportAcknowledgements", "<Count>1</Count>"
                        + reportInfo("21175694446018424", "51781018424", true))))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            Optional<ReportSchedule> made = reports.manageSchedule(SELLER, ORDERS, ScheduleFrequency.EVERY_DAY,
                    Instant.parse("2020-06-25T00:00:00Z"));
            List<ReportSchedule> all = reports.schedules(SELLER, ORDERS);
            long count = reports.scheduleCount(SELLER);
            Optional<ReportSchedule> deleted = reports.manageSchedule(SELLER, LISTINGS, ScheduleFrequency.NEVER);
            List<ReportInfo> acknowledged = reports.updateAcknowledgements(SELLER, List.of("21175694446018424"), true);

            ReportSchedule expected = new ReportSchedule(ORDERS, ScheduleFrequency.EVERY_DAY,
                    Optional.of(Instant.parse("2020-06-25T00:00:00Z")));
            assertThat(made).hasValue(expected);
            assertThat(all).containsExactly(expected);
            assertThat(count).isEqualTo(1);
            assertThat(deleted).isEmpty();
            assertThat(acknowledged).singleElement().satisfies(r -> {
                assertThat(r.acknowledged()).isTrue();
                assertThat(r.acknowledgedDate()).hasValue(Instant.parse("2020-06-25T08:00:00Z"));
            });
            List<StubEndpoint.Received> sent = stub.received();
            assertThat(operationParameters(sent.get(0))).containsExactlyInAnyOrderEntriesOf(Map.of("ReportType", ORDERS,
                    "Schedule", "_1_DAY_", "ScheduleDate", "2020-06-25T00:00:00.000Z"));
            assertThat(operationParameters(sent.get(1))).containsExactlyInAnyOrderEntriesOf(Map.of("ReportTypeList.Type.1", ORDERS));
            assertThat(operationParameters(sent.get(2))).isEmpty();
            assertThat(operationParameters(sent.get(3))).containsExactlyInAnyOrderEntriesOf(Map.of("ReportType", LISTINGS,
                    "Schedule", "_NEVER_"));
            assertThat(operationParameters(sent.get(4))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ReportIdList.Id.1", "21175694446018424", "Acknowledged", "true"));
        }
    }

    @Test
    void awaitReportPollsTheOneIdUntilItIsFinished() throws Exception {
        String done = "<GeneratedReportId>21175694446018424</GeneratedReportId>";
        try (StubEndpoint stub = new StubEndpoint(
                ok(page("GetReportRequestList", null, requestInfo("51781018424", "_SUBMITTED_", ""))),
                ok(page("GetReportRequestList", null, requestInfo("51781018424", "_IN_PROGRESS_", ""))),
                ok(page("GetReportRequestList", null, requestInfo("51781018424", "_DONE_", done))))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            ReportRequestInfo info = reports.awaitReport(SELLER, "51781018424", Duration.ofMinutes(1));

            assertThat(info.status()).isEqualTo(ReportProcessingStatus.DONE);
            assertThat(info.generatedReportId()).hasValue("21175694446018424");
            assertThat(stub.received()).hasSize(3).allSatisfy(r -> assertThat(operationParameters(r))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("ReportRequestIdList.Id.1", "51781018424")));
        }
    }

    @Test
    void awaitReportEndsOnNoDataOrCancelledAndFailsOnAnUnknownIdOrTheTimeout() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                ok(page("GetReportRequestList", null, requestInfo("51781018424", "_DONE_NO_DATA_", ""))),
                ok(page("GetReportRequestList", null, requestInfo("51781018425", "_CANCELLED_", ""))),
                ok(page("GetReportRequestList", null)),
                ok(page("GetReportRequestList", null, requestInfo("51781018426", "_IN_PROGRESS_", ""))))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            assertThat(reports.awaitReport(SELLER, "51781018424", Duration.ofMinutes(1)).status())
                    .isEqualTo(ReportProcessingStatus.DONE_NO_DATA);
            assertThat(reports.awaitReport(SELLER, "51781018425", Duration.ofMinutes(1)).status())
                    .isEqualTo(ReportProcessingStatus.CANCELLED);
            MwsException unknown = catchThrowableOfType(MwsException.class,
                    () -> reports.awaitReport(SELLER, "51781018499", Duration.ofMinutes(1)));
            MwsException late = catchThrowableOfType(MwsException.class,
                    () -> reports.awaitReport(SELLER, "51781018426", Duration.ofMillis(1500)));

            assertThat(unknown.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
            assertThat(unknown.code()).isEqualTo("InvalidReportRequestId");
            assertThat(late.kind()).isEqualTo(MwsException.Kind.NOT_READY);
            assertThat(late.code()).isEqualTo("ReportNotReady");
            assertThat(late.getMessage()).contains("_IN_PROGRESS_");
            assertThat(late.attempts()).as("polls at 0 s and 1 s, then the timeout").isEqualTo(3);
        }
    }

    @Test
    void aDownloadWhoseMd5DoesNotMatchIsFetchedAgainAndOnlyTheGoodCopyIsWritten() throws Exception {
        byte[] report = "sku\tprice\tquantity\nCAF\u00c9-1\t4.50\t3\n".getBytes(Charset.forName("windows-1252"));
        byte[] damaged = report.clone();
        damaged[damaged.length - 2] = '9';
        Map<String, String> headers = Map.of("Content-MD5", FeedsApiRequestsTest.md5(report),
                "Content-Type", "text/plain;charset=windows-1252");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.bytes(200, damaged, headers),
                StubEndpoint.Answer.bytes(200, report, headers))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            ReportDownload download = client(stub.uri()).build().reports().download(SELLER, "21175694446018424", out);

            assertThat(out.toByteArray()).isEqualTo(report);
            assertThat(download.attempts()).isEqualTo(2);
            assertThat(download.length()).isEqualTo(report.length);
            assertThat(download.md5Base64()).isEqualTo(FeedsApiRequestsTest.md5(report));
            assertThat(download.charset()).isEqualTo(Charset.forName("windows-1252"));
            assertThat(stub.received()).allSatisfy(r -> assertThat(form(r.body())).containsEntry("Action", "GetReport")
                    .containsEntry("ReportId", "21175694446018424"));
            try (FlatFileReport rows = FlatFileReport.read(new java.io.ByteArrayInputStream(out.toByteArray()),
                    download.charset())) {
                assertThat(rows.rows().map(r -> r.get("sku"))).containsExactly("CAF\u00c9-1");
            }
        }
    }

    @Test
    void fourDamagedDownloadsFailAndLeaveNoFileBehind(@TempDir Path dir) throws Exception {
        byte[] report = "sku\tquantity\nA-1\t1\n".getBytes(StandardCharsets.US_ASCII);
        Map<String, String> headers = Map.of("Content-MD5", FeedsApiRequestsTest.md5("something else".getBytes(
                StandardCharsets.US_ASCII)), "Content-Type", "text/plain");
        Path kept = dir.resolve("kept.txt");
        Files.writeString(kept, "the previous report");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.bytes(200, report, headers))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            MwsException fresh = catchThrowableOfType(MwsException.class,
                    () -> reports.download(SELLER, "21175694446018424", dir.resolve("new.txt")));
            MwsException over = catchThrowableOfType(MwsException.class,
                    () -> reports.download(SELLER, "21175694446018424", kept));

            assertThat(fresh.code()).isEqualTo("ContentMD5DoesNotMatch");
            assertThat(fresh.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
            assertThat(fresh.attempts()).isEqualTo(4);
            assertThat(over.code()).isEqualTo("ContentMD5DoesNotMatch");
            assertThat(stub.received()).hasSize(8);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(kept);
            }
            assertThat(Files.readString(kept)).isEqualTo("the previous report");
        }
    }

    @Test
    void aGoodDownloadReplacesTheFileAndAMissingMd5IsRefused(@TempDir Path dir) throws Exception {
        byte[] report = "\u00ef\u00bb\u00bfsku\tquantity\r\nA-1\t1\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "old");
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.bytes(200, report, Map.of("Content-MD5", FeedsApiRequestsTest.md5(report))),
                StubEndpoint.Answer.bytes(200, report, Map.of("Content-Type", "text/plain")))) {
            ReportsApi reports = client(stub.uri()).build().reports();

            ReportDownload download = reports.download(SELLER, "21175694446018424", file);
            MwsException missing = catchThrowableOfType(MwsException.class,
                    () -> reports.download(SELLER, "21175694446018424", dir.resolve("other.txt")));

            assertThat(Files.readAllBytes(file)).isEqualTo(report);
            assertThat(download.attempts()).isEqualTo(1);
            assertThat(missing.code()).isEqualTo("ContentMD5Missing");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(file);
            }
        }
    }

    @Test
    void endpointErrorsOfTheReportsSectionKeepTheirCodes() throws IOException {
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(400, StubEndpoint.error("InvalidReportType",
                "The ReportType is not a valid report type."), Map.of()))) {
            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub.uri()).build().reports().requestReport(SELLER, "_GET_NO_SUCH_REPORT_"));

            assertThat(e.code()).isEqualTo("InvalidReportType");
            assertThat(e.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
            assertThat(e.httpStatus()).isEqualTo(400);
        }
    }
}
