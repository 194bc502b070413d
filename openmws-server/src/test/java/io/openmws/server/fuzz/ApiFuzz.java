package io.openmws.server.fuzz;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.fuzz.FuzzOperations.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input run against a platform at {@code base}: sets up its scene through the sandbox
 * control API and signed calls, sends {@code count} generated requests of one seed on a few threads,
 * and counts the answers by status and error code. {@code HostileInputTest} runs a few thousand of
 * them in the build; {@code bench/fuzz/run.sh} runs {@link #main} against the packaged jar, which
 * then sends the {@link HostileFeeds} too.
 *
 * <p>Usage: {@code ApiFuzz BASE_URL OPERATOR_TOKEN [count=100000] [seed=18] [threads=4]}; exit code 1
 * when any answer is a problem.
 */
public final class ApiFuzz {

    /** The counts of a run, and the first problems (each with the request that caused it). */
    record Result(long requests, Map<String, Long> byOutcome, Map<String, Long> byMutation, List<String> problems,
                  long problemCount, Duration took) {

        String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%,d requests in %.1f s, %,d problems%n", requests, took.toMillis() / 1000.0,
                    problemCount));
            sb.append("by status and code:\n");
            byOutcome.forEach((k, v) -> sb.append(String.format("  %-48s %,9d%n", k, v)));
            sb.append("by kind of request:\n");
            byMutation.forEach((k, v) -> sb.append(String.format("  %-48s %,9d%n", k, v)));
            problems.forEach(p -> sb.append("PROBLEM ").append(p).append('\n'));
            return sb.toString();
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final int KEPT_PROBLEMS = 40;

    private final URI base;
    private final String operatorToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ApiFuzz(String base, String operatorToken) {
        this.base = URI.create(base.replaceAll("/$", ""));
        this.operatorToken = operatorToken;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: ApiFuzz BASE_URL OPERATOR_TOKEN [count=100000] [seed=18] [threads=4]");
            System.exit(2);
        }
        long count = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 18;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        ApiFuzz fuzz = new ApiFuzz(args[0], args[1]);
        RequestFuzzer.Scene scene = fuzz.scene();
        Result result = fuzz.run(scene, count, seed, threads);
        System.out.print(result.table());
        System.out.println("hostile feeds:");
        List<HostileFeeds.Outcome> feeds = new HostileFeeds(args[0], scene).run();
        System.out.print(HostileFeeds.table(feeds));
        boolean feedsRight = feeds.stream().allMatch(o -> o.problem() == null);
        System.exit(result.problemCount() == 0 && feedsRight ? 0 : 1);
    }

    /** Sends requests 0 to count-1 of the seed and checks every answer. */
    Result run(RequestFuzzer.Scene scene, long count, long seed, int threads) throws InterruptedException {
        RequestFuzzer fuzzer = new RequestFuzzer(scene, seed);
        RawHttp raw = new RawHttp(base.getHost(), base.getPort());
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Map<String, LongAdder> mutations = new ConcurrentHashMap<>();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong problemCount = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                long i;
                while ((i = next.getAndIncrement()) < count) {
                    FuzzRequest request;
                    try {
                        request = fuzzer.request(i);
                    } catch (RuntimeException e) {
                        // the generator's own bug: counted and shown, never silently skipped
                        outcomes.computeIfAbsent("generator failed", k -> new LongAdder()).increment();
                        if (problemCount.incrementAndGet() <= KEPT_PROBLEMS) {
                            problems.add("the generator failed on request #" + i + ": " + e);
                        }
                        continue;
                    }
                    String kind = request.mutation().replaceAll("[:+].*", "");
                    mutations.computeIfAbsent(kind, k -> new LongAdder()).increment();
                    AnswerCheck.Verdict verdict;
                    try {
                        verdict = AnswerCheck.check(request, raw.send(request));
                    } catch (IOException | RuntimeException e) {
                        verdict = new AnswerCheck.Verdict("no answer", "no answer: " + e);
                    }
                    outcomes.computeIfAbsent(verdict.outcome(), k -> new LongAdder()).increment();
                    if (verdict.problem() != null && problemCount.incrementAndGet() <= KEPT_PROBLEMS) {
                        problems.add(verdict.problem() + "\n    from " + request.describe());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(6, TimeUnit.HOURS);
        return new Result(count, sorted(outcomes), sorted(mutations), new ArrayList<>(problems), problemCount.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    // ---- the scene

    /**
     * A seller (US and Canada) and a developer it authorized, throttling off for the developer (or
     * every request after the first few would be a throttled one), a second seller, and real ids
     * harvested from real answers: feed submissions, a report request, NextTokens.
     */
    RequestFuzzer.Scene scene() throws Exception {
        String seller = control("/sandbox/v1/sellers", "{\"marketplaces\":[\"ATVPDKIKX0DER\",\"A2EUQ1WTGCTBG2\"]}", 201)
                .get("sellerId");
        String other = control("/sandbox/v1/sellers", "{}", 201).get("sellerId");
        Map<String, String> developer = control("/sandbox/v1/developers", "{}", 201);
        control("/sandbox/v1/developers/" + developer.get("developerId") + "/throttling", "{\"enabled\": false}", 200);
        String token = control("/sandbox/v1/authorizations", "{\"sellerId\":\"" + seller + "\",\"developerId\":\""
                + developer.get("developerId") + "\"}", 201).get("mwsAuthToken");
        String hostLine = base.getHost() + ":" + base.getPort();
        RequestFuzzer.Scene bare = new RequestFuzzer.Scene(hostLine, seller, developer.get("accessKeyId"),
                developer.get("secretKey"), token, other, Map.of());

        Map<Kind, List<String>> known = new EnumMap<>(Kind.class);
        for (int i = 0; i < 3; i++) {
            byte[] feed = ("sku\tprice\tquantity\nFUZZ-" + i + "\t1" + i + ".00\t5\n").getBytes(StandardCharsets.UTF_8);
            String answer = signed(bare, "/", Map.of("Action", "SubmitFeed", "Version", "2009-01-01",
                    "FeedType", "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "MarketplaceIdList.Id.1",
                    "ATVPDKIKX0DER", "ContentMD5Value", Base64.getEncoder().encodeToString(
                            MessageDigest.getInstance("MD5").digest(feed)), "Merchant", seller), feed);
            harvest(answer, "FeedSubmissionId", Kind.FEED_ID, known);
            harvest(signed(bare, "/", Map.of("Action", "RequestReport", "Version", "2009-01-01",
                    "ReportType", "_GET_MERCHANT_LISTINGS_DATA_", "Merchant", seller), null),
                    "ReportRequestId", Kind.REPORT_REQUEST_ID, known);
        }
        harvest(signed(bare, "/", Map.of("Action", "GetFeedSubmissionList", "Version", "2009-01-01", "MaxCount", "1",
                "Merchant", seller), null), "NextToken", Kind.TOKEN, known);
        harvest(signed(bare, "/", Map.of("Action", "GetReportRequestList", "Version", "2009-01-01", "MaxCount", "1",
                "Merchant", seller), null), "NextToken", Kind.TOKEN, known);
        // the reports are made in the background: wait a little for one
        for (int i = 0; i < 30 && !known.containsKey(Kind.REPORT_ID); i++) {
            harvest(signed(bare, "/", Map.of("Action", "GetReportList", "Version", "2009-01-01", "Merchant", seller),
                    null), "ReportId", Kind.REPORT_ID, known);
            if (!known.containsKey(Kind.REPORT_ID)) {
                Thread.sleep(500);
            }
        }
        known.put(Kind.MARKETPLACE, List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"));
        return new RequestFuzzer.Scene(hostLine, seller, developer.get("accessKeyId"), developer.get("secretKey"),
                token, other, known);
    }

    private static void harvest(String answer, String element, Kind kind, Map<Kind, List<String>> known) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(answer);
        while (m.find()) {
            List<String> values = new ArrayList<>(known.getOrDefault(kind, List.of()));
            if (!values.contains(m.group(1))) {
                values.add(m.group(1));
            }
            known.put(kind, List.copyOf(values));
        }
    }

    /** A correctly signed POST (parameters in the query when there is a feed body); the answer's text. */
    private String signed(RequestFuzzer.Scene scene, String path, Map<String, String> params, byte[] feed)
            throws IOException, InterruptedException {
        Map<String, String> all = new TreeMap<>(params);
        all.put("AWSAccessKeyId", scene.accessKeyId());
        all.put("MWSAuthToken", scene.mwsAuthToken());
        all.put("Timestamp", Timestamps.format(Instant.now()));
        String query = RequestSigner.of(SigningSecret.of(scene.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", scene.hostLine(), path, all);
        HttpRequest.Builder request = feed != null
                ? HttpRequest.newBuilder(base.resolve(path + "?" + query)).header("Content-Type", "text/tab-separated-values")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(feed))
                : HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(query));
        HttpResponse<String> response = http.send(request.header("User-Agent", RequestFuzzer.USER_AGENT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Setting up the scene: " + params.get("Action") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private Map<String, String> control(String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, String> fields = new TreeMap<>();
        Matcher m = FIELD.matcher(response.body());
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }
}
