package io.openmws.server.authorizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.Jobs;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices over HTTP and real SMTP (GreenMail), with the platform clock moved through the expiry
 * watch, on both databases: the seller is mailed once when an authorization expires; the developer
 * is mailed and sees on Developer Central > Notices each revoke, renewal, expiry and coming expiry,
 * once each; and the last active access key is deactivated only after a warning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class DeveloperNoticesHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String NOTICES = "/sellercentral/developer-central/notices";
    static final String CENTRAL = "/sellercentral/developer-central";
    static final Pattern NOTICE_ROW = Pattern.compile("data-kind=\"([A-Z]+)\" data-seller-id=\"([A-Z0-9]+)\"");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    Fixtures fixtures() {
        return new Fixtures(new JsonClient(port, TOKEN));
    }

    PortalClient signedIn(String email) {
        PortalClient client = new PortalClient(port);
        Page signIn = client.submit("/login", "/login", "username", email, "password", Fixtures.PASSWORD);
        assertThat(signIn.redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    /** The developer's contact email: the mail address Notices says it mails. */
    String contactEmail(Fixtures.Developer dev) {
        return jdbc.sql("SELECT contact_email FROM developer WHERE developer_id = ?").param(dev.developerId())
                .query(String.class).single();
    }

    List<String> subjectsTo(String email) {
        List<String> subjects = new ArrayList<>();
        try {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    subjects.add(m.getSubject());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return subjects;
    }

    String lastBodyTo(String email) {
        try {
            String body = null;
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    body = m.getContent().toString();
                }
            }
            return body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> notices(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = NOTICE_ROW.matcher(page);
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    void moveTo(Instant target) {
        Duration by = Duration.between(clock.instant(), target).plusMinutes(1);
        if (!by.isNegative()) {
            clock.advance(by);
        }
    }

    /** Waits for a whole run of the expiry watch on the clock as it is now. */
    void awaitExpiryWatch() {
        ExpiryWatchRuns.awaitWholeRun(clock, jdbc, jobs);
    }

    @Test
    void theDeveloperIsToldOfAComingExpiryARenewalAndARevocationOnceEach() {
        Fixtures.Developer dev = fixtures().developer();
        String devMail = contactEmail(dev);
        Fixtures.Seller shop = fixtures().seller(Fixtures.fields("businessName", "Notice Shop"));
        fixtures().authorize(shop.sellerId(), dev.developerId());
        Instant expiry = fixtures().expiresAt(shop.sellerId(), dev.developerId());
        assertThat(subjectsTo(devMail)).isEmpty();

        moveTo(expiry.minus(Duration.ofDays(30)));
        awaitExpiryWatch();
        awaitExpiryWatch();
        assertThat(subjectsTo(devMail)).as("once, though the watch ran twice")
                .containsExactly("The authorization of seller " + shop.sellerId() + " expires on " + DisplayTime.date(expiry));
        assertThat(lastBodyTo(devMail)).contains("Notice Shop").contains(dev.dashedId()).contains("within 30 days")
                .contains(NOTICES);

        fixtures().renew(shop.sellerId(), dev.developerId());
        Instant renewedUntil = fixtures().expiresAt(shop.sellerId(), dev.developerId());
        fixtures().revoke(shop.sellerId(), dev.developerId());
        await().atMost(Duration.ofSeconds(10)).until(() -> subjectsTo(devMail).size() == 3);
        assertThat(subjectsTo(devMail)).containsExactly(
                "The authorization of seller " + shop.sellerId() + " expires on " + DisplayTime.date(expiry),
                "Seller " + shop.sellerId() + " renewed your authorization until " + DisplayTime.date(renewedUntil),
                "Seller " + shop.sellerId() + " revoked your authorization");

        PortalClient developer = signedIn(dev.email());
        assertThat(developer.get(CENTRAL).body()).contains("href=\"" + NOTICES + "\"");
        String page = developer.get(NOTICES).body();
        assertThat(notices(page)).as("newest first").containsExactly("REVOKED " + shop.sellerId(),
                "RENEWED " + shop.sellerId(), "EXPIRING " + shop.sellerId());
        assertThat(page).contains("Notice Shop").contains("Renewed your authorization, now until " + DisplayTime.date(renewedUntil))
                .contains("Your authorization expires on " + DisplayTime.date(expiry)).contains(devMail);

        // Another developer sees none of it; a seller who is no developer is sent to register.
        Fixtures.Developer other = fixtures().developer();
        String otherPage = signedIn(other.email()).get(NOTICES).body();
        assertThat(otherPage).contains("id=\"no-notices\"").doesNotContain(shop.sellerId());
        assertThat(signedIn(shop.email()).get(NOTICES).redirectPath()).isEqualTo("/sellercentral/developer/register");
    }

    @Test
    void anExpiryIsMailedToTheSellerAndTheDeveloperOnce() {
        Fixtures.Developer dev = fixtures().developer();
        String devMail = contactEmail(dev);
        Fixtures.Seller shop = fixtures().seller(Fixtures.fields("businessName", "Lapsing Shop"));
        fixtures().authorize(shop.sellerId(), dev.developerId());
        Instant expiry = fixtures().expiresAt(shop.sellerId(), dev.developerId());

        moveTo(expiry);
        awaitExpiryWatch();
        awaitExpiryWatch();
        List<String> toSeller = subjectsTo(shop.email()).stream().filter(s -> s.startsWith("Expired:")).toList();
        assertThat(toSeller).containsExactly("Expired: your authorization of " + dev.developerName() + " ended on "
                + DisplayTime.date(expiry));
        assertThat(lastBodyTo(shop.email())).contains(shop.sellerId()).contains(dev.dashedId())
                .contains("/sellercentral/settings/user-permissions");
        assertThat(subjectsTo(devMail)).as("the expiry jumped over the 30-day window: no warning is owed any more")
                .containsExactly("The authorization of seller " + shop.sellerId() + " expired");
        assertThat(notices(signedIn(dev.email()).get(NOTICES).body())).containsExactly("EXPIRED " + shop.sellerId());
        assertThat(signedIn(dev.email()).get(NOTICES).body())
                .contains("Let your authorization expire on " + DisplayTime.date(expiry));
    }

    @Test
    void noticesComeFiftyAPageNewestFirst() {
        Fixtures.Developer dev = fixtures().developer();
        List<String> sellers = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            String seller = fixtures().seller().sellerId();
            fixtures().authorize(seller, dev.developerId());
            fixtures().revoke(seller, dev.developerId());
            sellers.add(seller);
        }
        PortalClient developer = signedIn(dev.email());
        String first = developer.get(NOTICES).body();
        assertThat(notices(first)).hasSize(50).first().isEqualTo("REVOKED " + sellers.get(50));
        assertThat(first).contains("href=\"" + NOTICES + "?page=2\"").doesNotContain("rel=\"prev\"");
        String second = developer.get(NOTICES + "?page=2").body();
        assertThat(notices(second)).containsExactly("REVOKED " + sellers.get(0));
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(notices(developer.get(NOTICES + "?page=x").body())).isEqualTo(notices(first));
    }

    @Test
    void theLastActiveKeyIsDeactivatedOnlyAfterAWarning() {
        Fixtures.Developer dev = fixtures().developer();
        PortalClient client = signedIn(dev.email());
        String key = dev.accessKeyId();
        String confirmPath = CENTRAL + "/keys/" + key + "/deactivate/confirm";

        String central = client.get(CENTRAL).body();
        assertThat(central).contains("href=\"" + confirmPath + "\"")
                .doesNotContain("action=\"" + CENTRAL + "/keys/" + key + "/deactivate\"");
        Page confirm = client.get(confirmPath);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("id=\"last-key-warning\"").contains("This is your last active access key")
                .contains("action=\"" + CENTRAL + "/keys/" + key + "/deactivate\"");
        Page done = client.submit(confirmPath, CENTRAL + "/keys/" + key + "/deactivate");
        assertThat(client.get(done.redirectPath()).body()).contains("Access key " + key + " is deactivated");
        assertThat(client.get(confirmPath).redirectPath()).as("an inactive key has nothing to confirm").isEqualTo(CENTRAL);

        // With a second active key, Deactivate posts at once and warns of nothing.
        client.submit(CENTRAL, CENTRAL + "/keys/" + key + "/activate");
        client.submit(CENTRAL, CENTRAL + "/keys");
        String two = client.get(CENTRAL).body();
        assertThat(two).contains("action=\"" + CENTRAL + "/keys/" + key + "/deactivate\"").doesNotContain(confirmPath);
        assertThat(client.get(confirmPath).body()).doesNotContain("id=\"last-key-warning\"");
    }
}
