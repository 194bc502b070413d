package io.openmws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.params.MwsParameterParser;
import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.signature.HostLine;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SignatureVerification;
import io.openmws.protocol.signature.SignatureVerifier;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The README's signing example, run as written, and checked by the server's side of the module. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleProducesABodyTheVerifierAccepts() {
        String secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        Instant now = Instant.parse("2020-05-28T11:22:23Z");

        Map<String, String> params = new TreeMap<>(Map.of(
                "AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE",
                "Action", "ListMarketplaceParticipations",
                "SellerId", "A1EXAMPLESELLER",
                "MWSAuthToken", "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0000000",
                "Timestamp", Timestamps.format(now),
                "Version", "2011-07-01"));
        RequestSigner signer = RequestSigner.of(SigningSecret.of(secretKey), SignatureMethod.HMAC_SHA256);
        String host = HostLine.forEndpoint("https", "mws.amazonservices.com", 443);
        String body = signer.signedQuery("POST", host, "/Sellers/2011-07-01", params);

        MwsParameters received = MwsParameterParser.standard().parse("",
                "application/x-www-form-urlencoded; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        SignatureVerification verdict = SignatureVerifier.strict().verify("POST", "mws.amazonservices.com",
                "/Sellers/2011-07-01", received.asMap(), SigningSecret.of(secretKey));

        assertThat(host).isEqualTo("mws.amazonservices.com");
        assertThat(body).contains("SignatureMethod=HmacSHA256").contains("SignatureVersion=2").contains("Signature=");
        assertThat(verdict.outcome()).isEqualTo(SignatureVerification.Outcome.VALID);
    }
}
