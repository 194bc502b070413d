package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of encoding, canonicalisation and signing.
 *
 * <p>Strings are generated from Unicode scalar values (any code point except U+D800..U+DFFF), so
 * they include supplementary characters but never lone surrogates, which UTF-8 cannot carry (a
 * Java string holding one has no UTF-8 form and is refused by the encoder). Generated with
 * QuickTheories, which shrinks a failing example to a small one.
 */
class SignaturePropertiesTest {

    private static final int TRIES = 1000;

    static Gen<String> unicode() {
        Gen<Integer> codePoint = Generate.frequency(
                Pair.of(5, integers().between(0x20, 0x7E)),
                Pair.of(2, integers().between(0x80, 0xD7FF)),
                Pair.of(1, integers().between(0xE000, 0xFFFF)),
                Pair.of(2, integers().between(0x10000, 0x10FFFF)),
                Pair.of(1, integers().between(0, 0x1F)));
        return lists().of(codePoint).ofSizeBetween(0, 24).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    static Gen<Map<String, String>> parameters() {
        Gen<String> name = arbitrary().pick("Action", "MarketplaceId.Id.1", "MarketplaceId.Id.2",
                        "MarketplaceId.Id.10", "MWSAuthToken", "Marketplace", "Merchant", "SellerId", "Timestamp",
                        "a", "A", "\u00E9")
                .mix(unicode().assuming(s -> !s.isEmpty() && !s.equals("Signature")), 50);
        return maps().of(name, unicode()).ofSizeBetween(0, 12).map(m -> {
            Map<String, String> copy = new LinkedHashMap<>(m);
            copy.remove("Signature");
            return copy;
        });
    }

    @Test
    void encodeThenDecodeGivesTheStringBack() {
        qt().withExamples(TRIES).forAll(unicode()).checkAssert(value ->
                assertThat(PercentEncoding.decodeFormComponent(PercentEncoding.encode(value))).isEqualTo(value));
    }

    @Test
    void encodingUsesOnlyUnreservedCharactersAndUppercaseEscapes() {
        qt().withExamples(TRIES).forAll(unicode()).checkAssert(value ->
                assertThat(PercentEncoding.encode(value)).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*"));
    }

    @Test
    void encodingAgreesWithTheOfficialClientsUrlEncoderIdiom() {
        qt().withExamples(TRIES).forAll(unicode()).checkAssert(value -> {
            // MwsUtl.urlEncode of the official Java client: URLEncoder, then + -> %20, * -> %2A, %7E -> ~
            String official = URLEncoder.encode(value, StandardCharsets.UTF_8)
                    .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
            assertThat(PercentEncoding.encode(value)).isEqualTo(official);
        });
    }

    @Test
    void canonicalQueryDoesNotDependOnParameterOrder() {
        qt().withExamples(TRIES).forAll(parameters(), longs().all()).checkAssert((params, seed) -> {
            List<Map.Entry<String, String>> entries = new ArrayList<>(params.entrySet());
            Collections.shuffle(entries, new Random(seed));
            Map<String, String> shuffled = new LinkedHashMap<>();
            entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));

            assertThat(CanonicalQuery.of(shuffled)).isEqualTo(CanonicalQuery.of(params));
        });
    }

    /** What a client signs. */
    record Request(String httpMethod, String host, String path, Map<String, String> params, String secret) {
    }

    enum Mutation { NONE, HTTP_METHOD, HOST, PATH, PARAMETER_VALUE, PARAMETER_ADDED, PARAMETER_REMOVED, SECRET }

    static Gen<Request> requests() {
        Gen<String> method = arbitrary().pick("GET", "POST");
        Gen<String> host = arbitrary().pick("mws.amazonservices.com", "localhost:8443", "mws-eu.amazonservices.com");
        Gen<String> path = arbitrary().pick("/", "/Orders/2013-09-01", "/Feeds/2009-01-01", "/Orders/2013-09-01/");
        Gen<String> secret = strings().betweenCodePoints('0', 'z').ofLengthBetween(1, 40);
        return method.zip(host, path, parameters(), secret, (m, h, p, params, s) -> {
            Map<String, String> withSig = new LinkedHashMap<>(params);
            withSig.put("SignatureMethod", "HmacSHA256");
            withSig.put("SignatureVersion", "2");
            withSig.put("Action", "ListOrders");
            return new Request(m, h, p, withSig, s);
        });
    }

    @Test
    void aSignatureVerifiesIfAndOnlyIfEverythingSignedIsUnchanged() {
        qt().withExamples(TRIES)
                .forAll(requests(), arbitrary().enumValues(Mutation.class), unicode())
                .checkAssert(SignaturePropertiesTest::verifiesIffUnchanged);
    }

    private static void verifiesIffUnchanged(Request r, Mutation mutation, String extra) {
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
