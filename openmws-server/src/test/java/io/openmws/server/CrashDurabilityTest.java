package io.openmws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.JsonClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the platform confirmed survives {@code kill -9} on its default database (H2 under ./data):
 * a real server in a JVM of its own, writes answered 201, SIGKILL at once, a restart on the same
 * folder. Not {@code @OnBothDatabases}: PostgreSQL is durable by default, and the point here is the
 * embedded default's URL, which a child JVM started in an empty folder uses as shipped.
 */
class CrashDurabilityTest {

    private static final String TOKEN = "crash-test-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void sellersCreatedJustBeforeAKillNineAreThereAfterARestart() throws Exception {
        int port = start();
        JsonClient control = new JsonClient(port, TOKEN);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = "crash-" + i + "-" + UUID.randomUUID() + "@example.com";
            JsonClient.Response created = control.post("/sandbox/v1/sellers", "{\"email\":\"" + email + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            emails.add(email);
        }
        server.destroyForcibly().waitFor();   // SIGKILL on Linux, milliseconds after the last 201

        port = start();
        control = new JsonClient(port, TOKEN);
        for (String email : emails) {
            // Creating it again is refused only if the first one is there.
            JsonClient.Response again = control.post("/sandbox/v1/sellers", "{\"email\":\"" + email + "\"}");
            assertThat(again.status()).as(email + " lost in the crash: " + again.body()).isEqualTo(409);
        }
    }

    /** Starts the server in {@link #dir} with the shipped defaults, and waits until it answers. */
    private int start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("server-" + System.nanoTime() + ".log");
        server = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                OpenMwsServer.class.getName(), "--server.port=" + port, "--openmws.sandbox.operator-token=" + TOKEN)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("The server stopped at start:\n" + Files.readString(log));
            }
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The server did not answer within 90 s:\n" + Files.readString(log));
    }
}
