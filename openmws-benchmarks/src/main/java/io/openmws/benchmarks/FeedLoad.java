package io.openmws.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    private static final Pattern SUBMISSION_ID = Pattern.compile("<FeedSubmissionId>(\\d+)</FeedSubmissionId>");
    private static final String FEEDS_PATH = "/Feeds/2009-01-01";

    private final PlatformCalls calls;
    private final String base;
    private final HttpClient http;

    private FeedLoad(String base) {
        this.calls = new PlatformCalls(base);
        this.base = calls.base;
        this.http = calls.http;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FeedLoad BASE_URL setup | submit TYPE FILE | submit-junk TYPE BYTES | result ID FILE");
            System.exit(2);
        }
        FeedLoad load = new FeedLoad(args[0]);
        switch (args[1]) {
            case "setup" -> load.calls.setup(System.getenv("OPERATOR_TOKEN"), "Feed Bench");
            case "submit" -> System.out.println(load.submit(args[2], Path.of(args[3])));
            case "submit-junk" -> load.submitJunk(args[2], Long.parseLong(args[3]));
            case "result" -> load.result(args[2], Path.of(args[3]));
            default -> {
                System.err.println("unknown verb " + args[1]);
                System.exit(2);
            }
        }
    }

    private String submit(String feedType, Path file) throws Exception {
        String md5;
        try (InputStream in = Files.newInputStream(file)) {
            md5 = PlatformCalls.md5(in);
        }
        return send(feedType, md5, HttpRequest.BodyPublishers.ofFile(file));
    }

    private void submitJunk(String feedType, long bytes) throws Exception {
        String md5;
        try (InputStream in = junk(bytes)) {
            md5 = PlatformCalls.md5(in);
        }
        Supplier<InputStream> body = () -> junk(bytes);
        long start = System.nanoTime();
        String id = send(feedType, md5, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body), bytes));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %.1f %.0f%n", id, seconds, bytes / seconds / (1 << 20));
    }

    private String send(String feedType, String md5, HttpRequest.BodyPublisher body) throws Exception {
        Map<String, String> params = calls.signedParams("SubmitFeed", "2009-01-01", "Merchant");
        params.put("FeedType", feedType);
        params.put("MarketplaceIdList.Id.1", "ATVPDKIKX0DER");
        params.put("ContentMD5Value", md5);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + FEEDS_PATH + "?" + calls.sign(FEEDS_PATH, params)))
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
        Map<String, String> params = calls.signedParams("GetFeedSubmissionResult", "2009-01-01", "Merchant");
        params.put("FeedSubmissionId", feedSubmissionId);
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(base + FEEDS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "FeedLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")")
                .POST(HttpRequest.BodyPublishers.ofString(calls.sign(FEEDS_PATH, params))).build(), HttpResponse.BodyHandlers.ofFile(out));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GetFeedSubmissionResult answered HTTP " + r.statusCode() + "\n"
                    + Files.readString(out));
        }
        String expected = r.headers().firstValue("Content-MD5").orElse("");
        String actual;
        try (InputStream in = Files.newInputStream(out)) {
            actual = PlatformCalls.md5(in);
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("Content-MD5 " + expected + " but the report's MD5 is " + actual);
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
