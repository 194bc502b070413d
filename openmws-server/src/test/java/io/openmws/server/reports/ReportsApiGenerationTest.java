package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.OnBothDatabases;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Reports API over the real engine: a request made through RequestReport is generated in the
 * background (the scheduler polls every second here), the client polls GetReportRequestList until it is
 * {@code _DONE_} as MWS clients do, finds the report with GetReportList and downloads it with GetReport,
 * its MD5 checked. A report with nothing in it ends {@code _DONE_NO_DATA_}, with no report to download.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ReportsApiGenerationTest {

    static final String TOKEN = "reports-generation-test-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.jobs.polling-interval", () -> "PT1S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    Fixtures.Developer dev;

    Answer call(String action, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", "2009-01-01");
        all.put("SellerId", dev.sellerId());
        Answer a = new MwsClient(port).signedPost("/Reports/2009-01-01", dev.accessKeyId(), dev.secretKey(), all);
        assertThat(a.status()).as(action + ": " + a.body()).isEqualTo(200);
        return a;
    }

    /** Polls GetReportRequestList, as a client would, until the request has finished; answers its info. */
    String awaitFinished(String reportRequestId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String body = call("GetReportRequestList", Map.of("ReportRequestIdList.Id.1", reportRequestId)).body();
            String status = ReportsApiTest.value(body, "ReportProcessingStatus");
            if (!status.equals(ReportRequest.SUBMITTED) && !status.equals(ReportRequest.IN_PROGRESS)) {
                return body;
            }
            assertThat(Instant.now()).as("request " + reportRequestId + " still " + status).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void aRequestedReportIsGeneratedListedAndDownloadedWithItsMd5() throws Exception {
        dev = new Fixtures(new JsonClient(port, TOKEN)).developerIn(US);
        assertThat(new JsonClient(port, TOKEN).post("/sandbox/v1/developers/" + dev.developerId() + "/throttling",
                "{\"enabled\": false}").status()).isEqualTo(200);
        Listings listings = new Listings(catalog, transactions, jdbc);
        long account = listings.accountId(dev.sellerId());
        listings.offer(account, US, "MUG-1", "9.99", 5, null);
        listings.offer(account, US, "CAF\u00c9-2", "12.50", 7, null);

        String requestId = ReportsApiTest.value(call("RequestReport",
                Map.of("ReportType", ReportTypes.OPEN_LISTINGS)).body(), "ReportRequestId");
        String done = awaitFinished(requestId);
        assertThat(ReportsApiTest.value(done, "ReportProcessingStatus")).isEqualTo(ReportRequest.DONE);
        assertThat(ReportsApiTest.values(done, "StartedProcessingDate")).hasSize(1);
        assertThat(ReportsApiTest.values(done, "CompletedDate")).hasSize(1);
        String reportId = ReportsApiTest.value(done, "GeneratedReportId");

        String list = call("GetReportList", Map.of("ReportRequestIdList.Id.1", requestId)).body();
        assertThat(ReportsApiTest.value(list, "ReportId")).isEqualTo(reportId);
        assertThat(ReportsApiTest.value(list, "ReportType")).isEqualTo(ReportTypes.OPEN_LISTINGS);
        assertThat(ReportsApiTest.value(list, "Acknowledged")).isEqualTo("false");

        Answer report = call("GetReport", Map.of("ReportId", reportId));
        byte[] bytes = report.raw().body();
        assertThat(report.header("Content-MD5")).isEqualTo(ReportsApiTest.md5(bytes));
        assertThat(report.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=windows-1252");
        String text = new String(bytes, Charset.forName("windows-1252"));
        assertThat(text).startsWith("sku\tasin\tprice\tquantity\n").contains("MUG-1\t", "CAF\u00c9-2\t");

        // No orders: the order report finishes with no data and nothing to download.
        String empty = ReportsApiTest.value(call("RequestReport",
                Map.of("ReportType", ReportTypes.ALL_ORDERS_BY_ORDER_DATE)).body(), "ReportRequestId");
        String noData = awaitFinished(empty);
        assertThat(ReportsApiTest.value(noData, "ReportProcessingStatus")).isEqualTo(ReportRequest.DONE_NO_DATA);
        assertThat(ReportsApiTest.values(noData, "GeneratedReportId")).isEmpty();
        assertThat(ReportsApiTest.values(call("GetReportList", Map.of("ReportRequestIdList.Id.1", empty)).body(),
                "ReportId")).isEmpty();
    }
}
