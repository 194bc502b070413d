package io.openmws.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Inventory > Manage Inventory over HTTP on a real port, on both databases: only the signed-in
 * seller's listings, searched by SKU, ASIN and title, filtered by status (with counts per status) and
 * marketplace, paged with the filters kept; the sale price while a sale runs, the feed that last
 * changed a row, the staging banner, and the empty state. Listings are written with SQL in the set-up
 * only, as the catalog would write them; the pages themselves only read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ManageInventoryHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String INVENTORY = "/sellercentral/inventory";
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final Pattern ROW = Pattern.compile("data-sku=\"([^\"]+)\" data-marketplace=\"([A-Z0-9]+)\"");

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

    /** A listing as the catalog writes it; its product is created on first use. */
    void listing(long account, String marketplace, String sku, String asin, String title, String status,
                 String price, String salePrice, Integer quantity, Long feedRef) {
        Instant now = clock.instant();
        if (jdbc.sql("SELECT COUNT(*) FROM catalog_product WHERE asin = :a").param("a", asin).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO catalog_product (asin, title, created_at) VALUES (:a, :t, :at)")
                    .param("a", asin).param("t", title).param("at", SqlTime.of(now)).update();
        }
        jdbc.sql("""
                INSERT INTO listing (account_id, marketplace_id, sku, asin, title, currency, price, sale_price,
                                     sale_start, sale_end, quantity, fulfillment_latency, status, last_feed_ref,
                                     created_at, updated_at)
                VALUES (:account, :m, :sku, :asin, :title, :currency, :price, :sale, :saleStart, :saleEnd, :q, 2,
                        :status, :feed, :at, :at)""")
                .param("account", account).param("m", marketplace).param("sku", sku).param("asin", asin)
                .param("title", title).param("currency", marketplace.equals(CA) ? "CAD" : "USD")
                .param("price", price == null ? null : new BigDecimal(price))
                .param("sale", salePrice == null ? null : new BigDecimal(salePrice))
                .param("saleStart", SqlTime.of(salePrice == null ? null : now.minus(Duration.ofDays(1))))
                .param("saleEnd", SqlTime.of(salePrice == null ? null : now.plus(Duration.ofDays(1))))
                .param("q", quantity).param("status", status).param("feed", feedRef).param("at", SqlTime.of(now))
                .update();
    }

    /** A done feed submission of the account, as the feeds feature records one; returns its row id. */
    long feed(long account, long feedSubmissionId) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO feed_submission (feed_submission_id, account_id, source, feed_type, marketplace_ids,
                                             status, submitted_at, body_key, body_length, body_md5)
                VALUES (:id, :account, 'API', '_POST_FLAT_FILE_INVLOADER_DATA_', :m, '_DONE_', :at, :key, 1, 'x')""")
                .param("id", feedSubmissionId).param("account", account).param("m", US).param("at", SqlTime.of(now))
                .param("key", "test/" + feedSubmissionId).update();
        return jdbc.sql("SELECT id FROM feed_submission WHERE feed_submission_id = :id").param("id", feedSubmissionId)
                .query(Long.class).single();
    }

    static List<String> skus(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            found.add(m.group(1) + "@" + m.group(2));
        }
        return found;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static long uniqueFeedId() {
        return 50_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFFL);
    }

    static String asin(String seed) {
        return ("B0" + Integer.toHexString(seed.hashCode()).toUpperCase() + "00000000").substring(0, 10);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        PortalClient anonymous = new PortalClient(port);
        assertThat(anonymous.get(INVENTORY).redirectPath()).endsWith("/login");
        assertThat(anonymous.get(INVENTORY + "?q=x&status=ACTIVE").redirectPath()).endsWith("/login");
    }

    @Test
    void theSellerSeesOnlyItsOwnListingsSearchedAndFilteredWithCountsPerStatus() {
        Fixtures.Seller shop = fixtures().seller(Fixtures.newEmail("shop"), US, CA);
        Fixtures.Seller other = fixtures().seller(Fixtures.newEmail("other"), US);
        long account = accountId(shop);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long feedRef = feed(account, uniqueFeedId());
        long feedId = jdbc.sql("SELECT feed_submission_id FROM feed_submission WHERE id = :r").param("r", feedRef)
                .query(Long.class).single();
        listing(account, US, "MUG-BLUE-" + tag, asin("mug" + tag), "Blue Enamel Mug", "ACTIVE", "12.50", "9.99", 5, feedRef);
        listing(account, US, "MUG-RED-" + tag, asin("red" + tag), "Red Enamel Mug", "INACTIVE", "12.50", null, 0, null);
        listing(account, CA, "MUG-BLUE-" + tag, asin("mug" + tag), "Blue Enamel Mug", "INCOMPLETE", null, null, 3, null);
        listing(account, US, "KETTLE-" + tag, asin("ket" + tag), "Stovetop Kettle 50% off_", "STAGED", "30.00", null, 1, null);
        listing(accountId(other), US, "MUG-BLUE-" + tag, asin("mug" + tag), "Blue Enamel Mug", "ACTIVE", "11.00", null, 9, null);

        PortalClient client = signedIn(shop);
        String all = client.get(INVENTORY).body();
        assertThat(skus(all)).as("the seller's own, by marketplace then SKU").containsExactly(
                "MUG-BLUE-" + tag + "@" + CA, "KETTLE-" + tag + "@" + US, "MUG-BLUE-" + tag + "@" + US,
                "MUG-RED-" + tag + "@" + US);
        assertThat(all).contains("All (4)", "Active (1)", "Inactive (1)", "Incomplete (1)", "Staged (1)")
                .doesNotContain("11.00 USD").doesNotContain("id=\"staging-banner\"");
        assertThat(all).as("sale price with the list price beside it").contains("9.99 USD").contains("12.50 USD");
        assertThat(all).as("the feed that last changed the row links to its row on the upload page")
                .contains("/sellercentral/inventory/upload?id=" + feedId + "#feed-" + feedId);

        assertThat(skus(client.get(INVENTORY + "?status=active").body())).containsExactly("MUG-BLUE-" + tag + "@" + US);
        assertThat(skus(client.get(INVENTORY + "?status=STAGED").body())).containsExactly("KETTLE-" + tag + "@" + US);
        String inCanada = client.get(INVENTORY + "?marketplace=" + CA).body();
        assertThat(skus(inCanada)).containsExactly("MUG-BLUE-" + tag + "@" + CA);
        assertThat(inCanada).as("counts follow the marketplace").contains("All (1)", "Incomplete (1)", "Active (0)");
        assertThat(skus(client.get(INVENTORY + "?marketplace=A1PA6795UKMFR9").body()))
                .as("a marketplace the seller does not sell in is no filter").hasSize(4);

        assertThat(skus(client.get(INVENTORY + "?q=" + q("mug-blue")).body())).as("SKU, any case")
                .containsExactly("MUG-BLUE-" + tag + "@" + CA, "MUG-BLUE-" + tag + "@" + US);
        assertThat(skus(client.get(INVENTORY + "?q=" + q("red enamel")).body())).as("title, any case")
                .containsExactly("MUG-RED-" + tag + "@" + US);
        assertThat(skus(client.get(INVENTORY + "?q=" + asin("ket" + tag).toLowerCase()).body())).as("ASIN")
                .containsExactly("KETTLE-" + tag + "@" + US);
        assertThat(skus(client.get(INVENTORY + "?q=" + q("50%")).body())).as("% is a character, not a wildcard")
                .containsExactly("KETTLE-" + tag + "@" + US);
        assertThat(skus(client.get(INVENTORY + "?q=" + q("f_")).body())).as("_ is a character, not a wildcard")
                .containsExactly("KETTLE-" + tag + "@" + US);
        String searchedAndFiltered = client.get(INVENTORY + "?q=mug&status=INACTIVE").body();
        assertThat(skus(searchedAndFiltered)).containsExactly("MUG-RED-" + tag + "@" + US);
        assertThat(searchedAndFiltered).as("tabs keep the search").contains("All (3)", "Inactive (1)", "Staged (0)")
                .contains("href=\"/sellercentral/inventory?q=mug&amp;status=ACTIVE\"");
        String none = client.get(INVENTORY + "?q=nothing-like-this").body();
        assertThat(none).contains("id=\"no-match\"").doesNotContain("id=\"no-listings\"");
    }

    @Test
    void pagesKeepTheFiltersAndEndWhereTheListingsEnd() {
        Fixtures.Seller shop = fixtures().seller(Fixtures.newEmail("pages"), US, CA);
        long account = accountId(shop);
        for (int i = 0; i < 30; i++) {
            listing(account, US, String.format("SKU-%03d", i), asin("p" + i + shop.sellerId()), "Thing " + i,
                    i % 3 == 0 ? "INACTIVE" : "ACTIVE", "1.00", null, i % 3 == 0 ? 0 : 1, null);
        }
        PortalClient client = signedIn(shop);
        String first = client.get(INVENTORY + "?status=ACTIVE").body();
        assertThat(skus(first)).hasSize(20).doesNotContain("SKU-000@" + US).contains("SKU-001@" + US);
        assertThat(first).doesNotContain("id=\"pager\"");

        String firstOfTen = client.get(INVENTORY + "?size=25").body();
        assertThat(skus(firstOfTen)).hasSize(25).startsWith("SKU-000@" + US);
        assertThat(firstOfTen).contains("href=\"/sellercentral/inventory?page=2\"")
                .doesNotContain("rel=\"prev\"");
        String second = client.get(INVENTORY + "?size=25&page=2").body();
        assertThat(skus(second)).containsExactly("SKU-025@" + US, "SKU-026@" + US, "SKU-027@" + US, "SKU-028@" + US,
                "SKU-029@" + US);
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        String q = client.get(INVENTORY + "?q=sku-0&status=INACTIVE&marketplace=" + US + "&size=25").body();
        assertThat(skus(q)).hasSize(10);
        String filtered = client.get(INVENTORY + "?q=sku&marketplace=" + US + "&size=25").body();
        assertThat(filtered).as("page links keep the search and filters")
                .contains("href=\"/sellercentral/inventory?q=sku&amp;marketplace=" + US + "&amp;page=2\"");
        String secondFiltered = client.get(INVENTORY + "?q=sku&marketplace=" + US + "&page=2").body();
        assertThat(skus(secondFiltered)).hasSize(5);
        assertThat(secondFiltered).containsPattern("rel=\"prev\"\\s+href=\"/sellercentral/inventory\\?q=sku&amp;marketplace=" + US + "\"")
                .as("the tabs keep them too").contains("href=\"/sellercentral/inventory?q=sku&amp;status=INACTIVE&amp;marketplace=" + US + "\"");
        assertThat(client.get(INVENTORY + "?size=7&page=abc").body()).as("odd sizes and pages fall back")
                .contains("<option value=\"25\" selected=\"selected\">");
        assertThat(skus(client.get(INVENTORY + "?page=99999").body())).isEmpty();
    }

    @Test
    void stagingModeShowsTheBannerAndANewSellerSeesHowToAddProducts() {
        Fixtures.Seller staged = fixtures().seller(Fixtures.fields("staging", true));
        String page = signedIn(staged).get(INVENTORY).body();
        assertThat(page).contains("id=\"staging-banner\"")
                .contains("Your account is in staging mode: listings are recorded but not live.");
        assertThat(page).contains("id=\"no-listings\"").contains("href=\"/sellercentral/inventory/upload\"")
                .doesNotContain("id=\"listings\"").contains("All (0)");
    }
}
