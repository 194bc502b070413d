package io.openmws.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.server.testing.Browser;
import io.openmws.server.testing.OnBothDatabases;
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
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a seller does in Seller Central, in a real headless Chromium against the running server, on
 * both databases: sign up, verify the email address with the mailed code (sent over SMTP to
 * GreenMail), find the Seller ID, move through the Settings menu, sign out and back in; and what they
 * see when they get the code or the password wrong. Screenshots of every page land in
 * {@code target/screenshots/SellerCentralBrowserTest/<database>/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SellerCentralBrowserTest {

    static final String PASSWORD = "correct horse battery staple 42";
    static final String AMAZON_DE = "A1PA6795UKMFR9";
    static final String AMAZON_FR = "A13V1IB3VIYZZH";

    private static final Pattern SELLER_ID = Pattern.compile("A[A-Z0-9]{7,19}");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;


    @BeforeEach
    void pointTheBrowserAtTheServer() {
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void newSellerSignsUpVerifiesTheMailedCodeGetsASellerIdAndSignsBackInToTheSameAccount() {
        String email = uniqueEmail("happy");

        browser.open("/");
        assertThat(browser.title()).isEqualTo("OpenMWS Seller Central");
        assertThat(browser.text("main h1")).isEqualTo("Sell with a Professional seller account");
        assertThat(browser.isShown("header nav.mainnav")).as("no Seller Central menu before sign-in").isFalse();
        browser.screenshot("happy-01-front");

        browser.clickLink("Create your Professional account");
        browser.waitForPath("/signup");
        assertThat(browser.text("main h1")).isEqualTo("Create your Professional seller account");
        fillSignUpForm("Fjord Kitchenware GmbH", "Ingrid Berg", email, PASSWORD);
        browser.select("homeMarketplaceId", AMAZON_DE);
        browser.screenshot("happy-02-signup-top");
        browser.check("input[name='otherMarketplaceIds'][value='" + AMAZON_FR + "']");
        browser.scrollTo("input[name='otherMarketplaceIds'][value='" + AMAZON_FR + "']");
        browser.screenshot("happy-03-signup-marketplaces");
        browser.clickButton("Create account");

        browser.waitForPath("/signup/verify");
        assertThat(browser.text("main h1")).isEqualTo("Verify your email address");
        assertThat(browser.text("main p.lead"))
                .isEqualTo("We sent a 6-digit code to h•••@example.com. It works for 10 minutes.");
        assertThat(browser.isShown("header nav.mainnav")).as("no Seller Central menu while pending").isFalse();
        browser.screenshot("happy-04-verify");

        browser.fill("code", codeMailedTo(email));
        browser.clickButton("Verify");

        browser.waitForPath("/sellercentral");
        assertThat(browser.currentQuery()).isEqualTo("welcome");
        assertThat(browser.text("main p.alert"))
                .isEqualTo("Your email address is verified. Welcome to Seller Central.");
        assertThat(browser.text("main h1")).isEqualTo("Fjord Kitchenware GmbH");
        String sellerId = browser.text("#seller-id");
        assertThat(sellerId).matches(SELLER_ID);
        assertThat(browser.text("header .seller-id")).isEqualTo(sellerId);
        assertThat(browser.texts("main table tbody tr td:first-child"))
                .containsExactly("Amazon.de home", "Amazon.fr");
        assertThat(browser.texts("main table tbody tr td:nth-child(2)")).containsExactly(AMAZON_DE, AMAZON_FR);
        assertThat(browser.texts("main table tbody tr td:nth-child(3)")).containsExactly("EUR", "EUR");
        browser.screenshot("happy-05-home");

        openSettingsMenu();
        browser.screenshot("happy-06-settings-menu-open");
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='Account Info']"));
        browser.waitForPath("/sellercentral/settings/account-info");
        assertThat(browser.text("main h1")).isEqualTo("Account Info");
        assertThat(browser.text("main")).contains("Fjord Kitchenware GmbH");
        assertThat(browser.value("contactName")).isEqualTo("Ingrid Berg");
        WebElement home = browser.waitFor("input[name='otherMarketplaceIds'][value='" + AMAZON_DE + "']");
        assertThat(home.isSelected()).as("home marketplace ticked").isTrue();
        assertThat(home.isEnabled()).as("home marketplace cannot be removed").isFalse();
        assertThat(browser.waitFor("input[name='otherMarketplaceIds'][value='" + AMAZON_FR + "']").isSelected())
                .as("Amazon.fr ticked").isTrue();
        browser.screenshot("happy-07-account-info");

        openSettingsMenu();
        browser.click(By.xpath("//header//details[@open]//a[normalize-space()='User Permissions']"));
        browser.waitForPath("/sellercentral/settings/user-permissions");
        assertThat(browser.text("main h1")).isEqualTo("User Permissions");
        assertThat(browser.texts("main table tbody tr td"))
                .containsExactly("Ingrid Berg", email, "Account owner", "Full access");
        browser.screenshot("happy-08-user-permissions");

        browser.clickButton("Sign out");
        browser.waitForPath("/login");
        assertThat(browser.currentQuery()).isEqualTo("signedOut");
        assertThat(browser.text("main p.alert")).isEqualTo("You have signed out.");
        assertThat(browser.isShown("header .seller-id")).isFalse();
        browser.screenshot("happy-09-signed-out");

        browser.open("/sellercentral");
        browser.waitForPath("/login");
        browser.fill("username", email);
        browser.fill("password", PASSWORD);
        browser.screenshot("happy-10-sign-in");
        browser.clickButton("Sign in");

        browser.waitForPath("/sellercentral");
        assertThat(browser.text("#seller-id")).isEqualTo(sellerId);
        assertThat(browser.text("header .seller-id")).isEqualTo(sellerId);
        assertThat(browser.isShown("main p.alert")).as("no welcome notice the second time").isFalse();
        browser.screenshot("happy-11-home-again");
    }

    @Test
    void wrongCodeShowsTriesLeftNextToTheCodeFieldAndTheRightCodeStillWorks() {
        String email = uniqueEmail("wrongcode");
        browser.open("/signup");
        fillSignUpForm("Harbour Tea Ltd", "Owen Price", email, PASSWORD);
        browser.clickButton("Create account");
        browser.waitForPath("/signup/verify");
        String code = codeMailedTo(email);

        browser.fill("code", otherCodeThan(code));
        browser.clickButton("Verify");

        assertThat(browser.text("#code-error")).isEqualTo("That code is not right. 4 tries left.");
        assertThat(browser.currentPath()).isEqualTo("/signup/verify");
        assertErrorBelongsToField("code", "code-error");
        assertThat(browser.attribute("#code", "aria-describedby")).isEqualTo("code-error");
        browser.screenshot("wrongcode-01-error");

        browser.fill("code", code);
        browser.clickButton("Verify");

        browser.waitForPath("/sellercentral");
        assertThat(browser.text("#seller-id")).matches(SELLER_ID);
        assertThat(browser.texts("main table tbody tr td:first-child")).containsExactly("Amazon.com home");
        browser.screenshot("wrongcode-02-home");
    }

    @Test
    void tooShortPasswordIsRefusedNextToThePasswordFieldAndNoCodeIsMailed() {
        String email = uniqueEmail("shortpw");
        browser.open("/signup");
        fillSignUpForm("Quay Bikes", "Mara Lind", email, "short pw 1");
        browser.clickButton("Create account");

        assertThat(browser.text("#password-error")).isEqualTo("Use at least 12 characters.");
        assertThat(browser.currentPath()).isEqualTo("/signup");
        assertThat(browser.text("main p.alert.error")).isEqualTo("Please correct the fields marked below.");
        assertErrorBelongsToField("password", "password-error");
        assertThat(browser.isShown("#businessName-error, #contactName-error, #email-error")).isFalse();
        assertThat(browser.value("businessName")).as("typed values kept").isEqualTo("Quay Bikes");
        assertThat(browser.value("email")).isEqualTo(email);
        assertThat(browser.value("password")).as("password not echoed back").isEmpty();
        assertThat(messagesTo(email)).isEmpty();
        browser.screenshot("shortpw-01-form-top");
        browser.scrollTo("#password-error");
        browser.screenshot("shortpw-02-password-error");
    }

    private void fillSignUpForm(String businessName, String contactName, String email, String password) {
        browser.fill("businessName", businessName);
        browser.fill("contactName", contactName);
        browser.fill("email", email);
        browser.fill("password", password);
    }

    private void openSettingsMenu() {
        browser.click("header #settings-menu summary");
        browser.waitFor("header details.menu[open] ul a");
    }

    /**
     * The error is inside the field's own block, below its input, and the block is marked invalid: what
     * a seller sees as "the error next to the field".
     */
    private void assertErrorBelongsToField(String inputId, String errorId) {
        WebElement error = browser.waitFor("#" + errorId);
        WebElement field = browser.driver().findElement(
                By.xpath("//*[@id='" + inputId + "']/ancestor::*[contains(concat(' ', @class, ' '), ' field ')][1]"));
        assertThat(field.getDomAttribute("class")).contains("invalid");
        assertThat(field.findElements(By.id(errorId))).as(errorId + " inside the field of " + inputId).hasSize(1);
        Rectangle input = browser.driver().findElement(By.id(inputId)).getRect();
        Rectangle message = error.getRect();
        assertThat(message.getY()).as("error below its input").isGreaterThanOrEqualTo(input.getY() + input.getHeight());
        assertThat(message.getY()).as("error close to its input").isLessThan(input.getY() + input.getHeight() + 120);
        assertThat(message.getX()).as("error aligned with its input").isEqualTo(input.getX());
    }

    /** The 6-digit code in the newest verification mail to {@code email}, waiting for it to arrive. */
    private String codeMailedTo(String email) {
        MimeMessage mail = new FluentWait<>(email)
                .withTimeout(Duration.ofSeconds(20))
                .pollingEvery(Duration.ofMillis(100))
                .withMessage("a verification mail to " + email)
                .until(to -> {
                    List<MimeMessage> received = messagesTo(to);
                    return received.isEmpty() ? null : received.get(received.size() - 1);
                });
        try {
            assertThat(mail.getSubject()).isEqualTo("Your OpenMWS verification code");
            // getContent() undoes any transfer encoding (quoted-printable, base64).
            String body = mail.getContent().toString();
            Matcher code = CODE.matcher(body);
            assertThat(code.find()).as("a 6-digit code in: " + body).isTrue();
            return code.group(1);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Could not read the mail to " + email, e);
        }
    }

    private List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, email)).toList();
    }

    private static boolean isTo(MimeMessage message, String email) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    // One SMTP server for the class: its port is baked into the cached application context.
    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    static String uniqueEmail(String journey) {
        return journey + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String otherCodeThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
