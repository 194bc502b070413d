package io.openmws.server.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seller A authorizes developer B in a real headless Chromium: by name and Developer ID, with the
 * terms, confirming from the mailed link, seeing the token again after the password, and revoking
 * it; then B sees A among its authorized sellers. Screenshots land in
 * {@code target/screenshots/AuthorizationBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationBrowserTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String PASSWORD = "correct horse battery staple 42";
    static final Pattern MWS_TOKEN = Pattern.compile(
            "amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/sellercentral/authorizations/verify\\?token=[A-Za-z0-9_-]+");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    AuthorizationSellerGrants grants;

    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void sellerAuthorizesDeveloperConfirmsFromTheMailboxSeesTheTokenAndRevokesIt() throws Exception {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        Fixtures.Seller developerSeller = fixtures.seller(Fixtures.fields("email", Fixtures.newEmail("dev"),
                "password", PASSWORD, "businessName", "Lighthouse Software Inc"));
        String developerName = "Lighthouse Listings " + UUID.randomUUID().toString().substring(0, 4);
        Fixtures.Developer developer = fixtures.developerOf(developerSeller, developerName);
        String developerId = developer.developerId();
        String dashed = developer.dashedId();

        String email = Fixtures.newEmail("seller");
        String sellerId = fixtures.seller(Fixtures.fields("email", email, "password", PASSWORD,
                "businessName", "Birchwood Goods", "marketplaces", List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"))).sellerId();

        // Seller A signs in and opens Settings > User Permissions.
        signIn(email);
        browser.click("header #settings-menu summary");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='User Permissions']"));
        browser.waitForPath("/sellercentral/settings/user-permissions");
        assertThat(browser.text("#no-authorizations")).isEqualTo("You have not authorized any developer.");
        browser.scrollTo("#authorize-developer");
        browser.screenshot("01-user-permissions");

        // Authorise a Developer, bottom left; a typo in the ID is refused without saying which half.
        browser.click("#authorize-developer");
        browser.waitForPath("/sellercentral/settings/user-permissions/authorize");
        browser.fill("developerName", developerName.toLowerCase());
        browser.fill("developerId", "0000-0000-0000");
        browser.check("#agree");
        browser.clickButton("Agree and authorize");
        assertThat(browser.text("#form-problem")).startsWith("No active developer has that developer name and Developer ID");
        assertThat(browser.value("developerName")).isEqualTo(developerName.toLowerCase());
        browser.screenshot("02-authorize-refused");

        browser.fill("developerId", dashed);
        browser.screenshot("03-authorize-form");
        browser.scrollTo("#agree");
        browser.check("#agree");
        browser.screenshot("04-terms-accepted");
        browser.clickButton("Agree and authorize");

        // The result: Seller ID, marketplaces and the token; pending until confirmed.
        String token = browser.text("#mws-auth-token");
        assertThat(token).matches(MWS_TOKEN);
        assertThat(browser.text("#seller-id")).isEqualTo(sellerId);
        assertThat(browser.text("#marketplaces")).contains("ATVPDKIKX0DER").contains("A2EUQ1WTGCTBG2");
        assertThat(browser.text("#result-status")).isEqualTo("Pending verification");
        assertThat(browser.text("#verify-notice")).contains(email);
        browser.screenshot("05-authorized-pending");
        assertThat(grants.activeFor(sellerId, developerId, token)).isEqualTo(AuthorizationCheck.PENDING_VERIFICATION);

        // The mailbox: the confirmation link, opened in the same browser.
        MimeMessage[] mails = greenMail.getReceivedMessagesForDomain(email);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Confirm your authorization of " + developerName);
        Matcher link = VERIFY_LINK.matcher(mails[0].getContent().toString());
        assertThat(link.find()).isTrue();
        browser.open(link.group());
        assertThat(browser.text("main h1")).isEqualTo("Confirm your authorization");
        assertThat(browser.text("main .lead")).contains(developerName).contains(dashed);
        browser.screenshot("06-confirm-from-mail");
        browser.clickButton("Confirm authorization");

        browser.waitFor("#notice");
        assertThat(browser.text("#notice")).startsWith("Confirmed: " + developerName);
        assertThat(browser.text("#status")).isEqualTo("Active");
        assertThat(browser.text("#token-masked")).endsWith(token.substring(token.length() - 4)).doesNotContain(token);
        browser.screenshot("07-verified-detail");
        assertThat(grants.activeFor(sellerId, developerId, token)).isEqualTo(AuthorizationCheck.ACTIVE);

        // The token again, after the password.
        browser.fill("password", PASSWORD);
        browser.clickButton("Show token");
        assertThat(browser.text("#mws-auth-token")).isEqualTo(token);
        browser.screenshot("08-token-shown");

        // Current Authorizations, then Revoke access with its confirmation.
        browser.open("/sellercentral/settings/user-permissions");
        assertThat(browser.text("#authorizations tbody tr")).contains(developerName).contains(dashed).contains("Active");
        browser.scrollTo("#current-authorizations");
        browser.screenshot("09-current-authorizations");
        browser.click("#authorizations a.revoke");
        assertThat(browser.text("main h1")).isEqualTo("Revoke the access of " + developerName + "?");
        browser.screenshot("10-revoke-confirmation");
        browser.click("#confirm-revoke");
        browser.waitForPath("/sellercentral/settings/user-permissions");
        assertThat(browser.text("#notice")).startsWith("You revoked the access of " + developerName);
        assertThat(browser.text("#past-authorizations tbody tr .status")).isEqualTo("Revoked");
        assertThat(browser.text("#past-authorizations tbody tr .ended")).startsWith("Revoked on ");
        assertThat(browser.isShown("#past-authorizations a.revoke")).isFalse();
        assertThat(browser.isShown("#past-authorizations a.show-token")).isFalse();
        browser.screenshot("11-revoked");
        assertThat(grants.activeFor(sellerId, developerId, token)).isEqualTo(AuthorizationCheck.REVOKED);

        // The history on the authorization's page.
        browser.click("#past-authorizations a.developer-name");
        assertThat(browser.texts("#events tbody td.event")).containsExactly("Authorization requested",
                "Confirmation link sent", "Verified", "Revoked");
        browser.scrollTo("#audit");
        browser.screenshot("12-history");

        // Developer B sees seller A, without a token.
        browser.clickButton("Sign out");
        signIn(developerSeller.email());
        browser.open("/sellercentral/developer-central");
        browser.click("#authorized-sellers");
        browser.waitForPath("/sellercentral/developer-central/sellers");
        assertThat(browser.text("#past-sellers tbody tr")).contains(sellerId).contains("Birchwood Goods").contains("Revoked");
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        browser.screenshot("13-developer-authorized-sellers");
    }

    private void signIn(String email) {
        browser.open("/login");
        browser.fill("username", email);
        browser.fill("password", PASSWORD);
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");
    }
}
