package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Links in mail never follow a {@code Host} header someone else chose (issue 11, item 2): they come
 * from {@code openmws.base-url}, or in a sandbox without it from the request only for the hosts of
 * {@code openmws.sandbox.link-hosts}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class MailLinksTest {

    static final String TOKEN = "mail-links-" + UUID.randomUUID();
    static final Pattern RESET_LINK = Pattern.compile("(\\S+)/password/reset\\?token=");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Test
    void aForeignHostHeaderDoesNotMakeTheResetLink() {
        String email = seller(port);

        forgotPassword(port, "evil.example.com", email);

        assertThat(resetLinkBase(port, email)).isEqualTo("http://localhost:" + port);
    }

    @Test
    void aForeignHostWithAPortDoesNotMakeTheResetLinkEither() {
        String email = seller(port);

        forgotPassword(port, "evil.example.com:" + port, email);

        assertThat(resetLinkBase(port, email)).isEqualTo("http://localhost:" + port);
    }

    @Test
    void aListedHostMakesTheResetLink() {
        String email = seller(port);

        forgotPassword(port, "127.0.0.1:" + port, email);

        assertThat(resetLinkBase(port, email)).isEqualTo("http://127.0.0.1:" + port);
    }

    @Test
    void theBaseUrlWinsOverEveryHost() {
        TestDatabases.Database db = TestDatabases.newDatabase(TestDatabases.current());
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=" + TOKEN,
                "--openmws.base-url=https://sellercentral.example.com"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenMwsServer.class)
                .run(args.toArray(String[]::new))) {
            int other = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String email = seller(other);

            forgotPassword(other, "localhost:" + other, email);

            assertThat(resetLinkBase(other, email)).isEqualTo("https://sellercentral.example.com");
        }
    }

    private static String seller(int port) {
        String email = "links-" + UUID.randomUUID() + "@example.com";
        JsonClient.Response created = new JsonClient(port, TOKEN).post("/sandbox/v1/sellers",
                "{\"email\":\"" + email + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return email;
    }

    /**
     * Asks for a reset link with the given {@code Host} header. The JDK's HTTP client does not let a
     * caller choose that header, so the form goes over a plain socket, with the session and CSRF
     * token of the form page.
     */
    private static void forgotPassword(int port, String host, String email) {
        PortalClient client = new PortalClient(port);
        String csrf = client.get("/password/forgot").csrf();
        String cookie = client.sessionCookie().map(value -> "SESSION=" + value).orElseThrow();
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        String request = "POST /password/forgot HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.US_ASCII).length + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resetLinkBase(int port, String email) {
        JsonClient.Response mailbox = new JsonClient(port, TOKEN).get("/sandbox/v1/mailbox?to=" + email);
        assertThat(mailbox.status()).isEqualTo(200);
        String body = mailbox.json().get(0).get("body").asString();
        Matcher m = RESET_LINK.matcher(body);
        assertThat(m.find()).as("a reset link in %s", body).isTrue();
        return m.group(1);
    }
}
