package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.protocol.error.MwsErrorCode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The value types' rules and their printing. */
class ValuesTest {

    private static final String TOKEN = "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c2";

    @Test
    void aSellerAccessNamesOneToFiveMarketplaces() {
        assertThat(SellerAccess.of("A2986ZQ066CH2F", TOKEN, List.of("ATVPDKIKX0DER")).marketplaceIds()).hasSize(1);
        assertThat(SellerAccess.of("A2986ZQ066CH2F", TOKEN, List.of("A1PA6795UKMFR9", "A1RKKUPIHCS9HS",
                "A13V1IB3VIYZZH", "AMEN7PMS3EDWL", "A1F83G8C2ARO7P")).marketplaceIds()).hasSize(5);

        assertThatThrownBy(() -> SellerAccess.of("A2986ZQ066CH2F", TOKEN, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 5").hasMessageContaining("none");
        assertThatThrownBy(() -> SellerAccess.of("A2986ZQ066CH2F", TOKEN, Collections.nCopies(6, "ATVPDKIKX0DER")))
                .hasMessageContaining("at most 5").hasMessageContaining("6 were given");
        assertThatThrownBy(() -> SellerAccess.of("A2986ZQ066CH2F", TOKEN, List.of("us")))
                .hasMessageContaining("'us' is not a marketplace id");
        assertThatThrownBy(() -> SellerAccess.of("A2986ZQ066CH2F", TOKEN, List.of("ATVPDKIKX0DER", "ATVPDKIKX0DER")))
                .hasMessageContaining("given twice");
    }

    @Test
    void aSellerAccessRefusesMalformedIdsAndTokensWithoutRepeatingTheToken() {
        assertThatThrownBy(() -> SellerAccess.of("a2986zq", TOKEN, List.of("ATVPDKIKX0DER")))
                .hasMessageContaining("SellerId");
        assertThatThrownBy(() -> SellerAccess.of("A2986ZQ066CH2F", "4ea38b7b-f563", List.of("ATVPDKIKX0DER")))
                .hasMessageContaining("must start with 'amzn.mws.'").hasMessageNotContaining("4ea38b7b");
        assertThatThrownBy(() -> SellerAccess.of("A2986ZQ066CH2F", "amzn.mws.secret token!", List.of("ATVPDKIKX0DER")))
                .hasMessageContaining("Copy it again").hasMessageNotContaining("secret token");
    }

    @Test
    void printingNeverShowsASecretOrAToken() {
        SellerAccess access = SellerAccess.of("A2986ZQ066CH2F", TOKEN, List.of("ATVPDKIKX0DER"));
        DeveloperCredentials credentials = DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        assertThat(access.toString()).isEqualTo("SellerAccess[A2986ZQ066CH2F, token amzn.mws.\u2026d3c2, marketplaces [ATVPDKIKX0DER]]");
        assertThat(SellerAccess.selfAccess("A2986ZQ066CH2F", List.of("ATVPDKIKX0DER")).toString()).contains("self-access");
        assertThat(credentials.toString()).isEqualTo("DeveloperCredentials[AKIAIOSFODNN7EXAMPLE, secret redacted]");
        assertThatThrownBy(() -> DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "too-short-secret"))
                .hasMessageNotContaining("too-short-secret");
    }

    @Test
    void theClientSaysWhatIsMissing() {
        assertThatThrownBy(() -> MwsClient.builder().build()).hasMessageContaining("No endpoint");
        assertThatThrownBy(() -> MwsClient.builder().endpoint(java.net.URI.create("http://localhost:8080")).build())
                .hasMessageContaining("No credentials");
        assertThatThrownBy(() -> MwsClient.builder().endpoint(java.net.URI.create("http://localhost:8080"))
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .build()).hasMessageContaining("application(");
        assertThatThrownBy(() -> MwsClient.builder().endpoint(java.net.URI.create("ftp://example.com"))
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .application("AcmeSync", "2.1").build()).hasMessageContaining("needs an https://");
    }

    @Test
    void aCallersHttpClientBringsItsOwnProxyAndConnectTimeout() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        MwsClient.Builder builder = MwsClient.builder().endpoint(java.net.URI.create("http://localhost:8080"))
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .application("AcmeSync", "2.1").httpClient(http);

        assertThat(builder.build().endpoint()).hasToString("http://localhost:8080");
        assertThatThrownBy(() -> builder.connectTimeout(java.time.Duration.ofSeconds(3)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout")
                .hasMessageContaining("HttpClient.newBuilder()");
        assertThatThrownBy(() -> MwsClient.builder().endpoint(java.net.URI.create("http://localhost:8080"))
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .application("AcmeSync", "2.1").proxy(java.net.ProxySelector.getDefault()).httpClient(http).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("proxy");
    }

    @Test
    void theRegionSelectsTheRealHost() {
        MwsClient client = MwsClient.builder().region(io.openmws.protocol.marketplace.Region.EU)
                .credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .application("AcmeSync", "2.1").build();

        assertThat(client.endpoint()).hasToString("https://mws-eu.amazonservices.com");
        assertThat(client.userAgent().header()).startsWith("AcmeSync/2.1 (Language=Java/");
    }

    static Stream<Arguments> kinds() {
        Map<MwsErrorCode, MwsException.Kind> expected = Map.ofEntries(
                Map.entry(MwsErrorCode.INPUT_STREAM_DISCONNECTED, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.INVALID_PARAMETER_VALUE, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.VALIDATION_ERROR, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.REQUEST_EXPIRED, MwsException.Kind.REQUEST_EXPIRED),
                Map.entry(MwsErrorCode.ACCESS_DENIED, MwsException.Kind.ACCESS_DENIED),
                Map.entry(MwsErrorCode.INVALID_ACCESS_KEY_ID, MwsException.Kind.INVALID_ACCESS_KEY),
                Map.entry(MwsErrorCode.SIGNATURE_DOES_NOT_MATCH, MwsException.Kind.SIGNATURE),
                Map.entry(MwsErrorCode.INVALID_ADDRESS, MwsException.Kind.NOT_FOUND),
                Map.entry(MwsErrorCode.INTERNAL_ERROR, MwsException.Kind.SERVICE_ERROR),
                Map.entry(MwsErrorCode.QUOTA_EXCEEDED, MwsException.Kind.QUOTA_EXCEEDED),
                Map.entry(MwsErrorCode.REQUEST_THROTTLED, MwsException.Kind.THROTTLED),
                Map.entry(MwsErrorCode.SERVICE_UNAVAILABLE, MwsException.Kind.SERVICE_ERROR),
                Map.entry(MwsErrorCode.NEXT_TOKEN_CORRUPTED, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.CONTENT_MD5_MISSING, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.CONTENT_MD5_DOES_NOT_MATCH, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.FEED_PROCESSING_RESULT_NOT_READY, MwsException.Kind.NOT_READY),
                Map.entry(MwsErrorCode.INVALID_FEED_SUBMISSION_ID, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.INVALID_FEED_TYPE, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.FEED_CANCELED, MwsException.Kind.CANCELED),
                Map.entry(MwsErrorCode.INVALID_REPORT_ID, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.INVALID_REPORT_REQUEST_ID, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.REPORT_NOT_READY, MwsException.Kind.NOT_READY),
                Map.entry(MwsErrorCode.INVALID_REPORT_TYPE, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.INVALID_SCHEDULE_FREQUENCY, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.REPORT_NO_LONGER_AVAILABLE, MwsException.Kind.INVALID_PARAMETER),
                Map.entry(MwsErrorCode.ACCESS_TO_REPORT_DENIED, MwsException.Kind.ACCESS_DENIED),
                Map.entry(MwsErrorCode.INVALID_REQUEST, MwsException.Kind.INVALID_PARAMETER));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(MwsErrorCode.values());
        return expected.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kinds")
    void everyCatalogCodeHasItsKind(MwsErrorCode code, MwsException.Kind kind) {
        assertThat(MwsException.Kind.of(code.code(), code.httpStatus())).isEqualTo(kind);
    }

    @Test
    void unknownCodesAreKindedByStatus() {
        assertThat(MwsException.Kind.of("SomethingNew", 400)).isEqualTo(MwsException.Kind.OTHER);
        assertThat(MwsException.Kind.of("SomethingNew", 502)).isEqualTo(MwsException.Kind.SERVICE_ERROR);
        assertThat(MwsException.Kind.of("InvalidClientTokenId", 403)).isEqualTo(MwsException.Kind.INVALID_ACCESS_KEY);
    }
}
