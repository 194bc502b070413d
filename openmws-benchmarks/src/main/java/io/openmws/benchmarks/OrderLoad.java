package io.openmws.benchmarks;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls of the orders benchmark ({@code bench/orders/run.sh}, see BENCHMARKS.md), against a running
 * platform in sandbox mode. Verbs:
 *
 * <ul>
 *   <li>{@code setup}: as {@link PlatformCalls#setup}; prints {@code KEY=value} lines for the shell.</li>
 *   <li>{@code pages PAGE REPEATS}: walks ListOrders (100 per page, every order since 2000) with
 *       ListOrdersByNextToken to page PAGE, then calls page 1 and page PAGE (its NextToken again)
 *       REPEATS times each, interleaved, and prints the latency percentiles of both and their ratio.
 *       Every page must hold 100 orders.</li>
 *   <li>{@code race SELLER_ID SKU CLIENTS ATTEMPTS}: CLIENTS threads, started together, each trying
 *       ATTEMPTS times to buy one unit of SKU through the control API; prints how many orders were
 *       placed and how many refused.</li>
 * </ul>
 */
public final class OrderLoad {

    private static final String ORDERS_PATH = "/Orders/2013-09-01";
    private static final String VERSION = "2013-09-01";
    private static final String USER_AGENT = "OrderLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")";
    private static final Pattern NEXT_TOKEN = Pattern.compile("<NextToken>([^<]+)</NextToken>");
    private static final Pattern ORDER = Pattern.compile("<Order>");

    private final PlatformCalls calls;

    private OrderLoad(String base) {
        this.calls = new PlatformCalls(base);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: OrderLoad BASE_URL setup | pages PAGE REPEATS | race SELLER_ID SKU CLIENTS ATTEMPTS");
            System.exit(2);
        }
        OrderLoad load = new OrderLoad(args[0]);
        switch (args[1]) {
            case "setup" -> load.calls.setup(System.getenv("OPERATOR_TOKEN"), "Order Bench");
            case "pages" -> load.pages(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "race" -> load.race(System.getenv("OPERATOR_TOKEN"), args[2], args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> {
                System.err.println("unknown verb " + args[1]);
                System.exit(2);
            }
        }
    }

    private void pages(int page, int repeats) throws Exception {
        long walkStart = System.nanoTime();
        String body = firstPage();
        String token = null;
        for (int p = 2; p <= page; p++) {
            token = nextToken(body, p - 1);
            body = byNextToken(token);
        }
        System.out.printf("walked %d pages in %.1f s%n", page, (System.nanoTime() - walkStart) / 1e9);
        long[] first = new long[repeats];
        long[] later = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            firstPage();
            first[i] = System.nanoTime() - t;
            t = System.nanoTime();
            byNextToken(token);
            later[i] = System.nanoTime() - t;
        }
        double p99First = percentile(first, 99);
        double p99Later = percentile(later, 99);
        System.out.printf("page 1: p50 %.1f ms, p99 %.1f ms%n", percentile(first, 50), p99First);
        System.out.printf("page %d: p50 %.1f ms, p99 %.1f ms%n", page, percentile(later, 50), p99Later);
        System.out.printf("p99 ratio page %d / page 1: %.2f%n", page, p99Later / p99First);
    }

    private String firstPage() throws Exception {
        Map<String, String> params = calls.signedParams("ListOrders", VERSION, "SellerId");
        params.put("MarketplaceId.Id.1", "ATVPDKIKX0DER");
        params.put("CreatedAfter", "2000-01-01T00:00:00Z");
        params.put("MaxResultsPerPage", "100");
        return checked(calls.post(ORDERS_PATH, params, USER_AGENT), 1);
    }

    private String byNextToken(String token) throws Exception {
        Map<String, String> params = calls.signedParams("ListOrdersByNextToken", VERSION, "SellerId");
        params.put("NextToken", token);
        return checked(calls.post(ORDERS_PATH, params, USER_AGENT), -1);
    }

    private static String checked(HttpResponse<String> r, int page) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("page " + page + " answered HTTP " + r.statusCode() + "\n" + r.body());
        }
        long orders = ORDER.matcher(r.body()).results().count();
        if (orders != 100) {
            throw new IllegalStateException("a page held " + orders + " orders, not 100");
        }
        return r.body();
    }

    private static String nextToken(String body, int page) {
        Matcher m = NEXT_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("page " + page + " has no NextToken: not enough orders");
        }
        return m.group(1);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private void race(String token, String sellerId, String sku, int clients, int attempts) throws Exception {
        String path = "/sandbox/v1/sellers/" + sellerId + "/orders";
        String json = "{\"marketplaceId\":\"ATVPDKIKX0DER\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int a = 0; a < attempts; a++) {
                    HttpResponse<String> r = calls.controlCall(token, path, json);
                    switch (r.statusCode()) {
                        case 201 -> placed.incrementAndGet();
                        case 409 -> refused.incrementAndGet();
                        default -> throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        long t = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%d %d %.2f%n", placed.get(), refused.get(), (System.nanoTime() - t) / 1e9);
    }
}
