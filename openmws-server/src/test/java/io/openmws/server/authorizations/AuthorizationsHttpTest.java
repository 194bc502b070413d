package io.openmws.server.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.Hashes;
import io.openmws.server.support.Jobs;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SecretSealer;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient.Response;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.PortalClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Every rule of sellers' authorizations of developers, black-box over HTTP on a real port: Seller
 * Central's pages, the signed MWS API, the sandbox control API and mail through a real SMTP server
 * (GreenMail), with the platform clock moved forward, on both databases.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class AuthorizationsHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String PASSWORD = "correct horse battery staple";
    static final String PERMISSIONS = "/sellercentral/settings/user-permissions";
    static final String AUTHORIZE = PERMISSIONS + "/authorize";
    static final String VERIFY = "/sellercentral/authorizations/verify";
    static final String SELLERS = "/sellercentral/developer-central/sellers";
    static final Pattern MWS_TOKEN = Pattern.compile(
            "amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern SHOWN_TOKEN = Pattern.compile("id=\"mws-auth-token\" class=\"secret\">(" + MWS_TOKEN + ")<");
    static final Pattern VERIFY_LINK = Pattern.compile("https?://[^/\\s]+(" + VERIFY + "\\?token=[A-Za-z0-9_-]+)");
    static final Pattern REF = Pattern.compile("data-authorization=\"(\\d+)\"");
    static final Pattern NO_SUCH_DEVELOPER = Pattern.compile(
            "No active developer has that developer name and Developer ID\\. Check both with the developer\\.");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    /** A developer made through the control API, on a seller account whose password we know. */
    record Dev(String developerId, String developerName, String sellerId, String email, String accessKeyId,
               String secretKey) {}

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    @Autowired
    AuthorizationSellerGrants grants;

    @Autowired
    SecretSealer sealer;

    // --- fixtures ----------------------------------------------------------------------------

    JsonClient api() {
        return new JsonClient(port, TOKEN);
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    Fixtures fixtures() {
        return new Fixtures(api());
    }

    /** A verified seller with a known password. */
    Fixtures.Seller verifiedSeller(String email, String... marketplaces) {
        return fixtures().seller(Fixtures.fields("email", email, "password", PASSWORD,
                "marketplaces", marketplaces.length == 0 ? null : List.of(marketplaces)));
    }

    /** A verified seller with a known password; returns its Seller ID. */
    String seller(String email, String... marketplaces) {
        return verifiedSeller(email, marketplaces).sellerId();
    }

    Dev developer(String... marketplaces) {
        Fixtures.Developer d = fixtures().developerOf(verifiedSeller(newEmail("dev"), marketplaces), null);
        return new Dev(d.developerId(), d.developerName(), d.sellerId(), d.email(), d.accessKeyId(), d.secretKey());
    }

    PortalClient signedIn(String email) {
        PortalClient client = new PortalClient(port);
        Page signIn = client.submit("/login", "/login", "username", email, "password", PASSWORD);
        assertThat(signIn.redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    /** Submits "Authorise a Developer"; a success is followed, as a browser would, to the page showing the token. */
    Page authorizeInPortal(PortalClient client, String developerName, String developerId) {
        Page answer = client.submit(AUTHORIZE, AUTHORIZE, "developerName", developerName, "developerId", developerId,
                "agree", "true", "termsVersion", "1");
        return answer.status() == 302 && answer.redirectPath().endsWith("/authorized")
                ? client.get(answer.redirectPath()) : answer;
    }

    /** Submits the password on an authorization's page and follows the redirect back to it. */
    static Page revealInPortal(PortalClient client, String detail, String password) {
        Page answer = client.submit(detail, detail + "/token", "password", password);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.redirectPath()).isEqualTo(detail);
        return client.get(detail);
    }

    static String shownToken(Page page) {
        Matcher m = SHOWN_TOKEN.matcher(page.body());
        assertThat(m.find()).as("a token on the page (HTTP " + page.status() + ")").isTrue();
        return m.group(1);
    }

    /** Authorized through the control API: verified at once; returns the token. */
    String authorizedByOperator(String sellerId, Dev dev) {
        return fixtures().authorize(sellerId, dev.developerId());
    }

    Instant expiresAt(String sellerId, Dev dev) {
        return fixtures().expiresAt(sellerId, dev.developerId());
    }

    List<MimeMessage> mailTo(String email) {
        return List.of(greenMail.getReceivedMessagesForDomain(email));
    }

    List<String> subjectsTo(String email) {
        List<String> subjects = new ArrayList<>();
        try {
            for (MimeMessage m : mailTo(email)) {
                subjects.add(m.getSubject());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return subjects;
    }

    long remindersTo(String email) {
        return subjectsTo(email).stream().filter(s -> s.startsWith("Your authorization of")).count();
    }

    /** The path and query of the newest confirmation link mailed to {@code email}. */
    String verifyLink(String email) {
        try {
            List<MimeMessage> all = mailTo(email);
            assertThat(all).as("mail to " + email).isNotEmpty();
            String body = all.get(all.size() - 1).getContent().toString();
            Matcher m = VERIFY_LINK.matcher(body);
            assertThat(m.find()).as("a confirmation link in the mail").isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String linkToken(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    Page confirm(PortalClient client, String link) {
        return client.submit(link, VERIFY, "token", linkToken(link));
    }

    /** ListMarketplaceParticipations, signed by the developer, for the seller, with the token (or none). */
    Answer call(Dev dev, String sellerId, String mwsAuthToken) {
        Map<String, String> params = new TreeMap<>();
        params.put("AWSAccessKeyId", dev.accessKeyId());
        params.put("Action", "ListMarketplaceParticipations");
        params.put("SellerId", sellerId);
        if (mwsAuthToken != null) {
            params.put("MWSAuthToken", mwsAuthToken);
        }
        params.put("Timestamp", Timestamps.format(clock.realTime().instant()));
        params.put("Version", "2011-07-01");
        String body = RequestSigner.of(SigningSecret.of(dev.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", "localhost:" + port, "/Sellers/2011-07-01", params);
        return new MwsClient(port).postForm("/Sellers/2011-07-01", body);
    }

    static void assertDenied(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("AccessDenied");
        assertThat(answer.error().errors().get(0).message()).isEqualTo("Access denied");
    }

    static void assertAccepted(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("ListMarketplaceParticipationsResponse");
    }

    long refOf(PortalClient client, String developerId) {
        String page = client.get(PERMISSIONS).body();
        Matcher m = Pattern.compile("data-authorization=\"(\\d+)\" data-developer-id=\""
                + Pattern.quote(formatted(developerId)) + "\"").matcher(page);
        assertThat(m.find()).as("a row for developer " + developerId).isTrue();
        return Long.parseLong(m.group(1));
    }

    static String formatted(String digits) {
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    }

    /** Moves the platform clock so that it shows {@code target} plus a minute. */
    void moveTo(Instant target) {
        Duration by = Duration.between(clock.instant(), target).plusMinutes(1);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }

    /** Waits until the expiry watch has run at the platform time of now (it is due after any move of 10 minutes or more). */
    /** Waits for a whole run of the expiry watch on the clock as it is now. */
    void awaitExpiryWatch() {
        ExpiryWatchRuns.awaitWholeRun(clock, jdbc, jobs);
    }

    // --- the seller's side and the first-time email ------------------------------------------

    @Test
    void firstAuthorizationIsPendingUntilTheSellerConfirmsItFromTheMail() {
        Dev dev = developer();
        String email = newEmail("first");
        String sellerId = seller(email, "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        PortalClient seller = signedIn(email);

        Page permissions = seller.get(PERMISSIONS);
        assertThat(permissions.body()).contains("Authorise a Developer").contains("Current Authorizations")
                .contains("Account owner").contains("Register as a Developer");

        Page result = authorizeInPortal(seller, dev.developerName(), dev.developerId());
        assertThat(result.status()).isEqualTo(200);
        String token = shownToken(result);
        assertThat(result.body()).contains("id=\"seller-id\" class=\"secret\">" + sellerId + "<")
                .contains("ATVPDKIKX0DER").contains("A2EUQ1WTGCTBG2").contains("Amazon.com").contains("Amazon.ca")
                .contains("Pending verification").contains("id=\"verify-notice\"");

        assertThat(grants.activeFor(sellerId, dev.developerId(), token))
                .isEqualTo(AuthorizationCheck.PENDING_VERIFICATION);
        assertDenied(call(dev, sellerId, token));

        String link = verifyLink(email);
        Page confirmPage = seller.get(link);
        assertThat(confirmPage.body()).contains(dev.developerName()).contains(formatted(dev.developerId()));
        assertThat(grants.activeFor(sellerId, dev.developerId(), token))
                .as("a GET confirms nothing").isEqualTo(AuthorizationCheck.PENDING_VERIFICATION);

        Page confirmed = confirm(seller, link);
        assertThat(confirmed.redirectPath()).startsWith(PERMISSIONS + "/authorizations/");
        assertThat(seller.get(confirmed.redirectPath()).body()).contains("Confirmed").contains("Active");
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.ACTIVE);
        assertAccepted(call(dev, sellerId, token));

        // The link works once.
        Page again = confirm(seller, link);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"link-dead\"");
    }

    @Test
    void theConfirmationLinkLastsTwentyFourHoursAndANewOneCanBeAskedFor() {
        Dev dev = developer();
        String email = newEmail("late");
        String sellerId = seller(email);
        String token = shownToken(authorizeInPortal(signedIn(email), dev.developerName(), dev.developerId()));
        String oldLink = verifyLink(email);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        PortalClient seller = signedIn(email);
        assertThat(seller.get(oldLink).body()).contains("id=\"link-dead\"");
        assertThat(confirm(seller, oldLink).body()).contains("id=\"link-dead\"");
        assertThat(grants.activeFor(sellerId, dev.developerId(), token))
                .isEqualTo(AuthorizationCheck.PENDING_VERIFICATION);

        long ref = refOf(seller, dev.developerId());
        String detail = PERMISSIONS + "/authorizations/" + ref;
        Page resent = seller.submit(detail, detail + "/verification");
        assertThat(resent.redirectPath()).isEqualTo(detail);
        assertThat(seller.get(detail).body()).contains("We sent a new confirmation link");
        Page tooSoon = seller.submit(detail, detail + "/verification");
        assertThat(seller.get(tooSoon.redirectPath()).body()).contains("less than a minute ago");

        String newLink = verifyLink(email);
        assertThat(newLink).isNotEqualTo(oldLink);
        assertThat(confirm(seller, newLink).redirectPath()).isEqualTo(detail);
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.ACTIVE);
    }

    @Test
    void aConfirmationLinkWorksOnlyForTheSellerWhoMadeTheAuthorization() {
        Dev dev = developer();
        String emailA = newEmail("owner");
        String sellerA = seller(emailA);
        String token = shownToken(authorizeInPortal(signedIn(emailA), dev.developerName(), dev.developerId()));
        String link = verifyLink(emailA);

        String emailB = newEmail("other");
        seller(emailB);
        PortalClient other = signedIn(emailB);
        assertThat(other.get(link).body()).contains("id=\"link-dead\"").doesNotContain(dev.developerName());
        assertThat(confirm(other, link).body()).contains("id=\"link-dead\"");
        assertThat(grants.activeFor(sellerA, dev.developerId(), token))
                .isEqualTo(AuthorizationCheck.PENDING_VERIFICATION);

        // Signed out, the link leads to sign-in and back.
        Page anonymous = new PortalClient(port).get(link);
        assertThat(anonymous.redirectPath()).endsWith("/login");
    }

    @Test
    void nameAndIdMustBothMatchOneActiveDeveloperWithoutSayingWhichHalfIsWrong() {
        Dev dev = developer();
        Dev other = developer();
        String email = newEmail("typo");
        seller(email);
        PortalClient seller = signedIn(email);

        List<Page> refused = List.of(
                authorizeInPortal(seller, dev.developerName() + "x", dev.developerId()),
                authorizeInPortal(seller, dev.developerName(), other.developerId()),
                authorizeInPortal(seller, other.developerName(), dev.developerId()),
                authorizeInPortal(seller, "Nobody", "0000-0000-0000"),
                authorizeInPortal(seller, dev.developerName(), "12345"),
                authorizeInPortal(seller, dev.developerName(), "x".repeat(5000)),
                authorizeInPortal(seller, "' OR 1=1 --", "1234-5678-9012"));
        for (Page page : refused) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(NO_SUCH_DEVELOPER.matcher(page.body()).find()).as(page.body()).isTrue();
            assertThat(page.body()).doesNotContain("id=\"mws-auth-token\"");
        }
        // The same page whichever half was wrong, apart from the echoed input.
        assertThat(strip(refused.get(0).body(), dev.developerName() + "x", dev.developerId()))
                .isEqualTo(strip(refused.get(1).body(), dev.developerName(), other.developerId()));

        // A suspended developer is not found either.
        jdbc.sql("UPDATE developer SET status = 'SUSPENDED' WHERE developer_id = ?").param(dev.developerId()).update();
        Page suspended = authorizeInPortal(seller, dev.developerName(), dev.developerId());
        assertThat(NO_SUCH_DEVELOPER.matcher(suspended.body()).find()).isTrue();
        jdbc.sql("UPDATE developer SET status = 'ACTIVE' WHERE developer_id = ?").param(dev.developerId()).update();

        Page empty = authorizeInPortal(seller, "", "");
        assertThat(empty.body()).contains("Enter both the developer name and the Developer ID.");

        // Any case of the name, the ID without dashes: found.
        Page made = authorizeInPortal(seller, "  " + dev.developerName().toUpperCase() + " ", dev.developerId());
        assertThat(shownToken(made)).matches(MWS_TOKEN);
        assertThat(jdbc.sql("SELECT count(*) FROM seller_authorization").query(Long.class).single()).isPositive();
    }

    private static String strip(String body, String name, String id) {
        return body.replace(name, "NAME").replace(id, "ID").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    @Test
    void theTermsMustBeAcceptedAndTheirVersionIsRecordedWithTimeAndAddress() {
        Dev dev = developer();
        String email = newEmail("terms");
        seller(email);
        PortalClient seller = signedIn(email);

        Page form = seller.get(AUTHORIZE);
        assertThat(form.body()).contains("Terms for Authorizing a Third-Party Developer, version 1")
                .contains("name=\"termsVersion\" value=\"1\"");
        Page notTicked = seller.submit(AUTHORIZE, AUTHORIZE, "developerName", dev.developerName(),
                "developerId", dev.developerId(), "termsVersion", "1");
        assertThat(notTicked.body()).contains("tick the box to agree").doesNotContain("id=\"mws-auth-token\"");
        Page oldVersion = seller.submit(AUTHORIZE, AUTHORIZE, "developerName", dev.developerName(),
                "developerId", dev.developerId(), "agree", "true", "termsVersion", "0");
        assertThat(oldVersion.body()).contains("The terms have changed");

        Instant before = clock.instant();
        shownToken(authorizeInPortal(seller, dev.developerName(), dev.developerId()));
        var row = jdbc.sql("""
                        SELECT a.terms_version, a.terms_accepted_at, a.terms_accepted_from FROM seller_authorization a
                        JOIN developer d ON d.id = a.developer_ref WHERE d.developer_id = ?""")
                .param(dev.developerId())
                .query((rs, n) -> List.of(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant().toString(),
                        rs.getString(3)))
                .single();
        assertThat(row.get(0)).isEqualTo("1");
        assertThat(Instant.parse(row.get(1))).isBetween(before.minusSeconds(1), clock.instant().plusSeconds(1));
        assertThat(row.get(2)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void aSellerThatIsTheDeveloperNeedsNoAuthorization() {
        Dev dev = developer();
        PortalClient own = signedIn(dev.email());

        Page refused = authorizeInPortal(own, dev.developerName(), dev.developerId());
        assertThat(refused.body()).contains("This is your own developer registration")
                .doesNotContain("id=\"mws-auth-token\"");
        assertAccepted(call(dev, dev.sellerId(), null));

        Response byOperator = api().post("/sandbox/v1/authorizations",
                "{\"sellerId\": \"" + dev.sellerId() + "\", \"developerId\": \"" + dev.developerId() + "\"}");
        assertThat(byOperator.status()).isEqualTo(409);
    }

    @Test
    void aDeveloperOfAnotherRegionCannotBeAuthorized() {
        Dev european = developer("A1PA6795UKMFR9");
        String email = newEmail("us");
        seller(email);
        Page refused = authorizeInPortal(signedIn(email), european.developerName(), european.developerId());
        assertThat(refused.body()).contains("This developer is registered for Europe")
                .doesNotContain("id=\"mws-auth-token\"");
    }

    // --- what the API accepts -----------------------------------------------------------------

    @Test
    void theApiWantsATokenOfExactlyThisSellerAndDeveloper() {
        Dev dev = developer();
        Dev otherDev = developer();
        String sellerA = seller(newEmail("a"));
        String sellerB = seller(newEmail("b"));
        String tokenA = authorizedByOperator(sellerA, dev);
        authorizedByOperator(sellerB, dev);

        assertAccepted(call(dev, sellerA, tokenA));
        Answer missing = call(dev, sellerA, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error().errors().get(0).message()).isEqualTo("Missing required MWSAuthToken for Seller.");
        assertDenied(call(dev, sellerB, tokenA));
        assertDenied(call(otherDev, sellerA, tokenA));
        assertDenied(call(dev, sellerA, "amzn.mws." + UUID.randomUUID()));
        assertDenied(call(dev, sellerA, dev.developerId()));

        assertThat(grants.activeFor(sellerB, dev.developerId(), tokenA)).isEqualTo(AuthorizationCheck.UNKNOWN);
        assertThat(grants.activeFor(sellerA, otherDev.developerId(), tokenA)).isEqualTo(AuthorizationCheck.UNKNOWN);
        assertThat(grants.activeFor(sellerA, formatted(dev.developerId()), tokenA))
                .as("Developer ID with dashes").isEqualTo(AuthorizationCheck.ACTIVE);
        assertThat(grants.activeFor(sellerA, dev.developerId(), tokenA.toUpperCase()))
                .isEqualTo(AuthorizationCheck.UNKNOWN);
        assertThat(grants.activeFor(null, null, null)).isEqualTo(AuthorizationCheck.UNKNOWN);
    }

    // --- twelve months, expiry and renewal ------------------------------------------------------

    @Test
    void anAuthorizationIsActiveOnDay364AndExpiredOnDay366() {
        Dev dev = developer();
        String email = newEmail("year");
        String sellerId = seller(email);
        String token = authorizedByOperator(sellerId, dev);
        Instant activated = clock.instant();
        Instant expires = expiresAt(sellerId, dev);
        assertThat(Duration.between(activated, expires).toDays()).isBetween(364L, 366L);

        clock.advance(Duration.ofDays(364));
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.ACTIVE);
        assertAccepted(call(dev, sellerId, token));

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        // Expired at once for the API, before the expiry watch has marked it.
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.EXPIRED);
        assertDenied(call(dev, sellerId, token));

        awaitExpiryWatch();
        assertThat(jdbc.sql("SELECT status FROM seller_authorization WHERE token_hash = ?")
                .param(Hashes.sha256Hex(token)).query(String.class).single()).isEqualTo("EXPIRED");
        PortalClient seller = signedIn(email);
        long ref = refOf(seller, dev.developerId());
        String detail = seller.get(PERMISSIONS + "/authorizations/" + ref).body();
        assertThat(detail).contains("Expired").contains("Expired</td>")
                .contains(DisplayTime.minute(expires));
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.EXPIRED);
    }

    @Test
    void renewOpensThirtyDaysBeforeExpiryAndBringsTheSameTokenBackForTwelveMoreMonths() {
        Dev dev = developer();
        String email = newEmail("renew");
        String sellerId = seller(email);
        String token = authorizedByOperator(sellerId, dev);
        Instant firstExpiry = expiresAt(sellerId, dev);
        PortalClient seller = signedIn(email);
        long ref = refOf(seller, dev.developerId());
        String detail = PERMISSIONS + "/authorizations/" + ref;

        // Too early: no button, a POST is refused with the date renewal opens, and so is the control API.
        assertThat(seller.get(PERMISSIONS).body()).doesNotContain("class=\"button small renew\"");
        Page early = seller.submit(detail, detail + "/renew");
        assertThat(seller.get(early.redirectPath()).body()).contains("can be renewed from "
                + DisplayTime.date(firstExpiry.minus(Duration.ofDays(30))));
        Response earlyApi = api().post("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId() + "/renew", null);
        assertThat(earlyApi.status()).isEqualTo(409);
        assertThat(earlyApi.json().get("error").asString()).isEqualTo("Conflict");
        assertThat(expiresAt(sellerId, dev)).isEqualTo(firstExpiry);

        // Inside the last 30 days: renewing keeps the token and runs 12 months from now.
        moveTo(firstExpiry.minus(Duration.ofDays(20)));
        seller = signedIn(email);
        assertThat(seller.get(PERMISSIONS).body()).contains("class=\"button small renew\"");
        Instant renewedAt = clock.instant();
        Page renewed = seller.submit(detail, detail + "/renew");
        assertThat(renewed.redirectPath()).isEqualTo(detail);
        assertThat(seller.get(detail).body()).contains("Renewed:");
        Instant secondExpiry = expiresAt(sellerId, dev);
        assertThat(secondExpiry).isBetween(Authorizations.twelveMonthsFrom(renewedAt).minusSeconds(5),
                Authorizations.twelveMonthsFrom(renewedAt).plusSeconds(5));
        assertAccepted(call(dev, sellerId, token));

        // Let it expire, then renew any time after: the same token again.
        moveTo(secondExpiry.plus(Duration.ofDays(40)));
        assertDenied(call(dev, sellerId, token));
        seller = signedIn(email);
        assertThat(seller.submit(detail, detail + "/renew").redirectPath()).isEqualTo(detail);
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.ACTIVE);
        assertAccepted(call(dev, sellerId, token));
        Instant thirdExpiry = expiresAt(sellerId, dev);
        assertThat(Duration.between(clock.instant(), thirdExpiry).toDays()).isBetween(364L, 366L);
        Response state = api().get("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId());
        assertThat(state.json().get("mwsAuthToken").asString()).isEqualTo(token);
        assertThat(state.json().get("status").asString()).isEqualTo("ACTIVE");

        String history = seller.get(detail).body();
        assertThat(countOf(history, "<td class=\"event\">Renewed</td>")).isEqualTo(2);
    }

    // --- revoke --------------------------------------------------------------------------------

    @Test
    void revokeTakesEffectAtOnceAndAReauthorizationGetsANewTokenWithoutEmail() {
        Dev dev = developer();
        String email = newEmail("revoke");
        String sellerId = seller(email);
        PortalClient seller = signedIn(email);
        String oldToken = shownToken(authorizeInPortal(seller, dev.developerName(), dev.developerId()));
        confirm(seller, verifyLink(email));
        assertAccepted(call(dev, sellerId, oldToken));
        long ref = refOf(seller, dev.developerId());
        String revokePath = PERMISSIONS + "/authorizations/" + ref + "/revoke";

        // The confirmation page changes nothing.
        Page confirmation = seller.get(revokePath);
        assertThat(confirmation.body()).contains("Revoke the access of " + dev.developerName() + "?");
        assertAccepted(call(dev, sellerId, oldToken));

        Page revoked = seller.submit(revokePath, revokePath);
        assertThat(revoked.redirectPath()).isEqualTo(PERMISSIONS);
        assertThat(seller.get(PERMISSIONS).body()).contains("You revoked the access of " + dev.developerName())
                .contains("Revoked");
        assertThat(grants.activeFor(sellerId, dev.developerId(), oldToken)).isEqualTo(AuthorizationCheck.REVOKED);
        assertDenied(call(dev, sellerId, oldToken));

        int mailsBefore = mailTo(email).size();
        Page again = authorizeInPortal(seller, dev.developerName(), dev.developerId());
        String newToken = shownToken(again);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(again.body()).contains("id=\"active-notice\"").doesNotContain("id=\"verify-notice\"");
        assertThat(mailTo(email)).as("no confirmation mail the second time").hasSize(mailsBefore);
        assertThat(grants.activeFor(sellerId, dev.developerId(), newToken)).isEqualTo(AuthorizationCheck.ACTIVE);
        assertAccepted(call(dev, sellerId, newToken));
        assertDenied(call(dev, sellerId, oldToken));
        assertThat(grants.activeFor(sellerId, dev.developerId(), oldToken)).isEqualTo(AuthorizationCheck.REVOKED);

        // A revoked authorization is never renewed, and cannot be revoked twice.
        String oldDetail = PERMISSIONS + "/authorizations/" + ref;
        Page renew = seller.submit(oldDetail, oldDetail + "/renew");
        assertThat(seller.get(renew.redirectPath()).body()).contains("Only an active or expired authorization can be renewed");
        Page twice = seller.submit(oldDetail, oldDetail + "/revoke");
        assertThat(seller.get(twice.redirectPath()).body()).contains("has already been revoked");
        assertDenied(call(dev, sellerId, oldToken));
    }

    @Test
    void aSecondLiveAuthorizationOfTheSameDeveloperIsRefused() {
        Dev dev = developer();
        String email = newEmail("twice");
        String sellerId = seller(email);
        PortalClient seller = signedIn(email);
        String token = shownToken(authorizeInPortal(seller, dev.developerName(), dev.developerId()));

        Page second = authorizeInPortal(seller, dev.developerName(), dev.developerId());
        assertThat(second.body()).contains("You have already authorized this developer")
                .doesNotContain("id=\"mws-auth-token\"");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM seller_authorization a JOIN seller_account s ON s.id = a.account_id
                        WHERE s.seller_id = ?""").param(sellerId).query(Long.class).single()).isEqualTo(1);
        assertThat(grants.activeFor(sellerId, dev.developerId(), token))
                .isEqualTo(AuthorizationCheck.PENDING_VERIFICATION);
    }

    // --- reminders -----------------------------------------------------------------------------

    @Test
    void remindersGoOutWeeklyFromThirtyDaysBeforeExpiryExactlyOnceEach() {
        Dev dev = developer();
        String email = newEmail("remind");
        String sellerId = seller(email);
        String token = authorizedByOperator(sellerId, dev);
        Instant expiry = expiresAt(sellerId, dev);

        moveTo(expiry.minus(Duration.ofDays(31)));
        awaitExpiryWatch();
        assertThat(remindersTo(email)).as("31 days before").isZero();

        for (int week = 0; week < 5; week++) {
            moveTo(expiry.minus(Duration.ofDays(30 - 7L * week)));
            awaitExpiryWatch();
            assertThat(remindersTo(email)).as("reminder " + (week + 1)).isEqualTo(week + 1);
            // Later runs in the same week send nothing more.
            clock.advance(Duration.ofHours(20));
            awaitExpiryWatch();
            assertThat(remindersTo(email)).as("still " + (week + 1)).isEqualTo(week + 1);
        }
        assertThat(subjectsTo(email)).contains("Your authorization of " + dev.developerName() + " expires on "
                + DisplayTime.date(expiry));

        moveTo(expiry.plus(Duration.ofDays(3)));
        awaitExpiryWatch();
        assertThat(remindersTo(email)).as("none after expiry").isEqualTo(5);
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.EXPIRED);

        PortalClient seller = signedIn(email);
        String detail = seller.get(PERMISSIONS + "/authorizations/" + refOf(seller, dev.developerId())).body();
        assertThat(countOf(detail, "<td class=\"event\">Expiry reminder sent</td>")).isEqualTo(5);
        assertThat(countOf(detail, "<td class=\"event\">Expired</td>")).isEqualTo(1);
        assertThat(detail).contains("<td class=\"actor\">OpenMWS</td>");

        // Renewed, it earns a new series for its new expiry.
        assertThat(api().post("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId() + "/renew", null)
                .status()).isEqualTo(200);
        moveTo(expiresAt(sellerId, dev).minus(Duration.ofDays(30)));
        awaitExpiryWatch();
        assertThat(remindersTo(email)).isEqualTo(6);
    }

    @Test
    void aRevokedOrRenewedAuthorizationGetsNoMoreReminders() {
        Dev dev = developer();
        String emailRevoked = newEmail("norem");
        String revokedSeller = seller(emailRevoked);
        authorizedByOperator(revokedSeller, dev);
        String emailRenewed = newEmail("renewed");
        String renewedSeller = seller(emailRenewed);
        authorizedByOperator(renewedSeller, dev);
        Instant expiry = expiresAt(revokedSeller, dev);

        moveTo(expiry.minus(Duration.ofDays(30)));
        awaitExpiryWatch();
        assertThat(remindersTo(emailRevoked)).isEqualTo(1);
        assertThat(remindersTo(emailRenewed)).isEqualTo(1);
        fixtures().revoke(revokedSeller, dev.developerId());
        fixtures().renew(renewedSeller, dev.developerId());

        moveTo(expiry.minus(Duration.ofDays(16)));
        awaitExpiryWatch();
        assertThat(remindersTo(emailRevoked)).isEqualTo(1);
        assertThat(remindersTo(emailRenewed)).isEqualTo(1);
    }

    // --- the token: shown after the password, sealed at rest, never logged ----------------------

    @Test
    void theTokenIsMaskedInTablesAndShownAgainOnlyAfterThePassword() {
        Dev dev = developer();
        String email = newEmail("reveal");
        String sellerId = seller(email);
        String token = authorizedByOperator(sellerId, dev);
        PortalClient seller = signedIn(email);

        String table = seller.get(PERMISSIONS).body();
        assertThat(table).doesNotContain(token).contains(token.substring(token.length() - 4)).contains("amzn.mws.");
        long ref = refOf(seller, dev.developerId());
        String detail = PERMISSIONS + "/authorizations/" + ref;
        assertThat(seller.get(detail).body()).doesNotContain(token).contains("id=\"reveal-form\"");

        Page wrong = revealInPortal(seller, detail, "not my password at all");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("That is not your password.").doesNotContain(token);
        Page right = revealInPortal(seller, detail, PASSWORD);
        assertThat(shownToken(right)).isEqualTo(token);
        // Shown once: a reload (or Back) finds the page with the token masked again, and no resubmission.
        assertThat(seller.get(detail).body()).doesNotContain(token).contains("id=\"reveal-form\"");

        // Another seller reaches neither the page nor the token.
        String otherEmail = newEmail("snoop");
        seller(otherEmail);
        PortalClient other = signedIn(otherEmail);
        assertThat(other.get(detail).status()).isEqualTo(404);
        Page snooped = other.submit(PERMISSIONS, detail + "/token", "password", PASSWORD);
        assertThat(snooped.status()).isEqualTo(404);
        assertThat(snooped.body()).doesNotContain(token);
        assertThat(other.submit(PERMISSIONS, detail + "/renew").status()).isEqualTo(404);
        assertThat(other.submit(PERMISSIONS, detail + "/revoke").status()).isEqualTo(404);
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.ACTIVE);
    }

    @Test
    void theTokenIsSealedAtRestAndFoundByItsHash() {
        Dev dev = developer();
        String sellerId = seller(newEmail("rest"));
        String token = authorizedByOperator(sellerId, dev);

        var row = jdbc.sql("""
                        SELECT a.account_id, a.developer_ref, a.token_hash, a.token_sealed, a.token_last4
                        FROM seller_authorization a JOIN seller_account s ON s.id = a.account_id WHERE s.seller_id = ?""")
                .param(sellerId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
                    rs.getString(5)})
                .single();
        byte[] sealed = (byte[]) row[3];
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token)
                .doesNotContain(token.substring(9));
        assertThat(row[2]).isEqualTo(Hashes.sha256Hex(token));
        assertThat(row[4]).isEqualTo(token.substring(token.length() - 4));
        String context = Authorizations.sealContext((long) row[0], (long) row[1], (String) row[2]);
        assertThat(sealer.open(sealed, context)).isEqualTo(token);

        // No text column anywhere holds the token.
        for (String table : List.of("seller_authorization", "authorization_event", "authorization_verification",
                "sandbox_mail", "scheduled_tasks")) {
            String dump = jdbc.sql("SELECT * FROM " + table).query().listOfRows().toString();
            assertThat(dump).as(table).doesNotContain(token);
        }
    }

    @Test
    void theTokenNeverReachesTheLog(CapturedOutput output) {
        Dev dev = developer();
        String email = newEmail("log");
        String sellerId = seller(email);
        PortalClient seller = signedIn(email);
        String token = shownToken(authorizeInPortal(seller, dev.developerName(), dev.developerId()));
        assertDenied(call(dev, sellerId, token));
        confirm(seller, verifyLink(email));
        assertAccepted(call(dev, sellerId, token));
        long ref = refOf(seller, dev.developerId());
        String detail = PERMISSIONS + "/authorizations/" + ref;
        shownToken(revealInPortal(seller, detail, PASSWORD));
        seller.submit(detail + "/revoke", detail + "/revoke");
        assertDenied(call(dev, sellerId, token));
        api().get("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId());

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.substring(9))
                .contains("Seller " + sellerId + " authorized developer " + dev.developerId())
                .contains("refused access to seller " + sellerId + ": MWS Auth Token PENDING_VERIFICATION")
                .contains("MWS Auth Token REVOKED");
    }

    // --- forms, CSRF and bad input ----------------------------------------------------------------

    @Test
    void everyFormNeedsItsCsrfToken() {
        Dev dev = developer();
        String email = newEmail("csrf");
        String sellerId = seller(email);
        String token = authorizedByOperator(sellerId, dev);
        PortalClient seller = signedIn(email);
        long ref = refOf(seller, dev.developerId());
        String detail = PERMISSIONS + "/authorizations/" + ref;

        Page forged = seller.post(AUTHORIZE, "developerName", "x", "developerId", "123456789012", "agree", "true",
                "termsVersion", "1");
        assertThat(forged.status()).isIn(302, 403);
        assertThat(forged.body()).doesNotContain("amzn.mws.");
        assertThat(seller.post(detail + "/revoke").status()).isIn(302, 403);
        assertThat(seller.post(detail + "/token", "password", PASSWORD).body()).doesNotContain(token);
        assertThat(seller.post(detail + "/renew").status()).isIn(302, 403);
        assertThat(seller.post(VERIFY, "token", "abc").status()).isIn(302, 403);
        assertThat(grants.activeFor(sellerId, dev.developerId(), token)).isEqualTo(AuthorizationCheck.ACTIVE);
    }

    @Test
    void badInputNeverBreaksAPage() {
        String email = newEmail("bad");
        seller(email);
        PortalClient seller = signedIn(email);
        for (String path : List.of(PERMISSIONS + "/authorizations/abc", PERMISSIONS + "/authorizations/99999999999999999999",
                PERMISSIONS + "/authorizations/-1", PERMISSIONS + "/authorizations/999999",
                PERMISSIONS + "/authorizations/999999/revoke", VERIFY, VERIFY + "?token=",
                VERIFY + "?token=" + "a".repeat(5000), VERIFY + "?token=%00%ff", AUTHORIZE + "?developerName=%00")) {
            Page page = seller.get(path);
            assertThat(page.status()).as(path).isLessThan(500);
        }
        assertThat(seller.get(PERMISSIONS + "/authorizations/999999").status()).isEqualTo(404);
        assertThat(seller.submit(VERIFY + "?token=x", VERIFY, "token", "x\u00ff").body()).contains("id=\"link-dead\"");
        // A NUL character is refused before any page or query sees it (support/NulCharacterRefusal).
        assertThat(seller.submit(VERIFY + "?token=x", VERIFY, "token", "\u0000\u00ff").status()).isEqualTo(400);
        assertThat(seller.submit(PERMISSIONS, PERMISSIONS + "/authorizations/999999/token", "password",
                "x".repeat(10_000)).status()).isEqualTo(404);
        assertThat(seller.submit(AUTHORIZE, AUTHORIZE, "developerName", "\u00ff", "developerId", "\uffff", "agree",
                "yes", "termsVersion", "\u00ff").status()).isEqualTo(200);
        assertThat(seller.submit(AUTHORIZE, AUTHORIZE, "developerName", "\u0000", "developerId", "\uffff", "agree",
                "yes", "termsVersion", "\u0000").status()).isEqualTo(400);
        assertThat(developerSellersPage(seller).status()).as("not a developer").isEqualTo(302);
    }

    private Page developerSellersPage(PortalClient client) {
        return client.get(SELLERS);
    }

    // --- the developer's side ------------------------------------------------------------------

    @Test
    void theDeveloperSeesEachSellerThatAuthorizedItWithoutTokens() {
        Dev dev = developer();
        String emailA = newEmail("shop-a");
        String sellerA = seller(emailA, "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        String tokenA = authorizedByOperator(sellerA, dev);
        String emailB = newEmail("shop-b");
        String sellerB = seller(emailB);
        PortalClient b = signedIn(emailB);
        String tokenB = shownToken(authorizeInPortal(b, dev.developerName(), dev.developerId()));
        String sellerC = seller(newEmail("shop-c"));
        String tokenC = authorizedByOperator(sellerC, dev);
        fixtures().revoke(sellerC, dev.developerId());

        PortalClient developer = signedIn(dev.email());
        assertThat(developer.get("/sellercentral/developer-central").body()).contains("href=\"" + SELLERS + "\"");
        String page = developer.get(SELLERS).body();
        assertThat(page).contains(sellerA).contains(sellerB).contains(sellerC)
                .contains("Amazon.ca").contains("A2EUQ1WTGCTBG2")
                .contains("Active").contains("Pending verification").contains("Revoked")
                .contains(DisplayTime.date(expiresAt(sellerA, dev)))
                .doesNotContain(tokenA).doesNotContain(tokenB).doesNotContain(tokenC).doesNotContain("amzn.mws.");
        Matcher daysLeft = Pattern.compile("data-seller-id=\"" + sellerA + "\">.*?<td class=\"days-left\">(\\d+)</td>",
                Pattern.DOTALL).matcher(page);
        assertThat(daysLeft.find()).isTrue();
        assertThat(Long.parseLong(daysLeft.group(1))).isBetween(364L, 366L);
        assertThat(page).contains("Sandbox Seller").doesNotContain(dev.sellerId() + "\"");
    }

    // --- the audit trail ----------------------------------------------------------------------------

    @Test
    void everyEventIsRecordedWithTimeAndActorAndShownOnTheDetailPage() {
        Dev dev = developer();
        String email = newEmail("audit");
        String sellerId = seller(email);
        PortalClient seller = signedIn(email);
        shownToken(authorizeInPortal(seller, dev.developerName(), dev.developerId()));
        confirm(seller, verifyLink(email));
        long ref = refOf(seller, dev.developerId());
        String detail = PERMISSIONS + "/authorizations/" + ref;
        Instant expiry = expiresAt(sellerId, dev);

        moveTo(expiry.minus(Duration.ofDays(30)));
        awaitExpiryWatch();
        seller = signedIn(email);
        seller.submit(detail, detail + "/renew");
        seller.submit(detail + "/revoke", detail + "/revoke");

        String page = seller.get(detail).body();
        List<String> events = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"event\">([^<]+)</td>\\s*<td class=\"actor\">([^<]+)</td>").matcher(page);
        while (m.find()) {
            events.add(m.group(1) + " / " + m.group(2));
        }
        assertThat(events).containsExactly(
                "Authorization requested / Seller " + sellerId,
                "Confirmation link sent / Seller " + sellerId,
                "Verified / Seller " + sellerId,
                "Expiry reminder sent / OpenMWS",
                "Renewed / Seller " + sellerId,
                "Revoked / Seller " + sellerId);
        assertThat(page).contains("terms v1").contains(DisplayTime.minute(expiry.minus(Duration.ofDays(30))).substring(0, 10));
    }

    // --- the sandbox control API ------------------------------------------------------------------

    @Test
    void theControlApiAuthorizesRenewsAndRevokesWithClearErrors() {
        Dev dev = developer("ATVPDKIKX0DER");
        String sellerId = seller(newEmail("api"), "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");

        Response made = api().post("/sandbox/v1/authorizations",
                "{\"sellerId\": \"" + sellerId + "\", \"developerId\": \"" + formatted(dev.developerId()) + "\"}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("sellerId").asString()).isEqualTo(sellerId);
        assertThat(made.json().get("developerId").asString()).isEqualTo(dev.developerId());
        assertThat(made.json().get("mwsAuthToken").asString()).matches(MWS_TOKEN);
        assertThat(made.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(made.json().get("marketplaces").toString()).contains("ATVPDKIKX0DER").contains("A2EUQ1WTGCTBG2");
        Instant authorizedAt = Instant.parse(made.json().get("authorizedAt").asString());
        Instant expires = Instant.parse(made.json().get("expiresAt").asString());
        assertThat(expires).isEqualTo(Authorizations.twelveMonthsFrom(authorizedAt));
        assertAccepted(call(dev, sellerId, made.json().get("mwsAuthToken").asString()));

        Response duplicate = api().post("/sandbox/v1/authorizations",
                "{\"sellerId\": \"" + sellerId + "\", \"developerId\": \"" + dev.developerId() + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asString()).contains("already authorized");
        assertThat(api().post("/sandbox/v1/authorizations", "{\"sellerId\": \"" + sellerId + "\"}").status()).isEqualTo(400);
        assertThat(api().post("/sandbox/v1/authorizations", "not json").status()).isEqualTo(400);
        assertThat(api().post("/sandbox/v1/authorizations", null).status()).isEqualTo(400);
        Response noSeller = api().post("/sandbox/v1/authorizations",
                "{\"sellerId\": \"ANOSUCHSELLER\", \"developerId\": \"" + dev.developerId() + "\"}");
        assertThat(noSeller.status()).isEqualTo(404);
        assertThat(noSeller.json().get("error").asString()).isEqualTo("NotFound");
        assertThat(api().post("/sandbox/v1/authorizations",
                "{\"sellerId\": \"" + sellerId + "\", \"developerId\": \"000000000000\"}").status()).isEqualTo(404);
        assertThat(api().post("/sandbox/v1/authorizations/" + sellerId + "/000000000000/revoke", null).status()).isEqualTo(404);
        String otherSeller = seller(newEmail("never"));
        assertThat(api().post("/sandbox/v1/authorizations/" + otherSeller + "/" + dev.developerId() + "/renew", null)
                .status()).isEqualTo(404);
        assertThat(api().get("/sandbox/v1/authorizations/" + otherSeller + "/" + dev.developerId()).status()).isEqualTo(404);
        assertThat(new JsonClient(port, null).post("/sandbox/v1/authorizations", "{}").status()).isEqualTo(401);

        Response revoked = api().post("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId() + "/revoke", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertDenied(call(dev, sellerId, made.json().get("mwsAuthToken").asString()));
        Response twice = api().post("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId() + "/revoke", null);
        assertThat(twice.status()).isEqualTo(409);
        Response renewRevoked = api().post("/sandbox/v1/authorizations/" + sellerId + "/" + dev.developerId() + "/renew", null);
        assertThat(renewRevoked.status()).isEqualTo(409);

        Response again = api().post("/sandbox/v1/authorizations",
                "{\"sellerId\": \"" + sellerId + "\", \"developerId\": \"" + dev.developerId() + "\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("mwsAuthToken").asString()).isNotEqualTo(made.json().get("mwsAuthToken").asString());

        String spec = api().get("/v3/api-docs").body();
        assertThat(spec).contains("/sandbox/v1/authorizations").contains("/sandbox/v1/authorizations/{sellerId}/{developerId}/renew");
    }

    static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
