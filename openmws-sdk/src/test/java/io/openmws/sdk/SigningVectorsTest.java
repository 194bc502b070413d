package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.signature.SignatureMethod;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The V1 vectors of {@code docs/protocol.md} §3.5, reproduced byte for byte in what the SDK sends. The
 * client is pointed at the vector's host, {@code mws.amazonservices.com}, through a local HTTP server
 * acting as its proxy, so that the host it signs is the vector's; the server captures the request.
 */
class SigningVectorsTest {

    private static final String CANONICAL = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListMarketplaceParticipations"
            + "&MWSAuthToken=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE&SellerId=A1EXAMPLESELLER"
            + "&SignatureMethod=%s&SignatureVersion=2&Timestamp=2020-05-28T11%%3A22%%3A23Z&Version=2011-07-01";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("V1 POST HmacSHA256", RequestMethod.POST, SignatureMethod.HMAC_SHA256,
                        "w8J4gX1iCaeAO4EPE%2FKtMK9ewlsvGbvTfRQrFdpJjYM%3D"),
                Arguments.of("V1 GET HmacSHA256", RequestMethod.GET, SignatureMethod.HMAC_SHA256,
                        "hvaPqVtHRadLTrndvyz%2Bux3qc295TvPyv3%2FmYGdzzPw%3D"),
                Arguments.of("V1 POST HmacSHA1", RequestMethod.POST, SignatureMethod.HMAC_SHA1,
                        "3NhrUnGKr9DBKLeQj3UAxmsyToQ%3D"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theRequestSentIsTheVectorByteForByte(String description, RequestMethod method, SignatureMethod signature,
                                               String wireSignature) throws Exception {
        try (StubEndpoint proxy = new StubEndpoint(StubEndpoint.Answer.xml(200, StubEndpoint.PARTICIPATIONS, Map.of()))) {
            MwsClient client = MwsClient.builder()
                    .endpoint(URI.create("http://mws.amazonservices.com"))
                    .proxy(ProxySelector.of(proxy.address()))
                    .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                    .application("VectorTest", "1.0")
                    .clock(Clock.fixed(Instant.parse("2020-05-28T11:22:23Z"), ZoneOffset.UTC))
                    .signatureMethod(signature)
                    .requestMethod(method)
                    .build();
            SellerAccess seller = SellerAccess.of("A1EXAMPLESELLER", "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE",
                    List.of("ATVPDKIKX0DER"));

            List<MarketplaceParticipation> answer = client.sellers().listMarketplaceParticipations(seller);

            String canonical = String.format(CANONICAL, signature.parameterValue());
            String sent = canonical.replace("&SignatureMethod=", "&Signature=" + wireSignature + "&SignatureMethod=");
            StubEndpoint.Received request = proxy.received().get(0);
            assertThat(request.method()).isEqualTo(method.name());
            assertThat(request.header("Host")).isEqualTo("mws.amazonservices.com");
            assertThat(request.header("User-Agent")).startsWith("VectorTest/1.0 (Language=Java/").contains("; Platform=");
            if (method == RequestMethod.POST) {
                assertThat(request.uri().toString()).isEqualTo("http://mws.amazonservices.com/Sellers/2011-07-01");
                assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
                assertThat(request.body()).isEqualTo(sent);
            } else {
                assertThat(request.uri().toString()).isEqualTo("http://mws.amazonservices.com/Sellers/2011-07-01?" + sent);
                assertThat(request.body()).isEmpty();
            }
            assertThat(answer).extracting(MarketplaceParticipation::marketplaceId).containsExactly("ATVPDKIKX0DER");
        }
    }
}
