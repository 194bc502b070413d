package io.openmws.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The testkit against the real platform it starts. */
@OpenMwsSandbox
class SandboxTest {

    @Test
    void sellersAndDevelopersAreMadeInOneCallEach(Sandbox sandbox) {
        SandboxSeller seller = sandbox.newSeller("A1PA6795UKMFR9", "A13V1IB3VIYZZH");
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxDeveloper ownAccount = sandbox.newDeveloper(sandbox.newSeller());

        assertThat(seller.sellerId()).matches("A[A-Z0-9]{13}");
        assertThat(seller.marketplaces()).containsExactly("A1PA6795UKMFR9", "A13V1IB3VIYZZH");
        assertThat(developer.developerId()).matches("\\d{12}");
        assertThat(developer.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(developer.secretKey()).hasSize(40);
        assertThat(developer.toString()).doesNotContain(developer.secretKey());
        assertThat(ownAccount.sellerId()).isNotEqualTo(developer.sellerId());
    }

    @Test
    void authorizationsAreRevokedAndRenewed(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization first = sandbox.authorize(sandbox.newSeller(), developer);
        SandboxAuthorization second = sandbox.authorize(sandbox.newSeller(), developer);

        SandboxAuthorization revoked = sandbox.revoke(first);
        sandbox.advance(Duration.ofDays(340));
        SandboxAuthorization renewed = sandbox.renew(second);

        assertThat(first.status()).isEqualTo("ACTIVE");
        assertThat(revoked.status()).isEqualTo("REVOKED");
        assertThat(renewed.status()).isEqualTo("ACTIVE");
        assertThat(renewed.mwsAuthToken()).isEqualTo(second.mwsAuthToken());
        assertThat(renewed.expiresAt()).isAfter(second.expiresAt());
    }

    @Test
    void theClockMovesForward(Sandbox sandbox) {
        Instant before = sandbox.now();

        Instant after = sandbox.advance(Duration.ofDays(30));

        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(30));
        assertThat(sandbox.now()).isAfterOrEqualTo(after);
    }

    @Test
    void theMailboxHoldsWhatThePlatformSent(Sandbox sandbox) throws Exception {
        String email = "testkit-" + UUID.randomUUID() + "@example.com";
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/signup")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + enc(csrf.group(1)) + "&businessName=Acme&contactName=Jane&email=" + enc(email)
                + "&password=" + enc("correct horse battery staple") + "&homeMarketplaceId=ATVPDKIKX0DER";
        browser.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(sandbox.mailbox(email)).singleElement()
                .satisfies(m -> assertThat(m.body()).containsPattern("\\b\\d{6}\\b"));
    }

    @Test
    void aRefusedCallSaysWhatThePlatformAnswered(Sandbox sandbox) {
        SandboxSeller seller = sandbox.newSeller();

        assertThatThrownBy(() -> sandbox.newSeller("NOTAMARKETPLACE"))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("400").hasMessageContaining("InvalidInput");
        assertThat(seller.sellerId()).isNotBlank();
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheirOuterClassesPlatform(Sandbox sandbox) {
            assertThat(sandbox.baseUrl().toString()).startsWith("http://localhost:");
            assertThat(sandbox.newSeller().sellerId()).isNotBlank();
        }
    }

    @Test
    void theHealthEndpointIsUp(Sandbox sandbox) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
