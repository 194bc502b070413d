package io.openmws.benchmarks;

import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SignatureVerification;
import io.openmws.protocol.signature.SignatureVerifier;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.signature.StringToSign;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature Version 2 signing and verification of a realistic 12-parameter ListOrders request,
 * against a bare HmacSHA256 over the same precomputed string-to-sign bytes (the floor no signer can
 * beat). Single-threaded throughput.
 *
 * <pre>java -jar openmws-benchmarks/target/benchmarks.jar SignatureV2Benchmark -f 1 -wi 3 -i 5 -t 1</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Thread)
public class SignatureV2Benchmark {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String HOST = "mws.amazonservices.com";
    static final String PATH = "/Orders/2013-09-01";

    Map<String, String> unsorted;
    MwsParameters parameters;
    Map<String, String> received;
    RequestSigner signer;
    SigningSecret secret;
    byte[] stringToSignBytes;
    Mac bareMac;

    @Setup
    public void setUp() throws Exception {
        unsorted = new HashMap<>();
        unsorted.put("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE");
        unsorted.put("Action", "ListOrders");
        unsorted.put("SellerId", "A1EXAMPLESELLER");
        unsorted.put("MWSAuthToken", "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE");
        unsorted.put("SignatureMethod", "HmacSHA256");
        unsorted.put("SignatureVersion", "2");
        unsorted.put("Timestamp", "2020-05-28T11:22:23.514Z");
        unsorted.put("Version", "2013-09-01");
        unsorted.put("CreatedAfter", "2020-05-01T00:00:00Z");
        unsorted.put("MarketplaceId.Id.1", "ATVPDKIKX0DER");
        unsorted.put("MarketplaceId.Id.2", "A2EUQ1WTGCTBG2");
        unsorted.put("OrderStatus.Status.1", "Unshipped");
        parameters = MwsParameters.of(unsorted);

        secret = SigningSecret.of(SECRET);
        signer = RequestSigner.of(secret, SignatureMethod.HMAC_SHA256);
        received = parameters.with("Signature", signer.sign("POST", HOST, PATH, parameters.asMap())).asMap();

        stringToSignBytes = StringToSign.of("POST", HOST, PATH, parameters.asMap()).value()
                .getBytes(StandardCharsets.UTF_8);
        bareMac = Mac.getInstance("HmacSHA256");
        bareMac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** The floor: one HmacSHA256 over the precomputed string-to-sign bytes with a reused, keyed Mac. */
    @Benchmark
    public byte[] bareHmacSha256() {
        return bareMac.doFinal(stringToSignBytes);
    }

    /** Design check: the per-call cost of cloning a keyed prototype Mac (what SigningSecret does). */
    @Benchmark
    public byte[] hmacWithClonedMac() throws CloneNotSupportedException {
        return ((Mac) bareMac.clone()).doFinal(stringToSignBytes);
    }

    /** Design check: the alternative, a keyed Mac per thread looked up in a ThreadLocal. */
    @Benchmark
    public byte[] hmacWithThreadLocalMac() {
        return THREAD_MAC.get().doFinal(stringToSignBytes);
    }

    static final ThreadLocal<Mac> THREAD_MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /** Sign parameters already held as {@link MwsParameters} (canonical order, no sort). */
    @Benchmark
    public String sign() {
        return signer.sign("POST", HOST, PATH, parameters.asMap());
    }

    /** Sign parameters from a plain HashMap, which must be sorted first. */
    @Benchmark
    public String signUnsortedMap() {
        return signer.sign("POST", HOST, PATH, unsorted);
    }

    /** Server side: verify the received request, Signature included. */
    @Benchmark
    public SignatureVerification verify() {
        return SignatureVerifier.strict().verify("POST", HOST, PATH, received, secret);
    }
}
