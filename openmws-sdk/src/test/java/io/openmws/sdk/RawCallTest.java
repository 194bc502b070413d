package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseReader;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Any operation sent raw, against the real platform: the answer as it came, whatever its status, and what was signed. */
@OpenMwsSandbox
class RawCallTest {

    private final Events events = new Events();

    private MwsClient.Builder client(URI endpoint, SandboxDeveloper developer) {
        return MwsClient.builder().endpoint(endpoint)
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("RawCallTest", "1.0").listener(events);
    }

    private static String hostLine(Sandbox sandbox) {
        return sandbox.baseUrl().getHost() + ":" + sandbox.baseUrl().getPort();
    }

    private static ErrorResponse errorResponse(ByteArrayOutputStream body) throws Exception {
        return ErrorResponseReader.read(new ByteArrayInputStream(body.toByteArray()));
    }

    @Test
    void anAuthorizedSellersMarketplacesComeBackAsTheXmlAnswerWithWhatWasSigned(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        MwsClient client = client(sandbox.baseUrl(), developer).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.builder(ApiSection.SELLERS, "ListMarketplaceParticipations")
                .seller(SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"))).build(), body);

        String xml = body.toString(StandardCharsets.UTF_8);
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.succeeded()).isTrue();
        assertThat(xml).contains("<ListMarketplaceParticipationsResponse", "<MarketplaceId>ATVPDKIKX0DER</MarketplaceId>",
                "<MarketplaceId>A2EUQ1WTGCTBG2</MarketplaceId>", "<SellerId>" + seller.sellerId() + "</SellerId>");
        assertThat(answer.requestId()).hasValueSatisfying(id -> assertThat(xml).contains("<RequestId>" + id + "</RequestId>"));
        assertThat(answer.serverTime().orElseThrow()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(answer.headers()).containsKeys("x-mws-request-id", "x-mws-timestamp", "content-type");
        assertThat(answer.header("X-MWS-Request-Id")).isEqualTo(answer.requestId());
        assertThat(answer.elapsed()).isPositive();

        SigningTrace signing = answer.signing();
        String masked = grant.mwsAuthToken().substring(0, 4) + "\u2026";
        assertThat(signing.stringToSign()).startsWith("POST\n" + hostLine(sandbox) + "\n/Sellers/2011-07-01\n")
                .isEqualTo("POST\n" + hostLine(sandbox) + "\n/Sellers/2011-07-01\n" + signing.canonicalQuery())
                .contains("MWSAuthToken=" + masked + "&")
                .doesNotContain(grant.mwsAuthToken(), developer.secretKey(), "Signature=");
        assertThat(signing.canonicalQuery()).startsWith("AWSAccessKeyId=" + developer.accessKeyId()
                + "&Action=ListMarketplaceParticipations&MWSAuthToken=" + masked + "&SellerId=" + seller.sellerId()
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=").endsWith("&Version=2011-07-01");
        assertThat(signing.method()).isEqualTo(SignatureMethod.HMAC_SHA256);
        assertThat(signing.toString()).startsWith("String to sign").contains(signing.stringToSign());
        assertThat(answer.toString()).doesNotContain(grant.mwsAuthToken(), developer.secretKey());
        assertThat(events.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ListMarketplaceParticipations");
            assertThat(e.succeeded()).isTrue();
            assertThat(e.sellerId()).hasValue(seller.sellerId());
        });
    }

    @Test
    void theServiceStatusIsCalledWithoutASellerAndItsOwnParametersAreSigned(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox.baseUrl(), developer).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.of(ApiSection.ORDERS, "GetServiceStatus"), body);

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(body.toString(StandardCharsets.UTF_8)).contains("<GetServiceStatusResponse", "<Status>GREEN</Status>");
        assertThat(answer.signing().path()).isEqualTo("/Orders/2013-09-01");
        assertThat(answer.signing().canonicalQuery()).doesNotContain("SellerId", "MWSAuthToken")
                .contains("Version=2013-09-01");
        assertThat(events.all()).singleElement().satisfies(e -> assertThat(e.sellerId()).isEmpty());
    }

    @Test
    void aRevokedAuthorizationAnswersAccessDeniedAsABodyNotAnException(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        sandbox.revoke(grant);
        MwsClient client = client(sandbox.baseUrl(), developer).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.builder(ApiSection.SELLERS, "ListMarketplaceParticipations")
                .seller(SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"))).build(), body);

        ErrorResponse error = errorResponse(body);
        assertThat(answer.httpStatus()).isEqualTo(401);
        assertThat(answer.succeeded()).isFalse();
        assertThat(error.errors()).extracting(MwsError::code).containsExactly("AccessDenied");
        assertThat(answer.requestId()).isPresent().isEqualTo(error.requestId());
        assertThat(answer.serverTime()).isPresent();
        assertThat(events.all()).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).hasValue("AccessDenied");
            assertThat(e.errorKind()).hasValue(MwsException.Kind.ACCESS_DENIED);
            assertThat(e.willRetry()).isFalse();
        });
    }

    @Test
    void anUnknownActionOnARealSectionAnswersTheInvalidAddressEnvelope(Sandbox sandbox) throws Exception {
        MwsClient client = client(sandbox.baseUrl(), sandbox.newDeveloper()).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.builder(ApiSection.SELLERS, "ListEverything")
                .parameter("MarketplaceId.Id.1", "ATVPDKIKX0DER").build(), body);

        ErrorResponse error = errorResponse(body);
        assertThat(answer.httpStatus()).isEqualTo(404);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("InvalidAddress");
            assertThat(e.message()).contains("ListEverything", "Sellers");
        });
        assertThat(error.namespace()).isEqualTo(ApiSection.SELLERS.namespace());
        assertThat(answer.signing().canonicalQuery()).contains("Action=ListEverything&MarketplaceId.Id.1=ATVPDKIKX0DER&");
    }

    @Test
    void aTimestampRefusedAsExpiredIsCorrectedOnceAndOnlyTheSecondAnswerIsWritten(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox.baseUrl(), developer)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20))).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.of(ApiSection.SELLERS, "GetServiceStatus"), body);

        String xml = body.toString(StandardCharsets.UTF_8);
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(xml).doesNotContain("RequestExpired").containsOnlyOnce("<GetServiceStatusResponse");
        assertThat(events.statuses()).containsExactly(400, 200);
        assertThat(client.clockSkew().toMinutes()).isBetween(19L, 21L);
        // The trace is of the request that got the answer: its Timestamp is the corrected one.
        String timestamp = answer.signing().canonicalQuery().replaceFirst(".*&Timestamp=([^&]*)&.*", "$1")
                .replace("%3A", ":");
        assertThat(Instant.parse(timestamp)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void theTraceIsTheStringToSignThePlatformComputedWhenTheSecretIsWrong(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        String secret = developer.secretKey();
        String wrongSecret = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), wrongSecret))
                .application("RawCallTest", "1.0").build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.builder(ApiSection.SELLERS, "ListMarketplaceParticipations")
                .seller(SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER")))
                .parameter("Note", "a b/c~\u00e9").build(), body);

        MwsError error = errorResponse(body).errors().get(0);
        assertThat(answer.httpStatus()).isEqualTo(403);
        assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
        // The platform echoes the string to sign it computed from what it received, the token's value left out;
        // the trace is that string, the token masked.
        String computed = error.detail().orElseThrow().replaceFirst("^.*?: ", "").replace("\\n", "\n");
        assertThat(computed).contains("MWSAuthToken=(left-out)&").doesNotContain(grant.mwsAuthToken());
        assertThat(answer.signing().stringToSign())
                .isEqualTo(computed.replace("MWSAuthToken=(left-out)",
                        "MWSAuthToken=" + grant.mwsAuthToken().substring(0, 4) + "\u2026"))
                .contains("&Note=a%20b%2Fc~%C3%A9&");
    }

    @Test
    void anEndpointThatIsNotListeningIsACommunicationFailure(Sandbox sandbox) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MwsClient client = client(URI.create("http://127.0.0.1:" + closedPort), sandbox.newDeveloper()).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        MwsException e = catchThrowableOfType(MwsException.class,
                () -> client.call(RawRequest.of(ApiSection.SELLERS, "GetServiceStatus"), body));

        assertThat(e.kind()).isEqualTo(MwsException.Kind.COMMUNICATION);
        assertThat(e.getMessage()).contains("Could not reach http://127.0.0.1:" + closedPort);
        assertThat(body.size()).isZero();
        assertThat(events.all()).singleElement().satisfies(ev -> assertThat(ev.httpStatus()).isZero());
    }

    @Test
    void parametersTheClientAddsAreRefusedByName(Sandbox sandbox) {
        SellerAccess seller = SellerAccess.of("A2986ZQ066CH2F", "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaadc2b22",
                List.of("ATVPDKIKX0DER"));

        assertThatThrownBy(() -> RawRequest.builder(ApiSection.ORDERS, "ListOrders")
                .parameter("Timestamp", "2026-12-03T12:00:00Z").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Timestamp").hasMessageContaining("adds");
        assertThatThrownBy(() -> RawRequest.builder(ApiSection.ORDERS, "ListOrders").parameter("signature", "x").build())
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> RawRequest.builder(ApiSection.ORDERS, "ListOrders").seller(seller)
                .parameter("Merchant", "A2986ZQ066CH2F").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Merchant");
        assertThatThrownBy(() -> RawRequest.builder(ApiSection.ORDERS, "  ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> RawRequest.builder(ApiSection.ORDERS, "ListOrders").parameter("", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank name");
        assertThatThrownBy(() -> RawRequest.builder(ApiSection.ORDERS, "ListOrders")
                .parameter("CreatedAfter", "a").parameter("CreatedAfter", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CreatedAfter").hasMessageContaining("twice");
        // Without a seller, SellerId is the caller's to give; the parameters keep the order given.
        Map<String, String> given = new LinkedHashMap<>();
        given.put("SellerId", "A2986ZQ066CH2F");
        given.put("CreatedAfter", "2026-11-01T00:00:00Z");
        given.put("MarketplaceId.Id.1", "ATVPDKIKX0DER");
        RawRequest byHand = RawRequest.builder(ApiSection.ORDERS, "ListOrders").parameters(given).build();
        assertThat(byHand.parameters().keySet()).containsExactly("SellerId", "CreatedAfter", "MarketplaceId.Id.1");
        assertThat(byHand.seller()).isEqualTo(Optional.empty());
        assertThat(RawRequest.builder(ApiSection.ORDERS, "ListOrders").seller(seller).build().toString())
                .contains("ListOrders", "A2986ZQ066CH2F").doesNotContain("4ea38b7b");
    }

    @Test
    void aTokenGivenByHandIsMaskedInTheTraceToo(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        MwsClient client = client(sandbox.baseUrl(), developer).requestMethod(RequestMethod.GET).build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        RawResponse answer = client.call(RawRequest.builder(ApiSection.SELLERS, "ListMarketplaceParticipations")
                .parameter("SellerId", grant.sellerId()).parameter("MWSAuthToken", grant.mwsAuthToken()).build(), body);

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.signing().httpMethod()).isEqualTo("GET");
        assertThat(answer.signing().stringToSign()).startsWith("GET\n")
                .contains("MWSAuthToken=amzn\u2026&").doesNotContain(grant.mwsAuthToken());
    }
}
