package io.openmws.testkit;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.support.SecretSealer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running OpenMWS platform in sandbox mode, and the fixtures a test needs from it. Everything goes
 * through the platform's own control API over HTTP, as an integrator's code would; the platform runs
 * in-process with an in-memory H2 database of its own, on a random port.
 *
 * <p>Get one from {@link OpenMwsSandbox} (a test parameter), or start one yourself with
 * {@link #start()} and {@link #close()} it.
 */
public final class Sandbox implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext platform;
    private final URI baseUrl;
    private final String operatorToken;
    private final HttpClient http = HttpClient.newHttpClient();

    private Sandbox(ConfigurableApplicationContext platform, String operatorToken) {
        this.platform = platform;
        this.operatorToken = operatorToken;
        this.baseUrl = URI.create("http://localhost:" + platform.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts a platform; close it when done. Takes a few seconds. */
    public static Sandbox start() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String database = "openmws" + UUID.randomUUID().toString().replace("-", "");
        ConfigurableApplicationContext platform = new SpringApplicationBuilder(OpenMwsServer.class)
                .run("--server.port=0",
                        "--openmws.mode=sandbox",
                        "--spring.datasource.url=jdbc:h2:mem:" + database
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--spring.mail.host=",
                        "--openmws.sandbox.operator-token=" + token,
                        "--openmws.secrets.keyset-file=",
                        "--openmws.secrets.keyset=" + SecretSealer.newKeysetJson(),
                        "--spring.main.banner-mode=off");
        return new Sandbox(platform, token);
    }

    /** Where the platform listens, e.g. {@code http://localhost:43121}: the MWS endpoint and the portal. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The bearer token of the control API, for calls this class does not wrap. */
    public String operatorToken() {
        return operatorToken;
    }

    /** A verified Professional seller in the US marketplace. */
    public SandboxSeller newSeller() {
        return newSeller("ATVPDKIKX0DER");
    }

    /** A verified Professional seller in the given marketplaces (the first is the home one; same region). */
    public SandboxSeller newSeller(String... marketplaceIds) {
        List<String> quoted = new ArrayList<>();
        for (String id : marketplaceIds) {
            quoted.add(JSON.writeValueAsString(id));
        }
        JsonNode s = call("POST", "/sandbox/v1/sellers", "{\"marketplaces\":[" + String.join(",", quoted) + "]}");
        return new SandboxSeller(s.get("sellerId").asString(), s.get("email").asString(), s.get("password").asString(),
                strings(s.get("marketplaces")));
    }

    /** A registered developer with its own new seller account and an access key. */
    public SandboxDeveloper newDeveloper() {
        return developer(call("POST", "/sandbox/v1/developers", "{}"));
    }

    /** A developer registered by an existing seller account (that account is then the developer's own). */
    public SandboxDeveloper newDeveloper(SandboxSeller ownAccount) {
        return developer(call("POST", "/sandbox/v1/developers",
                "{\"sellerId\":" + JSON.writeValueAsString(ownAccount.sellerId()) + "}"));
    }

    /** The seller authorizes the developer; the authorization is verified and active at once. */
    public SandboxAuthorization authorize(SandboxSeller seller, SandboxDeveloper developer) {
        JsonNode a = call("POST", "/sandbox/v1/authorizations", "{\"sellerId\":" + JSON.writeValueAsString(seller.sellerId())
                + ",\"developerId\":" + JSON.writeValueAsString(developer.developerId()) + "}");
        return new SandboxAuthorization(a.get("sellerId").asString(), a.get("developerId").asString(),
                a.get("mwsAuthToken").asString(), a.get("status").asString(), Instant.parse(a.get("authorizedAt").asString()),
                Instant.parse(a.get("expiresAt").asString()), strings(a.get("marketplaces")));
    }

    /** The seller revokes the developer's access: its token stops working at once, for good. */
    public SandboxAuthorization revoke(SandboxAuthorization authorization) {
        return pairCall(authorization, "revoke");
    }

    /**
     * The seller renews the authorization (from 30 days before it expires, or after): the same token
     * works for 12 more months.
     */
    public SandboxAuthorization renew(SandboxAuthorization authorization) {
        return pairCall(authorization, "renew");
    }

    private SandboxAuthorization pairCall(SandboxAuthorization authorization, String action) {
        JsonNode a = call("POST", "/sandbox/v1/authorizations/" + authorization.sellerId() + "/"
                + authorization.developerId() + "/" + action, null);
        return new SandboxAuthorization(a.get("sellerId").asString(), a.get("developerId").asString(),
                authorization.mwsAuthToken(), a.get("status").asString(), Instant.parse(a.get("authorizedAt").asString()),
                a.hasNonNull("expiresAt") ? Instant.parse(a.get("expiresAt").asString()) : null,
                strings(a.get("marketplaces")));
    }

    /** Switches throttling off (or back on) for a developer's calls. */
    public void throttling(SandboxDeveloper developer, boolean enabled) {
        call("POST", "/sandbox/v1/developers/" + developer.developerId() + "/throttling", "{\"enabled\":" + enabled + "}");
    }

    /** The platform's time (its business clock, which {@link #advance} moves). */
    public Instant now() {
        return Instant.parse(call("GET", "/sandbox/v1/clock", null).get("now").asString());
    }

    /** Moves the platform's time forward; due background work runs within about a second. */
    public Instant advance(Duration duration) {
        return Instant.parse(call("POST", "/sandbox/v1/clock/advance",
                "{\"duration\":" + JSON.writeValueAsString(duration.toString()) + "}").get("now").asString());
    }

    /** The messages kept for an address, newest first. */
    public List<SandboxMail> mailbox(String email) {
        JsonNode list = call("GET", "/sandbox/v1/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null);
        List<SandboxMail> mails = new ArrayList<>();
        for (JsonNode m : list) {
            mails.add(new SandboxMail(m.get("to").asString(), m.get("subject").asString(), m.get("body").asString(),
                    Instant.parse(m.get("sentAt").asString())));
        }
        return mails;
    }

    /** Deletes all data (the clock keeps its offset). */
    public void reset() {
        call("POST", "/sandbox/v1/reset", null);
    }

    /** Stops the platform. */
    @Override
    public void close() {
        platform.close();
    }

    private static SandboxDeveloper developer(JsonNode d) {
        return new SandboxDeveloper(d.get("developerId").asString(), d.get("developerName").asString(),
                d.get("sellerId").asString(), d.get("accessKeyId").asString(), d.get("secretKey").asString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private JsonNode call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Authorization", "Bearer " + operatorToken)
                .timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SandboxException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SandboxException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(method + " " + path + " was interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "Sandbox[" + baseUrl + "]";
    }
}
