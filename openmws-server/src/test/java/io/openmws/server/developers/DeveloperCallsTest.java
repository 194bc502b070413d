package io.openmws.server.developers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.gateway.CallLog;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import java.time.Duration;
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

/** Developer Central > API calls: what the call log shows a developer, and how long it keeps it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class DeveloperCallsTest {

    static final String TOKEN = "calls-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    CallLog callLog;

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcClient jdbc;

    record Dev(String email, String password, String sellerId, String accessKeyId, String secretKey) {}

    Fixtures fixtures() {
        return new Fixtures(port, TOKEN);
    }

    Dev developer() {
        Fixtures.Developer dev = fixtures().developer();
        return new Dev(dev.email(), dev.password(), dev.sellerId(), dev.accessKeyId(), dev.secretKey());
    }

    PortalClient signedIn(Dev d) {
        PortalClient portal = new PortalClient(port);
        portal.submit("/login", "/login", "username", d.email(), "password", d.password());
        return portal;
    }

    @Test
    void theDeveloperSeesItsCallsAndTheShareWithoutAUserAgent() {
        Dev d = developer();
        MwsClient mws = new MwsClient(port);
        Map<String, String> params = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                "Version", "2011-07-01", "SellerId", d.sellerId()));
        mws.signedPost("/Sellers/2011-07-01", d.accessKeyId(), d.secretKey(), params);
        String form = MwsClient.sign("POST", "localhost:" + port, "/Sellers/2011-07-01", d.accessKeyId(),
                d.secretKey(), params);
        mws.sendRaw("POST", "/Sellers/2011-07-01", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        callLog.flush();

        String page = signedIn(d).get("/sellercentral/developer-central/calls").body();

        assertThat(page).contains("2 calls, 1 of them without a User-Agent (50 %).")
                .contains("Sellers/ListMarketplaceParticipations").contains(d.sellerId())
                .contains("Java-http-client").contains("(none)");
        assertThat(signedIn(d).get("/sellercentral/developer-central").body()).contains("/sellercentral/developer-central/calls");
    }

    @Test
    void theSellerSeesTheCallsOfADeveloperItAuthorizedAndNoOthers() {
        Fixtures.Seller seller = fixtures().seller();
        String sellerId = seller.sellerId();
        Dev dev = developer();
        Dev other = developer();
        String developerId = jdbc.sql("SELECT developer_id FROM developer d JOIN developer_access_key k "
                + "ON k.developer_ref = d.id WHERE k.access_key_id = ?").param(dev.accessKeyId()).query(String.class).single();
        String token = fixtures().authorize(sellerId, developerId);
        Map<String, String> params = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                "Version", "2011-07-01", "SellerId", sellerId, "MWSAuthToken", token));
        assertThat(new MwsClient(port).signedPost("/Sellers/2011-07-01", dev.accessKeyId(), dev.secretKey(), params)
                .status()).isEqualTo(200);
        new MwsClient(port).signedPost("/Sellers/2011-07-01", other.accessKeyId(), other.secretKey(), params);
        callLog.flush();
        long ref = jdbc.sql("SELECT a.id FROM seller_authorization a JOIN seller_account s ON s.id = a.account_id WHERE s.seller_id = ?").param(sellerId)
                .query(Long.class).single();

        PortalClient portal = new PortalClient(port);
        portal.submit("/login", "/login", "username", seller.email(),
                "password", seller.password());
        String page = portal.get("/sellercentral/settings/user-permissions/authorizations/" + ref).body();

        assertThat(page).contains("API calls by this developer").contains("Sellers/ListMarketplaceParticipations")
                .doesNotContain("AccessDenied");
    }

    @Test
    void anotherDevelopersCallsAreNotShown() {
        Dev mine = developer();
        Dev theirs = developer();
        new MwsClient(port).signedPost("/Sellers/2011-07-01", theirs.accessKeyId(), theirs.secretKey(),
                new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01")));
        callLog.flush();

        assertThat(signedIn(mine).get("/sellercentral/developer-central/calls").body())
                .contains("No calls yet.").doesNotContain(theirs.sellerId());
    }

    @Test
    void callsOlderThanThirtyDaysAreDeleted() {
        Dev d = developer();
        new MwsClient(port).signedPost("/Sellers/2011-07-01", d.accessKeyId(), d.secretKey(),
                new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01")));
        callLog.flush();
        String count = "SELECT count(*) FROM mws_call WHERE seller_id IS NULL AND developer_id IS NOT NULL";
        long before = jdbc.sql(count).query(Long.class).single();
        assertThat(before).isPositive();

        clock.advance(Duration.ofDays(31));

        // A retention run already going when the clock moved works with the old time and
        // reschedules an hour ahead: then one more hour brings the next run.
        for (int attempt = 0; attempt < 3 && jdbc.sql(count).query(Long.class).single() > 0; attempt++) {
            try {
                await().atMost(Duration.ofSeconds(4)).until(() -> jdbc.sql(count).query(Long.class).single() == 0);
            } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                clock.advance(Duration.ofMinutes(61));
            }
        }
        assertThat(jdbc.sql(count).query(Long.class).single()).isZero();
    }

    @Test
    void onlyDevelopersHaveTheCallsPage() {
        Fixtures.Seller seller = fixtures().seller();
        PortalClient portal = new PortalClient(port);
        portal.submit("/login", "/login", "username", seller.email(), "password", seller.password());

        assertThat(portal.get("/sellercentral/developer-central/calls").redirectPath()).startsWith("/sellercentral/developer");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }
}
