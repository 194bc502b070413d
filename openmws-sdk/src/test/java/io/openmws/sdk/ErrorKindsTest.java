package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every error the platform answers the Sellers API with, as the SDK reports it. */
@OpenMwsSandbox
class ErrorKindsTest {

    private final Events events = new Events();

    private MwsClient.Builder client(URI endpoint, String accessKeyId, String secretKey) {
        return MwsClient.builder().endpoint(endpoint).credentials(DeveloperCredentials.of(accessKeyId, secretKey))
                .application("ErrorKindsTest", "1.0").listener(events);
    }

    private MwsClient client(Sandbox sandbox, SandboxDeveloper developer) {
        return client(sandbox.baseUrl(), developer.accessKeyId(), developer.secretKey()).build();
    }

    private static MwsException failure(Runnable call) {
        return catchThrowableOfType(MwsException.class, call::run);
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKey(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox.baseUrl(), "AKIAAAAAAAAAAAAAAAAA", developer.secretKey()).build();

        MwsException e = failure(() -> client.sellers().getServiceStatus());

        assertThat(e.kind()).isEqualTo(MwsException.Kind.INVALID_ACCESS_KEY);
        assertThat(e.code()).isEqualTo("InvalidAccessKeyId");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.requestId()).isPresent();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("InvalidAccessKeyId (HTTP 403)").contains("Check the Access Key ID");
    }

    @Test
    void aWrongSecretIsASignatureMismatch(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        String wrongSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        MwsClient client = client(sandbox.baseUrl(), developer.accessKeyId(), wrongSecret).build();

        MwsException e = failure(() -> client.sellers().getServiceStatus());

        assertThat(e.kind()).isEqualTo(MwsException.Kind.SIGNATURE);
        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).doesNotContain(wrongSecret).doesNotContain(developer.secretKey());
    }

    @Test
    void anotherSellerWithoutATokenIsAccessDenied(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller stranger = sandbox.newSeller();

        MwsException e = failure(() -> client(sandbox, developer).sellers()
                .listMarketplaceParticipations(SellerAccess.selfAccess(stranger.sellerId(), List.of("ATVPDKIKX0DER"))));

        assertThat(e.kind()).isEqualTo(MwsException.Kind.ACCESS_DENIED);
        assertThat(e.code()).isEqualTo("AccessDenied");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.endpointMessage()).isEqualTo("Missing required MWSAuthToken for Seller.");
    }

    @Test
    void aTokenNotIssuedForThePairIsAccessDenied(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller();
        sandbox.authorize(seller, developer);
        String madeUp = "amzn.mws." + UUID.randomUUID();

        MwsException e = failure(() -> client(sandbox, developer).sellers()
                .listMarketplaceParticipations(SellerAccess.of(seller.sellerId(), madeUp, List.of("ATVPDKIKX0DER"))));

        assertThat(e.kind()).isEqualTo(MwsException.Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).doesNotContain(madeUp);
    }

    @Test
    void aRevokedAuthorizationIsAccessDenied(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller();
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        SellerAccess access = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"));
        MwsClient client = client(sandbox, developer);
        assertThat(client.sellers().listMarketplaceParticipations(access)).isNotEmpty();

        assertThat(RawCalls.control(sandbox, "/sandbox/v1/authorizations/" + seller.sellerId() + "/"
                + developer.developerId() + "/revoke")).isEqualTo(200);
        MwsException e = failure(() -> client.sellers().listMarketplaceParticipations(access));

        assertThat(e.kind()).isEqualTo(MwsException.Kind.ACCESS_DENIED);
        assertThat(e.endpointMessage()).isEqualTo("Access denied");
    }

    @Test
    void aNextTokenOfAnotherSellerIsCorrupted(Sandbox sandbox) {
        SandboxDeveloper developer = SellersApiTest.euDeveloper(sandbox);
        String[] twelve = {"A1PA6795UKMFR9", "A1RKKUPIHCS9HS", "A13V1IB3VIYZZH", "AMEN7PMS3EDWL", "A1F83G8C2ARO7P",
            "APJ6JRA9NG5V4", "A1805IZSGTT6HS", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9", "A33AVAJ2PDY3EV", "A17E79C6D8DWNP",
            "ARBP9OOSHTCHU"};
        SandboxAuthorization many = sandbox.authorize(sandbox.newSeller(twelve), developer);
        SandboxAuthorization other = sandbox.authorize(sandbox.newSeller("A1PA6795UKMFR9"), developer);
        MwsClient client = client(sandbox, developer);
        String token = client.sellers().listMarketplaceParticipationsPage(
                SellerAccess.of(many.sellerId(), many.mwsAuthToken(), List.of("A1PA6795UKMFR9"))).nextToken().orElseThrow();

        MwsException e = failure(() -> client.sellers().listMarketplaceParticipationsByNextToken(
                SellerAccess.of(other.sellerId(), other.mwsAuthToken(), List.of("A1PA6795UKMFR9")), token));

        assertThat(e.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
        assertThat(e.code()).isEqualTo("NextTokenCorrupted");
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void aPathTheEndpointDoesNotServeIsNotFound(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox.baseUrl().resolve("/Mws"), developer.accessKeyId(), developer.secretKey()).build();

        MwsException e = failure(() -> client.sellers().getServiceStatus());

        assertThat(e.kind()).isEqualTo(MwsException.Kind.NOT_FOUND);
        assertThat(e.code()).isEqualTo("InvalidAddress");
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.endpointMessage()).contains("/Mws/Sellers/2011-07-01");
    }

    @Test
    void aWebPageInsteadOfAnMwsAnswerIsAnUnexpectedResponse(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox.baseUrl().resolve("/sellercentral"), developer.accessKeyId(),
                developer.secretKey()).build();

        MwsException e = failure(() -> client.sellers().getServiceStatus());

        assertThat(e.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
        assertThat(e.httpStatus()).isBetween(300, 499);
        assertThat(e.getMessage()).contains("not an MWS ErrorResponse").contains("check that");
    }

    @Test
    void aThrottledCallIsRetriedThenReportedAsThrottled(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox.baseUrl(), developer.accessKeyId(), developer.secretKey())
                .throttling(Throttling.disabled())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(20))
                        .maxDelay(Duration.ofMillis(50)).build())
                .build();
        client.sellers().getServiceStatus();
        client.sellers().getServiceStatus();
        events.clear();

        MwsException e = failure(() -> client.sellers().getServiceStatus());

        assertThat(e.kind()).isEqualTo(MwsException.Kind.THROTTLED);
        assertThat(e.code()).isEqualTo("RequestThrottled");
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.isRetryable()).isTrue();
        assertThat(events.all()).extracting(MwsCallEvent::willRetry).containsExactly(true, true, false);
        assertThat(events.statuses()).containsOnly(503);
    }

    @Test
    void anEndpointThatDoesNotAnswerIsACommunicationFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MwsClient client = client(URI.create("http://127.0.0.1:" + closedPort), "AKIAAAAAAAAAAAAAAAAA",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").build();

        MwsException e = failure(() -> client.sellers().getServiceStatus());

        assertThat(e.kind()).isEqualTo(MwsException.Kind.COMMUNICATION);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("Could not reach http://127.0.0.1:" + closedPort);
    }
}
