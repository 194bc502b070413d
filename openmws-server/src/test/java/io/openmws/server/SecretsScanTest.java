package io.openmws.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.filter.Filter;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 18's secrets promise, on the real platform on a real port: a whole scenario through the real
 * entry points (portal sign-ups with passwords and mailed codes, a developer registration, an
 * authorization, signed MWS calls of several sections that succeed and fail, a revocation, a key
 * rotation, a password reset, an operator sign-in), then a scan of every log line (every logger at
 * DEBUG, not only what the console shows), every mail's full source and every portal page and API
 * answer the scenario saw, plus the main pages of every signed-in user afterwards. No password,
 * verification code, Secret Key, MWS Auth Token, link token or operator token may appear anywhere,
 * in plain, URL-encoded, HTML-escaped or Base64 form, except where it is meant to be: the Secret Key
 * or token on the one page that shows it, a code or link in its own mail, a link's token on the form
 * it opens.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SecretsScanTest {

    static final String OPERATOR_TOKEN = "scan-operator-token-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String CENTRAL = "/sellercentral/developer-central";
    static final String REGISTER = "/sellercentral/developer/register";
    static final String PERMISSIONS = "/sellercentral/settings/user-permissions";
    static final String AUTHORIZE = PERMISSIONS + "/authorize";
    static final String VERIFY = "/sellercentral/authorizations/verify";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final Pattern DEVELOPER_ID = Pattern.compile("id=\"developer-id\">(\\d{4}-\\d{4}-\\d{4})<");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("id=\"access-key-id\">(AKIA[A-Z2-7]{16})<");
    static final Pattern SECRET_KEY = Pattern.compile("id=\"secret-key\" class=\"secret\">([A-Za-z0-9+/]{40})<");
    static final Pattern MWS_TOKEN = Pattern.compile("id=\"mws-auth-token\" class=\"secret\">(amzn\\.mws\\.[0-9a-f-]{36})<");
    static final Pattern VERIFY_LINK = Pattern.compile("https?://[^/\\s]+(" + VERIFY + "\\?token=[A-Za-z0-9_-]+)");
    static final Pattern RESET_LINK = Pattern.compile("https?://[^/\\s]+(/password/reset\\?token=[A-Za-z0-9_-]+)");
    static final Pattern REF = Pattern.compile("data-authorization=\"(\\d+)\"");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        registry.add("openmws.sandbox.operator-token", () -> OPERATOR_TOKEN);
    }

    @LocalServerPort
    int port;

    /** Something the scan reads: a page, an API answer, a mail or the log, under a name that says which. */
    record Source(String name, String text) {}

    /** A secret value, what it is, and the only sources allowed to hold it. */
    record Secret(String what, String value, Set<String> allowedIn) {}

    static final List<String> TEST_MACHINERY = List.of("com.icegreen", "jdk.internal.httpclient");

    final List<Source> sources = new ArrayList<>();
    final Map<String, Secret> secrets = new LinkedHashMap<>();
    final LogLines log = new LogLines();
    Level rootLevelBefore;
    Appender<ILoggingEvent> console;
    ThresholdFilter consoleFilter;

    /** Every event of every logger, whatever the console shows: a leak at DEBUG is still a leak. */
    static final class LogLines extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (TEST_MACHINERY.stream().anyMatch(event.getLoggerName()::startsWith)) {
                return;
            }
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                    + event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    }

    @BeforeEach
    void captureEveryLogEvent() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevelBefore = root.getLevel();
        log.setContext(root.getLoggerContext());
        log.start();
        root.addAppender(log);
        // The console keeps to INFO and up while everything else is at DEBUG: writing (and capturing)
        // every DEBUG line twice would double the test's time; the appender above reads them all.
        console = root.getAppender("CONSOLE");
        if (console != null) {
            consoleFilter = new ThresholdFilter();
            consoleFilter.setLevel("INFO");
            consoleFilter.start();
            console.addFilter(consoleFilter);
        }
        root.setLevel(Level.DEBUG);
        // io.openmws has a level of its own (INFO in tests): open it up too.
        ((Logger) LoggerFactory.getLogger("io.openmws")).setLevel(Level.TRACE);
        // The test's own machinery (its SMTP server, its HTTP client) sees every secret by design.
        for (String own : TEST_MACHINERY) {
            ((Logger) LoggerFactory.getLogger(own)).setLevel(Level.INFO);
        }
    }

    @AfterEach
    void stopCapturing() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(log);
        if (console != null) {
            List<Filter<ILoggingEvent>> filters = console.getCopyOfAttachedFiltersList();
            console.clearAllFilters();
            filters.stream().filter(f -> f != consoleFilter).forEach(console::addFilter);
        }
        root.setLevel(rootLevelBefore);
        ((Logger) LoggerFactory.getLogger("io.openmws")).setLevel(Level.INFO);
        for (String own : TEST_MACHINERY) {
            ((Logger) LoggerFactory.getLogger(own)).setLevel(null);
        }
        log.stop();
    }

    // --- recording ------------------------------------------------------------------------------

    Page seen(String name, Page page) {
        sources.add(new Source("page " + name + " (HTTP " + page.status() + ")",
                page.body() + "\n" + page.location().orElse("")));
        return page;
    }

    Page get(PortalClient client, String name, String path) {
        return seen(name, client.get(path));
    }

    /** Loads the form page (recorded), then posts it with the page's CSRF token (answer recorded). */
    Page submit(PortalClient client, String name, String formPage, String action, String... pairs) {
        Page form = get(client, name + " form", formPage);
        List<String> all = new ArrayList<>(List.of(pairs));
        all.add("_csrf");
        all.add(form.csrf());
        return seen(name, client.post(action, all.toArray(String[]::new)));
    }

    /** Follows redirects like a browser, recording every page on the way. */
    Page follow(PortalClient client, String name, Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current.status() / 100 == 3 && current.location().isPresent(); i++) {
            current = get(client, name + " -> " + current.redirectPath(), current.redirectPath());
        }
        return current;
    }

    Answer answered(String name, Answer answer) {
        sources.add(new Source("API answer " + name + " (HTTP " + answer.status() + ")",
                answer.body() + "\n" + answer.raw().headers().map()));
        return answer;
    }

    void secret(String what, String value, String... allowedIn) {
        assertThat(value).as(what).isNotBlank();
        secrets.put(what, new Secret(what, value, Set.of(allowedIn)));
    }

    String nameOfLastSource() {
        return sources.get(sources.size() - 1).name();
    }

    // --- mail -------------------------------------------------------------------------------------

    static String mailName(int index, MimeMessage message) throws Exception {
        // The Message-ID, not the index: GreenMail lists messages by mailbox, not in the order they came.
        return "mail " + message.getMessageID() + " to " + List.of(message.getAllRecipients()) + " \"" + message.getSubject() + "\"";
    }

    /** The newest mail to {@code email}: its scan name and its text. */
    String[] lastMailTo(String email) {
        try {
            MimeMessage[] all = greenMail.getReceivedMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (List.of(all[i].getAllRecipients()).toString().contains(email)) {
                    return new String[] {mailName(i, all[i]), all[i].getContent().toString()};
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("No mail to " + email);
    }

    /** The 6-digit code of the newest mail to {@code email}, a secret allowed in that mail only. */
    String code(String what, String email) {
        String[] mail = lastMailTo(email);
        Matcher m = CODE.matcher(mail[1]);
        assertThat(m.find()).as("a 6-digit code in " + mail[0]).isTrue();
        secret(what, m.group(1), mail[0]);
        return m.group(1);
    }

    /** A link's path and query from the newest mail to {@code email}. */
    String link(String email, Pattern pattern) {
        String[] mail = lastMailTo(email);
        Matcher m = pattern.matcher(mail[1]);
        assertThat(m.find()).as(pattern + " in " + mail[0]).isTrue();
        return m.group(1);
    }

    String mailNameOfLink(String email) {
        return lastMailTo(email)[0];
    }

    void addEveryMail() throws Exception {
        MimeMessage[] all = greenMail.getReceivedMessages();
        for (int i = 0; i < all.length; i++) {
            ByteArrayOutputStream source = new ByteArrayOutputStream();
            all[i].writeTo(source);
            // The full MIME source (headers, transfer encoding) and the decoded text: a secret hidden by
            // quoted-printable or Base64 transfer encoding is found in the latter.
            sources.add(new Source(mailName(i, all[i]),
                    source.toString(StandardCharsets.UTF_8) + "\n" + all[i].getContent()));
        }
    }

    // --- the portal -------------------------------------------------------------------------------

    /** A seller signed up and verified through the portal with {@code password}; signed in on the client. */
    PortalClient signedUp(String who, String email, String password) {
        PortalClient client = new PortalClient(port);
        Page created = submit(client, who + " sign-up", "/signup", "/signup", "businessName", "Acme " + who,
                "contactName", "Jane " + who, "email", email, "password", password, "homeMarketplaceId", US);
        assertThat(created.redirectPath()).isEqualTo("/signup/verify");
        String code = code(who + "'s sign-up code", email);
        Page verified = submit(client, who + " verify", "/signup/verify", "/signup/verify", "code", code);
        assertThat(verified.redirectPath()).isEqualTo("/sellercentral?welcome");
        follow(client, who + " welcome", verified);
        return client;
    }

    PortalClient signedIn(String who, String email, String password) {
        PortalClient client = new PortalClient(port);
        Page signIn = submit(client, who + " sign-in", "/login", "/login", "username", email, "password", password);
        assertThat(signIn.redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    // --- the MWS API ------------------------------------------------------------------------------

    record Dev(String developerId, String accessKeyId, String secretKey) {}

    Map<String, String> params(String action, String version, String sellerId, String token) {
        Map<String, String> params = new TreeMap<>();
        params.put("Action", action);
        params.put("Version", version);
        params.put("SellerId", sellerId);
        if (token != null) {
            params.put("MWSAuthToken", token);
        }
        params.put("Timestamp", Timestamps.format(Instant.now()));
        return params;
    }

    Answer post(String name, Dev dev, String secretKey, String path, Map<String, String> params) {
        return answered(name, new MwsClient(port).postForm(path,
                MwsClient.sign("POST", "localhost:" + port, path, dev.accessKeyId(), secretKey, params)));
    }

    /** A signed GET: the token travels URL-encoded in the query string, where request logs would show it. */
    Answer getQuery(String name, Dev dev, String path, Map<String, String> params) {
        return answered(name, new MwsClient(port).get(path + "?"
                + MwsClient.sign("GET", "localhost:" + port, path, dev.accessKeyId(), dev.secretKey(), params)));
    }

    /** Calls of five sections for the seller with the token; the Sellers call must succeed. */
    void callsOfEverySection(String round, Dev dev, String sellerId, String token) {
        Answer sellers = post(round + " ListMarketplaceParticipations", dev, dev.secretKey(), "/Sellers/2011-07-01",
                params("ListMarketplaceParticipations", "2011-07-01", sellerId, token));
        assertThat(sellers.status()).as(sellers.body()).isEqualTo(200);
        Map<String, String> orders = params("ListOrders", "2013-09-01", sellerId, token);
        orders.put("MarketplaceId.Id.1", US);
        orders.put("CreatedAfter", Timestamps.format(Instant.now().minus(1, ChronoUnit.DAYS)));
        assertThat(getQuery(round + " ListOrders (GET)", dev, "/Orders/2013-09-01", orders).status()).isEqualTo(200);
        post(round + " GetReportRequestList", dev, dev.secretKey(), "/Reports/2009-01-01",
                params("GetReportRequestList", "2009-01-01", sellerId, token));
        post(round + " GetFeedSubmissionList", dev, dev.secretKey(), "/Feeds/2009-01-01",
                params("GetFeedSubmissionList", "2009-01-01", sellerId, token));
        Map<String, String> finances = params("ListFinancialEvents", "2015-05-01", sellerId, token);
        finances.put("PostedAfter", Timestamps.format(Instant.now().minus(2, ChronoUnit.DAYS)));
        post(round + " ListFinancialEvents", dev, dev.secretKey(), "/Finances/2015-05-01", finances);
    }

    // --- the scenario and the scan ------------------------------------------------------------------

    @Test
    void noSecretLeavesTheOnePlaceThatShowsIt(CapturedOutput console) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String devEmail = "scan-dev-" + suffix + "@example.com";
        String sellerEmail = "scan-seller-" + suffix + "@example.com";
        String devPassword = "Plum tangerine & 'quartz' <" + suffix + ">";
        String sellerPassword = "Velvet harbour + lantern/" + suffix + "=?";
        String wrongPassword = "Velvet harbor + lantern/" + suffix + "=?";
        String newSellerPassword = "Copper meadow %20 falcon " + suffix;
        secret("developer's password", devPassword);
        secret("seller's password", sellerPassword);
        secret("seller's mistyped password", wrongPassword);
        secret("seller's new password", newSellerPassword);
        secret("operator token", OPERATOR_TOKEN);

        // A seller signs up and registers as a developer; the credentials page shows the Secret Key once.
        PortalClient devClient = signedUp("developer", devEmail, devPassword);
        submit(devClient, "contact email", REGISTER, REGISTER + "/email", "contactEmail", devEmail);
        String contactCode = code("developer's contact-email code", devEmail);
        submit(devClient, "contact code", REGISTER, REGISTER + "/code", "code", contactCode);
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
        String developerName = "Scan Tools " + suffix;
        details.put("developerName", developerName);
        details.put("dataUse", "Reads orders and updates stock levels for the sellers who authorize us.");
        List<String> pairs = new ArrayList<>();
        details.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        submit(devClient, "details", REGISTER, REGISTER + "/details", pairs.toArray(String[]::new));
        Page credentials = follow(devClient, "license", submit(devClient, "license", REGISTER, REGISTER + "/license",
                "agree", "true", "licenseVersion", "1"));
        Dev dev = new Dev(group(DEVELOPER_ID, credentials.body()).replace("-", ""),
                group(ACCESS_KEY_ID, credentials.body()), group(SECRET_KEY, credentials.body()));
        secret("first Secret Key", dev.secretKey(), nameOfLastSource());

        // Another seller signs up, mistypes the password once, signs in and authorizes the developer.
        PortalClient seller = signedUp("seller", sellerEmail, sellerPassword);
        Page mistyped = submit(new PortalClient(port), "mistyped sign-in", "/login", "/login",
                "username", sellerEmail, "password", wrongPassword);
        assertThat(mistyped.redirectPath()).isNotEqualTo("/sellercentral");
        seller = signedIn("seller", sellerEmail, sellerPassword);
        String sellerId = group(Pattern.compile("id=\"seller-id\">([A-Z0-9]+)<"), get(seller, "home", "/sellercentral").body());
        Page authorized = follow(seller, "authorize", submit(seller, "authorize", AUTHORIZE, AUTHORIZE,
                "developerName", developerName, "developerId", dev.developerId(), "agree", "true", "termsVersion", "1"));
        String firstToken = group(MWS_TOKEN, authorized.body());
        secret("first MWS Auth Token", firstToken, nameOfLastSource());
        Set<String> firstTokenPlaces = new LinkedHashSet<>(secrets.get("first MWS Auth Token").allowedIn());
        String verifyLink = link(sellerEmail, VERIFY_LINK);
        String verifyToken = verifyLink.substring(verifyLink.indexOf("token=") + 6);
        // The link is opened in a browser that is not signed in: sign-in first (Spring Security keeps the
        // request in the session and logs it at DEBUG), then back to the link, then confirm.
        PortalClient mailReader = new PortalClient(port);
        assertThat(get(mailReader, "confirmation link, signed out", verifyLink).redirectPath()).startsWith("/login");
        Page back = submit(mailReader, "sign-in for the link", "/login", "/login", "username", sellerEmail,
                "password", sellerPassword);
        assertThat(back.redirectPath()).startsWith(VERIFY);
        String backName = nameOfLastSource();
        Page confirmForm = get(mailReader, "confirmation form", back.redirectPath());
        Page confirmed = seen("confirm authorization",
                mailReader.post(VERIFY, "token", verifyToken, "_csrf", confirmForm.csrf()));
        assertThat(confirmed.redirectPath()).startsWith(PERMISSIONS + "/authorizations/");
        // The confirmation link's token: in its mail, in the redirect back to it after the sign-in, and on
        // the page it opens (a hidden field).
        secret("authorization confirmation link token", verifyToken, mailNameOfLink(sellerEmail), backName,
                "page confirmation form (HTTP 200)");
        follow(mailReader, "confirmed", confirmed);

        // Signed calls of five sections, and calls that fail.
        callsOfEverySection("first", dev, sellerId, firstToken);
        String wrongSecret = dev.secretKey().substring(1) + "Q";
        secret("a wrong Secret Key", wrongSecret);
        Answer badSignature = post("wrong signature", dev, wrongSecret, "/Sellers/2011-07-01",
                params("ListMarketplaceParticipations", "2011-07-01", sellerId, firstToken));
        assertThat(badSignature.errorCode()).isEqualTo("SignatureDoesNotMatch");
        // Its Detail echoes the string to sign the platform computed, all of it but the token's value.
        assertThat(badSignature.body()).contains("SellerId=" + sellerId, "MWSAuthToken=(left-out)");
        String madeUpToken = "amzn.mws." + UUID.randomUUID();
        secret("a made-up MWS Auth Token", madeUpToken);
        Answer unknownToken = post("made-up token", dev, dev.secretKey(), "/Sellers/2011-07-01",
                params("ListMarketplaceParticipations", "2011-07-01", sellerId, madeUpToken));
        assertThat(unknownToken.status()).isEqualTo(401);
        post("no token", dev, dev.secretKey(), "/Sellers/2011-07-01",
                params("ListMarketplaceParticipations", "2011-07-01", sellerId, null));

        // The seller looks at the token again (password asked: once wrong, once right), then revokes it.
        long ref = Long.parseLong(group(REF, get(seller, "permissions", PERMISSIONS).body()));
        String detail = PERMISSIONS + "/authorizations/" + ref;
        follow(seller, "reveal, wrong password", submit(seller, "reveal, wrong password", detail, detail + "/token",
                "password", wrongPassword));
        Page revealed = follow(seller, "reveal", submit(seller, "reveal", detail, detail + "/token",
                "password", sellerPassword));
        assertThat(group(MWS_TOKEN, revealed.body())).isEqualTo(firstToken);
        firstTokenPlaces.add(nameOfLastSource());
        follow(seller, "revoke", submit(seller, "revoke", detail + "/revoke", detail + "/revoke"));
        Map<String, String> revokedCall = params("ListOrders", "2013-09-01", sellerId, firstToken);
        revokedCall.put("MarketplaceId.Id.1", US);
        revokedCall.put("CreatedAfter", Timestamps.format(Instant.now().minus(1, ChronoUnit.DAYS)));
        assertThat(getQuery("revoked token (GET)", dev, "/Orders/2013-09-01", revokedCall).status()).isEqualTo(401);

        // A new authorization: a new token, shown once.
        Page again = follow(seller, "authorize again", submit(seller, "authorize again", AUTHORIZE, AUTHORIZE,
                "developerName", developerName, "developerId", dev.developerId(), "agree", "true", "termsVersion", "1"));
        String secondToken = group(MWS_TOKEN, again.body());
        secret("second MWS Auth Token", secondToken, nameOfLastSource());

        // Key rotation: a second key, shown once; the first key is deactivated and stops working.
        Page newKey = follow(devClient, "new key", submit(devClient, "new key", CENTRAL, CENTRAL + "/keys"));
        Dev rotated = new Dev(dev.developerId(), group(ACCESS_KEY_ID, newKey.body()), group(SECRET_KEY, newKey.body()));
        assertThat(rotated.secretKey()).isNotEqualTo(dev.secretKey());
        secret("second Secret Key", rotated.secretKey(), nameOfLastSource());
        callsOfEverySection("second", rotated, sellerId, secondToken);
        follow(devClient, "deactivate first key", submit(devClient, "deactivate first key", CENTRAL,
                CENTRAL + "/keys/" + dev.accessKeyId() + "/deactivate"));
        Answer deactivated = post("deactivated key", dev, dev.secretKey(), "/Sellers/2011-07-01",
                params("ListMarketplaceParticipations", "2011-07-01", sellerId, secondToken));
        assertThat(deactivated.status()).as(deactivated.body()).isGreaterThanOrEqualTo(400);

        // A password reset through the mailed link.
        PortalClient forgetful = new PortalClient(port);
        submit(forgetful, "forgot", "/password/forgot", "/password/forgot", "email", sellerEmail);
        String resetLink = link(sellerEmail, RESET_LINK);
        String resetToken = resetLink.substring(resetLink.indexOf("token=") + 6);
        Page reset = submit(forgetful, "reset", resetLink, "/password/reset", "token", resetToken,
                "password", newSellerPassword);
        assertThat(reset.redirectPath()).isEqualTo("/login?reset");
        secret("password reset link token", resetToken, mailNameOfLink(sellerEmail), sources.get(sources.size() - 2).name());
        follow(forgetful, "after reset", reset);
        seller = signedIn("seller after reset", sellerEmail, newSellerPassword);

        // The operator signs in.
        PortalClient operator = new PortalClient(port);
        Page operatorIn = submit(operator, "operator sign-in", "/operator/login", "/operator/login",
                "token", OPERATOR_TOKEN);
        assertThat(operatorIn.redirectPath()).isEqualTo("/operator");

        // Afterwards: the main pages of everyone signed in.
        for (String path : List.of("/sellercentral", "/sellercentral/settings/account-info", PERMISSIONS, detail,
                PERMISSIONS + "/authorizations/" + Long.parseLong(group(REF, seller.get(PERMISSIONS).body())),
                "/sellercentral/orders", "/sellercentral/inventory", "/sellercentral/reports")) {
            get(seller, "seller afterwards " + path, path);
        }
        for (String path : List.of("/sellercentral", "/sellercentral/settings/account-info", PERMISSIONS, CENTRAL,
                CENTRAL + "/keys", CENTRAL + "/calls", CENTRAL + "/sellers", CENTRAL + "/notices")) {
            follow(devClient, "developer afterwards " + path, get(devClient, "developer afterwards " + path, path));
        }
        for (String path : List.of("/operator", "/operator/accounts", "/operator/developers", "/operator/authorizations",
                "/operator/clock")) {
            get(operator, "operator afterwards " + path, path);
        }

        // The scan.
        addEveryMail();
        sources.add(new Source("log (every event, DEBUG and up)", String.join("\n", log.lines)));
        sources.add(new Source("console", console.getAll().lines()
                .filter(line -> !line.contains(" c.i.greenmail.") && !line.contains(" jdk.internal.httpclient"))
                .reduce("", (a, b) -> a + "\n" + b)));
        List<String> leaks = new ArrayList<>();
        Map<String, Integer> foundWhereAllowed = new LinkedHashMap<>();
        for (Secret secret : secrets.values()) {
            Set<String> allowed = secret.what().equals("first MWS Auth Token") ? firstTokenPlaces : secret.allowedIn();
            for (Source source : sources) {
                for (String form : forms(secret.value())) {
                    if (contains(source.text(), form)) {
                        if (allowed.contains(source.name())) {
                            foundWhereAllowed.merge(secret.what(), 1, Integer::sum);
                        } else {
                            leaks.add(secret.what() + " (as \"" + form + "\") in " + source.name());
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("secrets outside the place that shows them").isEmpty();
        // The scan can fail: every secret that has an allowed place was found there.
        for (Secret secret : secrets.values()) {
            if (!secret.allowedIn().isEmpty()) {
                assertThat(foundWhereAllowed).as("found where allowed").containsKey(secret.what());
            }
        }
        assertThat(log.lines).as("the log capture works").anyMatch(l -> l.contains(sellerId));
        assertThat(sources.size()).isGreaterThan(60);
    }

    /** The forms a secret can take in a page, a URL, a log line or a header. */
    static Set<String> forms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(form.replace("+", "%20"));
        forms.add(HtmlUtils.htmlEscape(value));
        forms.add(HtmlUtils.htmlEscapeDecimal(value));
        forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        if (value.startsWith("amzn.mws.")) {
            forms.add(value.substring("amzn.mws.".length()));
        }
        return forms;
    }

    /** Whether {@code text} holds {@code form} as a whole value: a code is not part of a longer number or word. */
    static boolean contains(String text, String form) {
        int from = 0;
        while (true) {
            int at = text.indexOf(form, from);
            if (at < 0) {
                return false;
            }
            int end = at + form.length();
            boolean alone = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (alone || form.length() > 8) {
                return true;
            }
            from = at + 1;
        }
    }
}
