package io.openmws.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.gateway.MwsOperation;
import io.openmws.server.gateway.RegisteredOperations;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile input (issue 18), the build's slice: a few thousand generated MWS requests of a fixed seed
 * ({@link RequestFuzzer}), over HTTP on a real port, each answer checked by {@link AnswerCheck}: no
 * 5xx, and a well-formed {@code ErrorResponse} or success answer every time; then every portal form
 * and control API call a few times with fuzzed values ({@link PortalFuzz}): no 500, control API errors
 * in its own JSON. {@code -Dopenmws.fuzz.count=N}, {@code -Dopenmws.fuzz.rounds=N} and
 * {@code -Dopenmws.fuzz.seed=S} change the sizes and the seed; {@code bench/fuzz/run.sh} runs 100,000
 * against the packaged jar on PostgreSQL (RELIABILITY.md). The control API fuzz runs last: it resets
 * the sandbox and moves its clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final String TOKEN = "hostile-input-" + UUID.randomUUID();
    static final int COUNT = Integer.getInteger("openmws.fuzz.count", 1000);
    static final long SEED = Long.getLong("openmws.fuzz.seed", 18);
    static final int ROUNDS = Integer.getInteger("openmws.fuzz.rounds", 1);

    private static final Logger log = LoggerFactory.getLogger(HostileInputTest.class);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    /** The API fuzz's seller and developer, for the hostile feeds after it. */
    private static RequestFuzzer.Scene scene;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    @Order(1)
    void everyRegisteredOperationIsFuzzed() {
        List<String> registered = RegisteredOperations.of(context).stream()
                .map((MwsOperation op) -> op.section().sectionName() + "/" + op.action()).toList();
        assertThat(FuzzOperations.all().keySet())
                .as("the fuzz's operations (FuzzOperations) against the gateway's registry")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    @Order(2)
    void theGeneratorIsDeterministic() {
        RequestFuzzer.Scene scene = new RequestFuzzer.Scene("localhost:1", "A1", "AKIA", "secret", "amzn.mws.x", "A2",
                java.util.Map.of());
        for (long i = 0; i < 200; i++) {
            FuzzRequest a = new RequestFuzzer(scene, SEED).request(i);
            FuzzRequest b = new RequestFuzzer(scene, SEED).request(i);
            assertThat(List.of(a.operation(), a.mutation(), a.method(), a.headers().toString()))
                    .isEqualTo(List.of(b.operation(), b.mutation(), b.method(), b.headers().toString()));
        }
    }

    @Test
    @Order(3)
    void generatedRequestsGetWellFormedAnswersAndNoServerError() throws Exception {
        ApiFuzz fuzz = new ApiFuzz("http://localhost:" + port, TOKEN);
        scene = fuzz.scene();
        ApiFuzz.Result result = fuzz.run(scene, COUNT, SEED, 4);
        log.info("Hostile input, seed {}:\n{}", SEED, result.table());
        assertThat(result.problemCount()).as(result.table()).isZero();
        assertThat(result.byOutcome()).as("signed calls that got through to the operations").containsKey("200");
    }

    @Test
    @Order(4)
    void hostileFeedsEndDoneWithAnErrorAndFeedsGoOn() throws Exception {
        assertThat(scene).as("the API fuzz ran first and set up the seller").isNotNull();
        List<HostileFeeds.Outcome> outcomes = new HostileFeeds("http://localhost:" + port, scene).run();
        String table = HostileFeeds.table(outcomes);
        log.info("Hostile feeds:\n{}", table);
        assertThat(outcomes).as(table).allMatch(o -> o.problem() == null).hasSize(9);
    }

    /**
     * What the first runs found answered with Tomcat's HTML page, Spring Boot's JSON or a 500, each
     * now in the form of the part it was sent to.
     */
    @Test
    @Order(6)
    void requestsRefusedBeforeTheirControllerGetTheirPartsErrorForm() throws Exception {
        RawHttp raw = new RawHttp("localhost", port);
        String form = "Action=ListOrders&SellerId=A1&Version=2013-09-01";
        Map<String, String> mws = Map.of(
                // Tomcat refuses TRACE; the firewall refuses //; Tomcat refuses a Host it cannot read and an encoded NUL
                "TRACE /Orders/2013-09-01", "InvalidRequest",
                "POST //", "",
                "POST /Orders/2013-09-01 Host: [::1]:x", "InvalidRequest",
                "POST /Orders/2013-09-01%00", "InvalidRequest",
                // characters Tomcat refused in a query before relaxed-query-chars
                "GET /Orders/2013-09-01?Action={|}&SellerId=[x]", "");
        for (Map.Entry<String, String> c : mws.entrySet()) {
            String[] parts = c.getKey().split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", parts.length > 3 ? parts[3] : "localhost:" + port);
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            FuzzRequest request = new FuzzRequest(0, "regression", c.getKey(), parts[0], parts[1], headers,
                    parts[0].equals("GET") ? null : form.getBytes(StandardCharsets.UTF_8));
            RawHttp.Reply reply = raw.send(request);
            AnswerCheck.Verdict verdict = AnswerCheck.check(request, reply);
            assertThat(verdict.problem()).as(c.getKey() + ": " + reply.text()).isNull();
            assertThat(reply.text()).as(c.getKey()).contains("<ErrorResponse").contains(c.getValue());
        }
        Map<String, Integer> control = Map.of(
                // a multipart Content-Type without a boundary: Spring MVC's parse failed with a 500
                "POST /sandbox/v1/sellers multipart/form-data", 400,
                // Tomcat refuses an encoded slash; the firewall refuses an encoded %
                "GET /sandbox/v1/authorizations/%2F/x application/json", 400,
                "GET /sandbox/v1/authorizations/%25/x application/json", 400);
        for (Map.Entry<String, Integer> c : control.entrySet()) {
            String[] parts = c.getKey().split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + TOKEN);
            headers.put("Content-Type", parts[2]);
            RawHttp.Reply reply = raw.send(new FuzzRequest(0, "regression", c.getKey(), parts[0], parts[1], headers,
                    parts[0].equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(reply.status()).as(c.getKey() + ": " + reply.text()).isEqualTo(c.getValue());
            assertThat(reply.text()).as(c.getKey()).matches("(?s)\\{\"error\":\"\\w+\",\"message\":\".+\"}");
        }
    }

    /**
     * A NUL character in a portal search failed PostgreSQL's query with a 500 (bench/fuzz/run.sh), and
     * could reach a query or an insert through MWS parameters too (SellerOrderId, ReportOptions).
     */
    @Test
    @Order(5)
    void aNulCharacterIsRefusedBeforeAnyQuery() throws Exception {
        Fixtures.Seller seller = new Fixtures(port, TOKEN).seller();
        PortalClient browser = new PortalClient(port);
        assertThat(browser.submit("/login", "/login", "username", seller.email(), "password", seller.password())
                .redirectPath()).doesNotContain("error");
        assertThat(browser.get("/sellercentral/inventory?q=%00").status()).isEqualTo(400);
        assertThat(browser.get("/sellercentral/orders?q=a%00b").status()).isEqualTo(400);
        assertThat(browser.get("/sellercentral/inventory?q=a").status()).isEqualTo(200);

        Map<String, String> params = new TreeMap<>(Map.of("Action", "ListOrders", "Version", "2013-09-01",
                "SellerId", scene.sellerId(), "MWSAuthToken", scene.mwsAuthToken(), "AWSAccessKeyId", scene.accessKeyId(),
                "Timestamp", Timestamps.format(Instant.now()), "CreatedAfter", "2020-01-01T00:00:00Z",
                "MarketplaceId.Id.1", "ATVPDKIKX0DER", "SellerOrderId", "a\u0000b"));
        String body = RequestSigner.of(SigningSecret.of(scene.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", scene.hostLine(), "/Orders/2013-09-01", params);
        RawHttp.Reply reply = new RawHttp("localhost", port).send(new FuzzRequest(0, "regression", "nul", "POST",
                "/Orders/2013-09-01", new LinkedHashMap<>(Map.of("Host", scene.hostLine(), "User-Agent",
                        RequestFuzzer.USER_AGENT, "Content-Type", "application/x-www-form-urlencoded")),
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.text()).contains("<Code>InvalidParameterValue</Code>").contains("NUL");
    }

    @Test
    @Order(7)
    void portalFormsAndControlApiCallsNeverFail() throws Exception {
        PortalFuzz.Result result = new PortalFuzz("http://localhost:" + port, TOKEN).run(ROUNDS, SEED);
        log.info("Portal and control API fuzz, seed {}:\n{}", SEED, result.table());
        assertThat(result.problemCount()).as(result.table()).isZero();
        assertThat(result.byOutcome().keySet()).as("forms of every kind were posted")
                .anyMatch(k -> k.startsWith("seller POST /sellercentral/inventory/upload"))
                .anyMatch(k -> k.startsWith("developer POST /sellercentral/developer-central/keys"))
                .anyMatch(k -> k.startsWith("operator POST /operator/clock/advance"))
                .anyMatch(k -> k.startsWith("signed out POST /signup"))
                .anyMatch(k -> k.startsWith("control POST /sandbox/v1/sellers/{sellerId}/orders"));
    }
}
