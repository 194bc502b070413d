package io.openmws.server.operator;

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
 * The operator in a real headless Chromium: signs in with the token, reads the overview, switches a
 * seller's staging mode, suspends and reinstates a developer, reads the authorizations, moves the clock
 * (with a mistake first) and signs out. Screenshots land in {@code target/screenshots/OperatorBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorBrowserTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();

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
    void operatorSignsInWorksThroughTheListsAndMovesTheClock() {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        Fixtures.Seller seller = fixtures.seller(Fixtures.fields("businessName", "Harbour Lights Trading",
                "marketplaces", List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8")));
        String sellerId = seller.sellerId();
        Fixtures.Developer developer = fixtures.developerOf(fixtures.seller(), "Lighthouse Listings");
        String developerId = developer.developerId();
        String dashed = developer.dashedId();
        fixtures.developerOf(fixtures.seller(), "Quayside Repricer");
        fixtures.authorize(sellerId, developerId);

        // Sign-in: a wrong token first.
        browser.open("/operator");
        browser.waitForPath("/operator/login");
        browser.screenshot("01-sign-in");
        browser.fill("token", "not-the-token");
        browser.clickButton("Sign in");
        assertThat(browser.text("#login-error")).isEqualTo("That is not the operator token.");
        browser.screenshot("02-wrong-token");
        browser.fill("token", TOKEN);
        browser.clickButton("Sign in");
        browser.waitForPath("/operator");
        assertThat(browser.text("#count-accounts")).isEqualTo("3");
        assertThat(browser.text("#count-developers")).isEqualTo("2 (0 suspended)");
        assertThat(browser.text("#count-authorizations")).isEqualTo("1 (1 active)");
        browser.screenshot("03-overview");

        // Accounts: staging on for the seller.
        browser.clickLink("Accounts");
        browser.waitForPath("/operator/accounts");
        browser.screenshot("04-accounts");
        browser.fill("q", sellerId);
        browser.clickButton("Filter");
        assertThat(browser.texts("#accounts tbody tr")).hasSize(1);
        browser.click("tr[data-seller='" + sellerId + "'] button");
        assertThat(browser.text("#notice")).contains("Staging mode is on for " + sellerId);
        assertThat(browser.text("tr[data-seller='" + sellerId + "'] .staging-state")).isEqualTo("On");
        assertThat(browser.value("q")).isEqualTo(sellerId);
        browser.screenshot("05-staging-on");

        // Developers: suspend with a reason, after the confirmation, then reinstate.
        browser.clickLink("Developers");
        browser.waitForPath("/operator/developers");
        browser.screenshot("06-developers");
        browser.click("a[aria-label='Suspend developer " + dashed + "']");
        browser.waitForPath("/operator/developers/" + developerId + "/suspend");
        browser.fill("reason", "Business address could not be verified");
        browser.screenshot("07-suspend-confirm");
        browser.click("#confirm-suspend");
        browser.waitForPath("/operator/developers");
        assertThat(browser.text("#notice")).contains("Developer " + dashed + " is suspended");
        assertThat(browser.text("tr[data-developer='" + developerId + "'] .developer-status")).isEqualTo("Suspended");
        assertThat(browser.text("tr[data-developer='" + developerId + "'] .status-reason"))
                .isEqualTo("Reason: Business address could not be verified");
        browser.screenshot("08-suspended");
        browser.click("a[aria-label='Reinstate developer " + dashed + "']");
        browser.click("#confirm-reinstate");
        browser.waitForPath("/operator/developers");
        assertThat(browser.text("tr[data-developer='" + developerId + "'] .developer-status")).isEqualTo("Active");

        // Authorizations: no token anywhere.
        browser.clickLink("Authorizations");
        browser.waitForPath("/operator/authorizations");
        assertThat(browser.text("tr[data-seller='" + sellerId + "'] .authorization-status")).isEqualTo("Active");
        browser.screenshot("09-authorizations");

        // Clock: a mistake, then a typed duration and a quick button.
        browser.clickLink("Clock");
        browser.waitForPath("/operator/clock");
        browser.fill("duration", "-P1D");
        browser.click("#advance");
        assertThat(browser.text("#duration-error")).contains("only moves forward");
        browser.screenshot("10-clock-error");
        browser.fill("duration", "PT2H");
        browser.click("#advance");
        browser.waitForText("#notice", "The clock moved forward by 2 hours.");
        browser.click("#advance-366d");
        browser.waitForText("#clock-offset", "366 days, 2 h 0 min");
        browser.screenshot("11-clock-moved");

        // A year on, the authorization has expired, and the operator is still signed in.
        browser.clickLink("Authorizations");
        assertThat(browser.text("tr[data-seller='" + sellerId + "'] .authorization-status")).isEqualTo("Expired");

        browser.clickButton("Sign out");
        browser.waitForPath("/operator/login");
        browser.screenshot("12-signed-out");
        browser.open("/operator/clock");
        browser.waitForPath("/operator/login");
    }
}
