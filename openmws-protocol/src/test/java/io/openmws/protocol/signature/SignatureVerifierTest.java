package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.openmws.protocol.signature.SignatureVerification.HostVariant;
import io.openmws.protocol.signature.SignatureVerification.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureVerifierTest {

    static final String SECRET = SignatureV2VectorsTest.SECRET;
    static final SigningSecret KEY = SigningSecret.of(SECRET);
    static final String HOST = "mws.amazonservices.com";
    static final String PATH = "/Sellers/2011-07-01";

    /** The docs/protocol.md §3.5 V1 request as a server receives it, Signature included. */
    static Map<String, String> received() {
        Map<String, String> p = new LinkedHashMap<>(SignatureV2VectorsTest.v1("HmacSHA256"));
        p.put("Signature", "w8J4gX1iCaeAO4EPE/KtMK9ewlsvGbvTfRQrFdpJjYM=");
        return p;
    }

    static Map<String, String> with(String name, String value) {
        Map<String, String> p = received();
        if (value == null) {
            p.remove(name);
        } else {
            p.put(name, value);
        }
        return p;
    }

    @Test
    void matchingSignatureIsValid() {
        SignatureVerification result = SignatureVerifier.strict().verify("POST", HOST, PATH, received(), KEY);

        assertThat(result.isValid()).isTrue();
        assertThat(result.hostVariant()).contains(HostVariant.AS_RECEIVED);
        assertThat(result.stringToSign()).isEmpty();
    }

    @Test
    void hostHeaderCaseDoesNotMatter() {
        assertThat(SignatureVerifier.strict().verify("POST", "MWS.AmazonServices.com", PATH, received(), KEY).isValid())
                .isTrue();
    }

    @Test
    void mismatchCarriesTheComputedStringToSignAndNoSecret() {
        SignatureVerification result = SignatureVerifier.strict()
                .verify("POST", HOST, PATH, with("Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(result.stringToSign()).map(StringToSign::value)
                .contains("POST\n" + HOST + "\n" + PATH + "\n" + SignatureV2VectorsTest.V1_CANONICAL);
        assertThat(result.toString()).doesNotContain(SECRET).doesNotContain("w8J4gX1iCaeAO4EPE");
        assertThat(result.stringToSign().orElseThrow().value()).doesNotContain(SECRET);
    }

    static Stream<Arguments> tamperings() {
        return Stream.<Arguments>of(
                arguments("another HTTP method", "GET", HOST, PATH, received(), SECRET),
                arguments("another host", "POST", "mws-eu.amazonservices.com", PATH, received(), SECRET),
                arguments("a port the client did not sign", "POST", HOST + ":8443", PATH, received(), SECRET),
                arguments("another path", "POST", HOST, "/Orders/2013-09-01", received(), SECRET),
                arguments("a trailing slash on the path", "POST", HOST, PATH + "/", received(), SECRET),
                arguments("a changed parameter value", "POST", HOST, PATH, with("SellerId", "A2OTHER"), SECRET),
                arguments("an added parameter", "POST", HOST, PATH, with("Extra", "1"), SECRET),
                arguments("a removed parameter", "POST", HOST, PATH, with("MWSAuthToken", null), SECRET),
                arguments("an emptied parameter", "POST", HOST, PATH, with("MWSAuthToken", ""), SECRET),
                arguments("another secret", "POST", HOST, PATH, received(), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEz"),
                arguments("a signature that is not base64", "POST", HOST, PATH, with("Signature", "not*base64"), SECRET),
                arguments("a truncated signature", "POST", HOST, PATH,
                        with("Signature", "w8J4gX1iCaeAO4EPE/KtMK9ewlsvGbvTfRQrFdpJ"), SECRET));
    }

    @ParameterizedTest(name = "{0} is a mismatch")
    @MethodSource("tamperings")
    void anyChangeToWhatWasSignedIsAMismatch(String description, String method, String host, String path,
                                             Map<String, String> params, String secret) {
        SignatureVerification result = SignatureVerifier.strict()
                .verify(method, host, path, params, SigningSecret.of(secret));

        assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(result.stringToSign()).isPresent();
    }

    /** The same rows minus the unsigned port, which the lenient verifier accepts by design (§13). */
    static Stream<Arguments> tamperingsBesidesThePort() {
        return tamperings().filter(a -> !((String) a.get()[0]).contains("port"));
    }

    @ParameterizedTest(name = "{0} is a mismatch even when the port may be dropped")
    @MethodSource("tamperingsBesidesThePort")
    void lenientHostHandlingAcceptsNoOtherChange(String description, String method, String host, String path,
                                                 Map<String, String> params, String secret) {
        SignatureVerification result = SignatureVerifier.tryingHostWithoutPort()
                .verify(method, host + ":8443", path, params, SigningSecret.of(secret));

        assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("no Signature", with("Signature", null), Outcome.MISSING_PARAMETER, "Signature"),
                arguments("no SignatureVersion", with("SignatureVersion", null), Outcome.MISSING_PARAMETER, "SignatureVersion"),
                arguments("no SignatureMethod", with("SignatureMethod", null), Outcome.MISSING_PARAMETER, "SignatureMethod"),
                arguments("SignatureVersion 1", with("SignatureVersion", "1"), Outcome.UNSUPPORTED_SIGNATURE_VERSION, null),
                arguments("SignatureMethod HmacMD5", with("SignatureMethod", "HmacMD5"), Outcome.UNSUPPORTED_SIGNATURE_METHOD, null),
                arguments("SignatureMethod in the wrong case", with("SignatureMethod", "hmacsha256"),
                        Outcome.UNSUPPORTED_SIGNATURE_METHOD, null));
    }

    @ParameterizedTest(name = "{0} is refused before any HMAC")
    @MethodSource("refusals")
    void missingOrUnsupportedSignatureParametersAreRefused(String description, Map<String, String> params,
                                                           Outcome expected, String missing) {
        SignatureVerification result = SignatureVerifier.strict().verify("POST", HOST, PATH, params, KEY);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.missingParameter().orElse(null)).isEqualTo(missing);
    }

    @Test
    void hmacSha1SignatureIsVerified() {
        Map<String, String> p = new LinkedHashMap<>(SignatureV2VectorsTest.v1("HmacSHA1"));
        p.put("Signature", "3NhrUnGKr9DBKLeQj3UAxmsyToQ=");

        SignatureVerification result = SignatureVerifier.strict().verify("POST", HOST, PATH, p, KEY);

        assertThat(result.isValid()).isTrue();
        assertThat(result.signatureMethod()).contains(SignatureMethod.HMAC_SHA1);
    }

    @Test
    void signatureOverTheBareHostIsAcceptedWithThePortRemovedVariant() {
        // The client signed "mws.amazonservices.com" but its Host header says ":8443" (§13).
        SignatureVerification result = SignatureVerifier.tryingHostWithoutPort()
                .verify("POST", HOST + ":8443", PATH, received(), KEY);

        assertThat(result.isValid()).isTrue();
        assertThat(result.hostVariant()).contains(HostVariant.PORT_REMOVED);
    }

    @Test
    void strictVerifierDoesNotTryTheHostWithoutPort() {
        SignatureVerification result = SignatureVerifier.strict().verify("POST", HOST + ":8443", PATH, received(), KEY);

        assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(result.stringToSign().orElseThrow().hostLine()).isEqualTo(HOST + ":8443");
    }

    @Test
    void signatureOverHostAndPortMatchesAsReceived() {
        RequestSigner signer = RequestSigner.of(KEY, SignatureMethod.HMAC_SHA256);
        Map<String, String> p = SignatureV2VectorsTest.v1("HmacSHA256");
        p.put("Signature", signer.sign("POST", "localhost:8443", PATH, p));

        SignatureVerification result = SignatureVerifier.tryingHostWithoutPort()
                .verify("POST", "localhost:8443", PATH, p, KEY);

        assertThat(result.hostVariant()).contains(HostVariant.AS_RECEIVED);
    }

    @Test
    void mismatchWithLenientVerifierReportsTheHostAsReceived() {
        SignatureVerification result = SignatureVerifier.tryingHostWithoutPort()
                .verify("POST", "localhost:8443", PATH, received(), KEY);

        assertThat(result.stringToSign().orElseThrow().hostLine()).isEqualTo("localhost:8443");
    }

    @Test
    void emptyPathIsVerifiedAsSlash() {
        Map<String, String> p = SignatureV2VectorsTest.v3();
        p.put("Signature", "htfLIboIKOGQoeUOyFwe2EZDNy1rEefMz0TPEtkdM8k=");

        assertThat(SignatureVerifier.strict().verify("POST", HOST, "", p, KEY).isValid()).isTrue();
    }

    @Test
    void verifierDescribesItsHostPolicy() {
        assertThat(SignatureVerifier.strict().toString()).doesNotContain("without port");
        assertThat(SignatureVerifier.tryingHostWithoutPort().toString()).contains("without port");
    }
}
