package io.openmws.server.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Orders > Manage Orders over HTTP on a real port, on both databases: only the signed-in seller's
 * orders, newest first, with counts per status, filtered by status, purchase dates and marketplace,
 * searched by order id, SKU and buyer name, in keyset pages that keep the filters; the order page
 * with its items, totals, shipments and cancellation, the buyer hidden while Pending, and the portal's
 * 404 for another seller's order. Orders are written with SQL in the set-up, as the orders feature
 * writes them (so every status and date is exact); the pages themselves only read. One test follows
 * orders that buyers place through the sandbox control API instead, through the payment check and a
 * buyer's cancellation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ManageOrdersHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String ORDERS = "/sellercentral/orders";
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final Pattern ROW = Pattern.compile("data-order-id=\"([0-9-]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

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

    /** One line of a test order: quantity of a SKU at a unit price. */
    record Line(String sku, String title, int quantity, String unitPrice) {}

    Fixtures fixtures() {
        return new Fixtures(new JsonClient(port, TOKEN));
    }

    PortalClient signedIn(Fixtures.Seller seller) {
        PortalClient client = new PortalClient(port);
        Page signIn = client.submit("/login", "/login", "username", seller.email(), "password", Fixtures.PASSWORD);
        assertThat(signIn.redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    long accountId(Fixtures.Seller seller) {
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", seller.sellerId())
                .query(Long.class).single();
    }

    static String newOrderId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%03d-%07d-%07d", r.nextInt(1000), r.nextInt(10_000_000), r.nextInt(10_000_000));
    }

    static String newItemId() {
        return String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    /**
     * An order as the orders feature writes one: shipping 4.99 and tax 10 % of the price per line, the
     * total their sum; the ship-by date two days after purchase. Returns the AmazonOrderId.
     */
    String order(long account, String marketplace, String status, Instant purchased, String buyer, Line... lines) {
        String id = newOrderId();
        String currency = marketplace.equals(CA) ? "CAD" : "USD";
        BigDecimal total = BigDecimal.ZERO;
        int units = 0;
        for (Line l : lines) {
            BigDecimal price = new BigDecimal(l.unitPrice()).multiply(BigDecimal.valueOf(l.quantity()));
            total = total.add(price).add(new BigDecimal("4.99")).add(price.movePointLeft(1).setScale(2));
            units += l.quantity();
        }
        boolean shipped = status.equals("Shipped");
        jdbc.sql("""
                INSERT INTO customer_order (account_id, amazon_order_id, marketplace_id, status, sales_channel,
                    ship_service_level, shipment_service_level_category, buyer_name, buyer_email, ship_name,
                    ship_address_line1, ship_city, ship_state_or_region, ship_postal_code, ship_country_code,
                    ship_phone, currency, order_total, items_shipped, items_unshipped, purchase_date, pending_until,
                    last_update_date, earliest_ship_date, latest_ship_date, earliest_delivery_date,
                    latest_delivery_date, canceled_at, cancel_reason, canceled_by)
                VALUES (:account, :id, :m, :status, :channel, 'Std US D2D Dom', 'Standard', :buyer, :email, :buyer,
                    '1200 Lakeview Ave', 'Seattle', 'WA', '98103', :country, '+1 206 555 0147', :currency, :total,
                    :shipped, :unshipped, :at, :pendingUntil, :updated, :at, :shipBy, :deliverFrom, :deliverBy,
                    :canceledAt, :reason, :by)""")
                .param("account", account).param("id", id).param("m", marketplace).param("status", status)
                .param("channel", marketplace.equals(CA) ? "Amazon.ca" : "Amazon.com").param("buyer", buyer)
                .param("email", UUID.randomUUID().toString().substring(0, 12) + "@marketplace.amazon.com")
                .param("country", marketplace.equals(CA) ? "CA" : "US").param("currency", currency)
                .param("total", total).param("shipped", shipped ? units : 0).param("unshipped", shipped ? 0 : units)
                .param("at", SqlTime.of(purchased)).param("pendingUntil", SqlTime.of(purchased.plus(Duration.ofMinutes(30))))
                .param("updated", SqlTime.of(purchased.plus(Duration.ofHours(1))))
                .param("shipBy", SqlTime.of(purchased.plus(Duration.ofDays(2))))
                .param("deliverFrom", SqlTime.of(purchased.plus(Duration.ofDays(4))))
                .param("deliverBy", SqlTime.of(purchased.plus(Duration.ofDays(8))))
                .param("canceledAt", SqlTime.of(status.equals("Canceled") ? purchased.plus(Duration.ofHours(1)) : null))
                .param("reason", status.equals("Canceled") ? "BuyerCanceled" : null)
                .param("by", status.equals("Canceled") ? "BUYER" : null)
                .update();
        long ref = ref(id);
        int seq = 1;
        for (Line l : lines) {
            BigDecimal unit = new BigDecimal(l.unitPrice());
            BigDecimal price = unit.multiply(BigDecimal.valueOf(l.quantity()));
            jdbc.sql("""
                    INSERT INTO order_item (order_ref, order_item_id, seq, sku, asin, title, condition_type,
                        quantity_ordered, quantity_shipped, unit_price, item_price, shipping_price, item_tax)
                    VALUES (:ref, :itemId, :seq, :sku, 'B00TEST001', :title, 'New', :q, :shipped, :unit, :price,
                        4.99, :tax)""")
                    .param("ref", ref).param("itemId", newItemId()).param("seq", seq++).param("sku", l.sku())
                    .param("title", l.title()).param("q", l.quantity()).param("shipped", shipped ? l.quantity() : 0)
                    .param("unit", unit).param("price", price).param("tax", price.movePointLeft(1).setScale(2))
                    .update();
        }
        return id;
    }

    Instant purchased(String amazonOrderId) {
        return jdbc.sql("SELECT purchase_date FROM customer_order WHERE amazon_order_id = :id").param("id", amazonOrderId)
                .query((rs, n) -> SqlTime.read(rs, "purchase_date")).single();
    }

    long ref(String amazonOrderId) {
        return jdbc.sql("SELECT id FROM customer_order WHERE amazon_order_id = :id").param("id", amazonOrderId)
                .query(Long.class).single();
    }

    /** A shipment of all of the order's units, as the order-feeds feature records a confirmation. */
    void shipment(String amazonOrderId, String carrier, String tracking, Instant shipped) {
        long ref = ref(amazonOrderId);
        jdbc.sql("""
                INSERT INTO order_shipment (order_ref, carrier_code, shipping_method, tracking_number, ship_date, recorded_at)
                VALUES (:ref, :carrier, 'Ground', :tracking, :at, :at)""")
                .param("ref", ref).param("carrier", carrier).param("tracking", tracking).param("at", SqlTime.of(shipped))
                .update();
        long shipment = jdbc.sql("SELECT MAX(id) FROM order_shipment WHERE order_ref = :ref").param("ref", ref)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO order_shipment_item (shipment_ref, order_item_ref, quantity)
                SELECT :shipment, id, quantity_ordered FROM order_item WHERE order_ref = :ref""")
                .param("shipment", shipment).param("ref", ref).update();
    }

    static List<String> ids(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** A buyer's order through the control API; answers the AmazonOrderId. */
    String place(JsonClient api, Fixtures.Seller seller, String body) {
        JsonClient.Response placed = api.post("/sandbox/v1/sellers/" + seller.sellerId() + "/orders", body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("amazonOrderId").asString();
    }

    @Test
    void ordersPlacedByBuyersAppearPendingThenUnshippedWithTheBuyerThenCanceled() {
        JsonClient api = new JsonClient(port, TOKEN);
        Fixtures.Seller shop = new Fixtures(api).seller(Fixtures.newEmail("placed"), US);
        Fixtures.Seller other = new Fixtures(api).seller(Fixtures.newEmail("other"), US);
        Listings listings = new Listings(catalog, transactions, jdbc);
        listings.offer(listings.accountId(shop.sellerId()), US, "MUG-BLUE", "12.50", 10, 2);
        listings.offer(listings.accountId(other.sellerId()), US, "MUG-BLUE", "11.00", 10, 2);
        String first = place(api, shop, """
                {"marketplaceId": "%s", "items": [{"sku": "MUG-BLUE", "quantity": 2}],
                 "buyer": {"name": "Ada Lovelace", "email": "ada@marketplace.amazon.com"}}""".formatted(US));
        String second = place(api, shop, """
                {"marketplaceId": "%s", "items": [{"sku": "MUG-BLUE", "quantity": 1}]}""".formatted(US));
        String theirs = place(api, other, """
                {"marketplaceId": "%s", "items": [{"sku": "MUG-BLUE", "quantity": 1}]}""".formatted(US));

        PortalClient client = signedIn(shop);
        String pending = client.get(ORDERS).body();
        assertThat(ids(pending)).containsExactly(second, first);
        assertThat(pending).contains("All (2)", "Pending (2)").doesNotContain("Ada Lovelace").doesNotContain(theirs)
                .contains("2 × Title of MUG-BLUE");
        assertThat(client.get(ORDERS + "/" + first).body()).contains("id=\"buyer-hidden\"")
                .doesNotContain("Ada Lovelace").contains("id=\"pending-note\"");

        // The payment check: 30 minutes of platform time later both are Unshipped, and the buyer shows.
        assertThat(api.post("/sandbox/v1/clock/advance", "{\"duration\": \"PT31M\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.get(ORDERS + "?status=Unshipped").body()).contains("Unshipped (2)"));
        String unshipped = client.get(ORDERS + "/" + first).body();
        assertThat(unshipped).contains("Ada Lovelace").contains("ada@marketplace.amazon.com")
                .doesNotContain("id=\"buyer-hidden\"").contains("id=\"no-shipments\"");
        assertThat(ids(client.get(ORDERS + "?q=ada").body())).containsExactly(first);

        assertThat(api.post("/sandbox/v1/sellers/" + shop.sellerId() + "/orders/" + second + "/cancel", "{}").status())
                .isEqualTo(200);
        String canceled = client.get(ORDERS + "?status=Canceled").body();
        assertThat(ids(canceled)).containsExactly(second);
        assertThat(canceled).contains("Canceled (1)", "Unshipped (1)");
        assertThat(client.get(ORDERS + "/" + second).body()).contains("id=\"cancellation\"").contains("The buyer");
        assertThat(client.raw(HttpRequest.newBuilder(URI.create(client.base() + ORDERS + "/" + theirs))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        PortalClient anonymous = new PortalClient(port);
        assertThat(anonymous.get(ORDERS).redirectPath()).endsWith("/login");
        assertThat(anonymous.get(ORDERS + "?status=Shipped&q=x").redirectPath()).endsWith("/login");
        assertThat(anonymous.get(ORDERS + "/" + newOrderId()).redirectPath()).endsWith("/login");
    }

    @Test
    void theSellerSeesOnlyItsOwnOrdersNewestFirstFilteredAndSearched() {
        Fixtures.Seller shop = fixtures().seller(Fixtures.newEmail("orders"), US, CA);
        Fixtures.Seller other = fixtures().seller(Fixtures.newEmail("rival"), US);
        long account = accountId(shop);
        Instant now = clock.instant();
        Instant d10 = now.minus(Duration.ofDays(10));
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String shipped = order(account, US, "Shipped", d10, "Ada Lovelace",
                new Line("MUG-BLUE-" + tag, "Blue Enamel Mug", 2, "12.50"));
        String canceled = order(account, US, "Canceled", now.minus(Duration.ofDays(5)), "Grace Hopper",
                new Line("KETTLE-" + tag, "Stovetop Kettle", 1, "30.00"));
        String inCanada = order(account, CA, "Unshipped", now.minus(Duration.ofDays(3)), "Alan Turing",
                new Line("MUG-BLUE-" + tag, "Blue Enamel Mug", 1, "15.00"),
                new Line("SPOON-" + tag, "Tea Spoon", 4, "2.00"),
                new Line("TRAY-" + tag, "Serving Tray 50% off_", 1, "20.00"));
        String partly = order(account, US, "PartiallyShipped", now.minus(Duration.ofDays(2)), "Katherine Johnson",
                new Line("SPOON-" + tag, "Tea Spoon", 3, "2.00"));
        String pending = order(account, US, "Pending", now.minus(Duration.ofMinutes(5)), "Hidden Buyer",
                new Line("MUG-RED-" + tag, "Red Enamel Mug", 1, "12.50"));
        String rivals = order(accountId(other), US, "Unshipped", now.minus(Duration.ofDays(1)), "Ada Lovelace",
                new Line("MUG-BLUE-" + tag, "Blue Enamel Mug", 1, "11.00"));

        PortalClient client = signedIn(shop);
        String all = client.get(ORDERS).body();
        assertThat(ids(all)).as("the seller's own, newest first").containsExactly(pending, partly, inCanada, canceled, shipped);
        assertThat(all).contains("All (5)", "Pending (1)", "Unshipped (1)", "Partially shipped (1)", "Shipped (1)",
                "Canceled (1)").doesNotContain(rivals).doesNotContain("id=\"no-orders\"");
        assertThat(all).as("the order id links to its page").contains("href=\"/sellercentral/orders/" + shipped + "\"");
        assertThat(all).as("the line total with shipping and tax, in the marketplace's currency")
                .contains("32.49 USD").contains("62.27 CAD");
        assertThat(all).as("the ship-by date").contains(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                        .format(d10.plus(Duration.ofDays(2))));
        assertThat(all).as("two lines named, the rest counted").contains("and 1 more line")
                .contains("Blue Enamel Mug").contains("Tea Spoon").doesNotContain("Serving Tray");
        assertThat(all).as("the buyer of a Pending order stays hidden").doesNotContain("Hidden Buyer")
                .contains("Shown once the payment is confirmed").contains("Ada Lovelace");

        assertThat(ids(client.get(ORDERS + "?status=shipped").body())).containsExactly(shipped);
        assertThat(ids(client.get(ORDERS + "?status=PartiallyShipped").body())).containsExactly(partly);
        assertThat(ids(client.get(ORDERS + "?status=Pending").body())).containsExactly(pending);
        assertThat(ids(client.get(ORDERS + "?status=Refunded").body())).as("an unknown status is no filter").hasSize(5);
        String canadian = client.get(ORDERS + "?marketplace=" + CA).body();
        assertThat(ids(canadian)).containsExactly(inCanada);
        assertThat(canadian).as("counts follow the marketplace").contains("All (1)", "Unshipped (1)", "Shipped (0)");
        assertThat(ids(client.get(ORDERS + "?marketplace=A1PA6795UKMFR9").body()))
                .as("a marketplace the seller does not sell in is no filter").hasSize(5);

        String lastWeek = client.get(ORDERS + "?from=" + day(now.minus(Duration.ofDays(6))) + "&to="
                + day(now.minus(Duration.ofDays(2)))).body();
        assertThat(ids(lastWeek)).as("purchase dates, both days included").containsExactly(partly, inCanada, canceled);
        assertThat(lastWeek).contains("All (3)", "Shipped (0)");
        assertThat(ids(client.get(ORDERS + "?to=" + day(d10)).body())).containsExactly(shipped);
        assertThat(ids(client.get(ORDERS + "?from=" + day(now)).body())).containsExactly(pending);

        String badDate = client.get(ORDERS + "?from=2026-02-30").body();
        assertThat(badDate).as("a date that is not one is named, not applied")
                .contains("id=\"date-error\"").contains("Enter the purchase dates as YYYY-MM-DD");
        assertThat(ids(badDate)).hasSize(5);
        String backwards = client.get(ORDERS + "?from=" + day(now) + "&to=" + day(d10)).body();
        assertThat(backwards).contains("The first purchase date is after the last one");
        assertThat(ids(backwards)).hasSize(5);

        assertThat(ids(client.get(ORDERS + "?q=" + shipped).body())).as("the order id").containsExactly(shipped);
        assertThat(ids(client.get(ORDERS + "?q=" + q(" " + shipped.substring(4, 11) + " ")).body()))
                .as("a part of it").containsExactly(shipped);
        assertThat(ids(client.get(ORDERS + "?q=" + q("mug-blue-" + tag.toLowerCase())).body()))
                .as("a SKU, any case").containsExactly(inCanada, shipped);
        assertThat(ids(client.get(ORDERS + "?q=" + q("spoon")).body())).as("any line's SKU").containsExactly(partly, inCanada);
        assertThat(ids(client.get(ORDERS + "?q=" + q("50%")).body())).as("% is a character; titles are not searched")
                .isEmpty();
        assertThat(ids(client.get(ORDERS + "?q=" + q("grace hop")).body())).as("the buyer's name").containsExactly(canceled);
        assertThat(ids(client.get(ORDERS + "?q=" + q("hidden buyer")).body()))
                .as("not the name of a Pending order's buyer, which is not shown").isEmpty();
        String searchedAndFiltered = client.get(ORDERS + "?q=spoon&status=Unshipped").body();
        assertThat(ids(searchedAndFiltered)).containsExactly(inCanada);
        assertThat(searchedAndFiltered).as("tabs keep the search").contains("All (2)", "Partially shipped (1)")
                .contains("href=\"/sellercentral/orders?q=spoon&amp;status=Shipped\"");
        assertThat(client.get(ORDERS + "?q=nothing-like-this").body()).contains("id=\"no-match\"")
                .doesNotContain("id=\"no-orders\"");
    }

    @Test
    void keysetPagesKeepTheFiltersAndDoNotShiftWhenOrdersArrive() {
        Fixtures.Seller shop = fixtures().seller(Fixtures.newEmail("pages"), US, CA);
        long account = accountId(shop);
        Instant start = clock.instant().minus(Duration.ofDays(40));
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            placed.add(order(account, US, i % 3 == 0 ? "Shipped" : "Unshipped", start.plus(Duration.ofHours(i)),
                    "Buyer " + i, new Line("SKU-" + i, "Thing " + i, 1, "1.00")));
        }
        // Three orders at the very same instant: the row id breaks the tie, so none is lost between pages.
        String twinA = order(account, US, "Unshipped", start.plus(Duration.ofHours(5)), "Twin", new Line("TWIN", "Twin", 1, "1.00"));
        String twinB = order(account, US, "Unshipped", start.plus(Duration.ofHours(5)), "Twin", new Line("TWIN", "Twin", 1, "1.00"));
        placed.add(twinA);
        placed.add(twinB);
        List<String> newestFirst = new ArrayList<>(placed);
        newestFirst.sort(java.util.Comparator.comparing((String id) -> purchased(id)).thenComparing(this::ref).reversed());
        assertThat(newestFirst.subList(24, 27)).as("the tie sits across the page boundary")
                .containsExactlyInAnyOrder(twinA, twinB, placed.get(5));

        PortalClient client = signedIn(shop);
        String first = client.get(ORDERS).body();
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 25));
        assertThat(first).doesNotContain("rel=\"prev\"")
                .contains("href=\"/sellercentral/orders?before=" + newestFirst.get(24) + "\"");

        // A new order arrives while the seller reads page 1: page 2 still starts right after page 1.
        String arrived = order(account, US, "Unshipped", clock.instant(), "Late Buyer", new Line("NEW", "New", 1, "1.00"));
        String second = client.get(ORDERS + "?before=" + newestFirst.get(24)).body();
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(25, 32));
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"")
                .contains("href=\"/sellercentral/orders?after=" + newestFirst.get(25) + "\"");
        String back = client.get(ORDERS + "?after=" + newestFirst.get(25)).body();
        assertThat(ids(back)).as("newer than page 2's first: the 25 before it, newest first")
                .containsExactlyElementsOf(newestFirst.subList(0, 25));
        assertThat(back).as("and the order that arrived is newer still").contains("rel=\"prev\"");
        assertThat(ids(client.get(ORDERS + "?after=" + newestFirst.get(0)).body())).containsExactly(arrived);

        String shippedOnly = client.get(ORDERS + "?status=Shipped&size=25").body();
        assertThat(ids(shippedOnly)).hasSize(10).doesNotContain("rel=\"next\"");
        String filtered = client.get(ORDERS + "?q=sku&marketplace=" + US + "&from=" + day(start)).body();
        assertThat(ids(filtered)).hasSize(25);
        String thirtieth = ids(filtered).get(24);
        assertThat(filtered).as("page links keep the search and filters").contains(
                "href=\"/sellercentral/orders?q=sku&amp;from=" + day(start) + "&amp;marketplace=" + US
                        + "&amp;before=" + thirtieth + "\"");
        assertThat(ids(client.get(ORDERS + "?q=sku&marketplace=" + US + "&from=" + day(start) + "&before=" + thirtieth)
                .body())).hasSize(5).doesNotContain(twinA, twinB).doesNotContainAnyElementsOf(ids(filtered));
        assertThat(client.get(ORDERS + "?size=7").body()).as("odd sizes fall back")
                .contains("<option value=\"25\" selected=\"selected\">");
        assertThat(ids(client.get(ORDERS + "?size=50").body())).hasSize(33);

        Fixtures.Seller other = fixtures().seller(Fixtures.newEmail("other"), US);
        String theirs = order(accountId(other), US, "Unshipped", start, "Someone", new Line("X", "X", 1, "1.00"));
        assertThat(ids(client.get(ORDERS + "?before=" + theirs).body()))
                .as("another seller's order is no position: the newest page").startsWith(arrived).hasSize(25);
        assertThat(ids(client.get(ORDERS + "?before=not-an-id").body())).startsWith(arrived).hasSize(25);
    }

    @Test
    void theOrderPageShowsItemsTotalsBuyerShipmentsAndCancellation() {
        Fixtures.Seller shop = fixtures().seller(Fixtures.newEmail("detail"), US);
        long account = accountId(shop);
        Instant purchased = clock.instant().minus(Duration.ofDays(3));
        String shippedId = order(account, US, "Shipped", purchased, "Ada Lovelace",
                new Line("MUG-BLUE", "Blue Enamel Mug", 2, "12.50"), new Line("SPOON", "Tea Spoon", 3, "2.00"));
        shipment(shippedId, "UPS", "1Z999AA10123456784", purchased.plus(Duration.ofDays(1)));

        PortalClient client = signedIn(shop);
        String page = client.get(ORDERS + "/" + shippedId).body();
        assertThat(page).contains("id=\"order-id\">" + shippedId + "<").contains(">Shipped<")
                .contains("Ada Lovelace").contains("1200 Lakeview Ave").contains("Seattle, WA, 98103")
                .contains("@marketplace.amazon.com").doesNotContain("id=\"buyer-hidden\"");
        assertThat(page).as("the lines with their prices").contains("data-sku=\"MUG-BLUE\"").contains("25.00 USD")
                .contains("12.50 USD").contains("2.50 USD").contains("6.00 USD");
        assertThat(page).as("items 31.00 + shipping 9.98 + tax 3.10").contains("id=\"total-items\">31.00 USD<")
                .contains("id=\"total-shipping\">9.98 USD<").contains("id=\"total-tax\">3.10 USD<")
                .contains("id=\"order-total\">44.08 USD<");
        assertThat(page).as("the shipment").contains("1Z999AA10123456784").contains(">UPS<").contains("2 × MUG-BLUE")
                .contains("3 × SPOON").doesNotContain("id=\"no-shipments\"").doesNotContain("id=\"cancellation\"");
        assertThat(page).as("no returns yet").doesNotContain("id=\"refunds\"");

        // The buyer returns one mug, as the orders feature records a return: 12.50 + 2.49 + 1.25 + 0.25 back.
        jdbc.sql("INSERT INTO order_refund (order_ref, reason, posted_at) VALUES (:ref, 'CustomerReturn', :at)")
                .param("ref", ref(shippedId)).param("at", SqlTime.of(purchased.plus(Duration.ofDays(2)))).update();
        jdbc.sql("""
                INSERT INTO order_refund_item (refund_ref, order_item_ref, quantity, principal, shipping, tax, shipping_tax)
                SELECT (SELECT MAX(id) FROM order_refund WHERE order_ref = :ref), id, 1, 12.50, 2.49, 1.25, 0.25
                  FROM order_item WHERE order_ref = :ref AND sku = 'MUG-BLUE'""").param("ref", ref(shippedId)).update();
        String returned = client.get(ORDERS + "/" + shippedId).body();
        assertThat(returned).contains("id=\"refunds\"").contains("CustomerReturn").contains("1 × MUG-BLUE")
                .contains("16.49 USD");

        String pendingId = order(account, US, "Pending", clock.instant(), "Secret Buyer",
                new Line("MUG-BLUE", "Blue Enamel Mug", 1, "12.50"));
        String pending = client.get(ORDERS + "/" + pendingId).body();
        assertThat(pending).as("no buyer or address while Pending").doesNotContain("Secret Buyer")
                .doesNotContain("1200 Lakeview Ave").doesNotContain("@marketplace.amazon.com")
                .contains("id=\"buyer-hidden\"").contains("id=\"pending-note\"").contains("id=\"no-shipments\"");

        String canceledId = order(account, US, "Canceled", purchased, "Grace Hopper",
                new Line("KETTLE", "Stovetop Kettle", 1, "30.00"));
        String canceled = client.get(ORDERS + "/" + canceledId).body();
        assertThat(canceled).contains("id=\"cancellation\"").contains("The buyer").contains("BuyerCanceled")
                .contains("Nothing shipped before the order was canceled.");
    }

    @Test
    void anotherSellersOrAnUnknownOrderIsThePortals404() {
        Fixtures.Seller shop = fixtures().seller(Fixtures.newEmail("mine"), US);
        Fixtures.Seller other = fixtures().seller(Fixtures.newEmail("theirs"), US);
        String theirs = order(accountId(other), US, "Unshipped", clock.instant(), "Their Buyer",
                new Line("MUG", "Mug", 1, "10.00"));
        PortalClient client = signedIn(shop);
        for (String path : List.of(ORDERS + "/" + theirs, ORDERS + "/" + newOrderId(), ORDERS + "/not-an-order",
                ORDERS + "/" + theirs + "%27%20OR%201=1")) {
            HttpResponse<String> page = client.raw(HttpRequest.newBuilder(URI.create(client.base() + path))
                    .header("Accept", "text/html"));
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path + ": the portal's page, as a browser sees it").contains("Page not found")
                    .doesNotContain("Their Buyer");
        }
        assertThat(signedIn(other).get(ORDERS + "/" + theirs).body()).contains("Their Buyer");
    }

    @Test
    void aSellerWithoutOrdersSeesHowToPlaceATestOrder() {
        Fixtures.Seller fresh = fixtures().seller(Fixtures.newEmail("fresh"), CA);
        String page = signedIn(fresh).get(ORDERS).body();
        assertThat(page).contains("id=\"no-orders\"").contains("All (0)").doesNotContain("id=\"order-list\"");
        assertThat(page).as("the control API call, for this seller and its home marketplace")
                .contains("http://localhost:" + port + "/sandbox/v1/sellers/" + fresh.sellerId() + "/orders")
                .contains("&quot;marketplaceId&quot;:&quot;" + CA + "&quot;").contains("Authorization: Bearer $TOKEN");
    }
}
