package io.openmws.benchmarks;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load programs share: the sandbox control API with the operator's token, and signed MWS
 * calls made with the credentials a {@code setup} verb printed ({@code SELLER_ID},
 * {@code ACCESS_KEY_ID}, {@code SECRET_KEY}, {@code MWS_AUTH_TOKEN}, read back from the environment).
 */
final class PlatformCalls {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PlatformCalls(String base) {
        this.base = base.replaceAll("/$", "");
    }

    /** A seller selling in the US marketplace and a developer it authorized, throttling off; prints KEY=value lines. */
    void setup(String operatorToken, String businessName) throws Exception {
        Map<String, String> seller = control(operatorToken, "/sandbox/v1/sellers",
                "{\"businessName\":\"" + businessName + "\",\"marketplaces\":[\"ATVPDKIKX0DER\"]}", 201);
        Map<String, String> developer = control(operatorToken, "/sandbox/v1/developers", "{}", 201);
        control(operatorToken, "/sandbox/v1/developers/" + developer.get("developerId") + "/throttling",
                "{\"enabled\": false}", 200);
        Map<String, String> grant = control(operatorToken, "/sandbox/v1/authorizations",
                "{\"sellerId\":\"" + seller.get("sellerId") + "\",\"developerId\":\"" + developer.get("developerId") + "\"}", 201);
        System.out.println("SELLER_ID=" + seller.get("sellerId"));
        System.out.println("ACCESS_KEY_ID=" + developer.get("accessKeyId"));
        System.out.println("SECRET_KEY=" + developer.get("secretKey"));
        System.out.println("MWS_AUTH_TOKEN=" + grant.get("mwsAuthToken"));
    }

    /** The common parameters of a signed call by the set-up developer for the set-up seller. */
    Map<String, String> signedParams(String action, String version, String sellerParameter) {
        return signedParams(action, version, sellerParameter, env("ACCESS_KEY_ID"), env("SELLER_ID"),
                env("MWS_AUTH_TOKEN"));
    }

    /** The common parameters of a signed call by the developer {@code accessKeyId} for the seller {@code sellerId}. */
    static Map<String, String> signedParams(String action, String version, String sellerParameter, String accessKeyId,
                                            String sellerId, String mwsAuthToken) {
        Map<String, String> params = new TreeMap<>();
        params.put("AWSAccessKeyId", accessKeyId);
        params.put("Action", action);
        params.put(sellerParameter, sellerId);
        params.put("MWSAuthToken", mwsAuthToken);
        params.put("Version", version);
        params.put("Timestamp", Timestamps.format(Instant.now()));
        return params;
    }

    /** The signed query (or form body) for a POST to {@code path}. */
    String sign(String path, Map<String, String> params) {
        return sign(path, params, env("SECRET_KEY"));
    }

    /** The signed query (or form body) for a POST to {@code path}, signed with {@code secretKey}. */
    String sign(String path, Map<String, String> params, String secretKey) {
        URI uri = URI.create(base);
        return RequestSigner.of(SigningSecret.of(secretKey), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", uri.getHost() + ":" + uri.getPort(), path, params);
    }

    /** A signed form POST; the answer as text. */
    HttpResponse<String> post(String path, Map<String, String> params, String userAgent) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(sign(path, params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Base64 of the MD5 of everything {@code in} gives (a {@code Content-MD5} value). */
    static String md5(InputStream in) throws IOException {
        MessageDigest digest = md5Digest();
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set (run the setup verb first)");
        }
        return value;
    }

    /** A control API POST that must answer {@code expected}; the answer's top-level string fields. */
    Map<String, String> control(String token, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = controlCall(token, path, json);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return fields(r.body());
    }

    /** The top-level string fields of a control API answer (the first of each name). */
    Map<String, String> fields(String json) {
        Map<String, String> fields = new TreeMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }

    /** A control API POST, whatever it answers. */
    HttpResponse<String> controlCall(String token, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
