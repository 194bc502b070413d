package io.openmws.sdk;

import io.openmws.protocol.signature.HostLine;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Signed calls made without the SDK, with the protocol module alone: to use up a bucket behind the SDK's back. */
final class RawCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawCalls() {
    }

    /** One {@code ListMarketplaceParticipations} for the authorized seller; answers the HTTP status. */
    static int listMarketplaceParticipations(Sandbox sandbox, SandboxDeveloper developer, SandboxAuthorization grant)
            throws Exception {
        Map<String, String> params = new TreeMap<>(Map.of(
                "AWSAccessKeyId", developer.accessKeyId(), "Action", "ListMarketplaceParticipations",
                "SellerId", grant.sellerId(), "MWSAuthToken", grant.mwsAuthToken(),
                "Timestamp", Timestamps.format(Instant.now()), "Version", "2011-07-01"));
        String host = HostLine.forEndpoint("http", sandbox.baseUrl().getHost(), sandbox.baseUrl().getPort());
        String body = RequestSigner.of(SigningSecret.of(developer.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", host, "/Sellers/2011-07-01", params);
        return HTTP.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/Sellers/2011-07-01"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A control API call the testkit does not wrap; answers the HTTP status. */
    static int control(Sandbox sandbox, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                        .header("Authorization", "Bearer " + sandbox.operatorToken())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
