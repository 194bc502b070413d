package io.openmws.server.developers;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.TestDatabases;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A seller becomes an MWS developer in a real headless Chromium, through each of the two ways in
 * (the public "Sign up or manage MWS" page, and Settings > User Permissions), up to the credentials
 * page and on to Developer Central. Screenshots land in
 * {@code target/screenshots/DeveloperRegistrationBrowserTest/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeveloperRegistrationBrowserTest {

    static final String PASSWORD = "correct horse battery staple 42";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern DEVELOPER_ID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z2-7]{16}");
    static final Pattern SECRET_KEY = Pattern.compile("[A-Za-z0-9+/]{40}");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
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
    void fromThePublicSignUpPageThroughSignInToTheCredentials() {
        String email = uniqueEmail("public");
        verifiedSellerOverHttp(email, "Harbour Apps Ltd");

        browser.open("/");
        browser.clickLink("Sign up or manage MWS");
        browser.waitForPath("/developers");
        assertThat(browser.text("main h1")).isEqualTo("Sign up or manage MWS");
        // Signed out, the button says that sign-in comes first (issue 13, item 6b).
        assertThat(browser.text("#mws-sign-up")).isEqualTo("Sign in to sign up");
        assertThat(browser.text("#mws-sign-in-first")).startsWith("Developers register with their Professional seller account: sign in first");
        assertThat(browser.attribute("#mws-sign-up", "aria-describedby")).isEqualTo("mws-sign-in-first");
        browser.screenshot("public-01-sign-up-or-manage-mws");

        browser.click("#mws-sign-up");
        browser.waitForPath("/login");
        browser.fill("username", email);
        browser.fill("password", PASSWORD);
        browser.clickButton("Sign in");

        browser.waitForPath(RegistrationController.PATH);
        assertThat(browser.text("main h1")).isEqualTo("Your developer contact email");
        assertThat(browser.value("contactEmail")).isEqualTo(email);
        browser.screenshot("public-02-contact-email");

        String name = "Harbour Apps " + UUID.randomUUID().toString().substring(0, 6);
        throughTheRegistration(email, name, "public");

        // A registered developer is offered Developer Central instead of "Sign up" (issue 13, item 6b).
        browser.open("/developers");
        assertThat(browser.text("#mws-central")).isEqualTo("Developer Central");
        assertThat(browser.isShown("#mws-sign-up")).isFalse();
        browser.screenshot("public-08-registered-developer");
        browser.click("#mws-central");
        browser.waitForPath(DeveloperCentralController.PATH);
    }

    @Test
    void fromUserPermissionsToTheCredentialsAndOnToKeyRotation() {
        String email = uniqueEmail("settings");
        verifiedSellerOverHttp(email, "Fjord Software AS");

        browser.open("/login");
        browser.fill("username", email);
        browser.fill("password", PASSWORD);
        browser.clickButton("Sign in");
        browser.waitForPath("/sellercentral");
        browser.click("header #settings-menu summary");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='User Permissions']"));
        browser.waitForPath("/sellercentral/settings/user-permissions");
        assertThat(browser.text("#register-developer")).isEqualTo("Register as a Developer");
        browser.screenshot("settings-01-user-permissions");

        browser.click("#register-developer");
        browser.waitForPath(RegistrationController.PATH);
        String team = uniqueEmail("devteam");
        browser.fill("contactEmail", team);
        String name = "Fjord Tools " + UUID.randomUUID().toString().substring(0, 6);
        throughTheRegistration(team, name, "settings");

        browser.click("#to-central");
        browser.waitForPath(DeveloperCentralController.PATH);
        assertThat(browser.text("#developer-name")).isEqualTo(name);
        assertThat(browser.text("#developer-status")).isEqualTo("Active");
        assertThat(browser.text("#license-version")).startsWith("Version 1, accepted");
        assertThat(browser.texts("#keys tbody td.masked")).containsExactly("••••••••");
        browser.screenshot("settings-08-developer-central");

        browser.click("#create-key");
        browser.waitForPath(DeveloperCentralController.PATH + "/keys");
        assertThat(browser.text("main h1")).isEqualTo("Your new access key");
        assertThat(browser.text("#next-hint")).startsWith("Next: put the new key in your software.");
        String newKey = browser.text("#access-key-id");
        browser.screenshot("settings-09-new-key");

        browser.click("#to-central");
        browser.waitForPath(DeveloperCentralController.PATH);
        assertThat(browser.texts("#keys tbody tr")).hasSize(2);
        assertThat(browser.isShown("#create-key")).isFalse();
        assertThat(browser.text("#key-limit")).startsWith("You have 2 keys");
        String oldKey = browser.texts("#keys tbody tr td:first-child code").get(0);
        browser.click("tr[data-key='" + oldKey + "'] form button");
        browser.waitFor("#notice");
        assertThat(browser.text("#notice")).contains(oldKey).contains("deactivated");
        browser.screenshot("settings-10-key-deactivated");

        browser.click("tr[data-key='" + oldKey + "'] a.danger");
        browser.waitForPath(DeveloperCentralController.PATH + "/keys/" + oldKey + "/delete");
        browser.screenshot("settings-11-confirm-delete");
        browser.clickButton("Delete key");
        browser.waitForPath(DeveloperCentralController.PATH);
        assertThat(browser.texts("#keys tbody tr td:first-child code")).containsExactly(newKey);
        browser.screenshot("settings-12-key-deleted");
    }

    /** From the contact email page (already filled) to the credentials page. */
    private void throughTheRegistration(String contactEmail, String developerName, String journey) {
        browser.clickButton("Send code");
        browser.waitFor("#code");
        assertThat(browser.text("main h1")).isEqualTo("Enter the code we sent");
        browser.screenshot(journey + "-03-code");
        browser.fill("code", codeMailedTo(contactEmail));
        browser.clickButton("Verify email");

        browser.waitFor("#legalName");
        assertThat(browser.text("main h1")).isEqualTo("Tell us about your business");
        browser.screenshot(journey + "-04-details-top");
        browser.fill("legalName", "Fjord & Harbour Software Ltd");
        browser.select("businessType", "COMPANY");
        browser.select("countryCode", "GB");
        browser.fill("street", "1 Harbour Street");
        browser.fill("city", "London");
        browser.fill("postalCode", "EC1A 1BB");
        browser.fill("phone", "+44 20 7946 0000");
        browser.fill("website", "not a web address");
        browser.fill("developerName", developerName);
        browser.fill("dataUse", "Reads orders and updates stock for sellers who authorize us.");
        browser.clickButton("Continue to the license");

        assertThat(browser.text("#website-error")).startsWith("Enter a web address starting with http://");
        assertThat(browser.attribute("#website", "aria-describedby")).isEqualTo("website-error");
        browser.scrollTo("#website-error");
        browser.screenshot(journey + "-05-details-error");
        browser.fill("website", "https://www.example.com");
        browser.clickButton("Continue to the license");

        browser.waitFor("#license-text");
        assertThat(browser.text("main h1")).isEqualTo("Developer license agreement");
        assertThat(browser.text("#summary-developer-name")).isEqualTo(developerName);
        // The data-use answer, and the address as the UK writes it (issue 13, item 6d).
        assertThat(browser.text("#summary-data-use")).isEqualTo("Reads orders and updates stock for sellers who authorize us.");
        assertThat(browser.texts("#summary-address span")).containsExactly("1 Harbour Street", "London", "EC1A 1BB", "United Kingdom");
        browser.screenshot(journey + "-06-license");
        browser.check("#agree");
        browser.clickButton("Agree and register");

        browser.waitFor("#secret-key");
        assertThat(browser.text("main h1")).isEqualTo("You are now an MWS developer");
        assertThat(browser.text("#next-hint")).startsWith("Next: give sellers your developer name and Developer ID");
        assertThat(browser.text("#developer-id")).matches(DEVELOPER_ID);
        assertThat(browser.text("#access-key-id")).matches(ACCESS_KEY_ID);
        assertThat(browser.text("#secret-key")).matches(SECRET_KEY);
        assertThat(browser.text("#secret-warning")).startsWith("This is the only time the Secret Key is shown.");
        assertThat(browser.attribute("#download", "href")).startsWith("data:text/plain;charset=utf-8,");
        assertThat(browser.attribute("#download", "download")).isEqualTo("openmws-" + browser.text("#access-key-id") + ".txt");
        browser.screenshot(journey + "-07-credentials");
    }

    /** A verified seller made over plain HTTP, to start the browser journeys signed out. */
    private void verifiedSellerOverHttp(String email, String businessName) {
        PortalClient client = new PortalClient(port);
        client.submit("/signup", "/signup", "businessName", businessName, "contactName", "Ingrid Berg", "email", email,
                "password", PASSWORD, "homeMarketplaceId", "ATVPDKIKX0DER");
        assertThat(client.submit("/signup/verify", "/signup/verify", "code", codeMailedTo(email)).redirectPath())
                .isEqualTo("/sellercentral?welcome");
    }

    private String codeMailedTo(String email) {
        MimeMessage mail = new FluentWait<>(email)
                .withTimeout(Duration.ofSeconds(20))
                .pollingEvery(Duration.ofMillis(100))
                .withMessage("a verification mail to " + email)
                .until(to -> {
                    List<MimeMessage> received = Arrays.stream(greenMail.getReceivedMessages())
                            .filter(m -> isTo(m, to)).toList();
                    return received.isEmpty() ? null : received.get(received.size() - 1);
                });
        try {
            Matcher code = CODE.matcher(mail.getContent().toString());
            assertThat(code.find()).isTrue();
            return code.group(1);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Could not read the mail to " + email, e);
        }
    }

    private static boolean isTo(MimeMessage message, String email) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String uniqueEmail(String journey) {
        return journey + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
