package io.openmws.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.TestDatabases;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
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

/** Sandbox mode without SMTP: mail is kept in the database and shown on the Sandbox mailbox page. */
@ExtendWith(OutputCaptureExtension.class)
class SandboxMailboxTest {

    abstract static class Contract {

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
        void aSignUpCodeAppearsOnTheMailboxPageAndNeverInTheLog(CapturedOutput log) {
            String email = "mailbox-" + UUID.randomUUID() + "@example.com";
            PortalClient client = new PortalClient(port);
            client.submit("/signup", "/signup", "businessName", "Acme", "contactName", "Jane", "email", email,
                    "password", "correct horse battery staple", "homeMarketplaceId", "ATVPDKIKX0DER");

            Page mailbox = new PortalClient(port).get("/sandbox/mailbox?to=" + email.toUpperCase());
            assertThat(mailbox.status()).isEqualTo(200);
            Matcher code = Pattern.compile("verification code is (\\d{6})").matcher(mailbox.body());
            assertThat(code.find()).isTrue();

            assertThat(log.getAll()).contains("Mail kept in the sandbox mailbox for " + email)
                    .contains("Your OpenMWS verification code")
                    .doesNotContain(code.group(1));
        }

        @Test
        void theMailboxShowsNewestFirstAndFiltersByRecipient() {
            String a = "a-" + UUID.randomUUID() + "@example.com";
            String b = "b-" + UUID.randomUUID() + "@example.com";
            mailer.send(new Mail(a, "first for a", "one"));
            mailer.send(new Mail(b, "only for b", "two"));
            mailer.send(new Mail(a, "second for a", "three"));

            String forA = new PortalClient(port).get("/sandbox/mailbox?to=" + a).body();

            assertThat(forA).contains("second for a").contains("first for a").doesNotContain("only for b");
            assertThat(forA.indexOf("second for a")).isLessThan(forA.indexOf("first for a"));
            assertThat(new PortalClient(port).get("/sandbox/mailbox").body()).contains("only for b");
        }

        @Test
        void mailBodiesAreEscapedOnThePage() {
            String a = "x-" + UUID.randomUUID() + "@example.com";
            mailer.send(new Mail(a, "<b>subject</b>", "<script>alert(1)</script>"));

            String page = new PortalClient(port).get("/sandbox/mailbox?to=" + a).body();

            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnH2 extends Contract {
        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            TestDatabases.h2(registry);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnPostgres extends Contract {
        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            TestDatabases.postgres(registry);
        }
    }
}
