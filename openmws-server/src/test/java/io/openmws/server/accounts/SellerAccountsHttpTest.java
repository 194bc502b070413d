package io.openmws.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.PortalClient;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every rule of Professional seller accounts, black-box over HTTP on a real port, with mail going
 * through a real SMTP server (GreenMail), on both databases.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SellerAccountsHttpTest {

    static final String PASSWORD = "correct horse battery staple";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern LINK = Pattern.compile("(http://\\S+/password/reset\\?token=\\S+)");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource

    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcClient jdbc;

    // --- helpers -------------------------------------------------------------------------

    static String newEmail() {
        return "seller-" + UUID.randomUUID() + "@example.com";
    }

    PortalClient client() {
        return new PortalClient(port);
    }

    Page signUp(PortalClient client, String email, String password, String... extra) {
        List<String> pairs = new java.util.ArrayList<>(List.of(
                "businessName", "Acme Trading Ltd", "contactName", "Jane Doe", "email", email,
                "password", password, "homeMarketplaceId", "ATVPDKIKX0DER"));
        pairs.addAll(Arrays.asList(extra));
        return client.submit("/signup", "/signup", pairs.toArray(String[]::new));
    }

    List<String> mailTo(String email) {
        try {
            MimeMessage[] messages = greenMail.getReceivedMessagesForDomain(email);
            List<String> bodies = new java.util.ArrayList<>();
            for (MimeMessage m : messages) {
                bodies.add(m.getSubject() + "\n" + m.getContent().toString());
            }
            return bodies;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String lastMailTo(String email) {
        List<String> all = mailTo(email);
        assertThat(all).as("mail to " + email).isNotEmpty();
        return all.get(all.size() - 1);
    }

    String latestCode(String email) {
        Matcher m = CODE.matcher(lastMailTo(email));
        assertThat(m.find()).as("a 6-digit code in the mail").isTrue();
        return m.group(1);
    }

    Page enterCode(PortalClient client, String code) {
        return client.submit("/signup/verify", "/signup/verify", "code", code);
    }

    /** A verified seller, signed in on {@code client}; returns the Seller ID. */
    String verifiedSeller(PortalClient client, String email) {
        assertThat(signUp(client, email, PASSWORD).redirectPath()).isEqualTo("/signup/verify");
        assertThat(enterCode(client, latestCode(email)).redirectPath()).isEqualTo("/sellercentral?welcome");
        Matcher m = Pattern.compile("id=\"seller-id\">([A-Z0-9]+)<").matcher(client.get("/sellercentral").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    Page signIn(PortalClient client, String email, String password) {
        return client.submit("/login", "/login", "username", email, "password", password);
    }

    /** Whether any stored session attribute holds {@code text} (serialized Java strings keep ASCII as is). */
    boolean anySessionHolds(String text) {
        return jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).list()
                .stream().anyMatch(bytes -> bytes.contains(text));
    }

    long sessions() {
        return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    }

    // --- sign-up and verification ----------------------------------------------------------

    @Test
    void signUpMailsACodeThatActivatesTheAccountWithASellerId() {
        PortalClient client = client();
        String email = newEmail();

        Page created = signUp(client, email, PASSWORD, "otherMarketplaceIds", "A2EUQ1WTGCTBG2");
        assertThat(created.redirectPath()).isEqualTo("/signup/verify");
        assertThat(jdbc.sql("SELECT status FROM seller_account WHERE email_normalized = ?").param(email)
                .query(String.class).single()).isEqualTo("PENDING_VERIFICATION");

        Page verified = enterCode(client, latestCode(email));
        assertThat(verified.redirectPath()).isEqualTo("/sellercentral?welcome");

        Page home = client.get("/sellercentral");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).containsPattern("id=\"seller-id\">A[A-Z0-9]{7,19}<")
                .contains("ATVPDKIKX0DER").contains("A2EUQ1WTGCTBG2")
                .contains("/sellercentral/settings/account-info")
                .contains("/sellercentral/settings/user-permissions");
    }

    @Test
    void signUpWithATakenAddressLooksLikeANewOneAndMailsTheOwner() {
        String taken = newEmail();
        verifiedSeller(client(), taken);
        int mailsBefore = mailTo(taken).size();
        PortalClient stranger = client();
        PortalClient newcomer = client();

        String fresh = newEmail();
        Page takenAnswer = signUp(stranger, taken, PASSWORD);
        Page newAnswer = signUp(newcomer, fresh, PASSWORD);
        String wrong = latestCode(fresh).equals("000000") ? "111111" : "000000";

        assertThat(takenAnswer.status()).isEqualTo(newAnswer.status()).isEqualTo(302);
        assertThat(takenAnswer.redirectPath()).isEqualTo(newAnswer.redirectPath()).isEqualTo("/signup/verify");
        assertThat(stranger.sessionCookie()).isPresent();
        assertThat(withoutTokens(stranger.get("/signup/verify").body()))
                .isEqualTo(withoutTokens(newcomer.get("/signup/verify").body()));
        assertThat(withoutTokens(enterCode(stranger, wrong).body()))
                .isEqualTo(withoutTokens(enterCode(newcomer, wrong).body())).contains("4 tries left.");
        Page takenResend = stranger.submit("/signup/verify", "/signup/verify/resend");
        Page newResend = newcomer.submit("/signup/verify", "/signup/verify/resend");
        assertThat(withoutTokens(stranger.get(takenResend.redirectPath()).body()).replaceAll("\\d+ seconds", ""))
                .isEqualTo(withoutTokens(newcomer.get(newResend.redirectPath()).body()).replaceAll("\\d+ seconds", ""))
                .contains("ask for a new code in");
        // The stranger reaches nothing else, and no account was made.
        assertThat(stranger.get("/sellercentral").redirectPath()).isEqualTo("/signup/verify");
        assertThat(jdbc.sql("SELECT count(*) FROM seller_account WHERE email_normalized = ?").param(taken)
                .query(Long.class).single()).isEqualTo(1);

        // The owner hears of it, once a minute at most; the owner's own sign-in is unchanged.
        assertThat(mailTo(taken)).hasSize(mailsBefore + 1);
        assertThat(lastMailTo(taken)).contains("Someone tried to create a new OpenMWS Seller Central account")
                .contains("Forgot your password?").doesNotContainPattern("\\b\\d{6}\\b");
        signUp(client(), taken.toUpperCase(), PASSWORD);
        assertThat(mailTo(taken)).hasSize(mailsBefore + 1);
        assertThat(signIn(client(), taken, PASSWORD).redirectPath()).isEqualTo("/sellercentral");
    }

    @Test
    void noCodeWorksAfterASignUpWithATakenAddress() {
        String taken = newEmail();
        verifiedSeller(client(), taken);
        PortalClient stranger = client();
        signUp(stranger, taken, PASSWORD);

        for (int i = 0; i < 4; i++) {
            assertThat(enterCode(stranger, String.format("%06d", i)).body()).containsPattern("(\\d tries|1 try) left\\.");
        }
        assertThat(enterCode(stranger, "000004").body()).contains("No tries left");
        assertThat(enterCode(stranger, "000005").body()).contains("This code has expired, was used, or was tried too often.");
        assertThat(stranger.get("/sellercentral").redirectPath()).isEqualTo("/signup/verify");
    }

    static String withoutTokens(String page) {
        return page.replaceAll("value=\"[^\"]+\"", "");
    }

    @Test
    void aRefusedPasswordIsExplainedOnTheForm() {
        // The rule itself is PasswordPolicyTest's; here, that the sign-up form shows it and saves nothing.
        String email = newEmail();
        assertThat(signUp(client(), email, "qwerty123456").body())
                .contains("This password is one of the most common ones.");
        assertThat(jdbc.sql("SELECT count(*) FROM seller_account WHERE email_normalized = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void furtherMarketplacesMustBeInTheHomeRegion() {
        String email = newEmail();

        Page page = signUp(client(), email, PASSWORD, "otherMarketplaceIds", "A1PA6795UKMFR9");

        assertThat(page.body()).contains("must be in the same region as your home marketplace");
        assertThat(jdbc.sql("SELECT count(*) FROM seller_account WHERE email_normalized = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void blankFieldsAreRefusedNextToTheField() {
        Page page = client().submit("/signup", "/signup", "businessName", " ", "contactName", "",
                "email", "not-an-email", "password", PASSWORD, "homeMarketplaceId", "ATVPDKIKX0DER");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Enter your business name.").contains("Enter the name of a contact person.")
                .contains("Enter an email address like name@example.com.");
    }

    @Test
    void pendingAccountCannotReachSellerCentral() {
        PortalClient client = client();
        String email = newEmail();
        signUp(client, email, PASSWORD);

        assertThat(client.get("/sellercentral").redirectPath()).isEqualTo("/signup/verify");
        assertThat(client.get("/sellercentral/settings/account-info").redirectPath()).isEqualTo("/signup/verify");

        PortalClient later = client();
        assertThat(signIn(later, email, PASSWORD).redirectPath()).isEqualTo("/signup/verify");
        assertThat(later.get("/sellercentral").redirectPath()).isEqualTo("/signup/verify");
    }

    @Test
    void aCodeDiesAfterFiveWrongTries() {
        PortalClient client = client();
        String email = newEmail();
        signUp(client, email, PASSWORD);
        String code = latestCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(enterCode(client, wrong).body()).contains("4 tries left.");
        for (int i = 0; i < 3; i++) {
            enterCode(client, wrong);
        }
        assertThat(enterCode(client, wrong).body()).contains("No tries left");

        Page right = enterCode(client, code);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).contains("This code has expired, was used, or was tried too often.");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        PortalClient client = client();
        String email = newEmail();
        signUp(client, email, PASSWORD);
        String code = latestCode(email);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(enterCode(client, code).body()).contains("This code has expired");
    }

    @Test
    void aNewCodeRetiresTheOldOneAndResendsAreLimited() {
        PortalClient client = client();
        String email = newEmail();
        signUp(client, email, PASSWORD);
        String first = latestCode(email);

        Page tooSoon = client.submit("/signup/verify", "/signup/verify/resend");
        assertThat(client.get(tooSoon.redirectPath()).body()).containsPattern("ask for a new code in \\d+ seconds");
        assertThat(mailTo(email)).hasSize(1);

        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(client.get(client.submit("/signup/verify", "/signup/verify/resend").redirectPath()).body())
                    .contains("We sent a new code.");
        }
        assertThat(mailTo(email)).hasSize(5);
        clock.advance(Duration.ofSeconds(61));
        assertThat(client.get(client.submit("/signup/verify", "/signup/verify/resend").redirectPath()).body())
                .containsPattern("ask for a new code in \\d+ seconds");
        assertThat(mailTo(email)).hasSize(5);

        if (!first.equals(latestCode(email))) {
            assertThat(enterCode(client, first).body()).contains("That code is not right");
        }
        assertThat(enterCode(client, latestCode(email)).redirectPath()).isEqualTo("/sellercentral?welcome");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        PortalClient client = client();
        String email = newEmail();
        verifiedSeller(client, email);

        assertThat(jdbc.sql("""
                SELECT count(*) FROM verification_code c JOIN seller_account a ON c.subject = CAST(a.id AS VARCHAR(100))
                WHERE a.email_normalized = ? AND c.used_at IS NOT NULL""").param(email)
                .query(Long.class).single()).isEqualTo(1);
        // A verified seller no longer has a verification page at all.
        assertThat(client.get("/signup/verify").redirectPath()).isEqualTo("/sellercentral");
    }

    @Test
    void codesAreStoredHashed() {
        String email = newEmail();
        signUp(client(), email, PASSWORD);
        String code = latestCode(email);

        List<String> stored = jdbc.sql("SELECT code_hash FROM verification_code").query(String.class).list();
        assertThat(stored).isNotEmpty().allSatisfy(hash -> assertThat(hash).doesNotContain(code).hasSize(64));
    }

    // --- sign-in, sign-out, sessions -------------------------------------------------------

    @Test
    void signInShowsTheSellerIdAndSignOutEndsTheSession() {
        String email = newEmail();
        String sellerId = verifiedSeller(client(), email);

        PortalClient client = client();
        client.get("/login");
        String before = client.sessionCookie().orElse("");
        Page signedIn = signIn(client, email, PASSWORD);
        assertThat(signedIn.redirectPath()).isEqualTo("/sellercentral");
        assertThat(client.sessionCookie()).isPresent().get().isNotEqualTo(before);
        assertThat(client.get("/sellercentral").body()).contains(sellerId);

        Page signedOut = client.submit("/sellercentral", "/logout");
        assertThat(signedOut.redirectPath()).isEqualTo("/login?signedOut");
        assertThat(client.get("/sellercentral").redirectPath()).isEqualTo("/login");
    }

    @Test
    void emailIsCaseInsensitiveAtSignIn() {
        String email = newEmail();
        verifiedSeller(client(), email);

        assertThat(signIn(client(), email.toUpperCase(), PASSWORD).redirectPath()).isEqualTo("/sellercentral");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = newEmail();
        verifiedSeller(client(), email);

        Page wrong = signIn(client(), email, "not the password at all");
        Page unknown = signIn(client(), newEmail(), "not the password at all");

        assertThat(wrong.redirectPath()).isEqualTo("/login?error");
        assertThat(unknown.redirectPath()).isEqualTo("/login?error");
    }

    @Test
    void tenFailedSignInsLockTheAccountForFifteenMinutesAndMailTheOwner() {
        String email = newEmail();
        verifiedSeller(client(), email);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(client(), email, "wrong password number " + i).redirectPath()).isEqualTo("/login?error");
        }

        assertThat(signIn(client(), email, PASSWORD).redirectPath()).isEqualTo("/login?error");
        assertThat(lastMailTo(email)).contains("locked").contains("15 minutes");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(signIn(client(), email, PASSWORD).redirectPath()).isEqualTo("/sellercentral");
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        String email = newEmail();
        verifiedSeller(client(), email);
        for (int i = 0; i < 9; i++) {
            signIn(client(), email, "wrong password number " + i);
        }
        assertThat(signIn(client(), email, PASSWORD).redirectPath()).isEqualTo("/sellercentral");
        for (int i = 0; i < 9; i++) {
            signIn(client(), email, "wrong password number " + i);
        }

        assertThat(signIn(client(), email, PASSWORD).redirectPath()).isEqualTo("/sellercentral");
    }

    @Test
    void sessionsEndTwelveHoursAfterSignInHoweverActive() {
        PortalClient client = client();
        verifiedSeller(client, newEmail());

        clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(client.get("/sellercentral").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        assertThat(client.get("/sellercentral").redirectPath()).isEqualTo("/login?expired");
        assertThat(client.get("/sellercentral").redirectPath()).isEqualTo("/login");
    }

    @Test
    void sessionsLiveInTheDatabaseWithAThirtyMinuteIdleLimit() {
        String email = newEmail();
        verifiedSeller(client(), email);

        List<Integer> idle = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(email).query(Integer.class).list();
        assertThat(idle).isNotEmpty().containsOnly(1800);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        PortalClient client = client();
        var response = client.raw(HttpRequest.newBuilder(URI.create(client.base() + "/signup")));

        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax")
                        .doesNotContain("Secure"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        String email = newEmail();
        Page page = client().post("/signup", "businessName", "Acme", "contactName", "Jane", "email", email,
                "password", PASSWORD, "homeMarketplaceId", "ATVPDKIKX0DER");

        assertThat(page.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM seller_account WHERE email_normalized = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void signOutNeedsAPost() {
        PortalClient client = client();
        verifiedSeller(client, newEmail());

        client.get("/logout");

        assertThat(client.get("/sellercentral").status()).isEqualTo(200);
    }

    // --- what is kept of a failed sign-in (issue 11) -------------------------------------------

    @Test
    void aFailedSignInKeepsTheTypedPasswordNowhere(CapturedOutput log) {
        String email = newEmail();
        verifiedSeller(client(), email);
        String typed = "typed-" + UUID.randomUUID();
        PortalClient client = client();

        assertThat(signIn(client, email, typed).redirectPath()).isEqualTo("/login?error");
        assertThat(client.get("/login?error").body()).contains("We could not sign you in");

        assertThat(client.sessionCookie()).isPresent();
        assertThat(anySessionHolds(typed)).isFalse();
        assertThat(anySessionHolds(email)).as("the check reads the session table").isTrue();
        assertThat(log.getAll()).doesNotContain(typed);
    }

    @Test
    void aLockedAccountsRightPasswordIsKeptNowhere(CapturedOutput log) {
        String email = newEmail();
        String password = "right-" + UUID.randomUUID();
        PortalClient owner = client();
        assertThat(signUp(owner, email, password).redirectPath()).isEqualTo("/signup/verify");
        assertThat(enterCode(owner, latestCode(email)).redirectPath()).isEqualTo("/sellercentral?welcome");
        for (int i = 0; i < 10; i++) {
            signIn(client(), email, "wrong password number " + i);
        }

        assertThat(signIn(client(), email, password).redirectPath()).isEqualTo("/login?error");

        assertThat(anySessionHolds(password)).isFalse();
        assertThat(log.getAll()).doesNotContain(password);
    }

    // --- headers and sessions of anonymous requests (issue 11) -----------------------------------

    @Test
    void everyPortalAnswerCarriesTheSecurityHeaders() {
        PortalClient client = client();
        for (String path : List.of("/", "/login", "/signup", "/password/forgot", "/sellercentral", "/nonexistent",
                "/css/openmws.css")) {
            HttpResponse<String> response = client.raw(HttpRequest.newBuilder(URI.create(client.base() + path)));
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                            + "form-action 'self'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path)
                    .contains("camera=()").contains("microphone=()").contains("geolocation=()");
        }
        // The Swagger UI's bundle sets inline styles; scripts stay our own.
        HttpResponse<String> swagger =
                client.raw(HttpRequest.newBuilder(URI.create(client.base() + "/swagger-ui/index.html")));
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().allValues("Content-Security-Policy")).singleElement(STRING)
                .contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';");
    }

    @Test
    void anonymousRequestsToProtectedOrUnknownPathsCreateNoSession() {
        long before = sessions();
        for (int i = 0; i < 3; i++) {
            PortalClient visitor = client();
            assertThat(visitor.get("/sellercentral").redirectPath()).isEqualTo("/login");
            assertThat(visitor.get("/sellercentral/settings/account-info").redirectPath()).isEqualTo("/login");
            assertThat(visitor.get("/nonexistent").redirectPath()).isEqualTo("/login");
            assertThat(visitor.get("/admin").redirectPath()).isEqualTo("/login");
            assertThat(visitor.post("/sellercentral/settings/account-info", "contactName", "x").status()).isEqualTo(403);
            assertThat(visitor.post("/login", "username", "a@example.com", "password", "p").status()).isEqualTo(403);
            assertThat(visitor.sessionCookie()).isEmpty();
        }

        assertThat(sessions()).isLessThanOrEqualTo(before);
    }

    @Test
    void signInReturnsToTheSellerCentralPageAskedFor() {
        String email = newEmail();
        verifiedSeller(client(), email);
        PortalClient client = client();

        assertThat(client.get("/sellercentral/settings/account-info").redirectPath()).isEqualTo("/login");
        Page signedIn = signIn(client, email, PASSWORD);

        assertThat(signedIn.redirectPath()).startsWith("/sellercentral/settings/account-info");
        assertThat(client.get(signedIn.redirectPath()).status()).isEqualTo(200);
        // Once used, the saved page is forgotten: the next sign-in starts at Seller Central.
        client.submit("/sellercentral", "/logout");
        assertThat(signIn(client, email, PASSWORD).redirectPath()).isEqualTo("/sellercentral");
    }

    // --- Account Info ------------------------------------------------------------------------

    @Test
    void accountInfoChangesContactNameAndMarketplaces() {
        PortalClient client = client();
        String email = newEmail();
        verifiedSeller(client, email);

        Page saved = client.submit("/sellercentral/settings/account-info", "/sellercentral/settings/account-info",
                "contactName", "John Roe", "otherMarketplaceIds", "A1AM78C64UM0Y8");
        assertThat(saved.redirectPath()).isEqualTo("/sellercentral/settings/account-info");

        String home = client.get("/sellercentral").body();
        assertThat(home).contains("John Roe").contains("A1AM78C64UM0Y8").contains("ATVPDKIKX0DER");
        Page otherRegion = client.submit("/sellercentral/settings/account-info",
                "/sellercentral/settings/account-info", "contactName", "John Roe", "otherMarketplaceIds",
                "A1F83G8C2ARO7P");
        assertThat(otherRegion.body()).contains("must be in the same region");
        assertThat(client.get("/sellercentral").body()).doesNotContain("A1F83G8C2ARO7P");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        PortalClient here = client();
        String email = newEmail();
        verifiedSeller(here, email);
        PortalClient elsewhere = client();
        signIn(elsewhere, email, PASSWORD);
        assertThat(elsewhere.get("/sellercentral").status()).isEqualTo(200);
        String path = "/sellercentral/settings/account-info";

        assertThat(here.submit(path, path + "/password", "currentPassword", "not my password",
                "newPassword", "a brand new passphrase").body()).contains("That is not your current password.");
        assertThat(here.submit(path, path + "/password", "currentPassword", PASSWORD,
                "newPassword", "123456qwerty").body()).contains("most common");

        Page changed = here.submit(path, path + "/password", "currentPassword", PASSWORD,
                "newPassword", "a brand new passphrase");
        assertThat(changed.redirectPath()).isEqualTo(path);
        assertThat(here.get("/sellercentral").status()).isEqualTo(200);
        assertThat(elsewhere.get("/sellercentral").redirectPath()).isEqualTo("/login");
        assertThat(signIn(client(), email, PASSWORD).redirectPath()).isEqualTo("/login?error");
        assertThat(signIn(client(), email, "a brand new passphrase").redirectPath()).isEqualTo("/sellercentral");
    }

    @Test
    void userPermissionsListsTheAccountOwner() {
        PortalClient client = client();
        String email = newEmail();
        verifiedSeller(client, email);

        assertThat(client.get("/sellercentral/settings/user-permissions").body())
                .contains(email).contains("Account owner");
    }

    // --- forgot password ---------------------------------------------------------------------

    @Test
    void forgotPasswordAnswersTheSameForUnknownAddresses() {
        String email = newEmail();
        verifiedSeller(client(), email);
        String unknown = newEmail();

        Page known = client().submit("/password/forgot", "/password/forgot", "email", email);
        Page missing = client().submit("/password/forgot", "/password/forgot", "email", unknown);

        assertThat(known.status()).isEqualTo(missing.status()).isEqualTo(200);
        assertThat(known.body().replaceAll("value=\"[^\"]+\"", ""))
                .isEqualTo(missing.body().replaceAll("value=\"[^\"]+\"", ""));
        assertThat(lastMailTo(email)).contains("/password/reset?token=");
        assertThat(mailTo(unknown)).isEmpty();
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        PortalClient signedIn = client();
        String email = newEmail();
        verifiedSeller(signedIn, email);
        client().submit("/password/forgot", "/password/forgot", "email", email);
        Matcher m = LINK.matcher(lastMailTo(email));
        assertThat(m.find()).isTrue();
        URI link = URI.create(m.group(1));
        String path = link.getRawPath() + "?" + link.getRawQuery();
        String token = link.getRawQuery().substring("token=".length());

        PortalClient visitor = client();
        assertThat(visitor.get(path).body()).contains("Choose a new password").doesNotContain("has expired");
        Page reset = visitor.submit(path, "/password/reset", "token", token, "password", "another long passphrase");
        assertThat(reset.redirectPath()).isEqualTo("/login?reset");

        assertThat(signedIn.get("/sellercentral").redirectPath()).isEqualTo("/login");
        assertThat(signIn(client(), email, "another long passphrase").redirectPath()).isEqualTo("/sellercentral");
        assertThat(visitor.get(path).body()).contains("This link has expired or has already been used.");
    }

    @Test
    void aResetLinkExpiresAfterFifteenMinutes() {
        String email = newEmail();
        verifiedSeller(client(), email);
        client().submit("/password/forgot", "/password/forgot", "email", email);
        Matcher m = LINK.matcher(lastMailTo(email));
        assertThat(m.find()).isTrue();
        URI link = URI.create(m.group(1));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(client().get(link.getRawPath() + "?" + link.getRawQuery()).body())
                .contains("This link has expired or has already been used.");
    }
}
