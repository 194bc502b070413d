package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of encoding, canonicalisation and signing.
 *
 * <p>Strings are generated from Unicode scalar values (any code point except U+D800..U+DFFF), so
 * they include supplementary characters but never lone surrogates, which UTF-8 cannot carry (a
 * Java string holding one has no UTF-8 form and is refused by the encoder).
 */
class SignaturePropertiesTest {

    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x1F)));
        return codePoint.list().ofMaxSize(24).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of("Action", "MarketplaceId.Id.1", "MarketplaceId.Id.2", "MarketplaceId.Id.10",
                        "MWSAuthToken", "Marketplace", "Merchant", "SellerId", "Timestamp", "a", "A", "é"),
                unicode().filter(s -> !s.isEmpty()));
        return Arbitraries.maps(name, unicode()).ofMaxSize(12)
                .map(m -> {
                    m.remove("Signature");
                    return m;
                });
    }

    @Property
    void encodeThenDecodeGivesTheStringBack(@ForAll("unicode") String value) {
        assertThat(PercentEncoding.decodeFormComponent(PercentEncoding.encode(value))).isEqualTo(value);
    }

    @Property
    void encodingUsesOnlyUnreservedCharactersAndUppercaseEscapes(@ForAll("unicode") String value) {
        assertThat(PercentEncoding.encode(value)).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*");
    }

    @Property
    void encodingAgreesWithTheOfficialClientsUrlEncoderIdiom(@ForAll("unicode") String value) {
        // MwsUtl.urlEncode of the official Java client: URLEncoder, then + -> %20, * -> %2A, %7E -> ~
        String official = URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        assertThat(PercentEncoding.encode(value)).isEqualTo(official);
    }

    @Property
    void canonicalQueryDoesNotDependOnParameterOrder(@ForAll("parameters") Map<String, String> params,
                                                     @ForAll long seed) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(params.entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<String, String> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));

        assertThat(CanonicalQuery.of(shuffled)).isEqualTo(CanonicalQuery.of(params));
    }

    /** What a client signs. */
    record Request(String httpMethod, String host, String path, Map<String, String> params, String secret) {
    }

    enum Mutation { NONE, HTTP_METHOD, HOST, PATH, PARAMETER_VALUE, PARAMETER_ADDED, PARAMETER_REMOVED, SECRET }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST");
        Arbitrary<String> host = Arbitraries.of("mws.amazonservices.com", "localhost:8443", "mws-eu.amazonservices.com");
        Arbitrary<String> path = Arbitraries.of("/", "/Orders/2013-09-01", "/Feeds/2009-01-01", "/Orders/2013-09-01/");
        Arbitrary<String> secret = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
        return Combinators.combine(method, host, path, parameters(), secret)
                .as((m, h, p, params, s) -> {
                    Map<String, String> withSig = new LinkedHashMap<>(params);
                    withSig.put("SignatureMethod", "HmacSHA256");
                    withSig.put("SignatureVersion", "2");
                    withSig.put("Action", "ListOrders");
                    return new Request(m, h, p, withSig, s);
                });
    }

    @Property
    void aSignatureVerifiesIfAndOnlyIfEverythingSignedIsUnchanged(@ForAll("requests") Request r,
                                                                    @ForAll Mutation mutation,
                                                                    @ForAll("unicode") String extra) {
        Map<String, String> received = new LinkedHashMap<>(r.params());
        received.put("Signature", RequestSigner.of(SigningSecret.of(r.secret()), SignatureMethod.HMAC_SHA256)
                .sign(r.httpMethod(), r.host(), r.path(), r.params()));
        String method = r.httpMethod();
        String host = r.host();
        String path = r.path();
        String secret = r.secret();
        boolean changed = true;
        switch (mutation) {
            case NONE -> changed = false;
            case HTTP_METHOD -> method = method.equals("GET") ? "POST" : "GET";
            case HOST -> host = "x" + host;
            case PATH -> path = path + "x";
            case PARAMETER_VALUE -> received.put("Action", "ListOrders" + extra + "x");
            case PARAMETER_ADDED -> received.put("Extra\u00E9" + extra, extra);
            case PARAMETER_REMOVED -> received.remove("Action");
            case SECRET -> secret = secret + "x";
            default -> throw new AssertionError(mutation);
        }
        SignatureVerification result = SignatureVerifier.strict()
                .verify(method, host, path, received, SigningSecret.of(secret));

        assertThat(result.outcome()).as("%s", mutation).isEqualTo(changed
                ? SignatureVerification.Outcome.SIGNATURE_MISMATCH : SignatureVerification.Outcome.VALID);
    }
}
