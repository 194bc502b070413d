package io.openmws.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.support.SecretSealer;
import io.openmws.server.testing.PortalClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The OpenAPI description and Swagger UI describe the sandbox control API: served in sandbox mode,
 * 404 in production mode, where that API does not exist (issue 11, item 15).
 */
class ApiDocsModesTest {

    static final List<String> PAGES = List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html");

    private static ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:d" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(OpenMwsServer.class).run(args.toArray(String[]::new));
    }

    private static PortalClient visitor(ConfigurableApplicationContext app) {
        return new PortalClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void sandboxModeServesTheDescriptionAndItsPages() {
        try (var app = start()) {
            PortalClient visitor = visitor(app);

            assertThat(visitor.get("/v3/api-docs").status()).isEqualTo(200);
            assertThat(visitor.get("/v3/api-docs").body()).contains("/sandbox/v1/clock");
            assertThat(visitor.get("/swagger-ui/index.html").status()).isEqualTo(200);
        }
    }

    @Test
    void productionModeAnswersNotFound() {
        try (var app = start("--openmws.mode=production", "--spring.mail.host=localhost",
                "--openmws.base-url=https://sellercentral.example.com", "--openmws.secrets.keyset-file=",
                "--openmws.secrets.keyset=" + SecretSealer.newKeysetJson(),
                // A leftover setting does not switch them back on.
                "--springdoc.api-docs.enabled=true")) {
            PortalClient visitor = visitor(app);

            for (String page : PAGES) {
                assertThat(visitor.get(page).status()).as(page).isEqualTo(404);
            }
        }
    }
}
