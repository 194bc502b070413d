import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Sequential small writes through the control API, one at a time, as fast as they are answered:
 * throttling of one developer switched off and on again (a DELETE, plus an INSERT when off, each
 * its own commit). Prints writes per second and latency percentiles of the last N.
 * Usage: java WriteRate.java http://localhost:18082 TOKEN DEVELOPER_ID COUNT
 */
public class WriteRate {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String developer = args[2];
        int count = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/sandbox/v1/developers/" + developer + "/throttling"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        for (int i = 0; i < count / 2; i++) {   // warm-up
            send(http, request, i);
        }
        long[] nanos = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            send(http, request, i);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%d writes in %.1f s: %.0f writes/s, p50 %.2f ms, p99 %.2f ms%n", count, seconds, count / seconds,
                nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6);
    }

    private static void send(HttpClient http, HttpRequest.Builder request, int i) throws Exception {
        HttpResponse<String> r = http.send(request.copy()
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + (i % 2 == 1) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Answered " + r.statusCode() + ": " + r.body());
        }
    }
}
