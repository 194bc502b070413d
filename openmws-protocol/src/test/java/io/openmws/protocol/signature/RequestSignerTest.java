package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    static final String SECRET = SignatureV2VectorsTest.SECRET;
    static final RequestSigner SIGNER = RequestSigner.of(SigningSecret.of(SECRET), SignatureMethod.HMAC_SHA256);

    static Map<String, String> unsignedV1() {
        Map<String, String> p = new LinkedHashMap<>(SignatureV2VectorsTest.v1("HmacSHA256"));
        p.remove("SignatureMethod");
        p.remove("SignatureVersion");
        return p;
    }

    @Test
    void signedParametersAddMethodVersionAndSignature() {
        SortedMap<String, String> signed = SIGNER.signedParameters("POST", "mws.amazonservices.com",
                "/Sellers/2011-07-01", unsignedV1());

        assertThat(signed).containsEntry("SignatureMethod", "HmacSHA256").containsEntry("SignatureVersion", "2")
                .containsEntry("Signature", "w8J4gX1iCaeAO4EPE/KtMK9ewlsvGbvTfRQrFdpJjYM=");
        assertThat(signed.comparator()).isSameAs(CanonicalQuery.NAME_ORDER);
    }

    @Test
    void signedQueryEncodesTheSignatureForTheWire() {
        String query = SIGNER.signedQuery("POST", "mws.amazonservices.com", "/Sellers/2011-07-01", unsignedV1());

        assertThat(query).contains("&Signature=w8J4gX1iCaeAO4EPE%2FKtMK9ewlsvGbvTfRQrFdpJjYM%3D&")
                .startsWith("AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListMarketplaceParticipations&")
                .contains("Timestamp=2020-05-28T11%3A22%3A23Z");
    }

    @Test
    void signingParametersThatDeclareAnotherMethodIsRefused() {
        Map<String, String> p = SignatureV2VectorsTest.v1("HmacSHA1");
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.sign("POST", "h", "/", p))
                .withMessageContaining("HmacSHA1");
    }

    @Test
    void signingAlreadySignedParametersIsRefused() {
        Map<String, String> p = unsignedV1();
        p.put("Signature", "x");
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.signedParameters("POST", "h", "/", p));
    }

    @Test
    void signatureVersionOtherThanTwoIsRefused() {
        Map<String, String> p = unsignedV1();
        p.put("SignatureVersion", "1");
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.signedParameters("POST", "h", "/", p));
    }

    @Test
    void lineBreaksInTheHostOrPathAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.sign("POST", "h\nx", "/", unsignedV1()));
        assertThatIllegalArgumentException().isThrownBy(() -> SIGNER.sign("POST", "h", "/a\r\n", unsignedV1()));
    }

    @Test
    void signatureIgnoresAnExistingSignatureParameter() {
        Map<String, String> p = SignatureV2VectorsTest.v1("HmacSHA256");
        String clean = SIGNER.sign("POST", "mws.amazonservices.com", "/Sellers/2011-07-01", p);
        p.put("Signature", "anything");
        assertThat(SIGNER.sign("POST", "mws.amazonservices.com", "/Sellers/2011-07-01", p)).isEqualTo(clean);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(SigningSecret.of(SECRET).toString()).doesNotContain(SECRET).contains("redacted");
        assertThat(SIGNER.toString()).doesNotContain(SECRET).doesNotContain("wJalr").contains("redacted");
    }

    @Test
    void emptySecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SigningSecret.of(""));
    }

    @Test
    void signingIsSafeFromManyThreads() throws Exception {
        Map<String, String> p = SignatureV2VectorsTest.v1("HmacSHA256");
        Thread[] threads = new Thread[4];
        String[] failures = new String[1];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String s = SIGNER.sign("POST", "mws.amazonservices.com", "/Sellers/2011-07-01", p);
                    if (!s.equals("w8J4gX1iCaeAO4EPE/KtMK9ewlsvGbvTfRQrFdpJjYM=")) {
                        failures[0] = s;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures[0]).isNull();
    }

    @Test
    void signatureMethodIsParsedExactly() {
        assertThat(SignatureMethod.parse("HmacSHA256")).isEqualTo(SignatureMethod.HMAC_SHA256);
        assertThat(SignatureMethod.parse("HmacSHA1")).isEqualTo(SignatureMethod.HMAC_SHA1);
        assertThat(SignatureMethod.fromParameterValue("HMACSHA256")).isEmpty();
        assertThat(SignatureMethod.fromParameterValue(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> SignatureMethod.parse("HmacSHA512"));
    }
}
