package io.openmws.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixtures made through the sandbox control API, as an integrator's tests make them: sellers,
 * developers and authorizations, each call checked for its success status with the body in the
 * failure message. Tests of the control API itself call {@link JsonClient} directly; every other test
 * sets its scene here, so that no test writes control-API JSON by hand.
 */
public final class Fixtures {

    /** The password of every seller made here unless a test gives its own. */
    public static final String PASSWORD = "correct horse battery staple 42";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A verified seller account. */
    public record Seller(String sellerId, String email, String password, List<String> marketplaces) {}

    /** A registered developer with one active key, and the seller account that registered it. */
    public record Developer(String developerId, String developerName, String sellerId, String email,
                            String password, String accessKeyId, String secretKey) {
        /** The Developer ID as the portal shows it: {@code 1234-5678-9012}. */
        public String dashedId() {
            return developerId.substring(0, 4) + "-" + developerId.substring(4, 8) + "-" + developerId.substring(8);
        }
    }

    private final JsonClient api;

    public Fixtures(int port, String operatorToken) {
        this(new JsonClient(port, operatorToken));
    }

    public Fixtures(JsonClient api) {
        this.api = api;
    }

    /** A fresh address at example.com that names who it is for. */
    public static String newEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    /** A seller with a fresh address, {@link #PASSWORD} and the default marketplace. */
    public Seller seller() {
        return seller(Map.of());
    }

    /** A seller with this address, {@link #PASSWORD} and the marketplaces given (the default when none). */
    public Seller seller(String email, String... marketplaces) {
        return seller(fields("email", email, "marketplaces", marketplaces.length == 0 ? null : List.of(marketplaces)));
    }

    /**
     * A seller with the control API's fields ({@code email}, {@code password}, {@code businessName},
     * {@code marketplaces}, {@code sellerId}, {@code staging}); unset ones take the defaults above.
     */
    public Seller seller(Map<String, ?> given) {
        Map<String, Object> body = new LinkedHashMap<>(given);
        body.putIfAbsent("email", newEmail("seller"));
        body.putIfAbsent("password", PASSWORD);
        JsonNode created = created("/sandbox/v1/sellers", body);
        return new Seller(created.get("sellerId").asString(), created.get("email").asString(),
                created.get("password").asString(), strings(created.get("marketplaces")));
    }

    /** A developer registered by a new seller account of its own, in the default marketplace. */
    public Developer developer() {
        return developerOf(seller(), null);
    }

    /** A developer registered by a new seller account in these marketplaces. */
    public Developer developerIn(String... marketplaces) {
        return developerOf(seller(newEmail("dev"), marketplaces), null);
    }

    /** The developer registration of this seller account, under this name (a fresh one when null). */
    public Developer developerOf(Seller seller, String developerName) {
        return developerOf(seller, developerName, null, null);
    }

    /** Like {@link #developerOf(Seller, String)}, signing with a key chosen by the test (both or neither). */
    public Developer developerOf(Seller seller, String developerName, String accessKeyId, String secretKey) {
        String name = developerName != null ? developerName : "Tools " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = created("/sandbox/v1/developers", fields("sellerId", seller.sellerId(),
                "developerName", name, "accessKeyId", accessKeyId, "secretKey", secretKey));
        return new Developer(created.get("developerId").asString(), created.get("developerName").asString(),
                seller.sellerId(), seller.email(), seller.password(), created.get("accessKeyId").asString(),
                created.get("secretKey").asString());
    }

    /** The seller authorizes the developer, verified at once; returns the MWS Auth Token. */
    public String authorize(String sellerId, String developerId) {
        return created("/sandbox/v1/authorizations", fields("sellerId", sellerId, "developerId", developerId))
                .get("mwsAuthToken").asString();
    }

    /** The pair's newest authorization, as the control API shows it. */
    public JsonNode authorization(String sellerId, String developerId) {
        return ok(api.get("/sandbox/v1/authorizations/" + sellerId + "/" + developerId));
    }

    /** When the pair's newest authorization expires. */
    public Instant expiresAt(String sellerId, String developerId) {
        return Instant.parse(authorization(sellerId, developerId).get("expiresAt").asString());
    }

    /** Revokes the pair's newest authorization, as the seller's button would. */
    public JsonNode revoke(String sellerId, String developerId) {
        return ok(api.post("/sandbox/v1/authorizations/" + sellerId + "/" + developerId + "/revoke", null));
    }

    /** Renews the pair's newest authorization, as the seller's button would. */
    public JsonNode renew(String sellerId, String developerId) {
        return ok(api.post("/sandbox/v1/authorizations/" + sellerId + "/" + developerId + "/renew", null));
    }

    /** The platform clock's offset from real time, as an ISO-8601 duration. */
    public String clockOffset() {
        return ok(api.get("/sandbox/v1/clock")).get("offset").asString();
    }

    /** Field names and values, in order; null values are left out, as the control API's defaults apply. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }

    private JsonNode created(String path, Map<String, ?> body) {
        JsonClient.Response response = api.post(path, JSON.writeValueAsString(body));
        assertThat(response.status()).as("POST %s %s", path, response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(JsonClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> strings(JsonNode array) {
        return array == null ? List.of() : Arrays.asList(JSON.convertValue(array, String[].class));
    }
}
