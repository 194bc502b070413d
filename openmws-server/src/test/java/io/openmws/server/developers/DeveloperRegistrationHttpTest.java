package io.openmws.server.developers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.marketplace.Region;
import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.signature.HostLine;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SignatureVerifier;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SecretSealer;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.OnBothDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Every rule of developer registration and Developer Central, black-box over HTTP on a real port,
 * with mail through a real SMTP server (GreenMail), on both databases.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class DeveloperRegistrationHttpTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String REGISTER = "/sellercentral/developer/register";
    static final String CENTRAL = "/sellercentral/developer-central";
    static final String US = "ATVPDKIKX0DER";
    static final String GERMANY = "A1PA6795UKMFR9";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern SELLER_ID = Pattern.compile("id=\"seller-id\">([A-Z0-9]+)<");
    static final Pattern DEVELOPER_ID = Pattern.compile("id=\"developer-id\">(\\d{4}-\\d{4}-\\d{4})<");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("id=\"access-key-id\">(AKIA[A-Z2-7]{16})<");
    static final Pattern SECRET_KEY = Pattern.compile("id=\"secret-key\" class=\"secret\">([A-Za-z0-9+/]{40})<");
    static final Pattern DOWNLOAD = Pattern.compile("id=\"download\" href=\"data:text/plain;charset=utf-8,([^\"]+)\"");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    /** What the credentials page showed, once. */
    record Credentials(String developerId, String accessKeyId, String secretKey, String page) {}

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Developers developers;

    @Autowired
    SecretSealer sealer;

    // --- helpers -------------------------------------------------------------------------

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    static String uniqueName(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    PortalClient client() {
        return new PortalClient(port);
    }

    List<String> mailTo(String email) {
        try {
            List<String> bodies = new ArrayList<>();
            for (MimeMessage m : greenMail.getReceivedMessagesForDomain(email)) {
                bodies.add(m.getSubject() + "\n" + m.getContent().toString());
            }
            return bodies;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String latestCode(String email) {
        List<String> all = mailTo(email);
        assertThat(all).as("mail to " + email).isNotEmpty();
        Matcher m = CODE.matcher(all.get(all.size() - 1));
        assertThat(m.find()).as("a 6-digit code in the mail").isTrue();
        return m.group(1);
    }

    Page signIn(PortalClient client, String email) {
        return client.submit("/login", "/login", "username", email, "password", PASSWORD);
    }

    /** A verified seller with the given home marketplace, signed in on {@code client}; returns the Seller ID. */
    String verifiedSeller(PortalClient client, String email, String homeMarketplaceId) {
        Page created = client.submit("/signup", "/signup", "businessName", "Acme Trading Ltd", "contactName",
                "Jane Doe", "email", email, "password", PASSWORD, "homeMarketplaceId", homeMarketplaceId);
        assertThat(created.redirectPath()).isEqualTo("/signup/verify");
        Page verified = client.submit("/signup/verify", "/signup/verify", "code", latestCode(email));
        assertThat(verified.redirectPath()).isEqualTo("/sellercentral?welcome");
        Matcher m = SELLER_ID.matcher(client.get("/sellercentral").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    String verifiedSeller(PortalClient client, String email) {
        return verifiedSeller(client, email, US);
    }

    Page submitContactEmail(PortalClient client, String contactEmail) {
        return client.submit(REGISTER, REGISTER + "/email", "contactEmail", contactEmail);
    }

    Page enterCode(PortalClient client, String code) {
        return client.submit(REGISTER, REGISTER + "/code", "code", code);
    }

    /** Takes a signed-in seller through the email steps; the registration then asks for details. */
    void verifiedContactEmail(PortalClient client, String contactEmail) {
        assertThat(submitContactEmail(client, contactEmail).redirectPath()).isEqualTo(REGISTER);
        assertThat(enterCode(client, latestCode(contactEmail)).redirectPath()).isEqualTo(REGISTER);
    }

    static Map<String, String> goodDetails(String developerName) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("legalName", "Acme Software Inc.");
        details.put("businessType", "COMPANY");
        details.put("countryCode", "US");
        details.put("stateOrRegion", "WA");
        details.put("city", "Seattle");
        details.put("postalCode", "98109");
        details.put("street", "410 Terry Ave N");
        details.put("phone", "+1 206 555 0100");
        details.put("contactPerson", "Jane Doe");
        details.put("website", "https://www.example.com");
        details.put("developerName", developerName);
        details.put("dataUse", "Reads orders and updates stock levels for the sellers who authorize us.");
        return details;
    }

    Page submitDetails(PortalClient client, Map<String, String> details) {
        List<String> pairs = new ArrayList<>();
        details.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return client.submit(REGISTER, REGISTER + "/details", pairs.toArray(String[]::new));
    }

    /** Ticks "I agree"; a success is followed, as a browser would, to the page showing the credentials. */
    Page agree(PortalClient client) {
        return followedToCredentials(client, client.submit(REGISTER, REGISTER + "/license", "agree", "true", "licenseVersion", "1"));
    }

    /** Creates another access key and follows the redirect to the page that shows it once. */
    static Page newKey(PortalClient client) {
        return followedToCredentials(client, client.submit(CENTRAL, CENTRAL + "/keys"));
    }

    /** Post/redirect/get: the POST that makes credentials redirects to the GET that shows them once. */
    static Page followedToCredentials(PortalClient client, Page answer) {
        return answer.status() == 302 && answer.redirectPath().equals(CENTRAL + "/keys") ? client.get(CENTRAL + "/keys") : answer;
    }

    /** A seller registered as a developer with {@code developerName}, signed in on {@code client}. */
    Credentials registeredDeveloper(PortalClient client, String email, String developerName) {
        verifiedSeller(client, email);
        verifiedContactEmail(client, email);
        assertThat(submitDetails(client, goodDetails(developerName)).redirectPath()).isEqualTo(REGISTER);
        return credentialsOn(agree(client));
    }

    static Credentials credentialsOn(Page page) {
        assertThat(page.status()).as("the credentials page").isEqualTo(200);
        return new Credentials(group(DEVELOPER_ID, page.body()), group(ACCESS_KEY_ID, page.body()),
                group(SECRET_KEY, page.body()), page.body());
    }

    static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    long accountIdOf(String email) {
        return jdbc.sql("SELECT id FROM seller_account WHERE email_normalized = ?").param(email)
                .query(Long.class).single();
    }

    long registrationsOf(String email) {
        return jdbc.sql("SELECT count(*) FROM developer_registration WHERE account_id = ?").param(accountIdOf(email))
                .query(Long.class).single();
    }

    long developersOf(String email) {
        return jdbc.sql("SELECT count(*) FROM developer WHERE account_id = ?").param(accountIdOf(email))
                .query(Long.class).single();
    }

    Page follow(PortalClient client, Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current.location().isPresent(); i++) {
            current = client.get(current.redirectPath());
        }
        return current;
    }

    // --- the two ways in -------------------------------------------------------------------

    @Test
    void thePublicSignUpPageLeadsThroughSignInToTheRegistration() {
        String email = newEmail("public");
        verifiedSeller(client(), email);

        PortalClient visitor = client();
        Page mws = visitor.get("/developers");
        assertThat(mws.status()).isEqualTo(200);
        assertThat(mws.body()).contains("Sign up or manage MWS").contains("href=\"" + REGISTER + "\"");

        Page toSignIn = visitor.get(REGISTER);
        assertThat(toSignIn.redirectPath()).isEqualTo("/login");
        Page signedIn = signIn(visitor, email);
        assertThat(signedIn.redirectPath()).startsWith(REGISTER);

        Page registration = visitor.get(signedIn.redirectPath());
        assertThat(registration.status()).isEqualTo(200);
        assertThat(registration.body()).contains("Your developer contact email")
                .contains("value=\"" + email + "\"");
    }

    @Test
    void userPermissionsOffersRegisterAsADeveloperUntilRegistered() {
        PortalClient client = client();
        String email = newEmail("permissions");
        verifiedSeller(client, email);

        String before = client.get("/sellercentral/settings/user-permissions").body();
        assertThat(before).contains("Register as a Developer").contains("href=\"" + REGISTER + "\"")
                .contains("Account owner");

        verifiedContactEmail(client, email);
        submitDetails(client, goodDetails(uniqueName("Permissions")));
        credentialsOn(agree(client));

        String after = client.get("/sellercentral/settings/user-permissions").body();
        assertThat(after).contains("href=\"" + CENTRAL + "\"").doesNotContain("Register as a Developer")
                .contains("Account owner");
    }

    @Test
    void anUnverifiedAccountCannotRegister() {
        PortalClient client = client();
        String email = newEmail("pending");
        client.submit("/signup", "/signup", "businessName", "Acme", "contactName", "Jane", "email", email,
                "password", PASSWORD, "homeMarketplaceId", US);

        assertThat(client.get(REGISTER).redirectPath()).isEqualTo("/signup/verify");
        String csrf = client.get("/signup/verify").csrf();
        assertThat(client.post(REGISTER + "/email", "contactEmail", email, "_csrf", csrf).redirectPath())
                .isEqualTo("/signup/verify");
        assertThat(client.get(CENTRAL).redirectPath()).isEqualTo("/signup/verify");
        assertThat(registrationsOf(email)).isZero();
    }

    // --- the registration ------------------------------------------------------------------

    @Test
    void aRegistrationIssuesADeveloperIdAndKeysAndRecordsTheLicense() {
        PortalClient client = client();
        String email = newEmail("happy");
        String contact = newEmail("devteam");
        String sellerId = verifiedSeller(client, email);

        Page first = client.get(REGISTER);
        assertThat(first.body()).contains("value=\"" + email + "\"");
        assertThat(submitContactEmail(client, contact).redirectPath()).isEqualTo(REGISTER);
        assertThat(mailTo(contact)).singleElement().asString()
                .contains("Your OpenMWS developer verification code").contains("Acme Trading Ltd");
        assertThat(client.get(REGISTER).body()).contains("We sent a 6-digit code to " + contact);

        assertThat(enterCode(client, latestCode(contact)).redirectPath()).isEqualTo(REGISTER);
        String detailsPage = client.get(REGISTER).body();
        assertThat(detailsPage).contains("Tell us about your business")
                .contains("value=\"Acme Trading Ltd\"").contains("value=\"Jane Doe\"")
                .containsPattern("<option value=\"US\" selected=\"selected\">");

        String name = uniqueName("Acme Tools");
        assertThat(submitDetails(client, goodDetails(name)).redirectPath()).isEqualTo(REGISTER);
        String licensePage = client.get(REGISTER).body();
        assertThat(licensePage).contains("OpenMWS Developer License Agreement, version 1")
                .contains("Keeping your keys secret").contains(name).contains(">410 Terry Ave N<").contains(">Seattle, WA 98109<").contains(">United States<");

        Page done = agree(client);
        Credentials credentials = credentialsOn(done);
        assertThat(DeveloperId.isValid(credentials.developerId())).isTrue();
        assertThat(done.body()).contains("This is the only time the Secret Key is shown").contains(name);
        String file = URLDecoder.decode(group(DOWNLOAD, done.body()), StandardCharsets.UTF_8);
        assertThat(file).contains("Developer ID:   " + credentials.developerId())
                .contains("Access Key ID:  " + credentials.accessKeyId())
                .contains("Secret Key:     " + credentials.secretKey());

        Map<String, Object> row = jdbc.sql("""
                        SELECT developer_id, status, region, license_version, license_accepted_by, license_accepted_from,
                               contact_email, developer_name
                        FROM developer WHERE account_id = ?""")
                .param(accountIdOf(email)).query().singleRow();
        assertThat(row).containsEntry("developer_id", credentials.developerId().replace("-", ""))
                .containsEntry("status", "ACTIVE").containsEntry("region", "NA")
                .containsEntry("license_version", "1").containsEntry("license_accepted_by", accountIdOf(email))
                .containsEntry("license_accepted_from", "127.0.0.1").containsEntry("contact_email", contact)
                .containsEntry("developer_name", name);
        assertThat(registrationsOf(email)).as("the registration row is done with").isZero();

        Page central = client.get(CENTRAL);
        assertThat(central.body()).contains(credentials.developerId()).contains(name).contains("Active")
                .contains("Version 1, accepted").contains(credentials.accessKeyId()).contains("••••••••")
                .contains("Never").doesNotContain(credentials.secretKey());
        assertThat(developers.activeKey(credentials.accessKeyId())).hasValueSatisfying(key -> {
            assertThat(key.developerSellerId()).isEqualTo(sellerId);
            assertThat(key.developerId().formatted()).isEqualTo(credentials.developerId());
            assertThat(key.region()).isEqualTo(Region.NA);
            assertThat(key.secretKey().reveal()).isEqualTo(credentials.secretKey());
            assertThat(key.toString()).doesNotContain(credentials.secretKey());
        });
    }

    @Test
    void theCredentialsPageIsNeitherCachedNorServedAgain() {
        PortalClient client = client();
        String email = newEmail("once");
        verifiedSeller(client, email);
        verifiedContactEmail(client, email);
        submitDetails(client, goodDetails(uniqueName("Once")));
        String csrf = client.get(REGISTER).csrf();

        var response = client.raw(HttpRequest.newBuilder(URI.create(client.base() + REGISTER + "/license"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("agree=true&licenseVersion=1&_csrf=" + csrf)));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith(CENTRAL + "/keys"));
        var shown = client.raw(HttpRequest.newBuilder(URI.create(client.base() + CENTRAL + "/keys")).GET());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String secret = group(SECRET_KEY, shown.body());
        // Shown once: a reload (or Back) finds Developer Central, and the Secret Key is gone.
        Page reloaded = client.get(CENTRAL + "/keys");
        assertThat(reloaded.redirectPath()).isEqualTo(CENTRAL);
        assertThat(client.get(CENTRAL).body()).doesNotContain(secret);

        // The browser's "resend the form" after a reload: the developer exists, so Developer Central answers.
        var again = client.raw(HttpRequest.newBuilder(URI.create(client.base() + REGISTER + "/license"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("agree=true&licenseVersion=1&_csrf=" + csrf)));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith(CENTRAL));
        assertThat(developersOf(email)).isEqualTo(1);
    }

    @Test
    void aSecondRegistrationIsRefusedWithDeveloperCentral() {
        PortalClient client = client();
        String email = newEmail("twice");
        Credentials credentials = registeredDeveloper(client, email, uniqueName("Twice"));

        Page again = client.get(REGISTER);
        assertThat(again.redirectPath()).isEqualTo(CENTRAL);
        assertThat(client.get(CENTRAL).body()).contains("already a registered developer")
                .contains(credentials.developerId());
        assertThat(client.submit(CENTRAL, REGISTER + "/email", "contactEmail", email).redirectPath())
                .isEqualTo(CENTRAL);
        assertThat(client.submit(CENTRAL, REGISTER + "/license", "agree", "true", "licenseVersion", "1")
                .redirectPath()).isEqualTo(CENTRAL);
        assertThat(developersOf(email)).isEqualTo(1);
        assertThat(registrationsOf(email)).isZero();
    }

    @Test
    void developerNamesAreUniquePerRegionIgnoringCaseAndSpacing() {
        String name = uniqueName("Harbour Apps");
        registeredDeveloper(client(), newEmail("first"), name);

        PortalClient second = client();
        String email = newEmail("second");
        verifiedSeller(second, email);
        verifiedContactEmail(second, email);
        Page taken = submitDetails(second, goodDetails(name.toUpperCase().replace(" ", "   ")));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("id=\"developerName-error\">Another developer in your region already uses this name");

        // Another region's developers may use it.
        PortalClient european = client();
        String euEmail = newEmail("europe");
        verifiedSeller(european, euEmail, GERMANY);
        verifiedContactEmail(european, euEmail);
        Map<String, String> details = goodDetails(name.toLowerCase());
        details.put("countryCode", "DE");
        details.put("postalCode", "10115");
        assertThat(submitDetails(european, details).redirectPath()).isEqualTo(REGISTER);
        Credentials credentials = credentialsOn(agree(european));
        assertThat(developers.activeKey(credentials.accessKeyId()).orElseThrow().region()).isEqualTo(Region.EU);
    }

    @Test
    void aNameTakenWhileOnTheLicensePageSendsTheSellerBackToTheDetails() {
        String name = uniqueName("Racer");
        PortalClient slow = client();
        String email = newEmail("slow");
        verifiedSeller(slow, email);
        verifiedContactEmail(slow, email);
        assertThat(submitDetails(slow, goodDetails(name)).redirectPath()).isEqualTo(REGISTER);

        registeredDeveloper(client(), newEmail("fast"), name);

        Page refused = agree(slow);
        assertThat(refused.redirectPath()).isEqualTo(REGISTER);
        Page details = slow.get(REGISTER);
        assertThat(details.body()).contains("Tell us about your business")
                .contains("id=\"developerName-error\">Another developer in your region already uses this name")
                .contains("value=\"" + name + "\"");
        assertThat(developersOf(email)).isZero();
    }

    @Test
    void aWrongCodeCountsDownAndAnExpiredCodeIsDead() {
        PortalClient client = client();
        String email = newEmail("codes");
        verifiedSeller(client, email);
        submitContactEmail(client, email);
        String code = latestCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        Page first = enterCode(client, wrong);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"code-error\">That code is not right. 4 tries left.");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        Page late = enterCode(client, code);
        assertThat(late.body()).contains("id=\"code-error\">This code has expired, was used, or was tried too often.");
        assertThat(client.get(REGISTER).body()).contains("Enter the code we sent");

        assertThat(client.submit(REGISTER, REGISTER + "/code/resend").redirectPath()).isEqualTo(REGISTER);
        assertThat(client.get(REGISTER).body()).contains("We sent a new code.");
        assertThat(enterCode(client, latestCode(email)).redirectPath()).isEqualTo(REGISTER);
        assertThat(client.get(REGISTER).body()).contains("Tell us about your business");
    }

    @Test
    void aCodeDiesAfterFiveWrongTriesAndResendsAreLimited() {
        PortalClient client = client();
        String email = newEmail("tries");
        verifiedSeller(client, email);
        submitContactEmail(client, email);
        String code = latestCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            enterCode(client, wrong);
        }
        assertThat(enterCode(client, wrong).body()).contains("No tries left");
        assertThat(enterCode(client, code).body()).contains("This code has expired, was used, or was tried too often.");

        Page tooSoon = client.submit(REGISTER, REGISTER + "/code/resend");
        assertThat(client.get(tooSoon.redirectPath()).body()).containsPattern("ask for a new code in \\d+ seconds");
        assertThat(mailTo(email).stream().filter(m -> m.contains("developer verification code"))).hasSize(1);
    }

    @Test
    void anotherAddressGetsItsOwnCodeAndTheOldCodeNoLongerWorks() {
        PortalClient client = client();
        String email = newEmail("change");
        String other = newEmail("other");
        verifiedSeller(client, email);
        submitContactEmail(client, email);
        String oldCode = latestCode(email);

        assertThat(client.submit(REGISTER, REGISTER + "/email/change").redirectPath()).isEqualTo(REGISTER);
        Page tooSoon = submitContactEmail(client, other);
        assertThat(tooSoon.status()).isEqualTo(200);
        assertThat(tooSoon.body()).containsPattern("ask for a new code in \\d+ seconds");
        assertThat(mailTo(other)).isEmpty();

        clock.advance(Duration.ofSeconds(61));
        assertThat(submitContactEmail(client, other).redirectPath()).isEqualTo(REGISTER);
        String newCode = latestCode(other);
        if (!newCode.equals(oldCode)) {
            assertThat(enterCode(client, oldCode).body()).contains("That code is not right");
        }
        assertThat(enterCode(client, newCode).redirectPath()).isEqualTo(REGISTER);
        assertThat(client.get(REGISTER).body()).contains("Your email " + other + " is verified");
    }

    @Test
    void aMalformedContactEmailIsRefusedNextToTheField() {
        PortalClient client = client();
        String email = newEmail("bademail");
        verifiedSeller(client, email);

        Page blank = submitContactEmail(client, "  ");
        assertThat(blank.body()).contains("id=\"contactEmail-error\">Enter the email address to contact you at.");
        Page bad = submitContactEmail(client, "not-an-email");
        assertThat(bad.body()).contains("id=\"contactEmail-error\">Enter an email address like name@example.com.")
                .contains("value=\"not-an-email\"").contains("aria-describedby=\"contactEmail-hint contactEmail-error\"");
        assertThat(registrationsOf(email)).isZero();
    }

    @Test
    void theLicenseMustBeAcceptedExplicitly() {
        PortalClient client = client();
        String email = newEmail("license");
        verifiedSeller(client, email);
        verifiedContactEmail(client, email);
        submitDetails(client, goodDetails(uniqueName("Licensee")));

        Page unticked = client.submit(REGISTER, REGISTER + "/license", "licenseVersion", "1");
        assertThat(unticked.status()).isEqualTo(200);
        assertThat(unticked.body()).contains("id=\"agree-error\">Tick “I agree” to accept the license agreement")
                .contains("aria-describedby=\"agree-error\"");
        Page stale = client.submit(REGISTER, REGISTER + "/license", "agree", "true", "licenseVersion", "0");
        assertThat(stale.body()).contains("The license agreement has changed since this page was shown.");
        Page garbage = client.submit(REGISTER, REGISTER + "/license", "agree", "maybe", "licenseVersion", "1");
        assertThat(garbage.status()).isBetween(400, 499);
        assertThat(developersOf(email)).isZero();

        assertThat(client.submit(REGISTER, REGISTER + "/details/edit").redirectPath()).isEqualTo(REGISTER);
        assertThat(client.get(REGISTER).body()).contains("Tell us about your business").contains("Licensee");
    }

    @Test
    void aWrongKycFieldIsMarkedBesideItAndNothingIsSaved() {
        PortalClient client = client();
        String email = newEmail("kyc");
        verifiedSeller(client, email);
        verifiedContactEmail(client, email);
        String name = uniqueName("Checker");

        record Case(String field, String value, String message) {}
        // One wrong field shows how the page refuses; DetailsRulesTest holds every rule.
        List<Case> cases = List.of(
                new Case("phone", "call me maybe", "Enter a phone number of 7 to 15 digits with its country code"),
                new Case("developerName", "<script>", "Use letters, digits, spaces and"));

        for (Case c : cases) {
            Map<String, String> details = goodDetails(name);
            details.put(c.field(), c.value());
            Page page = submitDetails(client, details);
            assertThat(page.status()).as(c.toString()).isEqualTo(200);
            assertThat(page.body()).as(c.toString())
                    .contains("id=\"" + c.field() + "-error\">" + c.message())
                    .contains("Please correct the fields marked below.")
                    .containsPattern("id=\"" + c.field() + "\"[^>]*aria-describedby=\"[^\"]*" + c.field() + "-error\"");
            long errors = Pattern.compile("class=\"error\" id=\"").matcher(page.body()).results().count();
            assertThat(errors).as("only the one field is marked: " + c).isEqualTo(1);
        }
        assertThat(client.get(REGISTER).body()).as("still at the details").contains("Tell us about your business");

        // Optional fields may stay empty; a country without postal codes needs none.
        Map<String, String> minimal = goodDetails(name);
        minimal.put("website", "");
        minimal.put("stateOrRegion", "");
        minimal.put("countryCode", "AE");
        minimal.put("postalCode", "");
        assertThat(submitDetails(client, minimal).redirectPath()).isEqualTo(REGISTER);
        assertThat(client.get(REGISTER).body()).contains("<span>410 Terry Ave N</span><span>Seattle</span><span>United Arab Emirates</span>");
    }

    @Test
    void detailsCannotBeSetBeforeTheEmailIsVerified() {
        PortalClient client = client();
        String email = newEmail("early");
        verifiedSeller(client, email);
        submitContactEmail(client, email);

        assertThat(submitDetails(client, goodDetails(uniqueName("Early"))).redirectPath()).isEqualTo(REGISTER);
        assertThat(agree(client).redirectPath()).isEqualTo(REGISTER);
        assertThat(client.get(REGISTER).body()).contains("Enter the code we sent");
        assertThat(jdbc.sql("SELECT step FROM developer_registration WHERE account_id = ?").param(accountIdOf(email))
                .query(String.class).single()).isEqualTo("EMAIL_CODE");
    }

    // --- resuming and expiry ---------------------------------------------------------------

    @Test
    void aRegistrationResumesAfterAReloadAndInANewSession() {
        PortalClient client = client();
        String email = newEmail("resume");
        verifiedSeller(client, email);
        verifiedContactEmail(client, email);

        assertThat(client.get(REGISTER).body()).contains("Tell us about your business");
        assertThat(client.get(REGISTER).body()).as("a reload").contains("Tell us about your business");

        PortalClient later = client();
        signIn(later, email);
        assertThat(later.get(REGISTER).body()).as("a new session").contains("Tell us about your business");

        String name = uniqueName("Resumed");
        assertThat(submitDetails(later, goodDetails(name)).redirectPath()).isEqualTo(REGISTER);
        PortalClient third = client();
        signIn(third, email);
        assertThat(third.get(REGISTER).body()).contains("Developer license agreement").contains(name);
        assertThat(credentialsOn(agree(third)).developerId()).matches("\\d{4}-\\d{4}-\\d{4}");
    }

    @Test
    void anAbandonedRegistrationExpiresTwentyFourHoursAfterItsLastChange() {
        PortalClient client = client();
        String email = newEmail("abandoned");
        verifiedSeller(client, email);
        verifiedContactEmail(client, email);

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        PortalClient nextDay = client();
        signIn(nextDay, email);
        assertThat(nextDay.get(REGISTER).body()).contains("Tell us about your business");

        clock.advance(Duration.ofMinutes(1));
        PortalClient tooLate = client();
        signIn(tooLate, email);
        Page expired = tooLate.get(REGISTER);
        assertThat(expired.body()).contains("Your unfinished registration expired after 24 hours")
                .contains("Your developer contact email");
        assertThat(submitDetails(tooLate, goodDetails(uniqueName("Late"))).redirectPath()).isEqualTo(REGISTER);

        assertThat(submitContactEmail(tooLate, email).redirectPath()).isEqualTo(REGISTER);
        assertThat(jdbc.sql("SELECT step FROM developer_registration WHERE account_id = ?").param(accountIdOf(email))
                .query(String.class).list()).containsExactly("EMAIL_CODE");
        assertThat(tooLate.get(REGISTER).body()).contains("Enter the code we sent")
                .doesNotContain("expired after 24 hours");
    }

    // --- Developer Central and key rotation -------------------------------------------------

    @Test
    void keyRotationAllowsTwoKeysAndDeletesOnlyInactiveOnes() {
        PortalClient client = client();
        String email = newEmail("rotate");
        Credentials first = registeredDeveloper(client, email, uniqueName("Rotator"));

        Credentials second = credentialsOn(newKey(client));
        assertThat(second.page()).contains("Your new access key").contains("This is the only time the Secret Key is shown");
        assertThat(second.developerId()).isEqualTo(first.developerId());
        assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(second.secretKey()).isNotEqualTo(first.secretKey());

        String central = client.get(CENTRAL).body();
        assertThat(central).contains(first.accessKeyId()).contains(second.accessKeyId())
                .doesNotContain("id=\"create-key\"").contains("You have 2 keys, the most there can be.");
        Page third = client.submit(CENTRAL, CENTRAL + "/keys");
        assertThat(third.redirectPath()).isEqualTo(CENTRAL);
        assertThat(client.get(CENTRAL).body()).contains("You already have 2 access keys, the most there can be.");
        assertThat(keysOf(first.developerId())).isEqualTo(2);

        // An active key cannot be deleted, nor even reach the confirmation page.
        Page deleteActive = client.submit(CENTRAL, CENTRAL + "/keys/" + first.accessKeyId() + "/delete");
        assertThat(client.get(deleteActive.redirectPath()).body()).contains("Only an inactive key can be deleted.");
        assertThat(client.get(CENTRAL + "/keys/" + first.accessKeyId() + "/delete").redirectPath()).isEqualTo(CENTRAL);
        assertThat(client.submit(CENTRAL, CENTRAL + "/keys/" + first.accessKeyId() + "/activate").redirectPath())
                .isEqualTo(CENTRAL);
        assertThat(client.get(CENTRAL).body()).contains("That key is active already.");

        Page deactivated = client.submit(CENTRAL, CENTRAL + "/keys/" + first.accessKeyId() + "/deactivate");
        assertThat(client.get(deactivated.redirectPath()).body())
                .contains("Access key " + first.accessKeyId() + " is deactivated").contains("Inactive");
        Page confirm = client.get(CENTRAL + "/keys/" + first.accessKeyId() + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete this access key?").contains(first.accessKeyId());
        Page deleted = client.submit(CENTRAL + "/keys/" + first.accessKeyId() + "/delete",
                CENTRAL + "/keys/" + first.accessKeyId() + "/delete");
        assertThat(client.get(deleted.redirectPath()).body()).contains("Access key " + first.accessKeyId() + " is deleted");
        assertThat(keysOf(first.developerId())).isEqualTo(1);
        assertThat(client.get(CENTRAL).body()).doesNotContain(first.accessKeyId() + "</code>")
                .contains("id=\"create-key\"");

        // Keys of another developer, and keys that never were, are nobody's business here.
        PortalClient stranger = client();
        registeredDeveloper(stranger, newEmail("stranger"), uniqueName("Stranger"));
        for (String action : List.of("deactivate", "activate", "delete")) {
            Page refused = stranger.submit(CENTRAL, CENTRAL + "/keys/" + second.accessKeyId() + "/" + action);
            assertThat(stranger.get(refused.redirectPath()).body()).as(action)
                    .contains("There is no such access key among yours.");
        }
        assertThat(stranger.get(CENTRAL + "/keys/NOT-A-KEY/delete").redirectPath()).isEqualTo(CENTRAL);
        assertThat(developers.activeKey(second.accessKeyId())).isPresent();
    }

    @Test
    void keyChangesNeedAPostWithACsrfToken() {
        PortalClient client = client();
        Credentials credentials = registeredDeveloper(client, newEmail("csrf"), uniqueName("Csrf"));

        // The portal answers a signed-in seller's refused request by going back to Seller Central.
        assertThat(client.post(CENTRAL + "/keys/" + credentials.accessKeyId() + "/deactivate").redirectPath())
                .isEqualTo("/sellercentral");
        assertThat(client.post(CENTRAL + "/keys").redirectPath()).isEqualTo("/sellercentral");
        assertThat(client.get(CENTRAL + "/keys/" + credentials.accessKeyId() + "/deactivate").status())
                .isBetween(400, 499);
        assertThat(developers.activeKey(credentials.accessKeyId())).isPresent();
        assertThat(keysOf(credentials.developerId())).isEqualTo(1);
    }

    @Test
    void aDeactivatedKeyIsRefusedByTheVerifierPathAndWorksAgainOnceReactivated() {
        PortalClient client = client();
        String email = newEmail("verifier");
        Credentials credentials = registeredDeveloper(client, email, uniqueName("Signer"));
        String sellerId = group(SELLER_ID, client.get("/sellercentral").body());

        String host = "localhost:" + port;
        Map<String, String> signed = signedCall(credentials, host, sellerId);
        assertThat(verifies(signed, host)).as("active key").isTrue();

        client.submit(CENTRAL, CENTRAL + "/keys/" + credentials.accessKeyId() + "/deactivate");
        assertThat(developers.activeKey(credentials.accessKeyId())).as("deactivated").isEmpty();
        assertThat(verifies(signed, host)).isFalse();

        client.submit(CENTRAL, CENTRAL + "/keys/" + credentials.accessKeyId() + "/activate");
        assertThat(verifies(signed, host)).as("reactivated").isTrue();

        // A suspended developer's keys stop working, and it cannot turn keys back on.
        jdbc.sql("UPDATE developer SET status = 'SUSPENDED' WHERE account_id = ?").param(accountIdOf(email)).update();
        assertThat(developers.activeKey(credentials.accessKeyId())).as("suspended").isEmpty();
        String suspended = client.get(CENTRAL).body();
        assertThat(suspended).contains("Suspended").contains("Your developer registration is suspended")
                .doesNotContain("id=\"create-key\"");
        assertThat(client.submit(CENTRAL, CENTRAL + "/keys").redirectPath()).isEqualTo(CENTRAL);
        assertThat(keysOf(credentials.developerId())).isEqualTo(1);
        jdbc.sql("UPDATE developer SET status = 'ACTIVE' WHERE account_id = ?").param(accountIdOf(email)).update();
        assertThat(verifies(signed, host)).as("suspension lifted").isTrue();

        client.submit(CENTRAL, CENTRAL + "/keys/" + credentials.accessKeyId() + "/deactivate");
        client.submit(CENTRAL + "/keys/" + credentials.accessKeyId() + "/delete",
                CENTRAL + "/keys/" + credentials.accessKeyId() + "/delete");
        assertThat(developers.activeKey(credentials.accessKeyId())).as("deleted").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM developer_access_key WHERE access_key_id = ?")
                .param(credentials.accessKeyId()).query(Long.class).single()).isZero();
    }

    @Test
    void activeKeyIsEmptyForUnknownOrMalformedIds() {
        assertThat(developers.activeKey("AKIAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(developers.activeKey("short")).isEmpty();
        assertThat(developers.activeKey("' OR 1=1 --")).isEmpty();
        assertThat(developers.activeKey(null)).isEmpty();
    }

    @Test
    void useOfAKeyIsShownAsLastUsedToTheMinute() {
        PortalClient client = client();
        Credentials credentials = registeredDeveloper(client, newEmail("lastused"), uniqueName("Busy"));
        assertThat(client.get(CENTRAL).body()).contains("Never");

        developers.recordUse(AccessKeyId.of(credentials.accessKeyId()));
        var first = jdbc.sql("SELECT last_used_at FROM developer_access_key WHERE access_key_id = ?")
                .param(credentials.accessKeyId()).query(java.time.OffsetDateTime.class).single();
        developers.recordUse(AccessKeyId.of(credentials.accessKeyId()));
        var same = jdbc.sql("SELECT last_used_at FROM developer_access_key WHERE access_key_id = ?")
                .param(credentials.accessKeyId()).query(java.time.OffsetDateTime.class).single();
        assertThat(same.toInstant()).as("no write within the minute").isEqualTo(first.toInstant());
        clock.advance(Duration.ofMinutes(2));
        developers.recordUse(AccessKeyId.of(credentials.accessKeyId()));
        var later = jdbc.sql("SELECT last_used_at FROM developer_access_key WHERE access_key_id = ?")
                .param(credentials.accessKeyId()).query(java.time.OffsetDateTime.class).single();
        assertThat(later.toInstant()).isAfter(first.toInstant());

        assertThat(client.get(CENTRAL).body()).containsPattern("<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC</td>\\s*<td>\\d{4}");
    }

    @Test
    void developerCentralWithoutARegistrationLeadsToTheRegistration() {
        PortalClient client = client();
        verifiedSeller(client, newEmail("nobody"));

        assertThat(client.get(CENTRAL).redirectPath()).isEqualTo(REGISTER);
        assertThat(client.submit(REGISTER, CENTRAL + "/keys").redirectPath()).isEqualTo(REGISTER);
    }

    // --- the secret ------------------------------------------------------------------------

    @Test
    void theSecretIsOnNoPageAfterTheFirstNorInMailNorInTheLog(CapturedOutput log) {
        PortalClient client = client();
        String email = newEmail("secret");
        Credentials credentials = registeredDeveloper(client, email, uniqueName("Quiet"));
        Credentials second = credentialsOn(newKey(client));
        client.submit(CENTRAL, CENTRAL + "/keys/" + credentials.accessKeyId() + "/deactivate");

        List<String> pages = new ArrayList<>();
        for (String path : List.of(CENTRAL, REGISTER, "/sellercentral", "/sellercentral/settings/user-permissions",
                "/sellercentral/settings/account-info", "/developers", "/",
                CENTRAL + "/keys/" + credentials.accessKeyId() + "/delete")) {
            pages.add(follow(client, client.get(path)).body());
        }
        PortalClient other = client();
        signIn(other, email);
        pages.add(other.get(CENTRAL).body());
        pages.add(follow(other, other.get(REGISTER)).body());

        for (String page : pages) {
            assertThat(page).doesNotContain(credentials.secretKey()).doesNotContain(second.secretKey());
        }
        assertThat(second.page()).doesNotContain(credentials.secretKey());
        assertThat(mailTo(email)).allSatisfy(mail -> assertThat(mail).doesNotContain(credentials.secretKey()));
        assertThat(log.getAll()).contains("registered as developer").contains(credentials.accessKeyId())
                .doesNotContain(credentials.secretKey()).doesNotContain(second.secretKey());
    }

    @Test
    void theSecretIsSealedAtRestAndOpensOnlyWithTheKeysetAndItsOwnRow() {
        PortalClient client = client();
        Credentials credentials = registeredDeveloper(client, newEmail("atrest"), uniqueName("Vault"));
        Credentials second = credentialsOn(newKey(client));

        byte[] sealed = jdbc.sql("SELECT secret_sealed FROM developer_access_key WHERE access_key_id = ?")
                .param(credentials.accessKeyId()).query(byte[].class).single();
        String asText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(credentials.secretKey());
        assertThat(asText).doesNotContain(new String(Base64.getDecoder().decode(credentials.secretKey()),
                StandardCharsets.ISO_8859_1));
        assertThat(sealed.length).isGreaterThan(credentials.secretKey().length());

        // No column of any developer table holds the plaintext.
        for (String table : List.of("developer", "developer_access_key", "developer_registration", "verification_code")) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    assertThat(text).as(table).doesNotContain(credentials.secretKey());
                }
            }
        }

        AccessKeyId keyId = AccessKeyId.of(credentials.accessKeyId());
        assertThat(sealer.open(sealed, Developers.sealContext(keyId))).isEqualTo(credentials.secretKey());
        SecretSealer otherKeyset = SecretSealer.of(SecretSealer.newKeysetJson());
        assertThatThrownBy(() -> otherKeyset.open(sealed, Developers.sealContext(keyId)))
                .isInstanceOf(SecretSealer.SealBroken.class)
                .hasMessageNotContaining(credentials.secretKey());
        assertThatThrownBy(() -> sealer.open(sealed, Developers.sealContext(AccessKeyId.of(second.accessKeyId()))))
                .as("bound to its own row").isInstanceOf(SecretSealer.SealBroken.class);

        // A ciphertext copied into another key's row does not open there.
        jdbc.sql("UPDATE developer_access_key SET secret_sealed = ? WHERE access_key_id = ?")
                .param(sealed).param(second.accessKeyId()).update();
        assertThatThrownBy(() -> developers.activeKey(second.accessKeyId()))
                .isInstanceOf(SecretSealer.SealBroken.class);
    }

    // --- helpers for the verifier path ----------------------------------------------------

    long keysOf(String developerId) {
        return jdbc.sql("""
                        SELECT count(*) FROM developer_access_key k JOIN developer d ON d.id = k.developer_ref
                        WHERE d.developer_id = ?""")
                .param(developerId.replace("-", "")).query(Long.class).single();
    }

    /** A GetServiceStatus call signed, as an integrator's client would, with the issued secret. */
    Map<String, String> signedCall(Credentials credentials, String host, String sellerId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AWSAccessKeyId", credentials.accessKeyId());
        params.put("Action", "GetServiceStatus");
        params.put("SellerId", sellerId);
        params.put("Timestamp", clock.instant().toString());
        params.put("Version", "2011-07-01");
        RequestSigner signer = RequestSigner.of(SigningSecret.of(credentials.secretKey()), SignatureMethod.HMAC_SHA256);
        return signer.signedParameters("POST", HostLine.forEndpoint("http", "localhost", port), "/Sellers/2011-07-01",
                params);
    }

    /** What the gateway will do: resolve the key id, then verify the signature with its secret. */
    boolean verifies(Map<String, String> signed, String hostHeader) {
        MwsParameters received = MwsParameters.of(signed);
        Optional<ActiveKey> key = developers.activeKey(received.get("AWSAccessKeyId").orElseThrow());
        return key.map(k -> SignatureVerifier.strict().verify("POST", hostHeader, "/Sellers/2011-07-01",
                received.asMap(), SigningSecret.of(k.secretKey().reveal())).isValid()).orElse(false);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        smtp(registry);
    }
}
