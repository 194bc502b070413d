import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N browsers sign in to the portal at the same moment: each loads /login (CSRF token and session
 * cookie of its own), then all post the form together. Prints how many reached Seller Central.
 * Usage: java SignInBurst.java http://localhost:18081 clients email password
 */
public class SignInBurst {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        String email = args[2];
        String password = args[3];
        List<HttpClient> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on /login");
            }
            browsers.add(browser);
            tokens.add(m.group(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            HttpClient browser = browsers.get(i);
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(tokens.get(i), StandardCharsets.UTF_8);
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                            .timeout(Duration.ofSeconds(180))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    String to = r.headers().firstValue("Location").orElse("");
                    return r.statusCode() == 302 && to.endsWith("/sellercentral") ? "signed-in"
                            : r.statusCode() == 302 ? "302 to " + URI.create(to).getPath()
                            + (URI.create(to).getQuery() == null ? "" : "?" + URI.create(to).getQuery())
                            : "status " + r.statusCode();
                } catch (Exception e) {
                    return e.getClass().getSimpleName();
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Future<String> outcome : outcomes) {
            counts.merge(outcome.get(), 1, Integer::sum);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        System.out.println("clients " + clients + ", all answered in " + millis + " ms");
        counts.forEach((what, n) -> System.out.println("  " + what + ": " + n));
    }
}
