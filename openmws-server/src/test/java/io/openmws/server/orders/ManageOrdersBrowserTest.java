package io.openmws.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * a SKU search, opens an order, reads its items, buyer, totals and shipment, and finds another seller's
 * order is no page at all. The rules behind the pages are {@code ManageOrdersHttpTest}'s. Screenshots
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

    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    String place(JsonClient api, Fixtures.Seller seller, String body) {
        JsonClient.Response placed = api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders", body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("amazonOrderId").asString();
    }

    /**
     * A shipping confirmation of every unit, recorded as the order-feeds feature records one from an
     * OrderFulfillment message: the shipment, its items, the shipped quantities and the new status.
     */
    void shipEverything(String amazonOrderId, String carrier, String tracking) {
        Instant now = clock.instant();
        long ref = jdbc.sql("SELECT id FROM customer_order WHERE amazon_order_id = :id").param("id", amazonOrderId)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO order_shipment (order_ref, carrier_code, shipping_method, tracking_number, ship_date, recorded_at)
                VALUES (:ref, :carrier, 'Ground', :tracking, :at, :at)""")
                .param("ref", ref).param("carrier", carrier).param("tracking", tracking).param("at", SqlTime.of(now))
                .update();
        long shipment = jdbc.sql("SELECT MAX(id) FROM order_shipment WHERE order_ref = :ref").param("ref", ref)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO order_shipment_item (shipment_ref, order_item_ref, quantity)
                SELECT :shipment, id, quantity_ordered FROM order_item WHERE order_ref = :ref""")
                .param("shipment", shipment).param("ref", ref).update();
        jdbc.sql("UPDATE order_item SET quantity_shipped = quantity_ordered WHERE order_ref = :ref").param("ref", ref)
                .update();
        jdbc.sql("""
                UPDATE customer_order SET status = 'Shipped', items_shipped = items_shipped + items_unshipped,
                       items_unshipped = 0, last_update_date = :at WHERE id = :ref""")
                .param("ref", ref).param("at", SqlTime.of(now)).update();
    }

    @Test
    void aSellerFindsItsOrdersFiltersThemAndReadsAnOrder() {
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
        String shipped = place(api, seller, """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 2}, {"sku": "%s", "quantity": 1}],
                 "buyer": {"name": "Ada Lovelace"}, "purchaseDate": "%s"}"""
                .formatted(US, mug, kettle, now.minus(Duration.ofDays(2))));
        String pending = place(api, seller, """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 1}]}""".formatted(US, kettle));
        String theirs = place(api, other, """
                {"marketplaceId": "%s", "items": [{"sku": "%s", "quantity": 1}], "purchaseDate": "%s"}"""
                .formatted(US, mug, now.minus(Duration.ofDays(1))));
        // The payment check turns the two-day-old order Unshipped; then the seller ships it.
        await().atMost(Duration.ofSeconds(30)).until(() -> "Unshipped".equals(jdbc.sql(
                "SELECT status FROM customer_order WHERE amazon_order_id = :id").param("id", shipped)
                .query(String.class).single()));
        shipEverything(shipped, "UPS", "1Z999AA10123456784");

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
        assertThat(browser.text("#tab-Shipped")).isEqualTo("Shipped (1)");
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
        assertThat(browser.text("#order-total")).endsWith(" USD");
        assertThat(browser.text("#shipment-list .tracking")).isEqualTo("1Z999AA10123456784");
        assertThat(browser.text("#shipment-list .carrier")).isEqualTo("UPS");
        assertThat(browser.text("#shipment-list .shipped-items")).contains("2 × " + mug).contains("1 × " + kettle);
        browser.screenshot("03-order-page");
        browser.scrollTo("#shipments");
        browser.screenshot("04-order-totals-and-shipment");

        browser.open("/sellercentral/orders/" + pending);
        assertThat(browser.isShown("#buyer-hidden")).isTrue();
        assertThat(browser.isShown("#pending-note")).isTrue();
        browser.screenshot("05-pending-order");

        browser.open("/sellercentral/orders/" + theirs);
        assertThat(browser.text("main h1")).isEqualTo("Page not found");
    }
}
