package io.openmws.server.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Long lists of authorizations over HTTP on a real port, on both databases: the seller's Current
 * Authorizations and the developer's Authorized sellers searched, paged, sorted by expiry, split into
 * live and past sections, and downloaded as CSV; and nobody sees another seller's or developer's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class AuthorizationListsHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String PERMISSIONS = "/sellercentral/settings/user-permissions";
    static final String PERMISSIONS_CSV = PERMISSIONS + "/authorizations.csv";
    static final String SELLERS = "/sellercentral/developer-central/sellers";
    static final String SELLERS_CSV = SELLERS + ".csv";
    static final Pattern DEVELOPER_ROW = Pattern.compile("data-developer-id=\"([0-9-]+)\"");
    static final Pattern SELLER_ROW = Pattern.compile("data-seller-id=\"([A-Z0-9]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    Fixtures fixtures() {
        return new Fixtures(new JsonClient(port, TOKEN));
    }

    PortalClient signedIn(String email) {
        PortalClient client = new PortalClient(port);
        Page signIn = client.submit("/login", "/login", "username", email, "password", Fixtures.PASSWORD);
        assertThat(signIn.redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    Fixtures.Developer developer(String name) {
        return fixtures().developerOf(fixtures().seller(), name);
    }

    Fixtures.Seller seller(String businessName) {
        return fixtures().seller(Fixtures.fields("businessName", businessName));
    }

    /** The HTML of one table of the page, from its opening tag to its end. */
    static String table(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            return "";
        }
        return page.substring(start, page.indexOf("</table>", start));
    }

    static List<String> rows(String html, Pattern row) {
        List<String> found = new ArrayList<>();
        Matcher m = row.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    HttpResponse<String> download(PortalClient client, String path) {
        return client.raw(HttpRequest.newBuilder(URI.create(client.base() + path)).GET());
    }

    // --- the seller's Current Authorizations -----------------------------------------------------

    @Test
    void theSellerSearchesSortsByExpiryAndSeesRevokedOnesUnderPastWithoutTokenLinks() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Fixtures.Developer alpha = developer("Alpha Tools " + suffix);
        Fixtures.Developer beta = developer("Beta Data " + suffix);
        Fixtures.Developer gamma = developer("Gamma Feeds " + suffix);
        Fixtures.Seller shop = seller("Shop " + suffix);
        String alphaToken = fixtures().authorize(shop.sellerId(), alpha.developerId());
        String betaToken = fixtures().authorize(shop.sellerId(), beta.developerId());
        String oldGammaToken = fixtures().authorize(shop.sellerId(), gamma.developerId());
        fixtures().revoke(shop.sellerId(), gamma.developerId());
        String gammaToken = fixtures().authorize(shop.sellerId(), gamma.developerId());

        PortalClient client = signedIn(shop.email());
        String page = client.get(PERMISSIONS).body();
        assertThat(rows(table(page, "authorizations"), DEVELOPER_ROW)).as("newest first")
                .containsExactly(gamma.dashedId(), beta.dashedId(), alpha.dashedId());
        String past = table(page, "past-authorizations");
        assertThat(rows(past, DEVELOPER_ROW)).containsExactly(gamma.dashedId());
        assertThat(past).contains("Revoked on " + DisplayTime.date(clock.instant()))
                .doesNotContain("show-token").doesNotContain("token-masked").doesNotContain("amzn.mws.");
        assertThat(table(page, "authorizations")).contains("show-token");

        assertThat(rows(table(client.get(PERMISSIONS + "?sort=expiry").body(), "authorizations"), DEVELOPER_ROW))
                .as("soonest expiry first").containsExactly(alpha.dashedId(), beta.dashedId(), gamma.dashedId());
        assertThat(rows(table(client.get(PERMISSIONS + "?sort=expiry-desc").body(), "authorizations"), DEVELOPER_ROW))
                .containsExactly(gamma.dashedId(), beta.dashedId(), alpha.dashedId());

        String byName = client.get(PERMISSIONS + "?q=" + q("alpha tools")).body();
        assertThat(rows(table(byName, "authorizations"), DEVELOPER_ROW)).containsExactly(alpha.dashedId());
        assertThat(byName).contains("id=\"no-past-authorizations\"").contains("value=\"alpha tools\"");
        assertThat(rows(table(client.get(PERMISSIONS + "?q=" + beta.dashedId()).body(), "authorizations"), DEVELOPER_ROW))
                .containsExactly(beta.dashedId());
        String gammaOnly = client.get(PERMISSIONS + "?q=" + q("GAMMA")).body();
        assertThat(rows(table(gammaOnly, "authorizations"), DEVELOPER_ROW)).containsExactly(gamma.dashedId());
        assertThat(rows(table(gammaOnly, "past-authorizations"), DEVELOPER_ROW)).containsExactly(gamma.dashedId());
        assertThat(client.get(PERMISSIONS + "?q=" + q("nobody%_")).body()).contains("id=\"no-match\"")
                .doesNotContain("id=\"authorizations\"");

        HttpResponse<String> csv = download(client, PERMISSIONS_CSV + "?sort=expiry");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"authorizations-" + shop.sellerId() + ".csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("Developer name,Developer ID,Status,Authorized on,Expires on,Revoked");
        assertThat(lines.get(1)).startsWith(alpha.developerName() + "," + alpha.dashedId() + ",Active,");
        assertThat(lines.get(3)).startsWith(gamma.developerName() + "," + gamma.dashedId() + ",Active,");
        assertThat(lines.get(4)).startsWith(gamma.developerName() + "," + gamma.dashedId() + ",Revoked,")
                .endsWith(" UTC");
        assertThat(csv.body()).doesNotContain("amzn.mws").doesNotContain(alphaToken).doesNotContain(betaToken)
                .doesNotContain(gammaToken).doesNotContain(oldGammaToken);
        assertThat(download(client, PERMISSIONS_CSV + "?q=beta").body().lines()).hasSize(2);

        // Another seller, who authorized Alpha too, sees only its own row, on the page and in the CSV.
        Fixtures.Seller other = seller("Other " + suffix);
        fixtures().authorize(other.sellerId(), alpha.developerId());
        PortalClient otherClient = signedIn(other.email());
        String otherPage = otherClient.get(PERMISSIONS + "?q=" + q(suffix)).body();
        assertThat(rows(table(otherPage, "authorizations"), DEVELOPER_ROW)).containsExactly(alpha.dashedId());
        assertThat(otherPage).doesNotContain(beta.dashedId()).doesNotContain(gamma.dashedId());
        assertThat(download(otherClient, PERMISSIONS_CSV).body()).doesNotContain(beta.developerName())
                .doesNotContain(gamma.developerName()).contains(alpha.developerName());
    }

    // --- the developer's Authorized sellers --------------------------------------------------------

    @Test
    void theDeveloperPagesThroughFiftyAtATimeSearchesAndDownloadsASafeCsv() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Fixtures.Developer dev = developer("Paging Tools " + suffix);
        List<Fixtures.Seller> shops = new ArrayList<>();
        shops.add(seller("=HYPERLINK(\"http://evil.example\",\"x\") " + suffix));
        for (int i = 1; i <= 51; i++) {
            shops.add(seller(String.format("Shop %02d %s", i, suffix)));
        }
        for (Fixtures.Seller shop : shops) {
            fixtures().authorize(shop.sellerId(), dev.developerId());
        }
        fixtures().revoke(shops.get(5).sellerId(), dev.developerId());

        PortalClient client = signedIn(dev.email());
        String first = client.get(SELLERS).body();
        List<String> page1 = rows(table(first, "sellers"), SELLER_ROW);
        assertThat(page1).hasSize(50);
        assertThat(page1.get(0)).as("newest first").isEqualTo(shops.get(51).sellerId());
        assertThat(first).contains("href=\"" + SELLERS + "?q=&amp;sort=newest&amp;page=2&amp;pastPage=1\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(rows(table(first, "past-sellers"), SELLER_ROW)).containsExactly(shops.get(5).sellerId());
        assertThat(table(first, "past-sellers")).contains("Revoked on ");
        String second = client.get(SELLERS + "?page=2").body();
        List<String> page2 = rows(table(second, "sellers"), SELLER_ROW);
        assertThat(page2).containsExactly(shops.get(0).sellerId());
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(page1).doesNotContainAnyElementsOf(page2);
        assertThat(rows(table(client.get(SELLERS + "?page=abc&sort=%3D1").body(), "sellers"), SELLER_ROW)).isEqualTo(page1);
        assertThat(client.get(SELLERS + "?page=9999").body()).contains("id=\"no-sellers\"");

        assertThat(rows(table(client.get(SELLERS + "?sort=expiry").body(), "sellers"), SELLER_ROW).get(0))
                .as("soonest expiry first").isEqualTo(shops.get(0).sellerId());
        String byId = client.get(SELLERS + "?q=" + shops.get(7).sellerId().toLowerCase()).body();
        assertThat(rows(table(byId, "sellers"), SELLER_ROW)).containsExactly(shops.get(7).sellerId());
        String byName = client.get(SELLERS + "?q=" + q("shop 1")).body();
        assertThat(rows(table(byName, "sellers"), SELLER_ROW)).hasSize(10);

        HttpResponse<String> csv = download(client, SELLERS_CSV);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"authorized-sellers-" + dev.developerId() + ".csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(53);
        assertThat(lines.get(0)).isEqualTo("Seller ID,Business name,Marketplaces,Status,Authorized on,Expires on,Revoked");
        assertThat(lines.get(52)).startsWith(shops.get(5).sellerId() + ",Shop 05 " + suffix + ",ATVPDKIKX0DER,Revoked,");
        assertThat(lines).contains(lines.stream().filter(l -> l.startsWith(shops.get(0).sellerId())).findFirst().orElseThrow());
        assertThat(lines.stream().filter(l -> l.startsWith(shops.get(0).sellerId())).findFirst().orElseThrow())
                .startsWith(shops.get(0).sellerId() + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") " + suffix + "\",");
        assertThat(csv.body()).doesNotContain("amzn.mws");

        // Another developer sees none of these sellers.
        Fixtures.Developer other = developer("Other Tools " + suffix);
        PortalClient otherClient = signedIn(other.email());
        String otherPage = otherClient.get(SELLERS + "?q=" + q(suffix)).body();
        assertThat(rows(otherPage, SELLER_ROW)).isEmpty();
        assertThat(otherClient.get(SELLERS).body()).contains("id=\"no-sellers\"").contains("id=\"no-past-sellers\"");
        assertThat(download(otherClient, SELLERS_CSV).body().lines()).hasSize(1);
        assertThat(download(signedIn(shops.get(1).email()), SELLERS_CSV).headers().firstValue("Location")
                .orElseThrow()).as("not a developer").endsWith("/sellercentral/developer/register");
    }

    // --- expiry ----------------------------------------------------------------------------------

    @Test
    void anExpiredAuthorizationMovesToPastWithItsExpiryDateOnBothSides() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Fixtures.Developer dev = developer("Expiring Tools " + suffix);
        Fixtures.Seller shop = seller("Expiring Shop " + suffix);
        fixtures().authorize(shop.sellerId(), dev.developerId());
        Instant expiry = fixtures().expiresAt(shop.sellerId(), dev.developerId());
        clock.advance(Duration.between(clock.instant(), expiry).plusHours(1));

        String sellerPage = signedIn(shop.email()).get(PERMISSIONS).body();
        assertThat(rows(table(sellerPage, "authorizations"), DEVELOPER_ROW)).doesNotContain(dev.dashedId());
        String past = table(sellerPage, "past-authorizations");
        assertThat(rows(past, DEVELOPER_ROW)).containsExactly(dev.dashedId());
        assertThat(past).contains("Expired on " + DisplayTime.date(expiry)).contains("Expired")
                .contains("class=\"button small renew\"").doesNotContain("show-token");

        String developerPage = signedIn(dev.email()).get(SELLERS).body();
        assertThat(rows(table(developerPage, "sellers"), SELLER_ROW)).isEmpty();
        assertThat(table(developerPage, "past-sellers")).contains(shop.sellerId())
                .contains("Expired on " + DisplayTime.date(expiry));
    }
}
