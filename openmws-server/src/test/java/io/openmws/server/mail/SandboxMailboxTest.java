package io.openmws.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.OnBothDatabases;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sandbox mode without SMTP: mail is kept in the database and shown on the Sandbox mailbox page, to
 * the browser that asked for a code (that code only) and to the signed-in operator (everything).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SandboxMailboxTest {

    static final String TOKEN = "mailbox-operator-token-" + UUID.randomUUID();
    static final Pattern CODE = Pattern.compile("verification code is (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutSmtpTheSandboxKeepsEveryMessage() {
        assertThat(mailer).isInstanceOf(SandboxMailbox.class);
    }

    @Test
    void aSignUpCodeAppearsOnTheMailboxPageOfTheBrowserThatSignedUpAndNeverInTheLog(CapturedOutput log) {
        String email = "mailbox-" + UUID.randomUUID() + "@example.com";
        PortalClient client = new PortalClient(port);
        signUp(client, email.toUpperCase());

        Page mailbox = client.get("/sandbox/mailbox");
        assertThat(mailbox.status()).isEqualTo(200);
        Matcher code = CODE.matcher(mailbox.body());
        assertThat(code.find()).isTrue();
        assertThat(client.submit("/signup/verify", "/signup/verify", "code", code.group(1)).redirectPath())
                .isEqualTo("/sellercentral?welcome");

        assertThat(log.getAll()).contains("Mail kept in the sandbox mailbox for " + email)
                .contains("Your OpenMWS verification code")
                .doesNotContain(code.group(1));
    }

    @Test
    void anotherBrowserSeesNoneOfIt() {
        String email = "mailbox-" + UUID.randomUUID() + "@example.com";
        signUp(new PortalClient(port), email);
        mailer.send(new Mail(email, "Choose a new OpenMWS password", "a reset link"));

        PortalClient stranger = new PortalClient(port);
        for (String path : new String[] {"/sandbox/mailbox", "/sandbox/mailbox?to=" + email}) {
            Page page = stranger.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(email).doesNotContain("verification code is")
                    .doesNotContain("a reset link").contains("No mail for this browser yet.")
                    .contains("/operator/login");
        }
        assertThat(stranger.sessionCookie()).as("reading the page makes no session").isEmpty();
    }

    @Test
    void aBrowserSeesOnlyTheCodesItAskedForNotOtherMailToTheAddress() {
        String email = "mailbox-" + UUID.randomUUID() + "@example.com";
        mailer.send(new Mail(email, "Your OpenMWS verification code", "an older code, before the sign-up"));
        PortalClient client = new PortalClient(port);
        signUp(client, email);
        mailer.send(new Mail(email, "Choose a new OpenMWS password", "a reset link"));

        String page = client.get("/sandbox/mailbox").body();

        assertThat(page).contains("verification code is").doesNotContain("an older code")
                .doesNotContain("a reset link");
        // Signing out ends the session, and with it what the browser may read.
        client.submit("/signup/verify", "/logout");
        assertThat(client.get("/sandbox/mailbox").body()).doesNotContain("verification code is");
    }

    @Test
    void aDeveloperContactEmailShowsItsCodeButNoOtherMailToThatAddress() {
        PortalClient seller = new PortalClient(port);
        String email = "seller-" + UUID.randomUUID() + "@example.com";
        signUp(seller, email);
        Matcher code = CODE.matcher(seller.get("/sandbox/mailbox").body());
        assertThat(code.find()).isTrue();
        seller.submit("/signup/verify", "/signup/verify", "code", code.group(1));
        String someoneElse = "owner-" + UUID.randomUUID() + "@example.com";

        String register = "/sellercentral/developer/register";
        assertThat(seller.submit(register, register + "/email", "contactEmail", someoneElse).redirectPath())
                .isEqualTo(register);
        mailer.send(new Mail(someoneElse, "Choose a new OpenMWS password", "a reset link"));

        String page = seller.get("/sandbox/mailbox").body();
        assertThat(page).contains("Your OpenMWS developer verification code").contains(someoneElse)
                .doesNotContain("a reset link");
    }

    @Test
    void aSellerSeesTheConfirmationLinkOfItsOwnAuthorizationAndNoOtherSellerDoes() {
        Fixtures fixtures = new Fixtures(port, TOKEN);
        Fixtures.Developer developer = fixtures.developer();
        Fixtures.Seller seller = fixtures.seller();
        Fixtures.Seller other = fixtures.seller();
        PortalClient sellerBrowser = signedIn(seller);
        PortalClient otherBrowser = signedIn(other);
        String subject = "Confirm your authorization of " + developer.developerName();
        assertThat(sellerBrowser.get("/sandbox/mailbox").body()).doesNotContain(subject);

        Page authorized = sellerBrowser.submit(AUTHORIZE, AUTHORIZE, "developerName", developer.developerName(),
                "developerId", developer.developerId(), "agree", "true", "termsVersion", "1");
        assertThat(authorized.status()).isEqualTo(302);
        assertThat(authorized.redirectPath()).endsWith("/authorized");

        String page = sellerBrowser.get("/sandbox/mailbox").body();
        assertThat(page).contains(subject).contains("/sellercentral/authorizations/verify?token=");
        assertThat(otherBrowser.get("/sandbox/mailbox").body()).doesNotContain(subject).doesNotContain("verify?token=");
        assertThat(new PortalClient(port).get("/sandbox/mailbox?to=" + seller.email()).body()).doesNotContain(subject);
    }

    @Test
    void theOperatorSeesEveryMessageNewestFirstAndFiltersByRecipient() {
        String a = "a-" + UUID.randomUUID() + "@example.com";
        String b = "b-" + UUID.randomUUID() + "@example.com";
        mailer.send(new Mail(a, "first for a", "one"));
        mailer.send(new Mail(b, "only for b", "two"));
        mailer.send(new Mail(a, "second for a", "three"));
        PortalClient operator = operator();

        String forA = operator.get("/sandbox/mailbox?to=" + a).body();

        assertThat(forA).contains("second for a").contains("first for a").doesNotContain("only for b");
        assertThat(forA.indexOf("second for a")).isLessThan(forA.indexOf("first for a"));
        assertThat(operator.get("/sandbox/mailbox").body()).contains("only for b");
        // Signing the operator out closes the view again.
        operator.submit("/operator", "/operator/logout");
        assertThat(operator.get("/sandbox/mailbox").body()).doesNotContain("only for b");
    }

    @Test
    void mailBodiesAreEscapedOnThePage() {
        String a = "x-" + UUID.randomUUID() + "@example.com";
        mailer.send(new Mail(a, "<b>subject</b>", "<script>alert(1)</script>"));

        String page = operator().get("/sandbox/mailbox?to=" + a).body();

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    static final String AUTHORIZE = "/sellercentral/settings/user-permissions/authorize";

    PortalClient signedIn(Fixtures.Seller seller) {
        PortalClient client = new PortalClient(port);
        assertThat(client.submit("/login", "/login", "username", seller.email(), "password", seller.password())
                .redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    void signUp(PortalClient client, String email) {
        assertThat(client.submit("/signup", "/signup", "businessName", "Acme", "contactName", "Jane", "email", email,
                "password", "correct horse battery staple", "homeMarketplaceId", "ATVPDKIKX0DER").redirectPath())
                .isEqualTo("/signup/verify");
    }

    PortalClient operator() {
        PortalClient client = new PortalClient(port);
        assertThat(client.submit("/operator/login", "/operator/login", "token", TOKEN).redirectPath())
                .isEqualTo("/operator");
        return client;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }
}
