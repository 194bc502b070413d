import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the two long lists through the sandbox control API: one seller ("the shop") and one
 * developer ("the developer"), then N sellers that each register a developer of their own, authorize
 * the developer, and are authorized by the shop. So the shop's Current Authorizations and the
 * developer's Authorized sellers both hold N authorizations; every tenth is revoked (past section).
 * Prints the shop's and the developer's sign-in emails.
 * Usage: java Seed.java http://localhost:18083 TOKEN PASSWORD N
 */
public class Seed {

    private static final Pattern FIELD = Pattern.compile("\"(sellerId|email|developerId)\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String password = args[2];
        int n = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        String[] shop = fields(post(http, base, token, "/sandbox/v1/sellers",
                "{\"password\":\"" + password + "\",\"businessName\":\"Bench Shop\"}"));
        String[] devSeller = fields(post(http, base, token, "/sandbox/v1/sellers",
                "{\"password\":\"" + password + "\",\"businessName\":\"Bench Developer\"}"));
        String developer = fields(post(http, base, token, "/sandbox/v1/developers",
                "{\"sellerId\":\"" + devSeller[0] + "\",\"developerName\":\"Bench Tools\"}"))[2];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(pool.submit(() -> {
                String seller = fields(post(http, base, token, "/sandbox/v1/sellers",
                        "{\"password\":\"" + password + "\",\"businessName\":\"Store " + k + "\"}"))[0];
                String own = fields(post(http, base, token, "/sandbox/v1/developers",
                        "{\"sellerId\":\"" + seller + "\",\"developerName\":\"Partner " + k + "\"}"))[2];
                post(http, base, token, "/sandbox/v1/authorizations",
                        "{\"sellerId\":\"" + seller + "\",\"developerId\":\"" + developer + "\"}");
                post(http, base, token, "/sandbox/v1/authorizations",
                        "{\"sellerId\":\"" + shop[0] + "\",\"developerId\":\"" + own + "\"}");
                if (k % 10 == 0) {
                    post(http, base, token, "/sandbox/v1/authorizations/" + seller + "/" + developer + "/revoke", "");
                    post(http, base, token, "/sandbox/v1/authorizations/" + shop[0] + "/" + own + "/revoke", "");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.err.printf("seeded 2 x %d authorizations in %.0f s%n", n, (System.nanoTime() - start) / 1e9);
        System.out.println(shop[1] + " " + devSeller[1]);
    }

    /** sellerId, email, developerId of an answer (null when absent). */
    private static String[] fields(String json) {
        String[] out = new String[3];
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            switch (m.group(1)) {
                case "sellerId" -> out[0] = out[0] == null ? m.group(2) : out[0];
                case "email" -> out[1] = m.group(2);
                default -> out[2] = m.group(2);
            }
        }
        return out;
    }

    private static String post(HttpClient http, String base, String token, String path, String json) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
