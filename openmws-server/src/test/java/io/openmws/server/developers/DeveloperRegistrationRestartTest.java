package io.openmws.server.developers;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server restart loses nothing: a registration in progress resumes at its step, and keys issued
 * before the restart still open with the keyset file the sandbox generated the first time.
 */
class DeveloperRegistrationRestartTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String REGISTER = "/sellercentral/developer/register";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("id=\"access-key-id\">(AKIA[A-Z2-7]{16})<");
    private static final Pattern SECRET_KEY = Pattern.compile("id=\"secret-key\" class=\"secret\">([A-Za-z0-9+/]{40})<");

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        String db = "jdbc:h2:file:" + dir.resolve("openmws").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return new SpringApplicationBuilder(OpenMwsServer.class).run("--server.port=0", "--spring.datasource.url=" + db,
                "--openmws.secrets.keyset-file=" + dir.resolve("data/secrets.keyset.json").toAbsolutePath());
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** The newest code the sandbox mailbox kept for {@code email}. */
    private static String code(ConfigurableApplicationContext app, String email) {
        String body = app.getBean(JdbcClient.class)
                .sql("SELECT body FROM sandbox_mail WHERE recipient = ? ORDER BY id DESC LIMIT 1")
                .param(email).query(String.class).single();
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void verifiedSellerAtTheDetails(ConfigurableApplicationContext app, PortalClient client, String email) {
        client.submit("/signup", "/signup", "businessName", "Acme", "contactName", "Jane Doe", "email", email,
                "password", PASSWORD, "homeMarketplaceId", "ATVPDKIKX0DER");
        assertThat(client.submit("/signup/verify", "/signup/verify", "code", code(app, email)).redirectPath())
                .isEqualTo("/sellercentral?welcome");
        assertThat(client.submit(REGISTER, REGISTER + "/email", "contactEmail", email).redirectPath()).isEqualTo(REGISTER);
        assertThat(client.submit(REGISTER, REGISTER + "/code", "code", code(app, email)).redirectPath()).isEqualTo(REGISTER);
    }

    private static Page submitDetails(PortalClient client, String name) {
        return client.submit(REGISTER, REGISTER + "/details", "legalName", "Acme Software Inc.", "businessType",
                "COMPANY", "countryCode", "US", "city", "Seattle", "postalCode", "98109", "street", "410 Terry Ave N",
                "phone", "+1 206 555 0100", "contactPerson", "Jane Doe", "developerName", name,
                "dataUse", "Reads orders and updates stock levels for the sellers who authorize us.");
    }

    @Test
    void registrationsAndKeysSurviveARestart() {
        String finished = "finished-" + UUID.randomUUID() + "@example.com";
        String halfway = "halfway-" + UUID.randomUUID() + "@example.com";
        String accessKeyId;
        String secretKey;

        try (ConfigurableApplicationContext app = start()) {
            PortalClient done = new PortalClient(port(app));
            verifiedSellerAtTheDetails(app, done, finished);
            assertThat(submitDetails(done, "Before Restart " + UUID.randomUUID().toString().substring(0, 6))
                    .redirectPath()).isEqualTo(REGISTER);
            assertThat(done.submit(REGISTER, REGISTER + "/license", "agree", "true", "licenseVersion", "1").redirectPath())
                    .isEqualTo(DeveloperCentralController.PATH + "/keys");
            String page = done.get(DeveloperCentralController.PATH + "/keys").body();
            accessKeyId = group(ACCESS_KEY_ID, page);
            secretKey = group(SECRET_KEY, page);

            verifiedSellerAtTheDetails(app, new PortalClient(port(app)), halfway);
        }
        assertThat(dir.resolve("data/secrets.keyset.json")).exists();

        try (ConfigurableApplicationContext app = start()) {
            PortalClient client = new PortalClient(port(app));
            assertThat(client.submit("/login", "/login", "username", halfway, "password", PASSWORD).redirectPath())
                    .isEqualTo("/sellercentral");
            assertThat(client.get(REGISTER).body()).contains("Tell us about your business");
            assertThat(submitDetails(client, "After Restart " + UUID.randomUUID().toString().substring(0, 6))
                    .redirectPath()).isEqualTo(REGISTER);
            assertThat(client.get(REGISTER).body()).contains("Developer license agreement");

            assertThat(app.getBean(Developers.class).activeKey(accessKeyId))
                    .hasValueSatisfying(key -> assertThat(key.secretKey().reveal()).isEqualTo(secretKey));
        }
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }
}
