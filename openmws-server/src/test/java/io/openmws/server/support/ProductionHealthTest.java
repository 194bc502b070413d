package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.JsonClient;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In production mode an SMTP server that does not answer leaves health UP (issue 11, item 11): mail is
 * retried by its senders, and a 503 would pull every node out of the load balancer at once.
 */
class ProductionHealthTest {

    @Test
    void anUnreachableMailServerLeavesHealthUp() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenMwsServer.class).run(
                "--openmws.mode=production", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:h" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + closedPort,
                "--openmws.base-url=https://sellercentral.example.com",
                "--openmws.secrets.keyset-file=", "--openmws.secrets.keyset=" + SecretSealer.newKeysetJson())) {
            JsonClient anonymous = new JsonClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                    null);

            for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
                assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
            }
        }
    }
}
