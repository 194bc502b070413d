package io.openmws.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.JsonClient.Response;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every call of the sandbox control API, its authentication and its errors, over HTTP, on both databases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SandboxApiTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();

    @DynamicPropertySource

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonClient api() {
        return new JsonClient(port, TOKEN);
    }

    static String email() {
        return "api-" + UUID.randomUUID() + "@example.com";
    }

    // --- authentication --------------------------------------------------------------------

    @Test
    void callsWithoutTheTokenAreRefusedWithJson() {
        Response none = new JsonClient(port, null).get("/sandbox/v1/clock");
        Response wrong = new JsonClient(port, "not-the-token").get("/sandbox/v1/clock");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asString()).isEqualTo("Unauthorized");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asString()).contains("not right");
    }

    @Test
    void theApiSetsNoCookieAndNeedsNoCsrfToken() {
        Response created = api().post("/sandbox/v1/sellers", "{}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    // --- clock --------------------------------------------------------------------------------

    @Test
    void theClockMovesForwardOnly() {
        Instant before = Instant.parse(api().get("/sandbox/v1/clock").json().get("now").asString());

        Response moved = api().post("/sandbox/v1/clock/advance", "{\"duration\": \"P366D\"}");

        assertThat(moved.status()).isEqualTo(200);
        Instant after = Instant.parse(moved.json().get("now").asString());
        assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(366), Duration.ofDays(366).plusMinutes(1));

        Response backwards = api().post("/sandbox/v1/clock/advance", "{\"duration\": \"-PT1H\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("error").asString()).isEqualTo("InvalidInput");
        assertThat(backwards.json().get("message").asString()).contains("only moves forward");
    }

    @Test
    void badDurationsAndBadJsonAreClearErrors() {
        Response garbage = api().post("/sandbox/v1/clock/advance", "{\"duration\": \"a year\"}");
        Response missing = api().post("/sandbox/v1/clock/advance", "{}");
        Response notJson = api().post("/sandbox/v1/clock/advance", "{duration: P1D");

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("message").asString()).contains("ISO-8601");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asString()).isEqualTo("InvalidJson");
    }

    // --- sellers -------------------------------------------------------------------------------

    @Test
    void aCreatedSellerIsVerifiedAndCanSignIn() {
        String email = email();
        Response created = api().post("/sandbox/v1/sellers",
                "{\"email\": \"" + email + "\", \"marketplaces\": [\"A1PA6795UKMFR9\", \"A13V1IB3VIYZZH\"]}");

        assertThat(created.status()).isEqualTo(201);
        String sellerId = created.json().get("sellerId").asString();
        String password = created.json().get("password").asString();
        assertThat(sellerId).matches("A[A-Z0-9]{13}");
        assertThat(created.json().get("email").asString()).isEqualTo(email);
        assertThat(created.json().get("marketplaces").toString()).isEqualTo("[\"A1PA6795UKMFR9\",\"A13V1IB3VIYZZH\"]");

        PortalClient portal = new PortalClient(port);
        assertThat(portal.submit("/login", "/login", "username", email, "password", password).redirectPath())
                .isEqualTo("/sellercentral");
        assertThat(portal.get("/sellercentral").body()).contains(sellerId).contains("A13V1IB3VIYZZH");
    }

    @Test
    void everySellerFieldIsOptional() {
        Response first = api().post("/sandbox/v1/sellers", null);
        Response second = api().post("/sandbox/v1/sellers", "{}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(first.json().get("email").asString()).isNotEqualTo(second.json().get("email").asString());
        assertThat(first.json().get("password").asString()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(first.json().get("marketplaces").toString()).isEqualTo("[\"ATVPDKIKX0DER\"]");
    }

    @Test
    void badSellerInputIsRefusedWithoutWritingAnything() {
        String email = email();
        Response region = api().post("/sandbox/v1/sellers",
                "{\"email\": \"" + email + "\", \"marketplaces\": [\"ATVPDKIKX0DER\", \"A1F83G8C2ARO7P\"]}");
        Response unknown = api().post("/sandbox/v1/sellers",
                "{\"email\": \"" + email + "\", \"marketplaces\": [\"NOTAMARKETPLACE\"]}");
        Response password = api().post("/sandbox/v1/sellers", "{\"email\": \"" + email + "\", \"password\": \"short\"}");
        Response badEmail = api().post("/sandbox/v1/sellers", "{\"email\": \"nobody\"}");

        assertThat(region.status()).isEqualTo(400);
        assertThat(region.json().get("message").asString()).contains("marketplaces").contains("same region");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("message").asString()).contains("password").contains("12 characters");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM seller_account WHERE email_normalized = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTakenEmailIsAConflict() {
        String email = email();
        api().post("/sandbox/v1/sellers", "{\"email\": \"" + email + "\"}");

        Response again = api().post("/sandbox/v1/sellers", "{\"email\": \"" + email.toUpperCase() + "\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("Conflict");
    }

    @Test
    void stagingModeIsSwitchedPerSeller() {
        String sellerId = api().post("/sandbox/v1/sellers", "{\"staging\": true}").json().get("sellerId").asString();
        assertThat(staging(sellerId)).isTrue();

        Response off = api().post("/sandbox/v1/sellers/" + sellerId + "/staging", "{\"enabled\": false}");

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("staging").asBoolean()).isFalse();
        assertThat(staging(sellerId)).isFalse();
        assertThat(api().post("/sandbox/v1/sellers/AUNKNOWNSELLER/staging", "{\"enabled\": true}").status())
                .isEqualTo(404);
        assertThat(api().post("/sandbox/v1/sellers/" + sellerId + "/staging", "{}").status()).isEqualTo(400);
    }

    boolean staging(String sellerId) {
        return jdbc.sql("SELECT staging FROM seller_account WHERE seller_id = ?").param(sellerId)
                .query(Boolean.class).single();
    }

    // --- mailbox ------------------------------------------------------------------------------

    @Test
    void theMailboxListsMessagesForAnAddressNewestFirst() {
        String email = email();
        PortalClient portal = new PortalClient(port);
        portal.submit("/signup", "/signup", "businessName", "Acme", "contactName", "Jane", "email", email,
                "password", "correct horse battery staple", "homeMarketplaceId", "ATVPDKIKX0DER");

        Response mailbox = api().get("/sandbox/v1/mailbox?to=" + email);

        assertThat(mailbox.status()).isEqualTo(200);
        assertThat(mailbox.json().size()).isEqualTo(1);
        assertThat(mailbox.json().get(0).get("subject").asString()).isEqualTo("Your OpenMWS verification code");
        assertThat(mailbox.json().get(0).get("body").asString()).containsPattern("\\b\\d{6}\\b");
        assertThat(api().get("/sandbox/v1/mailbox").status()).isEqualTo(400);
    }

    // --- reset and unknown calls ---------------------------------------------------------------

    @Test
    void resetDeletesAllDataButKeepsTheClock() {
        api().post("/sandbox/v1/sellers", "{}");
        api().post("/sandbox/v1/clock/advance", "{\"duration\": \"PT1H\"}");
        String offsetBefore = api().get("/sandbox/v1/clock").json().get("offset").asString();

        Response reset = api().post("/sandbox/v1/reset", null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("emptiedTables").toString()).containsIgnoringCase("seller_account");
        assertThat(jdbc.sql("SELECT count(*) FROM seller_account").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_mail").query(Long.class).single()).isZero();
        assertThat(api().get("/sandbox/v1/clock").json().get("offset").asString()).isEqualTo(offsetBefore);
        assertThat(api().post("/sandbox/v1/sellers", "{}").status()).isEqualTo(201);
    }

    @Test
    void unknownCallsAreJsonNotFound() {
        Response unknown = api().get("/sandbox/v1/nothing-here");
        Response wrongMethod = api().send(api().request("/sandbox/v1/reset").GET());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asString()).isEqualTo("NotFound");
        assertThat(wrongMethod.status()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Response docs = new JsonClient(port, null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/sandbox/v1/clock", "/sandbox/v1/clock/advance", "/sandbox/v1/sellers",
                        "/sandbox/v1/sellers/{sellerId}/staging", "/sandbox/v1/mailbox", "/sandbox/v1/reset");
    }
}
