package io.openmws.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Orders > Manage Orders in a real headless Chromium, with orders that buyers placed through the
 * sandbox control API: the seller opens the list from the Orders menu, narrows it with a status tab and
 * a SKU search, confirms the shipment of an order by uploading a shipping confirmation file, opens the
 * order and reads its items, buyer, totals and the two shipments, and finds another seller's order is
 * no page at all. The rules behind the pages are {@code ManageOrdersHttpTest}'s. Screenshots
 * land in {@code target/screenshots/ManageOrdersBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManageOrdersBrowserTest {

    static final String TOKEN = "orders-operator-token-" + UUID.randomUUID();
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

    String place(JsonClient api, Fixtures.Seller seller, String body) {
        JsonClient.Response placed = api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders", body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("amazonOrderId").asString();
    }

    static BigDecimal amount(String shown) {
        assertThat(shown).endsWith(" USD");
        return new BigDecimal(shown.substring(0, shown.length() - 4));
    }

    @Test
    void aSellerFindsItsOrdersFiltersThemShipsOneAndReadsIt() throws Exception {
        JsonClient api = new JsonClient(port, TOKEN);
        Fixtures fixtures = new Fixtures(api);
        Fixtures.Seller seller = fixtures.seller();
        Fixtures.Seller other = fixtures.seller();
        Listings listings = new Listings(catalog, transactions, jdbc);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String mug = "MUG-" + tag;
        String kettle = "KETTLE-" + tag;
        listings.offer(listings.accountId(seller.sellerId()), US, mug, "12.50", 10, 2);
        listings.offer(listings.accountId(seller.sellerId()), US, kettle, "30.00", 5, 1);
        listings.offer(listings.accountId(other.sellerId()), US, mug, "11.00", 5, 1);
        Instant now = clock.instant();
        JsonClient.Response first = api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders", """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 2}, {"sku": "%s", "quantity": 1}],
                 "buyer": {"name": "Ada Lovelace"}, "purchaseDate": "%s"}"""
                .formatted(US, mug, kettle, now.minus(Duration.ofDays(2))));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String shipped = first.json().get("amazonOrderId").asString();
        String mugItem = first.json().get("orderItems").get(0).get("orderItemId").asString();
        String pending = place(api, seller, """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 1}]}""".formatted(US, kettle));
        String theirs = place(api, other, """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 1}], "purchaseDate": "%s"}"""
                .formatted(US, mug, now.minus(Duration.ofDays(1))));
        // The payment check turns the two-day-old order Unshipped.
        await().atMost(Duration.ofSeconds(30)).until(() -> "Unshipped".equals(jdbc.sql(
                "SELECT status FROM customer_order WHERE amazon_order_id = :id").param("id", shipped)
                .query(String.class).single()));

        browser.open("/login");
        browser.fill("username", seller.email());
        browser.fill("password", seller.password());
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");

        browser.click("header #orders-menu summary");
        browser.waitFor("header #orders-menu[open] ul a");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Manage Orders']"));
        browser.waitForPath("/sellercentral/orders");
        assertThat(browser.text("main h1")).isEqualTo("Manage Orders");
        browser.waitFor("#order-list");
        assertThat(browser.texts("#order-list tbody tr")).hasSize(2);
        String pendingRow = "#order-" + pending;
        String shippedRow = "#order-" + shipped;
        assertThat(browser.text(pendingRow + " .buyer")).isEqualTo("Shown once the payment is confirmed");
        assertThat(browser.text(shippedRow + " .buyer")).isEqualTo("Ada Lovelace");
        assertThat(browser.text(shippedRow + " .items")).contains("2 × Title of " + mug).contains(kettle);
        assertThat(browser.text("#tab-all")).isEqualTo("All (2)");
        assertThat(browser.text("#tab-Unshipped")).isEqualTo("Unshipped (1)");
        browser.screenshot("01-manage-orders");

        browser.click("#tab-Pending");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("status=Pending"));
        assertThat(browser.texts("#order-list tbody tr")).singleElement().asString().contains(pending);
        browser.click("#tab-all");
        browser.waitUntil(driver -> !driver.getCurrentUrl().contains("status="));
        browser.fill("q", mug.toLowerCase());
        browser.click("#search-submit");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("q="));
        browser.waitFor(shippedRow);
        assertThat(browser.texts("#order-list tbody tr")).hasSize(1);
        browser.screenshot("02-searched-by-sku");

        // The seller ships: one mug by UPS, then the rest of the order by USPS, in one confirmation file.
        Path file = files.resolve("shipped-today.txt");
        String day = now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Files.writeString(file, String.join("\n",
                "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method",
                shipped + "\t" + mugItem + "\t1\t" + day + "\tUPS\t\t1Z999AA10123456784\tGround",
                shipped + "\t\t\t" + day + "\tUSPS\t\t9400111899223100001234\tPriority") + "\n", StandardCharsets.UTF_8);
        browser.click("header #inventory-menu summary");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Add Products via Upload']"));
        browser.waitForPath("/sellercentral/inventory/upload");
        browser.select("feedType", "_POST_FLAT_FILE_FULFILLMENT_DATA_");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        browser.clickButton("Upload");
        browser.waitFor("#notice");
        String feedRow = "#feed-" + browser.text("#notice").replaceAll("\\D", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!"_DONE_".equals(browser.attribute(feedRow, "data-status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            browser.driver().navigate().refresh();
            browser.waitFor(feedRow);
        }
        assertThat(browser.text(feedRow + " .counts")).isEqualTo("2 / 2 / 0 / 0");

        browser.click("header #orders-menu summary");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Manage Orders']"));
        browser.waitForPath("/sellercentral/orders");
        browser.click("#tab-Shipped");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("status=Shipped"));
        assertThat(browser.texts("#order-list tbody tr")).singleElement().asString().contains(shipped);
        assertThat(browser.text("#tab-Shipped")).isEqualTo("Shipped (1)");
        browser.screenshot("03-shipped-tab");
        browser.click(shippedRow + " .order-id a");
        browser.waitForPath("/sellercentral/orders/" + shipped);
        assertThat(browser.text("#order-id")).isEqualTo(shipped);
        assertThat(browser.text("#status")).isEqualTo("Shipped");
        assertThat(browser.text("#buyer-name")).isEqualTo("Ada Lovelace");
        assertThat(browser.isShown("#ship-to")).isTrue();
        assertThat(browser.texts("#items tbody tr")).hasSize(2);
        assertThat(browser.text("#items tr[data-sku='" + mug + "'] .ordered")).isEqualTo("2");
        assertThat(browser.text("#items tr[data-sku='" + mug + "'] .shipped")).isEqualTo("2");
        assertThat(browser.text("#items tr[data-sku='" + mug + "'] .item-price")).isEqualTo("25.00 USD");
        assertThat(browser.text("#total-items")).isEqualTo("55.00 USD");
        assertThat(amount(browser.text("#order-total"))).as("the total is the sum of the lines' amounts")
                .isEqualByComparingTo(amount(browser.text("#total-items")).add(amount(browser.text("#total-shipping")))
                        .add(amount(browser.text("#total-tax"))));
        assertThat(browser.texts("#shipment-list tbody tr")).hasSize(2);
        assertThat(browser.texts("#shipment-list .carrier")).containsExactly("UPS", "USPS");
        assertThat(browser.texts("#shipment-list .tracking")).containsExactly("1Z999AA10123456784",
                "9400111899223100001234");
        assertThat(browser.texts("#shipment-list .shipped-items")).containsExactly("1 × " + mug,
                "1 × " + mug + "\n1 × " + kettle);
        assertThat(browser.isShown("#refunds")).isFalse();
        browser.screenshot("04-order-page");
        browser.scrollTo("#shipments");
        browser.screenshot("05-order-totals-and-shipments");

        // The buyer sends one mug back: the return shows on the order page.
        JsonClient.Response refund = api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders/" + shipped
                + "/refund", "{\"items\": [{\"orderItemId\": \"" + mugItem + "\", \"quantity\": 1}]}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        browser.driver().navigate().refresh();
        browser.waitFor("#refund-list");
        assertThat(browser.texts("#refund-list tbody tr")).hasSize(1);
        assertThat(browser.text("#refund-list .reason")).isEqualTo("CustomerReturn");
        assertThat(browser.text("#refund-list .refunded-items")).isEqualTo("1 × " + mug);
        assertThat(amount(browser.text("#refund-list .amount"))).as("half the mug line, shipping and tax included")
                .isGreaterThan(new BigDecimal("12.50"));
        browser.scrollTo("#refunds");
        browser.screenshot("06-order-return");

        browser.open("/sellercentral/orders/" + pending);
        assertThat(browser.isShown("#buyer-hidden")).isTrue();
        assertThat(browser.isShown("#pending-note")).isTrue();
        browser.screenshot("07-pending-order");

        browser.open("/sellercentral/orders/" + theirs);
        assertThat(browser.text("main h1")).isEqualTo("Page not found");
    }
}
