package io.openmws.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.support.SecretSealer;
import io.openmws.server.testing.PortalClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production mode sends over SMTP or does not start, and has no Sandbox mailbox. */
class ProductionMailTest {

    private static String[] production(String... more) {
        String db = "jdbc:h2:mem:p" + UUID.randomUUID().toString().replace("-", "") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        // Production mode also needs the keyset that seals stored secrets; it never generates one.
        String[] base = {"--openmws.mode=production", "--server.port=0", "--spring.datasource.url=" + db,
            "--openmws.base-url=https://sellercentral.example.com",
            "--openmws.secrets.keyset-file=", "--openmws.secrets.keyset=" + SecretSealer.newKeysetJson()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void productionWithoutSmtpRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OpenMwsServer.class).run(production()).close())
                .hasStackTraceContaining("spring.mail.host is not set");
    }

    @Test
    void productionWithSmtpHasNoSandboxMailbox() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenMwsServer.class)
                .run(production("--spring.mail.host=localhost", "--spring.mail.port=2525"))) {
            assertThat(app.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(new PortalClient(port).get("/sandbox/mailbox").status()).isEqualTo(404);
        }
    }
}
