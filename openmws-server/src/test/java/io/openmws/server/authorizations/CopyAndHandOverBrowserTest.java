package io.openmws.server.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Copy buttons and the seller's hand-over in a real headless Chromium (issue 13, item 1): each button
 * names what it copies, says "Copied" in a live region, and the clipboard then holds the value (read
 * back through the Clipboard API with the permission granted); where the Clipboard API is missing
 * (plain http to an IP address) the selection fallback copies the same. The token's page offers
 * "Copy all" and a download built into the page. Screenshots in
 * {@code target/screenshots/CopyAndHandOverBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CopyAndHandOverBrowserTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String PASSWORD = Fixtures.PASSWORD;

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

    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void sellerCopiesEachValueAndHandsOverAllOfItByCopyOrDownload() {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        Fixtures.Seller developerSeller = fixtures.seller(Fixtures.fields("email", Fixtures.newEmail("dev"),
                "password", PASSWORD, "businessName", "Lighthouse Software Inc"));
        String developerName = "Lighthouse Listings " + UUID.randomUUID().toString().substring(0, 4);
        Fixtures.Developer developer = fixtures.developerOf(developerSeller, developerName);
        String email = Fixtures.newEmail("seller");
        String sellerId = fixtures.seller(Fixtures.fields("email", email, "password", PASSWORD,
                "businessName", "Birchwood Goods", "marketplaces", List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"))).sellerId();

        signIn(email);
        browser.allowClipboard();

        // Home: the Seller ID, and the one in the top bar.
        String copySellerId = "#seller-id + button.copy";
        assertThat(browser.attribute(copySellerId, "aria-label")).isEqualTo("Copy the Seller ID");
        assertThat(browser.driver().findElement(By.cssSelector(copySellerId + " + .copied")).getText()).isEmpty();
        browser.click(copySellerId);
        waitForCopied(copySellerId);
        assertThat(browser.attribute(copySellerId + " + .copied", "aria-live")).isEqualTo("polite");
        assertThat(browser.clipboardText()).isEqualTo(sellerId);
        browser.screenshot("01-home-seller-id-copied");
        assertThat(browser.attribute("#header-seller-id + button.copy", "aria-label")).isEqualTo("Copy the Seller ID");

        // Authorize the developer: the new token's page.
        browser.open("/sellercentral/settings/user-permissions/authorize");
        browser.fill("developerName", developerName);
        browser.fill("developerId", developer.developerId());
        browser.scrollTo("#agree");
        browser.check("#agree");
        browser.clickButton("Agree and authorize");
        String token = browser.text("#mws-auth-token");
        assertThat(browser.text("#result-developer-id")).isEqualTo(developer.dashedId());

        String copyToken = "#mws-auth-token + button.copy";
        assertThat(browser.attribute(copyToken, "aria-label")).isEqualTo("Copy the MWS Auth Token");
        browser.click(copyToken);
        waitForCopied(copyToken);
        assertThat(browser.clipboardText()).isEqualTo(token);

        String copyAll = "#handover button.copy";
        assertThat(browser.text(copyAll)).isEqualTo("Copy all");
        assertThat(browser.attribute(copyAll, "aria-label"))
                .isEqualTo("Copy the Seller ID, marketplaces, MWS Auth Token and Developer ID");
        browser.scrollTo("#handover");
        browser.click(copyAll);
        waitForCopied(copyAll);
        String handedOver = browser.clipboardText();
        assertThat(handedOver).contains("Seller ID:       " + sellerId)
                .contains("ATVPDKIKX0DER").contains("A2EUQ1WTGCTBG2")
                .contains("MWS Auth Token:  " + token)
                .contains("Developer ID:    " + developer.dashedId())
                .contains(developerName);
        browser.screenshot("02-authorized-copy-all");

        // The download is the same text, inside the page: a data: link, no address to fetch again.
        String href = browser.attribute("#download-handover", "href");
        assertThat(href).startsWith("data:text/plain;charset=utf-8,");
        assertThat(URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8).strip()).isEqualTo(handedOver);
        assertThat(browser.attribute("#download-handover", "download")).isEqualTo("mws-authorization-" + sellerId + ".txt");

        // Post/redirect/get (item 6a): the token's page is a GET shown once; a reload lands on the
        // authorization's page with the token masked, never on "Confirm Form Resubmission".
        assertThat(browser.currentPath()).matches("/sellercentral/settings/user-permissions/authorizations/\\d+/authorized");
        String detail = browser.currentPath().replaceFirst("/authorized$", "");
        browser.driver().navigate().refresh();
        browser.waitForPath(detail);
        assertThat(browser.text("#token-masked")).doesNotContain(token);

        // Seen again after the password, the token comes with the same hand-over.
        browser.open("/sellercentral/settings/user-permissions");
        browser.click("#authorizations a.developer-name");
        assertThat(browser.isShown("#handover")).isFalse();
        browser.fill("password", PASSWORD);
        browser.clickButton("Show token");
        browser.scrollTo("#handover");
        browser.click(copyAll);
        waitForCopied(copyAll);
        assertThat(browser.clipboardText()).isEqualTo(handedOver);
        assertThat(browser.attribute("#download-handover", "href")).isEqualTo(href);
        browser.screenshot("03-token-revealed-hand-over");
        browser.driver().navigate().refresh();
        browser.waitFor("#token-masked");
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        browser.driver().navigate().back();
        browser.waitForPath(detail);
        browser.driver().navigate().forward();
        browser.waitForPath(detail);

        // Without the async Clipboard API (plain http to an IP address), the selection fallback copies.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true});");
        String copySeller = "#seller-id + button.copy";
        browser.click(copySeller);
        waitForCopied(copySeller);
        ((JavascriptExecutor) browser.driver()).executeScript("delete navigator.clipboard;");
        assertThat(browser.clipboardText()).isEqualTo(sellerId);
    }

    @Test
    void developerCopiesTheDeveloperIdAndTheNewKeysSecret() {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        Fixtures.Seller developerSeller = fixtures.seller(Fixtures.fields("email", Fixtures.newEmail("dev"),
                "password", PASSWORD, "businessName", "Lighthouse Software Inc"));
        Fixtures.Developer developer = fixtures.developerOf(developerSeller,
                "Lighthouse Listings " + UUID.randomUUID().toString().substring(0, 4));
        signIn(developerSeller.email());
        browser.allowClipboard();

        browser.open("/sellercentral/developer-central");
        String copyId = "#developer-id + button.copy";
        assertThat(browser.attribute(copyId, "aria-label")).isEqualTo("Copy the Developer ID");
        browser.click(copyId);
        waitForCopied(copyId);
        assertThat(browser.clipboardText()).isEqualTo(developer.dashedId());

        browser.scrollTo("#create-key");
        browser.click("#create-key");
        String secret = browser.text("#secret-key");
        String copySecret = "#secret-key + button.copy";
        assertThat(browser.attribute(copySecret, "aria-label")).isEqualTo("Copy the Secret Key");
        browser.click(copySecret);
        waitForCopied(copySecret);
        assertThat(browser.clipboardText()).isEqualTo(secret);
        browser.click("#access-key-id + button.copy");
        waitForCopied("#access-key-id + button.copy");
        assertThat(browser.clipboardText()).isEqualTo(browser.text("#access-key-id"));
        browser.screenshot("04-new-key-copied");

        // Post/redirect/get (item 6a): a reload shows Developer Central, not the secret nor a resubmission.
        assertThat(browser.currentPath()).isEqualTo("/sellercentral/developer-central/keys");
        browser.driver().navigate().refresh();
        browser.waitForPath("/sellercentral/developer-central");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
    }

    private void waitForCopied(String button) {
        browser.waitUntil(d -> "Copied".equals(d.findElement(By.cssSelector(button + " + .copied")).getText()));
    }

    private void signIn(String email) {
        browser.open("/login");
        browser.fill("username", email);
        browser.fill("password", PASSWORD);
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");
    }
}
