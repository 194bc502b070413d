package io.openmws.benchmarks;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against a running platform (sandbox mode), from a second process on the same machine:
 * signed {@code ListMarketplaceParticipations} calls for many (seller, developer) pairs, with
 * throttling switched off, beside an unauthenticated trivial endpoint of the same server.
 *
 * <ol>
 *   <li>Creates developers and sellers through the control API, authorizes every developer for every
 *       seller, and switches the developers' throttling off.</li>
 *   <li>Measures the most calls per second each endpoint serves with {@code connections} callers in
 *       a closed loop.</li>
 *   <li>Sends signed calls at half that rate in an open loop and reports latency percentiles,
 *       measured from when each call was due (so a stalled server cannot hide its queue).</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp openmws-benchmarks/target/benchmarks.jar io.openmws.benchmarks.GatewayLoad
 * BASE_URL OPERATOR_TOKEN [sellers=100] [developers=10] [seconds=20] [connections=16] [bodies-file]}.
 * With a bodies file, it only makes the fixtures and writes one signed form body a line (valid for
 * 15 minutes), for a load tool such as wrk ({@code bench/gateway/run.sh}).
 */
public final class GatewayLoad {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    record Developer(String developerId, String sellerId, String accessKeyId, String secretKey) {}

    record Call(String body) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GatewayLoad BASE_URL OPERATOR_TOKEN [sellers] [developers] [seconds] [connections]");
            System.exit(2);
        }
        int sellers = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int developers = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        java.nio.file.Path bodies = args.length > 6 ? java.nio.file.Path.of(args[6]) : null;
        new GatewayLoad(args[0].replaceAll("/$", ""), args[1]).run(sellers, developers, seconds, connections, bodies);
    }

    private void run(int sellerCount, int developerCount, int seconds, int connections, java.nio.file.Path bodies)
            throws Exception {
        System.out.printf("Fixtures: %d sellers x %d developers%n", sellerCount, developerCount);
        List<Developer> developers = new ArrayList<>();
        for (int i = 0; i < developerCount; i++) {
            Map<String, String> d = post("/sandbox/v1/developers", "{}", 201);
            developers.add(new Developer(d.get("developerId"), d.get("sellerId"), d.get("accessKeyId"), d.get("secretKey")));
            post("/sandbox/v1/developers/" + d.get("developerId") + "/throttling", "{\"enabled\": false}", 200);
        }
        List<Call> calls = new ArrayList<>();
        for (int s = 0; s < sellerCount; s++) {
            String sellerId = post("/sandbox/v1/sellers", "{\"marketplaces\":[\"ATVPDKIKX0DER\",\"A2EUQ1WTGCTBG2\"]}", 201)
                    .get("sellerId");
            for (Developer d : developers) {
                Map<String, String> grant = post("/sandbox/v1/authorizations",
                        "{\"sellerId\":\"" + sellerId + "\",\"developerId\":\"" + d.developerId() + "\"}", 201);
                calls.add(new Call(sign(d, sellerId, grant.get("mwsAuthToken"))));
            }
        }
        URI api = URI.create(base + "/Sellers/2011-07-01");
        URI trivial = URI.create(base + "/actuator/health/liveness");
        HttpRequest probe = request(api, calls.get(0));
        HttpResponse<String> first = http.send(probe, HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("A signed call failed: HTTP " + first.statusCode() + "\n" + first.body());
        }
        if (bodies != null) {
            java.nio.file.Files.write(bodies, calls.stream().map(Call::body).toList());
            System.out.printf("%,d signed bodies written to %s%n", calls.size(), bodies);
            return;
        }

        System.out.printf("Warm-up %d s ...%n", Math.min(10, seconds));
        closedLoop(i -> request(api, calls.get(i % calls.size())), Math.min(10, seconds), connections);
        closedLoop(i -> HttpRequest.newBuilder(trivial).GET().build(), Math.min(5, seconds), connections);

        double signed = closedLoop(i -> request(api, calls.get(i % calls.size())), seconds, connections);
        double plain = closedLoop(i -> HttpRequest.newBuilder(trivial).GET().build(), seconds, connections);
        double rate = signed / 2;
        long[] latencies = openLoop(i -> request(api, calls.get(i % calls.size())), rate, seconds, connections);

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---:|");
        System.out.printf("| signed ListMarketplaceParticipations, max | %,.0f calls/s |%n", signed);
        System.out.printf("| GET /actuator/health/liveness, max | %,.0f calls/s |%n", plain);
        System.out.printf("| ratio signed / trivial | %.0f %% |%n", 100 * signed / plain);
        System.out.printf("| open loop at %,.0f calls/s: p50 | %.2f ms |%n", rate, percentile(latencies, 50));
        System.out.printf("| p90 | %.2f ms |%n", percentile(latencies, 90));
        System.out.printf("| p99 | %.2f ms |%n", percentile(latencies, 99));
        System.out.printf("| p99.9 | %.2f ms |%n", percentile(latencies, 99.9));
        System.out.printf("| calls in the open loop | %,d |%n", latencies.length);
    }

    private String sign(Developer d, String sellerId, String mwsAuthToken) {
        Map<String, String> params = new TreeMap<>(Map.of(
                "AWSAccessKeyId", d.accessKeyId(), "Action", "ListMarketplaceParticipations",
                "SellerId", sellerId, "MWSAuthToken", mwsAuthToken, "Version", "2011-07-01",
                // Valid for 15 minutes: long enough for a run of a few minutes.
                "Timestamp", Timestamps.format(Instant.now())));
        String host = URI.create(base).getHost() + ":" + URI.create(base).getPort();
        return RequestSigner.of(SigningSecret.of(d.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", host, "/Sellers/2011-07-01", params);
    }

    private static HttpRequest request(URI api, Call call) {
        return HttpRequest.newBuilder(api)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "GatewayLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")")
                .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                .build();
    }

    interface Requests {
        HttpRequest get(int i);
    }

    /** Calls per second that {@code connections} callers get, each sending as soon as the last answer came. */
    private double closedLoop(Requests requests, int seconds, int connections) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> r = http.send(requests.get(next.getAndIncrement()), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.out.printf("  (%,d calls failed)%n", failed.get());
        }
        return done.get() / elapsed;
    }

    /** Latencies (ns) of calls sent at a fixed rate, each measured from when it was due. */
    private long[] openLoop(Requests requests, double rate, int seconds, int connections) throws InterruptedException {
        int total = (int) (rate * seconds);
        long[] latencies = new long[total];
        long interval = (long) (1e9 / rate);
        ExecutorService pool = Executors.newFixedThreadPool(connections * 4);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            pool.execute(() -> {
                try {
                    http.send(requests.get(n), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // counted as a very slow call below
                }
                latencies[n] = System.nanoTime() - due;
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        return latencies;
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private Map<String, String> post(String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, String> fields = new TreeMap<>();
        Matcher m = FIELD.matcher(r.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }
}
