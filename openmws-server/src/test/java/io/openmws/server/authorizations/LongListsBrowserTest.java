package io.openmws.server.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.TestDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages of issue 13's long lists and notices in a real headless Chromium: a seller searches its
 * Current Authorizations and finds a revoked one under Past authorizations; the developer sees its
 * authorized sellers, live and past, its notices, and the warning before deactivating its last key.
 * The rules behind them (paging, sorting, CSV, who sees what) are {@code AuthorizationListsHttpTest}'s
 * and {@code DeveloperNoticesHttpTest}'s. Screenshots land in
 * {@code target/screenshots/LongListsBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LongListsBrowserTest {

    static final String TOKEN = "lists-operator-token-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
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
    void aSellerSearchesItsAuthorizationsAndADeveloperReadsItsSellersAndNotices() {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Fixtures.Developer lighthouse = fixtures.developerOf(fixtures.seller(), "Lighthouse Listings " + suffix);
        Fixtures.Developer quayside = fixtures.developerOf(fixtures.seller(), "Quayside Repricer " + suffix);
        Fixtures.Seller birchwood = fixtures.seller(Fixtures.fields("businessName", "Birchwood Goods"));
        Fixtures.Seller harbour = fixtures.seller(Fixtures.fields("businessName", "Harbour Lights Trading"));
        fixtures.authorize(birchwood.sellerId(), lighthouse.developerId());
        fixtures.authorize(birchwood.sellerId(), quayside.developerId());
        fixtures.revoke(birchwood.sellerId(), quayside.developerId());
        fixtures.authorize(harbour.sellerId(), lighthouse.developerId());
        fixtures.revoke(harbour.sellerId(), lighthouse.developerId());

        // The seller: both developers listed, the revoked one under Past authorizations; a search narrows.
        signIn(birchwood.email(), birchwood.password());
        browser.open("/sellercentral/settings/user-permissions");
        assertThat(browser.texts("#authorizations tbody tr")).singleElement().asString().contains(lighthouse.dashedId());
        assertThat(browser.texts("#past-authorizations tbody tr")).singleElement().asString()
                .contains(quayside.developerName()).contains(quayside.dashedId());
        browser.scrollTo("#past-authorizations");
        browser.screenshot("01-seller-live-and-past");
        browser.fill("q", "Quayside");
        browser.click("#search-submit");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("q=Quayside"));
        assertThat(browser.attribute("#q", "value")).isEqualTo("Quayside");
        assertThat(browser.isShown("#no-match")).isTrue();
        assertThat(browser.texts("#past-authorizations tbody tr")).singleElement().asString().contains(quayside.dashedId());
        browser.screenshot("02-seller-search");
        browser.clickButton("Sign out");

        // The developer: Harbour's revocation is past and noticed; Birchwood is live.
        signIn(lighthouse.email(), lighthouse.password());
        browser.open("/sellercentral/developer-central/sellers");
        assertThat(browser.texts("#sellers tbody tr")).singleElement().asString().contains(birchwood.sellerId());
        assertThat(browser.texts("#past-sellers tbody tr")).singleElement().asString().contains(harbour.sellerId());
        browser.screenshot("03-developer-sellers");
        browser.open("/sellercentral/developer-central");
        browser.click("#developer-notices");
        browser.waitForPath("/sellercentral/developer-central/notices");
        List<String> notices = browser.texts("#notices tbody tr");
        assertThat(notices).anySatisfy(n -> assertThat(n).contains(harbour.sellerId()).contains("Revoked"));
        browser.screenshot("04-developer-notices");

        // Deactivating the only active key asks first, with a warning.
        browser.open("/sellercentral/developer-central");
        browser.click("a.deactivate-last");
        browser.waitForPath("/sellercentral/developer-central/keys/" + lighthouse.accessKeyId() + "/deactivate/confirm");
        assertThat(browser.text("#last-key-warning")).isNotBlank();
        browser.screenshot("05-last-key-warning");
    }

    private void signIn(String email, String password) {
        browser.open("/login");
        browser.fill("username", email);
        browser.fill("password", password);
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");
    }
}
