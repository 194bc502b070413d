package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.Browser;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page a seller, a developer and the operator reach, on a 390 px wide phone (issue 13, item 3):
 * none scrolls sideways (wide tables scroll inside their cards instead), and the top bar keeps the
 * mailbox link, the Seller ID and "Sign out" on screen. A screenshot of each page lands in
 * {@code target/screenshots/PhoneLayoutBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneLayoutBrowserTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /** {@code --error} of openmws.css, #b3261e, as Selenium reports colours. */
    static final String ERROR_RED = "rgba(179, 38, 30, 1)";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @RegisterExtension
    final Browser browser = new Browser().viewport(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);

    @LocalServerPort
    int port;

    int page;

    /** The pages that scroll sideways, with what sticks out: all of them, not only the first. */
    final List<String> tooWide = new ArrayList<>();

    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    /** The page shown now fits the phone's width; saved as the next numbered screenshot. */
    void fits(String name) {
        browser.waitFor("main");
        String shot = String.format("%02d-%s", ++page, name);
        browser.screenshot(shot);
        assertThat(browser.innerWidth()).isEqualTo(Browser.PHONE_WIDTH);
        long overflow = browser.horizontalOverflow();
        if (overflow > 0) {
            tooWide.add(shot + " (" + browser.currentPath() + ") by " + overflow + " px: " + stickingOut());
        }
    }

    /** The innermost elements whose right edge lies beyond the viewport, for the failure message. */
    String stickingOut() {
        Object found = ((JavascriptExecutor) browser.driver()).executeScript("""
                const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > window.innerWidth + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5)) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + '@' + Math.round(r.right));
                  }
                }
                return out.slice(0, 6).join(', ');""");
        return String.valueOf(found);
    }

    void open(String path, String name) {
        browser.open(path);
        fits(name);
    }

    /** The element is within the viewport's width, not off to the right or left (else noted in {@link #tooWide}). */
    void onScreen(String css) {
        WebElement element = browser.waitFor(css);
        int left = element.getRect().getX();
        int right = left + element.getRect().getWidth();
        if (left < 0 || right > Browser.PHONE_WIDTH) {
            tooWide.add(css + " on " + browser.currentPath() + " spans " + left + " to " + right + " px");
        }
    }

    void signIn(Fixtures.Seller seller) {
        browser.open("/login");
        browser.fill("username", seller.email());
        browser.fill("password", seller.password());
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");
    }

    void signOut() {
        onScreen("header .who form button");
        browser.click("header .who form button");
        browser.waitForPath("/login");
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        Fixtures.Seller developerSeller = fixtures.seller();
        Fixtures.Developer developer = fixtures.developerOf(developerSeller,
                "Phone Check Listings " + UUID.randomUUID().toString().substring(0, 4));
        Fixtures.Seller seller = fixtures.seller(Fixtures.newEmail("phone"), "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2",
                "A1AM78C64UM0Y8");
        fixtures.authorize(seller.sellerId(), developer.developerId());
        Fixtures.Seller newcomer = fixtures.seller();

        // Signed out.
        open("/", "front");
        onScreen("header .who a[href='/sandbox/mailbox']");
        open("/signup", "signup");
        browser.clickButton("Create account");
        fits("signup-errors");
        browser.fill("businessName", "Pocket Goods");
        browser.fill("contactName", "Ana Lima");
        browser.fill("email", Fixtures.newEmail("pending"));
        browser.fill("password", Fixtures.PASSWORD);
        browser.clickButton("Create account");
        browser.waitForPath("/signup/verify");
        fits("signup-verify");
        signOut();
        open("/login", "login");
        open("/password/forgot", "forgot-password");
        open("/developers", "developers");

        // A seller with an authorization.
        signIn(seller);
        fits("seller-central");
        onScreen("header .seller-id");
        onScreen("header .who a[href='/sandbox/mailbox']");
        browser.click("header #settings-menu summary");
        browser.waitFor("header details[open] ul");
        fits("settings-menu-open");
        onScreen("header details[open] ul");
        open("/sellercentral/settings/account-info", "account-info");
        open("/sellercentral/settings/user-permissions", "user-permissions");
        browser.click("a.developer-name");
        fits("authorization");
        browser.click("#revoke");
        browser.waitUntil(d -> browser.currentPath().endsWith("/revoke"));
        fits("revoke-confirm");
        open("/sellercentral/settings/user-permissions/authorize", "authorize");
        open("/sellercentral/inventory", "manage-inventory");
        open("/sellercentral/inventory/upload", "add-products-via-upload");
        open("/sellercentral/orders", "manage-orders");
        open("/sellercentral/reports/inventory", "inventory-reports");
        open("/sellercentral/reports/orders", "order-reports");
        open("/sellercentral/reports/payments", "payments");
        open("/sandbox/mailbox", "mailbox");
        signOut();

        // The developer.
        signIn(developerSeller);
        open("/sellercentral/developer-central", "developer-central");
        open("/sellercentral/developer-central/sellers", "authorized-sellers");
        open("/sellercentral/developer-central/calls", "calls");
        browser.open("/sellercentral/developer-central");
        browser.click("#create-key");
        browser.waitForPath("/sellercentral/developer-central/keys");
        fits("new-key");
        browser.open("/sellercentral/developer-central");
        browser.click("#keys tbody tr[data-key='" + developer.accessKeyId() + "'] form button");
        browser.waitFor("#notice");
        fits("key-deactivated");
        browser.click("#keys tbody tr a.danger");
        browser.waitUntil(d -> browser.currentPath().endsWith("/delete"));
        fits("delete-key-confirm");
        signOut();

        // A seller registering as a developer, step by step.
        signIn(newcomer);
        open("/sellercentral/developer/register", "register-email");
        browser.clickButton("Send code");
        browser.waitFor("#code");
        fits("register-code");
        browser.open("/sandbox/mailbox");
        Matcher code = CODE.matcher(browser.text("main"));
        assertThat(code.find()).as("a code on the mailbox page").isTrue();
        browser.open("/sellercentral/developer/register");
        browser.fill("code", code.group(1));
        browser.clickButton("Verify email");
        browser.waitFor("#legalName");
        fits("register-details");
        browser.fill("legalName", "Pocket Apps Ltd");
        browser.select("businessType", "COMPANY");
        browser.select("countryCode", "GB");
        browser.fill("street", "1 Harbour Street");
        browser.fill("city", "London");
        browser.fill("postalCode", "EC1A 1BB");
        browser.fill("phone", "call me maybe");
        browser.fill("website", "not a web address");
        browser.fill("developerName", "Pocket Apps " + UUID.randomUUID().toString().substring(0, 6));
        browser.fill("dataUse", "Reads orders and updates stock for sellers who authorize us.");
        browser.clickButton("Continue to the license");
        browser.waitFor("#phone-error");
        browser.scrollTo("#phone");
        fits("register-details-errors");
        // Every invalid input is outlined in red, the phone and website inputs too (issue 13, item 2).
        for (String field : new String[] {"phone", "website"}) {
            assertThat(browser.computedStyle("#" + field, "border-top-color")).as(field).isEqualTo(ERROR_RED);
        }
        assertThat(browser.computedStyle("#city", "border-top-color")).as("a valid input").isNotEqualTo(ERROR_RED);
        browser.fill("phone", "+44 20 7946 0000");
        browser.fill("website", "https://www.example.com");
        browser.clickButton("Continue to the license");
        browser.waitFor("#license-text");
        fits("register-license");
        browser.check("#agree");
        browser.clickButton("Agree and register");
        browser.waitFor("#secret-key");
        fits("register-credentials");
        signOut();

        // The operator.
        browser.open("/operator/login");
        fits("operator-login");
        browser.fill("token", TOKEN);
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitForPath("/operator");
        fits("operator-overview");
        open("/operator/accounts", "operator-accounts");
        open("/operator/developers", "operator-developers");
        open("/operator/developers/" + developer.developerId() + "/suspend", "operator-suspend");
        open("/operator/authorizations", "operator-authorizations");
        open("/operator/clock", "operator-clock");
        onScreen("header .who form button");

        assertThat(tooWide).as("pages wider than a %d px phone", Browser.PHONE_WIDTH).isEmpty();
    }
}
