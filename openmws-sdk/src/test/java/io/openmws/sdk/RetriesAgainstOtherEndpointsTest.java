package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openmws.protocol.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers the OpenMWS platform does not give on demand (500s, {@code QuotaExceeded} on the Sellers API, a
 * {@code RequestExpired} without {@code x-mws-timestamp}), from a local stand-in for another MWS endpoint.
 */
class RetriesAgainstOtherEndpointsTest {

    private static final SellerAccess SELLER = SellerAccess.of("A1EXAMPLESELLER",
            "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c2", List.of("ATVPDKIKX0DER"));

    private final Events events = new Events();

    private MwsClient client(StubEndpoint stub, RetryPolicy retries) {
        return MwsClient.builder().endpoint(stub.uri())
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .application("RetryTest", "1.0").retryPolicy(retries).listener(events).build();
    }

    private static RetryPolicy fast(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(40)).build();
    }

    @Test
    void internalErrorsAreRetriedWithBackOff() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(500, StubEndpoint.error("InternalError", "We encountered an internal error."), Map.of()),
                StubEndpoint.Answer.xml(503, StubEndpoint.error("ServiceUnavailable", "Try later"), Map.of()),
                StubEndpoint.Answer.xml(200, StubEndpoint.PARTICIPATIONS, Map.of()))) {

            List<MarketplaceParticipation> answer = client(stub, fast(3)).sellers().listMarketplaceParticipations(SELLER);

            assertThat(answer).hasSize(1);
            assertThat(events.statuses()).containsExactly(500, 503, 200);
            assertThat(stub.received()).extracting(r -> r.body().contains("Signature=")).containsOnly(true);
        }
    }

    @Test
    void aServiceErrorOutlastingTheAttemptsIsThrown() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(500, StubEndpoint.error("InternalError", "We encountered an internal error."), Map.of()))) {

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub, fast(2)).sellers().listMarketplaceParticipations(SELLER));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.SERVICE_ERROR);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.requestId()).hasValue("dba0b719-f4c3-4b26-a08a-2582b37111a4");
        }
    }

    @Test
    void quotaExceededWaitsUntilTheQuotaResets() throws Exception {
        Instant resetsOn = Instant.now().plusMillis(1500);
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(503, StubEndpoint.error("QuotaExceeded", "You exceeded your quota"),
                        Map.of("x-mws-quota-resetsOn", Timestamps.format(resetsOn), "x-mws-quota-max", "60.0",
                                "x-mws-quota-remaining", "0.0")),
                StubEndpoint.Answer.xml(200, StubEndpoint.PARTICIPATIONS, Map.of()))) {

            client(stub, fast(2)).sellers().listMarketplaceParticipations(SELLER);

            assertThat(events.statuses()).containsExactly(503, 200);
            assertThat(Instant.now()).isAfterOrEqualTo(resetsOn);
        }
    }

    @Test
    void quotaExceededUntilLaterThanTheLongestWaitIsThrownAtOnce() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(503, StubEndpoint.error("QuotaExceeded", "You exceeded your quota"),
                        Map.of("x-mws-quota-resetsOn", Timestamps.format(Instant.now().plus(Duration.ofHours(1))))),
                StubEndpoint.Answer.xml(200, StubEndpoint.PARTICIPATIONS, Map.of()))) {

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub, RetryPolicy.defaults()).sellers().listMarketplaceParticipations(SELLER));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.QUOTA_EXCEEDED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(stub.received()).hasSize(1);
        }
    }

    @Test
    void requestExpiredIsCorrectedOnlyOnce() throws Exception {
        String expired = StubEndpoint.error("RequestExpired", "Request signature is too far in the past and has expired.");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(400, expired,
                Map.of("x-mws-timestamp", Timestamps.format(Instant.now().plus(Duration.ofMinutes(30))))))) {

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub, fast(4)).sellers().listMarketplaceParticipations(SELLER));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.REQUEST_EXPIRED);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.getMessage()).contains("clock");
            List<Instant> stamps = stub.received().stream().map(r -> Timestamps.parse(java.net.URLDecoder.decode(
                    r.body().replaceAll(".*Timestamp=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8))).toList();
            assertThat(Duration.between(stamps.get(0), stamps.get(1)).toMinutes()).isBetween(29L, 30L);
        }
    }

    @Test
    void requestExpiredWithoutTheServersTimeIsThrown() throws Exception {
        String expired = StubEndpoint.error("RequestExpired", "Request signature is too far in the past and has expired.");
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(400, expired, Map.of()))) {

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub, fast(4)).sellers().getServiceStatus());

            assertThat(e.kind()).isEqualTo(MwsException.Kind.REQUEST_EXPIRED);
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    @Test
    void aSuccessThatIsNotTheExpectedDocumentIsAnUnexpectedResponse() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, "<html><body>Hello</body></html>", Map.of()))) {

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub, fast(4)).sellers().getServiceStatus());

            assertThat(e.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
            assertThat(e.getMessage()).contains("<html>").contains("GetServiceStatusResponse");
        }
    }

    @Test
    void anExternalEntityInAnAnswerIsNeverFetched() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<GetServiceStatusResponse><GetServiceStatusResult><Status>&x;</Status>"
                + "<Timestamp>2020-05-28T11:22:25.398Z</Timestamp></GetServiceStatusResult></GetServiceStatusResponse>";
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, xxe, Map.of()))) {

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub, fast(1)).sellers().getServiceStatus());

            assertThat(e.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
            assertThat(e.getMessage()).doesNotContain("root:");
        }
    }
}
