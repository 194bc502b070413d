package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.time.Timestamps;
import io.openmws.server.support.BlobStore;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Reports operations through the whole gateway on a real port (mws-data-apis.md §3.1): every
 * operation's exact answer, every parameter rule and error, NextTokens, cancels, acknowledgements,
 * schedules, GetReport's bytes with their MD5, and other sellers' ids answered as unknown. The scheduler
 * polls once an hour here, so no request is taken by the engine while a test looks at it; a test makes a
 * request {@code _DONE_} with a report as the engine does (see {@link #finish}). Generation itself is
 * pinned by {@link ReportsApiGenerationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ReportsApiTest {

    static final String TOKEN = "reports-api-test-" + UUID.randomUUID();
    static final String REPORTS = "/Reports/2009-01-01";
    static final String LISTINGS = ReportTypes.MERCHANT_LISTINGS;
    static final String OPEN = ReportTypes.OPEN_LISTINGS;
    static final String ORDERS = ReportTypes.ALL_ORDERS_BY_ORDER_DATE;
    static final String DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.jobs.polling-interval", () -> "PT1H");
        registry.add("openmws.jobs.start-at-once", () -> "false");
    }

    /** Who calls for which seller: a developer for its own account, or with the seller's MWS Auth Token. */
    record Caller(String sellerId, String developerId, String accessKeyId, String secretKey, String mwsAuthToken) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    Clock clock;

    JsonClient control() {
        return new JsonClient(port, TOKEN);
    }

    Fixtures fixtures() {
        return new Fixtures(control());
    }

    /** A developer calling for its own seller account, unthrottled, selling in these marketplaces. */
    Caller caller(String... marketplaces) {
        Fixtures.Developer dev = fixtures().developerIn(marketplaces);
        unthrottled(dev.developerId());
        return new Caller(dev.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), null);
    }

    /** Another developer, which the seller of {@code c} authorizes: it calls for that seller with a token. */
    Caller authorizedBy(Caller c) {
        Fixtures.Developer dev = fixtures().developer();
        unthrottled(dev.developerId());
        String token = fixtures().authorize(c.sellerId(), dev.developerId());
        return new Caller(c.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), token);
    }

    void unthrottled(String developerId) {
        JsonClient.Response r = control().post("/sandbox/v1/developers/" + developerId + "/throttling",
                "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    Answer call(Caller c, String action, Map<String, String> params) {
        return callAt(REPORTS, c, action, params);
    }

    Answer callAt(String path, Caller c, String action, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", "2009-01-01");
        if (!all.containsKey("Merchant")) {
            all.putIfAbsent("SellerId", c.sellerId());
        }
        if (c.mwsAuthToken() != null) {
            all.put("MWSAuthToken", c.mwsAuthToken());
        }
        return new MwsClient(port).signedPost(path, c.accessKeyId(), c.secretKey(), all);
    }

    Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    void refused(Answer a, int status, String code, String... messageParts) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.errorCode()).as(a.body()).isEqualTo(code);
        if (messageParts.length > 0) {
            assertThat(a.error().errors().get(0).message()).as(a.body()).contains(messageParts);
        }
    }

    long requested(Caller c, String reportType) {
        Answer a = ok(call(c, "RequestReport", Map.of("ReportType", reportType)));
        return Long.parseLong(value(a.body(), "ReportRequestId"));
    }

    static String value(String xml, String element) {
        List<String> all = values(xml, element);
        assertThat(all).as("<%s> in %s", element, xml).hasSize(1);
        return all.get(0);
    }

    static List<String> values(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static List<Long> longs(String xml, String element) {
        return values(xml, element).stream().map(Long::parseLong).toList();
    }

    static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long requestRows(Caller c) {
        return jdbc.sql("SELECT COUNT(*) FROM report_request r JOIN seller_account s ON s.id = r.account_id"
                + " WHERE s.seller_id = :seller").param("seller", c.sellerId()).query(Long.class).single();
    }

    String status(long reportRequestId) {
        return jdbc.sql("SELECT status FROM report_request WHERE report_request_id = :id").param("id", reportRequestId)
                .query(String.class).single();
    }

    /**
     * Makes a request {@code _DONE_} with a report of these bytes, available at {@code availableAt}, as the
     * engine does in one transaction (the engine's own SQL is not ours to call); answers the ReportId.
     */
    long finish(long reportRequestId, byte[] bytes, String contentType, Instant availableAt) throws IOException {
        Map<String, Object> request = jdbc.sql("SELECT id, account_id, report_type FROM report_request"
                + " WHERE report_request_id = :id").param("id", reportRequestId).query().singleRow();
        BlobStore.Blob blob = blobs.write("reports-api-test/" + reportRequestId, new ByteArrayInputStream(bytes));
        long reportId = ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L, 99_999_999_999_999_999L);
        jdbc.sql("UPDATE report_request SET status = '_DONE_', started_at = submitted_at, completed_at = :at"
                + " WHERE id = :ref").param("at", SqlTime.of(availableAt)).param("ref", request.get("id")).update();
        jdbc.sql("""
                        INSERT INTO report (report_id, account_id, request_ref, report_type, available_at, content_type,
                            blob_key, blob_length, blob_md5, data_rows)
                        VALUES (:reportId, :account, :ref, :type, :at, :contentType, :key, :length, :md5, 1)""")
                .param("reportId", reportId).param("account", request.get("account_id")).param("ref", request.get("id"))
                .param("type", request.get("report_type")).param("at", SqlTime.of(availableAt))
                .param("contentType", contentType).param("key", blob.key()).param("length", blob.length())
                .param("md5", blob.md5Base64()).update();
        return reportId;
    }

    long finish(long reportRequestId) throws IOException {
        return finish(reportRequestId, ("sku\tasin\tprice\tquantity\nSKU-" + reportRequestId + "\tB000000001\t9.99\t3\n")
                .getBytes(StandardCharsets.UTF_8), "text/plain;charset=windows-1252", clock.instant());
    }

    /** A report made available at {@code availableAt}, of a fresh request. */
    long reportAvailableAt(Caller c, String type, Instant availableAt) throws IOException {
        long request = requested(c, type);
        return finish(request, "h\n".getBytes(StandardCharsets.UTF_8), "text/plain;charset=windows-1252", availableAt);
    }

    // ---- RequestReport

    @Test
    void requestReportStoresASubmittedRequestAndAnswersTheExactInfo() {
        Caller c = caller("ATVPDKIKX0DER");
        Answer a = ok(call(c, "RequestReport", Map.of("ReportType", LISTINGS)));

        assertThat(a.body()).matches("(?s)<\\?xml[^>]*>\\s*<RequestReportResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<RequestReportResult>\\s*<ReportRequestInfo>"
                + "\\s*<ReportRequestId>[1-9][0-9]{10}</ReportRequestId>"
                + "\\s*<ReportType>_GET_MERCHANT_LISTINGS_DATA_</ReportType>"
                + "\\s*<StartDate>(" + DATE + ")</StartDate>\\s*<EndDate>\\1</EndDate>"
                + "\\s*<Scheduled>false</Scheduled>\\s*<SubmittedDate>\\1</SubmittedDate>"
                + "\\s*<ReportProcessingStatus>_SUBMITTED_</ReportProcessingStatus>"
                + "\\s*</ReportRequestInfo>\\s*</RequestReportResult>"
                + "\\s*<ResponseMetadata>\\s*<RequestId>[0-9a-f-]{36}</RequestId>\\s*</ResponseMetadata>"
                + "\\s*</RequestReportResponse>\\s*");
        long id = Long.parseLong(value(a.body(), "ReportRequestId"));
        Map<String, Object> row = jdbc.sql("SELECT * FROM report_request WHERE report_request_id = :id").param("id", id)
                .query().singleRow();
        assertThat(row.get("status")).isEqualTo("_SUBMITTED_");
        assertThat(row.get("source")).isEqualTo("API");
        assertThat(row.get("developer_id")).isEqualTo(c.developerId());

        // Dates and options are echoed; the service root and the legacy Merchant parameter serve it too.
        Instant start = clock.instant().minus(Duration.ofDays(7));
        Instant end = clock.instant().minus(Duration.ofDays(1));
        Answer dated = ok(callAt("/", c, "RequestReport", Map.of("ReportType", ORDERS, "Merchant", c.sellerId(),
                "StartDate", Timestamps.format(start), "EndDate", Timestamps.format(end),
                "ReportOptions", "ShowSalesChannel=true", "MarketplaceIdList.Id.1", "ATVPDKIKX0DER")));
        assertThat(value(dated.body(), "StartDate")).isEqualTo(Timestamps.formatWithOffset(start));
        assertThat(value(dated.body(), "EndDate")).isEqualTo(Timestamps.formatWithOffset(end));
        assertThat(jdbc.sql("SELECT report_options FROM report_request WHERE report_request_id = :id")
                .param("id", Long.parseLong(value(dated.body(), "ReportRequestId"))).query(String.class).single())
                .isEqualTo("ShowSalesChannel=true");
    }

    @Test
    void requestReportRefusesEachWrongParameterAndStoresNothing() {
        Caller c = caller("ATVPDKIKX0DER");
        String later = Timestamps.format(clock.instant().minus(Duration.ofDays(1)));
        String earlier = Timestamps.format(clock.instant().minus(Duration.ofDays(3)));

        refused(call(c, "RequestReport", Map.of()), 400, "InvalidParameterValue", "Missing required parameter ReportType");
        refused(call(c, "RequestReport", Map.of("ReportType", "_GET_NO_SUCH_REPORT_")), 400, "InvalidReportType",
                "_GET_NO_SUCH_REPORT_");
        refused(call(c, "RequestReport", Map.of("ReportType", ReportTypes.SETTLEMENT)), 400, "InvalidReportType",
                "cannot be requested", "settlement");
        refused(call(c, "RequestReport", Map.of("ReportType", LISTINGS, "StartDate", later, "EndDate", earlier)),
                400, "InvalidParameterValue", "StartDate must not be after EndDate");
        refused(call(c, "RequestReport", Map.of("ReportType", ORDERS, "StartDate", later, "EndDate",
                Timestamps.format(clock.instant().plus(Duration.ofDays(2))))), 400, "InvalidParameterValue", "future");
        refused(call(c, "RequestReport", Map.of("ReportType", LISTINGS, "StartDate", "last week")),
                400, "InvalidParameterValue", "Invalid StartDate");
        refused(call(c, "RequestReport", Map.of("ReportType", LISTINGS, "MarketplaceIdList.Id.1", "A1PA6795UKMFR9")),
                400, "InvalidParameterValue", "A1PA6795UKMFR9");
        refused(call(c, "RequestReport", Map.of("ReportType", LISTINGS, "ReportOptions", "x".repeat(501))),
                400, "InvalidParameterValue", "ReportOptions");
        assertThat(requestRows(c)).isZero();
    }

    // ---- GetReportRequestList, ByNextToken, GetReportRequestCount

    @Test
    void requestListsFilterPageAndCount() throws IOException {
        Caller c = caller();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(requested(c, i % 2 == 0 ? LISTINGS : OPEN));
        }
        long reportId = finish(ids.get(0));
        List<Long> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);

        Answer all = ok(call(c, "GetReportRequestList", Map.of()));
        assertThat(value(all.body(), "HasNext")).isEqualTo("false");
        assertThat(values(all.body(), "NextToken")).isEmpty();
        assertThat(longs(all.body(), "ReportRequestId")).isEqualTo(newestFirst);
        // The done one carries its report and both processing dates, in the documentation's order.
        assertThat(all.body()).containsPattern("(?s)<ReportRequestInfo>\\s*<ReportRequestId>" + ids.get(0)
                + "</ReportRequestId>\\s*<ReportType>" + LISTINGS + "</ReportType>\\s*<StartDate>" + DATE
                + "</StartDate>\\s*<EndDate>" + DATE + "</EndDate>\\s*<Scheduled>false</Scheduled>"
                + "\\s*<SubmittedDate>" + DATE + "</SubmittedDate>\\s*<ReportProcessingStatus>_DONE_</ReportProcessingStatus>"
                + "\\s*<GeneratedReportId>" + reportId + "</GeneratedReportId>\\s*<StartedProcessingDate>" + DATE
                + "</StartedProcessingDate>\\s*<CompletedDate>" + DATE + "</CompletedDate>\\s*</ReportRequestInfo>");
        assertThat(values(all.body(), "GeneratedReportId")).containsExactly(Long.toString(reportId));

        // Pages of 2 through NextTokens.
        Answer first = ok(call(c, "GetReportRequestList", Map.of("MaxCount", "2")));
        assertThat(value(first.body(), "HasNext")).isEqualTo("true");
        assertThat(first.body()).containsPattern("<GetReportRequestListResult>\\s*<NextToken>[^<]+</NextToken>\\s*<HasNext>");
        List<Long> seen = new ArrayList<>(longs(first.body(), "ReportRequestId"));
        String token = value(first.body(), "NextToken");
        int pages = 1;
        while (token != null) {
            Answer next = ok(call(c, "GetReportRequestListByNextToken", Map.of("NextToken", token)));
            assertThat(next.body()).contains("<GetReportRequestListByNextTokenResult>");
            seen.addAll(longs(next.body(), "ReportRequestId"));
            token = "true".equals(value(next.body(), "HasNext")) ? value(next.body(), "NextToken") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(newestFirst);

        // Filters; ids make the others ignored.
        assertThat(longs(call(c, "GetReportRequestList", Map.of("ReportTypeList.Type.1", LISTINGS)).body(),
                "ReportRequestId")).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(longs(call(c, "GetReportRequestList", Map.of("ReportProcessingStatusList.Status.1", "_DONE_")).body(),
                "ReportRequestId")).containsExactly(ids.get(0));
        assertThat(longs(call(c, "GetReportRequestList", Map.of("ReportProcessingStatusList.Status.1", "_SUBMITTED_",
                "ReportProcessingStatusList.Status.2", "_DONE_")).body(), "ReportRequestId")).isEqualTo(newestFirst);
        assertThat(longs(call(c, "GetReportRequestList", Map.of("ReportRequestIdList.Id.1", ids.get(1).toString(),
                "ReportRequestIdList.Id.2", ids.get(3).toString(), "ReportTypeList.Type.1", LISTINGS)).body(),
                "ReportRequestId")).containsExactly(ids.get(3), ids.get(1));
        String tomorrow = Timestamps.format(clock.instant().plus(Duration.ofDays(1)));
        String yesterday = Timestamps.format(clock.instant().minus(Duration.ofDays(1)));
        assertThat(values(call(c, "GetReportRequestList", Map.of("RequestedFromDate", tomorrow)).body(),
                "ReportRequestId")).isEmpty();
        assertThat(values(call(c, "GetReportRequestList", Map.of("RequestedFromDate", yesterday,
                "RequestedToDate", tomorrow)).body(), "ReportRequestId")).hasSize(5);
        assertThat(values(call(c, "GetReportRequestList", Map.of("RequestedToDate", yesterday)).body(),
                "ReportRequestId")).isEmpty();

        // A filtered list pages with its filter.
        Answer typed = ok(call(c, "GetReportRequestList", Map.of("ReportTypeList.Type.1", LISTINGS, "MaxCount", "2")));
        Answer typedNext = ok(call(c, "GetReportRequestListByNextToken", Map.of("NextToken", value(typed.body(), "NextToken"))));
        assertThat(longs(typedNext.body(), "ReportRequestId")).containsExactly(ids.get(0));
        assertThat(value(typedNext.body(), "HasNext")).isEqualTo("false");

        // Counts.
        Answer count = ok(call(c, "GetReportRequestCount", Map.of()));
        assertThat(count.body()).matches("(?s)<\\?xml[^>]*>\\s*<GetReportRequestCountResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<GetReportRequestCountResult>\\s*<Count>5</Count>\\s*</GetReportRequestCountResult>"
                + "\\s*<ResponseMetadata>\\s*<RequestId>[0-9a-f-]{36}</RequestId>\\s*</ResponseMetadata>"
                + "\\s*</GetReportRequestCountResponse>\\s*");
        assertThat(value(call(c, "GetReportRequestCount", Map.of("ReportProcessingStatusList.Status.1", "_SUBMITTED_"))
                .body(), "Count")).isEqualTo("4");
        assertThat(value(call(c, "GetReportRequestCount", Map.of("ReportTypeList.Type.1", OPEN)).body(), "Count"))
                .isEqualTo("2");
        assertThat(value(call(c, "GetReportRequestCount", Map.of("RequestedFromDate", tomorrow)).body(), "Count"))
                .isEqualTo("0");

        // Bad values.
        for (Map<String, String> bad : List.of(Map.of("MaxCount", "0"), Map.of("MaxCount", "101"),
                Map.of("MaxCount", "ten"), Map.of("ReportProcessingStatusList.Status.1", "_DONE"),
                Map.of("RequestedFromDate", "yesterday"), Map.of("ReportRequestIdList.Id.1", "12x"),
                Map.of("ReportTypeList.Type.1", "<script>"),
                Map.of("RequestedFromDate", tomorrow, "RequestedToDate", yesterday))) {
            refused(call(c, "GetReportRequestList", bad), 400, "InvalidParameterValue");
        }
        refused(call(c, "GetReportRequestCount", Map.of("RequestedToDate", "soon")), 400, "InvalidParameterValue",
                "RequestedToDate");
    }

    @Test
    void nextTokensAreSealedAndBoundToTheSellerTheDeveloperAndTheList() throws IOException {
        Caller c = caller();
        for (int i = 0; i < 3; i++) {
            finish(requested(c, LISTINGS));
        }
        String requests = value(ok(call(c, "GetReportRequestList", Map.of("MaxCount", "1"))).body(), "NextToken");
        String reports = value(ok(call(c, "GetReportList", Map.of("MaxCount", "1"))).body(), "NextToken");
        ok(call(c, "GetReportRequestListByNextToken", Map.of("NextToken", requests)));
        ok(call(c, "GetReportListByNextToken", Map.of("NextToken", reports)));

        byte[] raw = Base64.getUrlDecoder().decode(requests);
        raw[raw.length / 2] ^= 1;
        String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        for (String tampered : List.of(requests + "x", "garbage!", requests.substring(0, requests.length() - 3),
                flipped, reports)) {
            refused(call(c, "GetReportRequestListByNextToken", Map.of("NextToken", tampered)), 400, "NextTokenCorrupted");
        }
        refused(call(c, "GetReportListByNextToken", Map.of("NextToken", requests)), 400, "NextTokenCorrupted");

        // Another seller, and another developer of the same seller, cannot use it.
        refused(call(caller(), "GetReportRequestListByNextToken", Map.of("NextToken", requests)), 400,
                "NextTokenCorrupted");
        Caller delegate = authorizedBy(c);
        ok(call(delegate, "GetReportRequestList", Map.of()));
        refused(call(delegate, "GetReportRequestListByNextToken", Map.of("NextToken", requests)), 400,
                "NextTokenCorrupted");

        for (String action : List.of("GetReportRequestListByNextToken", "GetReportListByNextToken",
                "GetReportScheduleListByNextToken")) {
            Answer none = call(c, action, Map.of());
            assertThat(none.status()).as(action).isEqualTo(400);
            assertThat(none.errorCode()).as(action).isEqualTo("ValidationError");
        }
    }

    // ---- CancelReportRequests

    @Test
    void cancelTakesSubmittedRequestsCountsTheOthersAndRefusesUnknownIds() throws IOException {
        Caller c = caller();
        long a = requested(c, LISTINGS);
        long b = requested(c, OPEN);
        long d = requested(c, OPEN);
        long done = requested(c, OPEN);
        finish(done);

        // An unknown id (here another seller's) refuses the whole call: nothing is cancelled.
        long foreign = requested(caller(), OPEN);
        refused(call(c, "CancelReportRequests", Map.of("ReportRequestIdList.Id.1", Long.toString(b),
                "ReportRequestIdList.Id.2", Long.toString(foreign))), 400, "InvalidReportRequestId",
                "One or more of the provided ReportRequestIds could not be found.");
        refused(call(c, "CancelReportRequests", Map.of("ReportRequestIdList.Id.1", "99999999999")), 400,
                "InvalidReportRequestId");
        assertThat(status(b)).isEqualTo("_SUBMITTED_");
        assertThat(status(foreign)).isEqualTo("_SUBMITTED_");

        Answer byIds = ok(call(c, "CancelReportRequests", Map.of("ReportRequestIdList.Id.1", Long.toString(b),
                "ReportRequestIdList.Id.2", Long.toString(done))));
        assertThat(byIds.body()).matches("(?s)<\\?xml[^>]*>\\s*<CancelReportRequestsResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<CancelReportRequestsResult>\\s*<Count>2</Count>\\s*<ReportRequestInfo>.*</ReportRequestInfo>"
                + "\\s*</CancelReportRequestsResult>\\s*<ResponseMetadata>.*</ResponseMetadata>\\s*</CancelReportRequestsResponse>\\s*");
        Map<Long, String> answered = new HashMap<>();
        List<Long> infoIds = longs(byIds.body(), "ReportRequestId");
        List<String> infoStatuses = values(byIds.body(), "ReportProcessingStatus");
        for (int i = 0; i < infoIds.size(); i++) {
            answered.put(infoIds.get(i), infoStatuses.get(i));
        }
        assertThat(answered).isEqualTo(Map.of(b, "_CANCELLED_", done, "_DONE_"));
        assertThat(status(b)).isEqualTo("_CANCELLED_");
        assertThat(status(done)).isEqualTo("_DONE_");

        // By type, then with no filter at all: every request of the seller is matched.
        Answer byType = ok(call(c, "CancelReportRequests", Map.of("ReportTypeList.Type.1", LISTINGS)));
        assertThat(value(byType.body(), "Count")).isEqualTo("1");
        assertThat(status(a)).isEqualTo("_CANCELLED_");
        Answer rest = ok(call(c, "CancelReportRequests", Map.of("ReportProcessingStatusList.Status.1", "_SUBMITTED_")));
        assertThat(longs(rest.body(), "ReportRequestId")).containsExactly(d);
        assertThat(status(d)).isEqualTo("_CANCELLED_");
        assertThat(status(foreign)).isEqualTo("_SUBMITTED_");
        assertThat(value(call(c, "GetReportRequestCount", Map.of("ReportProcessingStatusList.Status.1", "_CANCELLED_"))
                .body(), "Count")).isEqualTo("3");
        refused(call(c, "CancelReportRequests", Map.of("RequestedFromDate", "now")), 400, "InvalidParameterValue");
    }

    // ---- GetReportList, ByNextToken, GetReportCount, UpdateReportAcknowledgements

    @Test
    void reportListsFilterPageCountAndFollowAcknowledgements() throws IOException {
        Caller c = caller();
        Instant now = clock.instant();
        long r1 = reportAvailableAt(c, LISTINGS, now.minus(Duration.ofDays(3)));
        long r2 = reportAvailableAt(c, OPEN, now.minus(Duration.ofDays(2)));
        long r3 = reportAvailableAt(c, LISTINGS, now.minus(Duration.ofDays(1)));
        long old = reportAvailableAt(c, LISTINGS, now.minus(Duration.ofDays(95)));
        long r3Request = jdbc.sql("SELECT q.report_request_id FROM report r JOIN report_request q ON q.id = r.request_ref"
                + " WHERE r.report_id = :id").param("id", r3).query(Long.class).single();
        requested(c, LISTINGS); // still _SUBMITTED_: no report

        Answer all = ok(call(c, "GetReportList", Map.of()));
        assertThat(longs(all.body(), "ReportId")).containsExactly(r3, r2, r1);
        assertThat(all.body()).matches("(?s)<\\?xml[^>]*>\\s*<GetReportListResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<GetReportListResult>\\s*<HasNext>false</HasNext>"
                + "\\s*<ReportInfo>\\s*<ReportId>" + r3 + "</ReportId>\\s*<ReportType>" + LISTINGS + "</ReportType>"
                + "\\s*<ReportRequestId>" + r3Request + "</ReportRequestId>"
                + "\\s*<AvailableDate>" + Pattern.quote(Timestamps.formatWithOffset(now.minus(Duration.ofDays(1))))
                + "</AvailableDate>"
                + "\\s*<Acknowledged>false</Acknowledged>\\s*</ReportInfo>.*</GetReportListResult>"
                + "\\s*<ResponseMetadata>.*</ResponseMetadata>\\s*</GetReportListResponse>\\s*");
        // The report of 95 days ago is past the default AvailableFromDate (90 days back).
        assertThat(longs(all.body(), "ReportId")).doesNotContain(old);
        assertThat(longs(call(c, "GetReportList", Map.of("AvailableFromDate",
                Timestamps.format(now.minus(Duration.ofDays(2))))).body(), "ReportId")).containsExactly(r3, r2);
        assertThat(longs(call(c, "GetReportList", Map.of("AvailableToDate",
                Timestamps.format(now.minus(Duration.ofDays(2))))).body(), "ReportId")).containsExactly(r1);
        assertThat(longs(call(c, "GetReportList", Map.of("ReportTypeList.Type.1", OPEN)).body(), "ReportId"))
                .containsExactly(r2);
        assertThat(longs(call(c, "GetReportList", Map.of("ReportRequestIdList.Id.1", Long.toString(r3Request))).body(),
                "ReportId")).containsExactly(r3);

        // Pages of 2.
        Answer first = ok(call(c, "GetReportList", Map.of("MaxCount", "2")));
        assertThat(longs(first.body(), "ReportId")).containsExactly(r3, r2);
        assertThat(value(first.body(), "HasNext")).isEqualTo("true");
        Answer second = ok(call(c, "GetReportListByNextToken", Map.of("NextToken", value(first.body(), "NextToken"))));
        assertThat(second.body()).contains("<GetReportListByNextTokenResult>");
        assertThat(longs(second.body(), "ReportId")).containsExactly(r1);
        assertThat(value(second.body(), "HasNext")).isEqualTo("false");
        assertThat(values(second.body(), "NextToken")).isEmpty();

        assertThat(value(ok(call(c, "GetReportCount", Map.of())).body(), "Count")).isEqualTo("3");
        assertThat(value(call(c, "GetReportCount", Map.of("ReportTypeList.Type.1", LISTINGS)).body(), "Count"))
                .isEqualTo("2");

        // Acknowledging two moves them from one side of the Acknowledged filter to the other.
        Answer ack = ok(call(c, "UpdateReportAcknowledgements", Map.of("ReportIdList.Id.1", Long.toString(r1),
                "ReportIdList.Id.2", Long.toString(r3), "Acknowledged", "true")));
        assertThat(ack.body()).matches("(?s)<\\?xml[^>]*>\\s*<UpdateReportAcknowledgementsResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<UpdateReportAcknowledgementsResult>\\s*<Count>2</Count>"
                + "(\\s*<ReportInfo>\\s*<ReportId>\\d+</ReportId>\\s*<ReportType>[A-Z_]+</ReportType>"
                + "\\s*<ReportRequestId>\\d+</ReportRequestId>\\s*<AvailableDate>" + DATE + "</AvailableDate>"
                + "\\s*<Acknowledged>true</Acknowledged>\\s*<AcknowledgedDate>" + DATE + "</AcknowledgedDate>"
                + "\\s*</ReportInfo>){2}\\s*</UpdateReportAcknowledgementsResult>"
                + "\\s*<ResponseMetadata>.*</ResponseMetadata>\\s*</UpdateReportAcknowledgementsResponse>\\s*");
        assertThat(longs(ack.body(), "ReportId")).containsExactlyInAnyOrder(r1, r3);
        assertThat(longs(call(c, "GetReportList", Map.of("Acknowledged", "false")).body(), "ReportId"))
                .containsExactly(r2);
        assertThat(longs(call(c, "GetReportList", Map.of("Acknowledged", "true")).body(), "ReportId"))
                .containsExactly(r3, r1);
        assertThat(value(call(c, "GetReportCount", Map.of("Acknowledged", "true")).body(), "Count")).isEqualTo("2");
        Answer acknowledgedPage = ok(call(c, "GetReportList", Map.of("Acknowledged", "true", "MaxCount", "1")));
        assertThat(longs(ok(call(c, "GetReportListByNextToken", Map.of("NextToken",
                value(acknowledgedPage.body(), "NextToken")))).body(), "ReportId")).containsExactly(r1);

        // Un-acknowledging (Acknowledged=false) clears the date; Acknowledged defaults to true.
        Answer unack = ok(call(c, "UpdateReportAcknowledgements", Map.of("ReportIdList.Id.1", Long.toString(r3),
                "Acknowledged", "false")));
        assertThat(value(unack.body(), "Acknowledged")).isEqualTo("false");
        assertThat(values(unack.body(), "AcknowledgedDate")).isEmpty();
        Answer byDefault = ok(call(c, "UpdateReportAcknowledgements", Map.of("ReportIdList.Id.1", Long.toString(r2))));
        assertThat(value(byDefault.body(), "Acknowledged")).isEqualTo("true");
        assertThat(longs(call(c, "GetReportList", Map.of("Acknowledged", "false")).body(), "ReportId"))
                .containsExactly(r3);

        // Unknown ids change nothing.
        refused(call(c, "UpdateReportAcknowledgements", Map.of("ReportIdList.Id.1", Long.toString(r3),
                "ReportIdList.Id.2", "12345678901234567")), 400, "InvalidReportId", "12345678901234567");
        assertThat(longs(call(c, "GetReportList", Map.of("Acknowledged", "false")).body(), "ReportId"))
                .containsExactly(r3);
        refused(call(c, "UpdateReportAcknowledgements", Map.of()), 400, "InvalidParameterValue", "ReportIdList");
        refused(call(c, "UpdateReportAcknowledgements", Map.of("ReportIdList.Id.1", Long.toString(r3),
                "Acknowledged", "yes")), 400, "InvalidParameterValue", "Acknowledged");
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 1; i <= 101; i++) {
            tooMany.put("ReportIdList.Id." + i, Long.toString(r3));
        }
        refused(call(c, "UpdateReportAcknowledgements", tooMany), 400, "InvalidParameterValue", "100");

        for (Map<String, String> bad : List.of(Map.of("Acknowledged", "1"), Map.of("MaxCount", "-1"),
                Map.of("AvailableFromDate", "then"), Map.of("ReportRequestIdList.Id.1", "x"),
                Map.of("AvailableFromDate", Timestamps.format(now), "AvailableToDate",
                        Timestamps.format(now.minus(Duration.ofDays(1)))))) {
            refused(call(c, "GetReportList", bad), 400, "InvalidParameterValue");
        }
        refused(call(c, "GetReportCount", Map.of("Acknowledged", "maybe")), 400, "InvalidParameterValue");
    }

    // ---- GetReport

    @Test
    void getReportStreamsTheBytesWithTheirTypeAndMd5() throws IOException {
        Caller c = caller();
        byte[] western = "sku\tasin\tprice\tquantity\nCAF\u00c9-1\tB000000001\t12.50\t4\n"
                .getBytes(Charset.forName("windows-1252"));
        long id = finish(requested(c, OPEN), western, "text/plain;charset=windows-1252", clock.instant());

        Answer a = ok(call(c, "GetReport", Map.of("ReportId", Long.toString(id))));
        assertThat(a.raw().body()).isEqualTo(western);
        assertThat(a.header("Content-MD5")).isEqualTo(md5(western));
        assertThat(a.header("Content-Length")).isEqualTo(Integer.toString(western.length));
        assertThat(a.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=windows-1252");
        assertThat(a.header("x-mws-request-id")).isNotBlank();

        // A large report streams whole.
        StringBuilder big = new StringBuilder("sku\tasin\tprice\tquantity\n");
        for (int i = 0; big.length() < 3 * 1024 * 1024; i++) {
            big.append("SKU-").append(i).append("\tB0000").append(i).append("\t1.00\t1\n");
        }
        byte[] bytes = big.toString().getBytes(StandardCharsets.US_ASCII);
        long bigId = finish(requested(c, OPEN), bytes, "text/plain;charset=windows-1252", clock.instant());
        Answer large = ok(call(c, "GetReport", Map.of("ReportId", Long.toString(bigId))));
        assertThat(large.raw().body()).isEqualTo(bytes);
        assertThat(large.header("Content-MD5")).isEqualTo(md5(bytes));

        refused(call(c, "GetReport", Map.of()), 400, "InvalidParameterValue", "ReportId");
        refused(call(c, "GetReport", Map.of("ReportId", "99999999999999999")), 400, "InvalidReportId");
        refused(call(c, "GetReport", Map.of("ReportId", "abc")), 400, "InvalidReportId");
        long expired = reportAvailableAt(c, OPEN, clock.instant().minus(Duration.ofDays(91)));
        refused(call(c, "GetReport", Map.of("ReportId", Long.toString(expired))), 400, "ReportNoLongerAvailable");
    }

    // ---- Schedules

    @Test
    void schedulesAreCreatedChangedListedCountedAndDeleted() {
        Caller c = caller();
        Instant due = clock.instant().plus(Duration.ofDays(2));
        Answer created = ok(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_1_DAY_",
                "ScheduleDate", Timestamps.format(due))));
        assertThat(created.body()).matches("(?s)<\\?xml[^>]*>\\s*<ManageReportScheduleResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<ManageReportScheduleResult>\\s*<Count>1</Count>\\s*<ReportSchedule>"
                + "\\s*<ReportType>" + ORDERS + "</ReportType>\\s*<Schedule>_1_DAY_</Schedule>"
                + "\\s*<ScheduledDate>" + Pattern.quote(Timestamps.formatWithOffset(due)) + "</ScheduledDate>"
                + "\\s*</ReportSchedule>\\s*</ManageReportScheduleResult>"
                + "\\s*<ResponseMetadata>.*</ResponseMetadata>\\s*</ManageReportScheduleResponse>\\s*");

        Answer changed = ok(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_7_DAYS_")));
        assertThat(value(changed.body(), "Schedule")).isEqualTo("_7_DAYS_");
        ok(call(c, "ManageReportSchedule", Map.of("ReportType", ReportTypes.ACTIONABLE_ORDERS, "Schedule", "_15_MINUTES_")));

        Answer list = ok(call(c, "GetReportScheduleList", Map.of()));
        assertThat(list.body()).matches("(?s)<\\?xml[^>]*>\\s*<GetReportScheduleListResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<GetReportScheduleListResult>\\s*<HasNext>false</HasNext>"
                + "(\\s*<ReportSchedule>\\s*<ReportType>[A-Z_]+</ReportType>\\s*<Schedule>_[0-9A-Z_]+_</Schedule>"
                + "\\s*<ScheduledDate>" + DATE + "</ScheduledDate>\\s*</ReportSchedule>){2}"
                + "\\s*</GetReportScheduleListResult>\\s*<ResponseMetadata>.*</ResponseMetadata>"
                + "\\s*</GetReportScheduleListResponse>\\s*");
        assertThat(values(list.body(), "ReportType")).containsExactlyInAnyOrder(ORDERS, ReportTypes.ACTIONABLE_ORDERS);
        assertThat(values(list.body(), "NextToken")).isEmpty();
        assertThat(values(call(c, "GetReportScheduleList", Map.of("ReportTypeList.Type.1", ORDERS)).body(), "Schedule"))
                .containsExactly("_7_DAYS_");
        assertThat(value(ok(call(c, "GetReportScheduleCount", Map.of())).body(), "Count")).isEqualTo("2");
        assertThat(value(call(c, "GetReportScheduleCount", Map.of("ReportTypeList.Type.1", LISTINGS)).body(), "Count"))
                .isEqualTo("0");
        refused(call(c, "GetReportScheduleListByNextToken", Map.of("NextToken", "anything")), 400, "NextTokenCorrupted");

        // Another seller sees none of them.
        Caller other = caller();
        assertThat(value(call(other, "GetReportScheduleCount", Map.of()).body(), "Count")).isEqualTo("0");
        assertThat(values(call(other, "GetReportScheduleList", Map.of()).body(), "ReportSchedule")).isEmpty();

        Answer deleted = ok(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_NEVER_")));
        assertThat(value(deleted.body(), "Count")).isEqualTo("1");
        assertThat(value(deleted.body(), "Schedule")).isEqualTo("_NEVER_");
        Answer again = ok(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_NEVER_")));
        assertThat(value(again.body(), "Count")).isEqualTo("0");
        assertThat(values(again.body(), "ReportSchedule")).isEmpty();
        assertThat(value(call(c, "GetReportScheduleCount", Map.of()).body(), "Count")).isEqualTo("1");

        refused(call(c, "ManageReportSchedule", Map.of("ReportType", LISTINGS, "Schedule", "_1_DAY_")), 400,
                "InvalidReportType", "cannot be scheduled");
        refused(call(c, "ManageReportSchedule", Map.of("ReportType", ReportTypes.SETTLEMENT, "Schedule", "_1_DAY_")),
                400, "InvalidReportType");
        refused(call(c, "ManageReportSchedule", Map.of("ReportType", "_NOT_A_TYPE_", "Schedule", "_1_DAY_")), 400,
                "InvalidReportType", "_NOT_A_TYPE_");
        refused(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_3_DAYS_")), 400,
                "InvalidScheduleFrequency", "_3_DAYS_");
        refused(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS)), 400, "InvalidParameterValue", "Schedule");
        refused(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_1_DAY_", "ScheduleDate",
                Timestamps.format(clock.instant().minus(Duration.ofDays(1))))), 400, "InvalidParameterValue", "past");
        refused(call(c, "ManageReportSchedule", Map.of("ReportType", ORDERS, "Schedule", "_1_DAY_", "ScheduleDate",
                Timestamps.format(clock.instant().plus(Duration.ofDays(400))))), 400, "InvalidParameterValue", "366");
        assertThat(value(call(c, "GetReportScheduleCount", Map.of()).body(), "Count")).isEqualTo("1");
    }

    // ---- Throttling (mws-data-apis.md §3.2), applied by the gateway

    @Test
    void aThrottledCallerSeesTheHourlyQuotaOfEachOperation() {
        Fixtures.Developer dev = fixtures().developerIn("ATVPDKIKX0DER");
        Caller c = new Caller(dev.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), null);
        Map<String, String> hourly = Map.of("RequestReport", "60.0", "GetReportList", "60.0",
                "GetReportRequestCount", "80.0", "GetReportScheduleCount", "80.0");
        for (Map.Entry<String, String> e : hourly.entrySet()) {
            Map<String, String> params = e.getKey().equals("RequestReport") ? Map.of("ReportType", OPEN) : Map.of();
            Answer a = ok(call(c, e.getKey(), params));
            assertThat(a.header("x-mws-quota-max")).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(a.header("x-mws-quota-remaining")).as(e.getKey())
                    .isEqualTo(Double.toString(Double.parseDouble(e.getValue()) - 1));
        }
        // GetReportList's burst is 10: the eleventh call at once is throttled.
        for (int i = 0; i < 9; i++) {
            ok(call(c, "GetReportList", Map.of()));
        }
        refused(call(c, "GetReportList", Map.of()), 503, "RequestThrottled");
    }

    // ---- Other sellers

    @Test
    void aSellersRequestsAndReportsAreNeverSeenByAnother() throws IOException {
        Caller owner = caller();
        long request = requested(owner, LISTINGS);
        long report = finish(request);
        long pending = requested(owner, OPEN);
        // The owner's delegate sees them; another seller, through its own developer, never does.
        Caller delegate = authorizedBy(owner);
        assertThat(longs(ok(call(delegate, "GetReportRequestList", Map.of())).body(), "ReportRequestId"))
                .containsExactly(pending, request);
        assertThat(ok(call(delegate, "GetReport", Map.of("ReportId", Long.toString(report)))).raw().body()).isNotEmpty();

        Caller other = caller();
        assertThat(values(call(other, "GetReportRequestList", Map.of("ReportRequestIdList.Id.1", Long.toString(request)))
                .body(), "ReportRequestId")).isEmpty();
        assertThat(values(call(other, "GetReportList", Map.of("ReportRequestIdList.Id.1", Long.toString(request)))
                .body(), "ReportId")).isEmpty();
        assertThat(value(call(other, "GetReportRequestCount", Map.of()).body(), "Count")).isEqualTo("0");
        assertThat(value(call(other, "GetReportCount", Map.of()).body(), "Count")).isEqualTo("0");
        Answer foreign = call(other, "GetReport", Map.of("ReportId", Long.toString(report)));
        refused(foreign, 400, "InvalidReportId");
        assertThat(foreign.error().errors().get(0).message()).isEqualTo(
                call(other, "GetReport", Map.of("ReportId", "12345678901234567")).error().errors().get(0).message());
        refused(call(other, "UpdateReportAcknowledgements", Map.of("ReportIdList.Id.1", Long.toString(report))), 400,
                "InvalidReportId");
        refused(call(other, "CancelReportRequests", Map.of("ReportRequestIdList.Id.1", Long.toString(pending))), 400,
                "InvalidReportRequestId");
        assertThat(value(ok(call(other, "CancelReportRequests", Map.of())).body(), "Count")).isEqualTo("0");
        assertThat(status(pending)).isEqualTo("_SUBMITTED_");
        assertThat(jdbc.sql("SELECT acknowledged FROM report WHERE report_id = :id").param("id", report)
                .query(Boolean.class).single()).isFalse();
    }
}
