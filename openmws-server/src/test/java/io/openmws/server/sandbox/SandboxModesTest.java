package io.openmws.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.support.SecretSealer;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.JsonClient.Response;
import io.openmws.server.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The control API across modes, token sources and server nodes; each test starts its own servers. */
class SandboxModesTest {

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OpenMwsServer.class).run(args);
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String h2() {
        return "--spring.datasource.url=jdbc:h2:mem:m" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    @Test
    void productionModeAnswersNotFoundToEveryCall() {
        try (var app = start("--server.port=0", h2(), "--openmws.mode=production", "--spring.mail.host=localhost",
                "--openmws.base-url=http://localhost", "--openmws.secrets.keyset-file=",
                "--openmws.secrets.keyset=" + SecretSealer.newKeysetJson(), "--openmws.sandbox.operator-token=even-with-a-token")) {
            JsonClient api = new JsonClient(port(app), "even-with-a-token");

            for (Response r : List.of(api.get("/sandbox/v1/clock"), api.post("/sandbox/v1/sellers", "{}"),
                    api.post("/sandbox/v1/reset", null), new JsonClient(port(app), null).get("/sandbox/v1/clock"))) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.json().get("error").asString()).isEqualTo("NotFound");
            }
        }
    }

    @Test
    void withoutAConfiguredTokenOneIsGeneratedIntoAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/operator-token");
        try (var app = start("--server.port=0", h2(), "--openmws.sandbox.operator-token-file=" + file)) {
            String token = Files.readString(file).strip();

            assertThat(token).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(new JsonClient(port(app), token).get("/sandbox/v1/clock").status()).isEqualTo(200);
        }
        // A restart reads the same token back.
        try (var app = start("--server.port=0", h2(), "--openmws.sandbox.operator-token-file=" + file)) {
            assertThat(new JsonClient(port(app), Files.readString(file).strip()).get("/sandbox/v1/clock").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void twoNodesOnOnePostgresSeeTheSameClockAfterAnAdvance() {
        TestDatabases.Database db = TestDatabases.newPostgresDatabase();
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.add("--server.port=0");
        args.add("--openmws.sandbox.operator-token=two-nodes");
        try (var nodeA = start(args.toArray(String[]::new)); var nodeB = start(args.toArray(String[]::new))) {
            JsonClient a = new JsonClient(port(nodeA), "two-nodes");
            JsonClient b = new JsonClient(port(nodeB), "two-nodes");
            Instant before = Instant.parse(b.get("/sandbox/v1/clock").json().get("now").asString());

            a.post("/sandbox/v1/clock/advance", "{\"duration\": \"P30D\"}");

            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                Instant seenByB = Instant.parse(b.get("/sandbox/v1/clock").json().get("now").asString());
                assertThat(Duration.between(before, seenByB)).isGreaterThanOrEqualTo(Duration.ofDays(30));
            });
            assertThat(b.get("/sandbox/v1/clock").json().get("offset").asString()).isEqualTo("PT720H");
        }
    }
}
