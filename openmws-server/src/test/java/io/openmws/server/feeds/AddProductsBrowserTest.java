package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Inventory in a real headless Chromium: a seller uploads an Inventory Loader file through Add Products
 * via Upload, sees it listed and processed, reads its processing report, and finds the new listing by
 * its SKU on Manage Inventory, linked to the feed. The rules behind the pages are
 * {@code FeedUploadHttpTest}'s and {@code ManageInventoryHttpTest}'s. Screenshots land in
 * {@code target/screenshots/AddProductsBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AddProductsBrowserTest {

    static final String TOKEN = "inventory-operator-token-" + UUID.randomUUID();

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

    @TempDir
    Path files;

    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void aSellerUploadsAnInventoryFileFollowsItToDoneReadsTheReportAndFindsTheListing() throws Exception {
        Fixtures.Seller seller = new Fixtures(port, TOKEN).seller();
        // A product already in the marketplace's catalog, which the seller's file offers by its ASIN.
        String asin = "B0" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        jdbc.sql("INSERT INTO catalog_product (asin, title, created_at) VALUES (:a, 'Enamel Camping Mug', :at)")
                .param("a", asin).param("at", SqlTime.of(clock.instant())).update();
        String sku = "MUG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Path file = files.resolve("camping-mugs.txt");
        Files.writeString(file, "sku\tproduct-id\tproduct-id-type\tprice\tquantity\tadd-delete\n"
                + sku + "\t" + asin + "\t1\t12.50\t4\ta\n", StandardCharsets.UTF_8);

        browser.open("/login");
        browser.fill("username", seller.email());
        browser.fill("password", seller.password());
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");

        browser.click("header #inventory-menu summary");
        browser.waitFor("header #inventory-menu[open] ul a");
        browser.screenshot("01-inventory-menu");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Add Products via Upload']"));
        browser.waitForPath("/sellercentral/inventory/upload");
        assertThat(browser.text("main h1")).isEqualTo("Add Products via Upload");
        assertThat(browser.isShown("#no-submissions")).isTrue();

        browser.select("feedType", "_POST_FLAT_FILE_INVLOADER_DATA_");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        browser.screenshot("02-upload-form");
        browser.clickButton("Upload");
        browser.waitFor("#notice");
        assertThat(browser.text("#notice")).startsWith("Your file was submitted: FeedSubmissionId ");
        String feedId = browser.text("#notice").replaceAll("\\D", "");
        assertThat(feedId).hasSize(11);
        String row = "#feed-" + feedId;
        assertThat(browser.text(row + " .file-name")).isEqualTo("camping-mugs.txt");

        // Processing runs in the background: the seller refreshes until it is done.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!"_DONE_".equals(browser.attribute(row, "data-status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            browser.driver().navigate().refresh();
            browser.waitFor(row);
        }
        assertThat(browser.attribute(row, "data-status")).isEqualTo("_DONE_");
        assertThat(browser.text(row + " .counts")).isEqualTo("1 / 1 / 0 / 0");
        browser.screenshot("03-done");
        String href = browser.attribute(row + " a.report", "href");
        assertThat(href).endsWith("/sellercentral/inventory/upload/" + feedId + "/report");
        Object report = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
                        + " + r.headers.get('Content-Disposition') + '\\n' + t)));", href);
        assertThat(report.toString()).startsWith("200 attachment; filename=\"processing-report-" + feedId + ".txt\"")
                .contains("Number of records processed").contains("Number of records successful");

        browser.click("header #inventory-menu summary");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Manage Inventory']"));
        browser.waitForPath("/sellercentral/inventory");
        browser.fill("q", sku.toLowerCase());
        browser.click("#search-submit");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("q="));
        String listing = "#listings tr[data-sku='" + sku + "']";
        browser.waitFor(listing);
        assertThat(browser.texts("#listings tbody tr")).hasSize(1);
        assertThat(browser.text(listing + " .asin")).isEqualTo(asin);
        assertThat(browser.text(listing + " .title")).isEqualTo("Enamel Camping Mug");
        assertThat(browser.text(listing + " .price")).isEqualTo("12.50 USD");
        assertThat(browser.text(listing + " .quantity")).isEqualTo("4");
        assertThat(browser.text(listing + " .last-feed")).isEqualTo(feedId);
        browser.screenshot("04-manage-inventory");
        browser.click(listing + " .last-feed a");
        browser.waitForPath("/sellercentral/inventory/upload");
        assertThat(browser.texts("#feeds tbody tr")).singleElement().asString().contains(feedId);
    }
}
