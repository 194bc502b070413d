package io.openmws.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.support.SecretSealer;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient.Response;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.PortalClient;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator pages over HTTP on both databases: sign-in with the operator token, separation from
 * sellers' sessions, the lists, staging, suspension (seen by the signed API at once), the clock, CSRF,
 * and their absence in production mode. Fixtures come from the control API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class OperatorPagesTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String PASSWORD = "correct horse battery staple 42";
    static final String SELLERS = "/Sellers/2011-07-01";

    @DynamicPropertySource

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @Test
    void productionModeHasNoOperatorPages() {
        try (var app = new SpringApplicationBuilder(OpenMwsServer.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:o" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--openmws.mode=production", "--spring.mail.host=localhost", "--openmws.base-url=http://localhost",
                "--openmws.secrets.keyset-file=", "--openmws.secrets.keyset=" + SecretSealer.newKeysetJson(),
                "--openmws.sandbox.operator-token=" + TOKEN)) {
            PortalClient browser = new PortalClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

            assertThat(browser.get("/operator/login").status()).isEqualTo(404);
            assertThat(browser.get("/operator").status()).isEqualTo(404);
            assertThat(browser.post("/operator/login", "token", TOKEN).status()).isEqualTo(404);
            assertThat(browser.post("/operator/clock/advance", "duration", "P1D").status()).isEqualTo(404);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonClient api() {
        return new JsonClient(port, TOKEN);
    }

    PortalClient operator() {
        PortalClient client = new PortalClient(port);
        Page signedIn = client.submit("/operator/login", "/operator/login", "token", TOKEN);
        assertThat(signedIn.redirectPath()).isEqualTo("/operator");
        return client;
    }

    Fixtures fixtures() {
        return new Fixtures(api());
    }

    Fixtures.Seller seller(String businessName) {
        return fixtures().seller(Fixtures.fields("email", Fixtures.newEmail("op"), "password", PASSWORD,
                "businessName", businessName));
    }

    Fixtures.Developer developer() {
        return fixtures().developer();
    }

    Answer listParticipations(Fixtures.Developer developer) {
        Map<String, String> params = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                "Version", "2011-07-01", "SellerId", developer.sellerId()));
        return new MwsClient(port).signedPost(SELLERS, developer.accessKeyId(),
                developer.secretKey(), params);
    }

    String offset() {
        return fixtures().clockOffset();
    }

    // --- signing in ------------------------------------------------------------------------------

    @Test
    void theRightTokenSignsTheOperatorIn() {
        PortalClient client = operator();

        Page overview = client.get("/operator");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("id=\"clock-now\"").contains("id=\"count-accounts\"")
                .contains("action=\"/operator/logout\"");
    }

    @Test
    void aWrongTokenIsKeptNowhereAndOperatorPagesCarryTheSecurityHeaders() {
        PortalClient client = new PortalClient(port);
        String nearMiss = TOKEN + "-typo";

        assertThat(client.submit("/operator/login", "/operator/login", "token", nearMiss).redirectPath())
                .isEqualTo("/operator/login?error");

        assertThat(jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).list())
                .noneMatch(bytes -> bytes.contains(nearMiss));
        PortalClient operator = operator();
        for (String path : new String[] {"/operator/login", "/operator", "/operator/clock"}) {
            var response = operator.raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(operator.base() + path)));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .startsWith("default-src 'self'; script-src 'self'; style-src 'self';");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path).contains("camera=()");
        }
        assertThat(new PortalClient(port).post("/operator/clock/advance", "duration", "P1D").status()).isEqualTo(403);
    }

    @Test
    void aWrongOrMissingTokenIsRefused() {
        PortalClient client = new PortalClient(port);

        Page wrong = client.submit("/operator/login", "/operator/login", "token", TOKEN + "x");
        Page empty = client.submit("/operator/login", "/operator/login", "token", "");
        Page none = client.submit("/operator/login", "/operator/login");

        assertThat(wrong.redirectPath()).isEqualTo("/operator/login?error");
        assertThat(empty.redirectPath()).isEqualTo("/operator/login?error");
        assertThat(none.redirectPath()).isEqualTo("/operator/login?error");
        assertThat(client.get("/operator/login?error").body()).contains("That is not the operator token.");
        assertThat(client.get("/operator").redirectPath()).endsWith("/operator/login");
    }

    @Test
    void everyOperatorPageNeedsTheOperatorSession() {
        PortalClient anonymous = new PortalClient(port);

        for (String path : new String[] {"/operator", "/operator/accounts", "/operator/developers",
            "/operator/authorizations", "/operator/clock", "/operator/developers/123456789012/suspend"}) {
            Page page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.redirectPath()).as(path).endsWith("/operator/login");
        }
    }

    @Test
    void aSellerSessionIsNotAnOperatorSession() {
        Fixtures.Seller seller = seller("Seller Not Operator");
        PortalClient client = new PortalClient(port);
        assertThat(client.submit("/login", "/login", "username", seller.email(),
                "password", PASSWORD).redirectPath()).isEqualTo("/sellercentral");
        assertThat(client.get("/sellercentral").status()).isEqualTo(200);

        Page operatorPage = client.get("/operator/accounts");

        assertThat(operatorPage.status()).isEqualTo(302);
        assertThat(operatorPage.redirectPath()).endsWith("/operator/login");
        // The seller's CSRF token does not open operator forms either.
        String before = offset();
        String sellerToken = client.get("/sellercentral").csrf();
        assertThat(client.post("/operator/clock/advance", "duration", "P1D", "_csrf", sellerToken).status())
                .isEqualTo(403);
        assertThat(offset()).isEqualTo(before);
    }

    @Test
    void anOperatorSessionIsNotASellerSession() {
        PortalClient client = operator();

        Page sellerCentral = client.get("/sellercentral");

        assertThat(sellerCentral.status()).isEqualTo(302);
        assertThat(sellerCentral.redirectPath()).endsWith("/login");
        assertThat(client.get("/sellercentral/settings/account-info").redirectPath()).endsWith("/login");
    }

    @Test
    void bothCanBeSignedInInOneBrowserAndSignOutApart() {
        Fixtures.Seller seller = seller("Two Hats Trading");
        PortalClient client = operator();
        client.submit("/login", "/login", "username", seller.email(), "password", PASSWORD);
        assertThat(client.get("/sellercentral").status()).isEqualTo(200);
        assertThat(client.get("/operator").status()).isEqualTo(200);
        // Seller Central's pages never show the operator's navigation, nor the operator pages the seller's.
        assertThat(client.get("/operator").body()).doesNotContain(seller.sellerId() + "</span>");

        Page signOut = client.submit("/operator", "/operator/logout");

        assertThat(signOut.redirectPath()).isEqualTo("/operator/login?signedOut");
        assertThat(client.get("/operator").redirectPath()).endsWith("/operator/login");
        assertThat(client.get("/sellercentral").status()).isEqualTo(200);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        PortalClient client = operator();
        Fixtures.Developer developer = developer();
        String before = offset();

        assertThat(client.post("/operator/clock/advance", "duration", "P1D").status()).isEqualTo(403);
        assertThat(client.post("/operator/developers/" + developer.developerId() + "/suspend")
                .status()).isEqualTo(403);
        assertThat(new PortalClient(port).post("/operator/login", "token", TOKEN).status()).isEqualTo(403);
        assertThat(offset()).isEqualTo(before);
        assertThat(listParticipations(developer).status()).isEqualTo(200);
    }

    // --- lists --------------------------------------------------------------------------------------

    @Test
    void theListsShowWhatTheControlApiMadeAndTheFilterNarrowsThem() {
        Fixtures.Seller seller = seller("Filterable Goods " + UUID.randomUUID().toString().substring(0, 6));
        Fixtures.Seller other = seller("Other Goods");
        Fixtures.Developer developer = developer();
        String token = fixtures().authorize(seller.sellerId(), developer.developerId());
        PortalClient client = operator();

        String accounts = client.get("/operator/accounts").body();
        assertThat(accounts).contains(seller.sellerId()).contains(other.sellerId())
                .contains(seller.email()).contains("ATVPDKIKX0DER");
        String filtered = client.get("/operator/accounts?q=" + seller.sellerId().toLowerCase()).body();
        assertThat(filtered).contains(seller.sellerId()).doesNotContain(other.sellerId());
        String byEmail = client.get("/operator/accounts?q=" + other.email().substring(0, 20)).body();
        assertThat(byEmail).contains(other.sellerId()).doesNotContain(seller.sellerId());
        assertThat(client.get("/operator/accounts?q=%25").body()).contains("Nothing matches.");

        String developerId = developer.developerId();
        String dashed = developerId.substring(0, 4) + "-" + developerId.substring(4, 8) + "-" + developerId.substring(8);
        String developers = client.get("/operator/developers?q=" + dashed).body();
        assertThat(developers).contains(dashed).contains(developer.developerName())
                .contains(developer.sellerId()).contains("1 shown");

        String authorizations = client.get("/operator/authorizations?q=" + developerId).body();
        assertThat(authorizations).contains(seller.sellerId()).contains(dashed).contains("Active")
                .doesNotContain(token).doesNotContain(token.substring(token.length() - 4));

        Page overview = client.get("/operator");
        long accountsInDb = jdbc.sql("SELECT count(*) FROM seller_account").query(Long.class).single();
        assertThat(overview.body()).contains("id=\"count-accounts\">" + accountsInDb + "<");
    }

    @Test
    void hostileFilterTextIsJustText() {
        PortalClient client = operator();

        for (String q : new String[] {"'; DROP TABLE seller_account; --", "%_\\", "<script>alert(1)</script>",
            "x".repeat(5000)}) {
            Page page = client.get("/operator/developers?q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.status()).as(q).isEqualTo(200);
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        }
        assertThat(client.get("/operator/accounts").status()).isEqualTo(200);
    }

    // --- staging ----------------------------------------------------------------------------------

    @Test
    void theOperatorSwitchesStagingModeOnAndOff() {
        Fixtures.Seller seller = seller("Staging Sample Co");
        String sellerId = seller.sellerId();
        PortalClient client = operator();

        Page on = client.submit("/operator/accounts", "/operator/accounts/" + sellerId + "/staging", "enabled", "true");

        assertThat(on.redirectPath()).isEqualTo("/operator/accounts");
        assertThat(staging(sellerId)).isTrue();
        assertThat(client.get("/operator/accounts?q=" + sellerId).body())
                .contains("Staging mode is on for " + sellerId).contains("Switch off");

        client.submit("/operator/accounts", "/operator/accounts/" + sellerId + "/staging", "enabled", "false",
                "q", sellerId);
        assertThat(staging(sellerId)).isFalse();

        Page unknown = client.submit("/operator/accounts", "/operator/accounts/A0000000000000/staging",
                "enabled", "true");
        assertThat(unknown.redirectPath()).isEqualTo("/operator/accounts");
        assertThat(client.get("/operator/accounts").body()).contains("No verified account has that Seller ID.");
        Page garbage = client.submit("/operator/accounts", "/operator/accounts/" + sellerId + "/staging",
                "enabled", "maybe");
        assertThat(garbage.status()).isEqualTo(302);
        assertThat(staging(sellerId)).isFalse();
    }

    boolean staging(String sellerId) {
        return jdbc.sql("SELECT staging FROM seller_account WHERE seller_id = :id").param("id", sellerId)
                .query(Boolean.class).single();
    }

    // --- suspension ----------------------------------------------------------------------------------

    @Test
    void suspendingADeveloperStopsItsSignedCallsAtOnceAndReinstatingRestoresThem() {
        Fixtures.Developer developer = developer();
        String developerId = developer.developerId();
        PortalClient client = operator();
        assertThat(listParticipations(developer).status()).isEqualTo(200);

        Page confirm = client.get("/operator/developers/" + developerId + "/suspend");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"confirm-suspend\"");
        Page suspended = client.post("/operator/developers/" + developerId + "/suspend",
                "reason", "KYC documents do not match", "_csrf", confirm.csrf());

        assertThat(suspended.redirectPath()).isEqualTo("/operator/developers");
        Answer refused = listParticipations(developer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("InvalidAccessKeyId");
        String list = client.get("/operator/developers?q=" + developerId).body();
        assertThat(list).contains("Suspended").contains("KYC documents do not match").contains("by operator")
                .contains("Reinstate");
        assertThat(jdbc.sql("SELECT status_changed_by FROM developer WHERE developer_id = :id")
                .param("id", developerId).query(String.class).single()).isEqualTo("operator");

        // Suspending again is refused with a message, not an error page.
        assertThat(client.get("/operator/developers/" + developerId + "/suspend").redirectPath())
                .isEqualTo("/operator/developers");
        assertThat(client.get("/operator/developers").body()).contains("This developer is suspended already.");

        Page confirmReinstate = client.get("/operator/developers/" + developerId + "/reinstate");
        assertThat(confirmReinstate.body()).contains("id=\"confirm-reinstate\"");
        client.post("/operator/developers/" + developerId + "/reinstate", "_csrf", confirmReinstate.csrf());

        assertThat(listParticipations(developer).status()).isEqualTo(200);
        assertThat(client.get("/operator/developers?q=" + developerId).body()).contains("Suspend");
    }

    @Test
    void suspensionMistakesGetMessages() {
        Fixtures.Developer developer = developer();
        String developerId = developer.developerId();
        PortalClient client = operator();

        Page tooLong = client.submit("/operator/developers/" + developerId + "/suspend",
                "/operator/developers/" + developerId + "/suspend", "reason", "r".repeat(501));
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.body()).contains("The reason is longer than 500 characters.").contains("r".repeat(501));
        assertThat(listParticipations(developer).status()).isEqualTo(200);

        assertThat(client.get("/operator/developers/999999999999/suspend").redirectPath()).isEqualTo("/operator/developers");
        assertThat(client.get("/operator/developers").body()).contains("No developer has that Developer ID.");
        Page unknown = client.submit("/operator/developers", "/operator/developers/not-an-id/suspend");
        assertThat(unknown.redirectPath()).isEqualTo("/operator/developers");
        Page notSuspended = client.submit("/operator/developers", "/operator/developers/" + developerId + "/reinstate");
        assertThat(notSuspended.redirectPath()).isEqualTo("/operator/developers");
        assertThat(client.get("/operator/developers").body()).contains("This developer is not suspended.");
    }

    @Test
    void theControlApiSuspendsAndReinstatesToo() {
        Fixtures.Developer developer = developer();
        String developerId = developer.developerId();

        Response suspended = api().post("/sandbox/v1/developers/" + developerId + "/suspend", "{\"reason\": \"test\"}");
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(listParticipations(developer).errorCode()).isEqualTo("InvalidAccessKeyId");
        Response again = api().post("/sandbox/v1/developers/" + developerId + "/suspend", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("Conflict");

        Response reinstated = api().post("/sandbox/v1/developers/" + developerId + "/reinstate", null);
        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(reinstated.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(listParticipations(developer).status()).isEqualTo(200);
        assertThat(api().post("/sandbox/v1/developers/" + developerId + "/reinstate", null).status()).isEqualTo(409);

        assertThat(api().post("/sandbox/v1/developers/999999999999/suspend", null).status()).isEqualTo(404);
        assertThat(api().post("/sandbox/v1/developers/" + developerId + "/suspend",
                "{\"reason\": \"" + "r".repeat(501) + "\"}").status()).isEqualTo(400);
        assertThat(new JsonClient(port, null).post("/sandbox/v1/developers/" + developerId + "/suspend", null)
                .status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT status_changed_by FROM developer WHERE developer_id = :id")
                .param("id", developerId).query(String.class).single()).isEqualTo("control-api");
    }

    @Test
    void throttlingIsSwitchedFromTheDevelopersPage() {
        Fixtures.Developer developer = developer();
        String developerId = developer.developerId();
        PortalClient client = operator();

        client.submit("/operator/developers", "/operator/developers/" + developerId + "/throttling", "enabled", "false");

        assertThat(jdbc.sql("SELECT count(*) FROM throttle_exemption WHERE developer_id = :id")
                .param("id", developerId).query(Long.class).single()).isEqualTo(1);
        assertThat(client.get("/operator/developers?q=" + developerId).body()).contains("Throttling is off");
        client.submit("/operator/developers", "/operator/developers/" + developerId + "/throttling", "enabled", "true");
        assertThat(jdbc.sql("SELECT count(*) FROM throttle_exemption WHERE developer_id = :id")
                .param("id", developerId).query(Long.class).single()).isZero();
    }

    // --- clock -------------------------------------------------------------------------------------

    @Test
    void theClockMovesForwardFromThePageAndTheOperatorStaysSignedIn() {
        PortalClient client = operator();
        Duration before = Duration.parse(offset());

        Page quick = client.submit("/operator/clock", "/operator/clock/advance", "duration", "P366D");
        assertThat(quick.redirectPath()).isEqualTo("/operator/clock");
        Page typed = client.submit("/operator/clock", "/operator/clock/advance", "duration", " PT15M ");
        assertThat(typed.redirectPath()).isEqualTo("/operator/clock");

        assertThat(Duration.parse(offset()).minus(before)).isEqualTo(Duration.ofDays(366).plusMinutes(15));
        Page clock = client.get("/operator/clock");
        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.body()).contains("The clock moved forward by 15 minutes.").contains("366 days, 0 h 15 min");
    }

    @Test
    void badDurationsGetFormErrorsAndMoveNothing() {
        PortalClient client = operator();
        Duration before = Duration.parse(offset());

        Map<String, String> cases = Map.of(
                "-P1D", "The clock only moves forward",
                "a year", "not an ISO-8601 duration",
                "", "Give the duration",
                "PT0S", "does not move the clock",
                "P9999D", "at most 3,660 days",
                "P99999999999999999999D", "not an ISO-8601 duration");
        cases.forEach((duration, message) -> {
            Page page = client.submit("/operator/clock", "/operator/clock/advance", "duration", duration);
            assertThat(page.status()).as(duration).isEqualTo(200);
            assertThat(page.body()).as(duration).contains(message).contains("aria-invalid=\"true\"");
        });
        assertThat(client.post("/operator/clock/advance", "_csrf", client.get("/operator/clock").csrf()).body())
                .contains("Give the duration");
        assertThat(Duration.parse(offset())).isEqualTo(before);
    }
}
