package io.openmws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The README's testkit example, as written there, plus what it claims about the year after. */
@OpenMwsSandbox
class ReadmeExampleTest {

    @Test
    void aSellerWhoAuthorizedUsIsReachable(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        SandboxAuthorization grant = sandbox.authorize(seller, developer);

        Map<String, String> params = new TreeMap<>(Map.of(
                "AWSAccessKeyId", developer.accessKeyId(), "Action", "ListMarketplaceParticipations",
                "SellerId", grant.sellerId(), "MWSAuthToken", grant.mwsAuthToken(),
                "Timestamp", Timestamps.format(Instant.now()), "Version", "2011-07-01"));
        String host = sandbox.baseUrl().getHost() + ":" + sandbox.baseUrl().getPort();
        String body = RequestSigner.of(SigningSecret.of(developer.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", host, "/Sellers/2011-07-01", params);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve("/Sellers/2011-07-01"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).contains("<MarketplaceId>A2EUQ1WTGCTBG2</MarketplaceId>");
        sandbox.advance(Duration.ofDays(366));   // a year later the authorization has expired

        params.put("Timestamp", Timestamps.format(Instant.now()));
        String again = RequestSigner.of(SigningSecret.of(developer.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", host, "/Sellers/2011-07-01", params);
        HttpResponse<String> expired = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve("/Sellers/2011-07-01"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(again)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>");
        assertThat(grant.toString()).doesNotContain(grant.mwsAuthToken());
    }
}
