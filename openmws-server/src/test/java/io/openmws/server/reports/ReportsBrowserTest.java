package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reports in a real headless Chromium: a seller opens Inventory Reports from the Reports menu, asks for
 * an Active Listings Report, refreshes until it is done and downloads it; asks for an All Orders Report
 * over a date range (after a refused range) and finds its order in it; and, after shipping the order
 * and the sandbox clock moving past the end of the settlement period, finds the period's settlement
 * report on Payments and downloads it. Generation is the real engine's, in the background. The rules
 * behind the pages are {@code ReportsPortalHttpTest}'s. Screenshots land in
 * {@code target/screenshots/ReportsBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportsBrowserTest {

    static final String TOKEN = "reports-browser-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformClock clock;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path files;

    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    /** A seller with one listing to sell, and an order of it placed two days ago (past its payment check). */
    record Scene(Fixtures.Seller seller, String sku, String amazonOrderId) {}

    Scene scene(JsonClient api) {
        Fixtures.Seller seller = new Fixtures(api).seller();
        Listings listings = new Listings(catalog, transactions, jdbc);
        String sku = "MUG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        listings.offer(listings.accountId(seller.sellerId()), US, sku, "12.50", 10, 2);
        JsonClient.Response placed = api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders", """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 2}], "purchaseDate": "%s"}"""
                .formatted(US, sku, clock.instant().minus(Duration.ofDays(2))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String order = placed.json().get("amazonOrderId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "Unshipped".equals(jdbc.sql(
                "SELECT status FROM customer_order WHERE amazon_order_id = :id").param("id", order)
                .query(String.class).single()));
        return new Scene(seller, sku, order);
    }

    void signIn(Fixtures.Seller seller) {
        browser.fill("username", seller.email());
        browser.fill("password", seller.password());
        browser.clickButton("Sign in");
    }

    void openFromReportsMenu(String link, String path) {
        browser.click("header #reports-menu summary");
        browser.waitFor("header #reports-menu[open] ul a");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='" + link + "']"));
        browser.waitForPath(path);
    }

    /** Refreshes the page until the row shows {@code status}, as a seller waiting for a report does. */
    void refreshUntil(String row, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!status.equals(browser.attribute(row, "data-status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            browser.driver().navigate().refresh();
            browser.waitFor(row);
        }
        assertThat(browser.attribute(row, "data-status")).isEqualTo(status);
    }

    /** Fetches a link with the browser's own session: status, Content-Disposition and Content-Type lines, then the body. */
    String fetch(String href) {
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
                        + " + r.headers.get('Content-Disposition') + '\\n' + r.headers.get('Content-Type') + '\\n' + t)));",
                href).toString();
    }

    /** Sets a date field's value as a date picker would (typing into one depends on the browser's locale). */
    void date(String id, LocalDate value) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, value.toString());
    }

    @Test
    void aSellerRequestsAListingsReportAndAnOrderReportOverDatesAndDownloadsThem() throws Exception {
        JsonClient api = new JsonClient(port, TOKEN);
        Scene scene = scene(api);
        browser.open("/login");
        signIn(scene.seller());
        browser.waitForPath("/sellercentral");

        openFromReportsMenu("Inventory Reports", "/sellercentral/reports/inventory");
        assertThat(browser.text("main h1")).isEqualTo("Inventory Reports");
        assertThat(browser.isShown("#no-requests")).isTrue();
        assertThat(browser.isShown("#startDate")).as("listings reports are snapshots").isFalse();
        browser.screenshot("01-inventory-reports");

        browser.select("reportType", ReportTypes.MERCHANT_LISTINGS);
        browser.clickButton("Request report");
        browser.waitFor("#notice");
        assertThat(browser.text("#notice")).startsWith("Your report was requested: ReportRequestId ");
        String listingsRow = "#request-" + browser.text("#notice").replaceAll("\\D", "");
        assertThat(browser.text(listingsRow + " .title")).isEqualTo("Active Listings Report");
        assertThat(browser.text(listingsRow + " .dates")).isEqualTo("As of generation");
        assertThat(browser.text(listingsRow + " .source")).isEqualTo("Requested here");
        refreshUntil(listingsRow, ReportRequest.DONE);
        browser.scrollTo(listingsRow);
        browser.screenshot("02-listings-report-done");
        String reportId = browser.attribute(listingsRow, "data-report-id");
        String href = browser.attribute(listingsRow + " a.download", "href");
        assertThat(href).endsWith("/sellercentral/reports/download/" + reportId);
        String listings = fetch(href);
        assertThat(listings).startsWith("200 attachment; filename=\"" + reportId + ".txt\"\ntext/plain")
                .contains("\nitem-name\titem-description\tlisting-id\tseller-sku\t")
                .contains("\t" + scene.sku() + "\t");

        openFromReportsMenu("Order Reports", "/sellercentral/reports/orders");
        assertThat(browser.text("main h1")).isEqualTo("Order Reports");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        browser.select("reportType", ReportTypes.ALL_ORDERS_BY_ORDER_DATE);
        date("startDate", today);
        date("endDate", today.minusDays(3));
        browser.clickButton("Request report");
        browser.waitFor("#problem");
        assertThat(browser.text("#problem")).startsWith("The first day is after the last one");
        assertThat(browser.value("startDate")).as("the form keeps what was chosen").isEqualTo(today.toString());
        assertThat(browser.value("reportType")).isEqualTo(ReportTypes.ALL_ORDERS_BY_ORDER_DATE);
        assertThat(browser.isShown("#no-requests")).isTrue();
        browser.screenshot("03-refused-range");

        date("startDate", today.minusDays(3));
        date("endDate", today);
        browser.clickButton("Request report");
        browser.waitFor("#notice");
        String ordersRow = "#request-" + browser.text("#notice").replaceAll("\\D", "");
        assertThat(browser.text(ordersRow + " .title")).isEqualTo("All Orders Report");
        assertThat(browser.text(ordersRow + " .dates")).startsWith(DisplayTime.minute(
                today.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant()) + " – " + today);
        refreshUntil(ordersRow, ReportRequest.DONE);
        browser.scrollTo(ordersRow);
        browser.screenshot("04-order-report-done");
        String orders = fetch(browser.attribute(ordersRow + " a.download", "href"));
        assertThat(orders).startsWith("200 attachment; filename=\"" + browser.attribute(ordersRow, "data-report-id") + ".txt\"")
                .contains("\namazon-order-id\tmerchant-order-id\tpurchase-date\t")
                .contains("\n" + scene.amazonOrderId() + "\t").contains("\t" + scene.sku() + "\t");
        assertThat(browser.texts("#report-requests tbody tr")).as("only order reports here").hasSize(1);
    }

    @Test
    void aShippedOrdersSettlementReportIsListedOnPaymentsOnceThePeriodCloses() throws Exception {
        JsonClient api = new JsonClient(port, TOKEN);
        Scene scene = scene(api);
        browser.open("/sellercentral/reports/payments");
        browser.waitForPath("/login");
        signIn(scene.seller());
        browser.waitForPath("/sellercentral/reports/payments");
        assertThat(browser.text("main h1")).isEqualTo("Payments");
        assertThat(browser.isShown("#no-settlements")).isTrue();

        // The seller ships the order with a shipping confirmation file, which posts its sale to the open period.
        Path file = files.resolve("shipped.txt");
        Files.writeString(file, "order-id\tship-date\n" + scene.amazonOrderId() + "\t"
                + clock.instant().atOffset(ZoneOffset.UTC).toLocalDate() + "\n", StandardCharsets.UTF_8);
        browser.click("header #inventory-menu summary");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Add Products via Upload']"));
        browser.waitForPath("/sellercentral/inventory/upload");
        browser.select("feedType", "_POST_FLAT_FILE_FULFILLMENT_DATA_");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        browser.clickButton("Upload");
        browser.waitFor("#notice");
        String feedRow = "#feed-" + browser.text("#notice").replaceAll("\\D", "");
        refreshUntil(feedRow, "_DONE_");
        assertThat(browser.text(feedRow + " .counts")).isEqualTo("1 / 1 / 0 / 0");

        // Fifteen days later the 14-day period has closed; the platform produces its settlement report.
        JsonClient.Response moved = api.post("/sandbox/v1/clock/advance", "{\"duration\": \"P15D\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        browser.open("/sellercentral/reports/payments");
        if (browser.currentPath().equals("/login")) {
            // Fifteen days outlive any session: the seller signs in again and goes back to Payments.
            signIn(scene.seller());
            browser.waitUntil(driver -> !browser.currentPath().equals("/login"));
            browser.open("/sellercentral/reports/payments");
        }
        browser.waitForPath("/sellercentral/reports/payments");
        String row = "#settlement-reports tbody tr";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!ReportRequest.DONE.equals(statusOfFirst(row)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            browser.driver().navigate().refresh();
            browser.waitFor("main h1");
        }
        assertThat(statusOfFirst(row)).isEqualTo(ReportRequest.DONE);
        assertThat(browser.texts(row)).hasSize(1);
        assertThat(browser.text(row + " .period")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC – \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        assertThat(browser.text(row + " .available")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        browser.screenshot("05-payments");
        String reportId = browser.attribute(row, "data-report-id");
        String settlement = fetch(browser.attribute(row + " a.download", "href"));
        assertThat(settlement).startsWith("200 attachment; filename=\"" + reportId + ".txt\"")
                .contains("\nsettlement-id\tsettlement-start-date\tsettlement-end-date\t")
                .contains("\t" + scene.amazonOrderId() + "\t");
    }

    private String statusOfFirst(String css) {
        return browser.isShown(css) ? browser.attribute(css, "data-status") : null;
    }
}
