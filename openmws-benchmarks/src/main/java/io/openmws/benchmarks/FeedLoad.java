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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed calls of the feed benchmark ({@code bench/feeds/run.sh}, see BENCHMARKS.md), against a
 * running platform in sandbox mode. Verbs:
 *
 * <ul>
 *   <li>{@code setup}: a seller selling in the US marketplace, a developer authorized by it with
 *       throttling off; prints {@code KEY=value} lines for the shell ({@code SELLER_ID},
 *       {@code ACCESS_KEY_ID}, {@code SECRET_KEY}, {@code MWS_AUTH_TOKEN}).</li>
 *   <li>{@code submit FEED_TYPE FILE}: SubmitFeed with the file streamed from disk (its MD5 taken in a
 *       first pass, as MWS clients do); prints the FeedSubmissionId.</li>
 *   <li>{@code submit-junk FEED_TYPE BYTES}: SubmitFeed of BYTES generated on the fly (never held in
 *       memory on either side): an XML root the feed readers refuse at once, then filler. Prints the
 *       FeedSubmissionId and the upload rate.</li>
 *   <li>{@code result ID FILE}: GetFeedSubmissionResult into FILE, checking its Content-MD5.</li>
 * </ul>
 *
 * <p>The credentials of {@code setup} come back in through the environment of the same names.
 * Usage: {@code java -cp openmws-benchmarks/target/benchmarks.jar io.openmws.benchmarks.FeedLoad
 * BASE_URL VERB [ARGS...]}; {@code setup} also needs the operator token in {@code OPERATOR_TOKEN}.
 */
public final class FeedLoad {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern SUBMISSION_ID = Pattern.compile("<FeedSubmissionId>(\\d+)</FeedSubmissionId>");
    private static final String FEEDS_PATH = "/Feeds/2009-01-01";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private FeedLoad(String base) {
        this.base = base.replaceAll("/$", "");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FeedLoad BASE_URL setup | submit TYPE FILE | submit-junk TYPE BYTES | result ID FILE");
            System.exit(2);
        }
        FeedLoad load = new FeedLoad(args[0]);
        switch (args[1]) {
            case "setup" -> load.setup(System.getenv("OPERATOR_TOKEN"));
            case "submit" -> System.out.println(load.submit(args[2], Path.of(args[3])));
            case "submit-junk" -> load.submitJunk(args[2], Long.parseLong(args[3]));
            case "result" -> load.result(args[2], Path.of(args[3]));
            default -> {
                System.err.println("unknown verb " + args[1]);
                System.exit(2);
            }
        }
    }

    private void setup(String operatorToken) throws Exception {
        Map<String, String> seller = control(operatorToken, "/sandbox/v1/sellers",
                "{\"businessName\":\"Feed Bench\",\"marketplaces\":[\"ATVPDKIKX0DER\"]}", 201);
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

    private String submit(String feedType, Path file) throws Exception {
        String md5;
        try (InputStream in = Files.newInputStream(file)) {
            md5 = md5(in);
        }
        return send(feedType, md5, HttpRequest.BodyPublishers.ofFile(file));
    }

    private void submitJunk(String feedType, long bytes) throws Exception {
        String md5;
        try (InputStream in = junk(bytes)) {
            md5 = md5(in);
        }
        Supplier<InputStream> body = () -> junk(bytes);
        long start = System.nanoTime();
        String id = send(feedType, md5, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body), bytes));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %.1f %.0f%n", id, seconds, bytes / seconds / (1 << 20));
    }

    private String send(String feedType, String md5, HttpRequest.BodyPublisher body) throws Exception {
        Map<String, String> params = signedParams("SubmitFeed");
        params.put("FeedType", feedType);
        params.put("MarketplaceIdList.Id.1", "ATVPDKIKX0DER");
        params.put("ContentMD5Value", md5);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + FEEDS_PATH + "?" + sign(params)))
                .header("Content-Type", "text/tab-separated-values; charset=utf-8")
                .header("User-Agent", "FeedLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = SUBMISSION_ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("SubmitFeed answered HTTP " + r.statusCode() + "\n" + r.body());
        }
        return m.group(1);
    }

    private void result(String feedSubmissionId, Path out) throws Exception {
        Map<String, String> params = signedParams("GetFeedSubmissionResult");
        params.put("FeedSubmissionId", feedSubmissionId);
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(base + FEEDS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "FeedLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")")
                .POST(HttpRequest.BodyPublishers.ofString(sign(params))).build(), HttpResponse.BodyHandlers.ofFile(out));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GetFeedSubmissionResult answered HTTP " + r.statusCode() + "\n"
                    + Files.readString(out));
        }
        String expected = r.headers().firstValue("Content-MD5").orElse("");
        String actual;
        try (InputStream in = Files.newInputStream(out)) {
            actual = md5(in);
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("Content-MD5 " + expected + " but the report's MD5 is " + actual);
        }
    }

    private Map<String, String> signedParams(String action) {
        Map<String, String> params = new TreeMap<>();
        params.put("AWSAccessKeyId", env("ACCESS_KEY_ID"));
        params.put("Action", action);
        params.put("Merchant", env("SELLER_ID"));
        params.put("MWSAuthToken", env("MWS_AUTH_TOKEN"));
        params.put("Version", "2009-01-01");
        params.put("Timestamp", Timestamps.format(Instant.now()));
        return params;
    }

    private String sign(Map<String, String> params) {
        URI uri = URI.create(base);
        return RequestSigner.of(SigningSecret.of(env("SECRET_KEY")), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", uri.getHost() + ":" + uri.getPort(), FEEDS_PATH, params);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set (run the setup verb first)");
        }
        return value;
    }

    private Map<String, String> control(String token, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, String> fields = new TreeMap<>();
        Matcher m = FIELD.matcher(r.body());
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }

    private static String md5(InputStream in) throws IOException {
        MessageDigest digest = md5Digest();
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** BYTES of a feed no reader accepts: a wrong XML root element, then spaces and newlines. */
    private static InputStream junk(long bytes) {
        byte[] head = "<?xml version=\"1.0\"?>\n<NotAnAmazonEnvelope>\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= bytes) {
                    return -1;
                }
                long p = position++;
                return p < head.length ? head[(int) p] : (p % 80 == 79 ? '\n' : ' ');
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= bytes) {
                    return -1;
                }
                int n = (int) Math.min(len, bytes - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    b[off + i] = p < head.length ? head[(int) p] : (byte) (p % 80 == 79 ? '\n' : ' ');
                }
                position += n;
                return n;
            }
        };
    }
}
