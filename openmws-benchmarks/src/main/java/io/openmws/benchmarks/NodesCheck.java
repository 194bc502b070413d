package io.openmws.benchmarks;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves, against several running nodes on one database and the reverse proxy in front of them
 * ({@code bench/nodes/run.sh}, see RELIABILITY.md "Several nodes behind a proxy"), each promise of
 * README "Several nodes on one database": one web session, one throttle budget, background jobs run
 * once, sandbox settings and service status shared, revocations, key deactivations and suspensions
 * seen by every node at the next call. Prints {@code PASS} or {@code FAIL} per promise, with what it
 * saw, and exits 1 when anything failed.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.openmws.benchmarks.NodesCheck PROXY_URL NODE1_URL NODE2_URL}
 * ({@code -Dnodes.feeds=30 -Dnodes.reports=30 -Dnodes.reminders=10} are the defaults);
 * the environment gives {@code OPERATOR_TOKEN} and {@code NODE_LOGS} (the nodes' log files, separated by
 * {@code :}, in which each feed and report request must be reported done exactly once).
 */
public final class NodesCheck {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String USER_AGENT = "NodesCheck/1.0 (Language=Java/" + System.getProperty("java.version") + ")";
    private static final String SELLERS = "/Sellers/2011-07-01";
    private static final String FEEDS = "/Feeds/2009-01-01";
    private static final String REPORTS = "/Reports/2009-01-01";
    private static final int FEEDS_SUBMITTED = Integer.getInteger("nodes.feeds", 30);
    private static final int REPORTS_REQUESTED = Integer.getInteger("nodes.reports", 30);
    private static final int REMINDED_SELLERS = Integer.getInteger("nodes.reminders", 10);

    private final String proxy;
    private final String node1;
    private final String node2;
    private final String operatorToken;
    private final List<Path> logs;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Boolean> results = new LinkedHashMap<>();
    private int calls;

    private NodesCheck(String proxy, String node1, String node2, String operatorToken, List<Path> logs) {
        this.proxy = proxy.replaceAll("/$", "");
        this.node1 = node1.replaceAll("/$", "");
        this.node2 = node2.replaceAll("/$", "");
        this.operatorToken = operatorToken;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: NodesCheck PROXY_URL NODE1_URL NODE2_URL (OPERATOR_TOKEN and NODE_LOGS in the environment)");
            System.exit(2);
        }
        List<Path> logs = new ArrayList<>();
        for (String log : System.getenv().getOrDefault("NODE_LOGS", "").split(":")) {
            if (!log.isBlank()) {
                logs.add(Path.of(log));
            }
        }
        NodesCheck check = new NodesCheck(args[0], args[1], args[2], PlatformCalls.env("OPERATOR_TOKEN"), logs);
        long start = System.nanoTime();
        check.run();
        long failed = check.results.values().stream().filter(ok -> !ok).count();
        System.out.printf("%d promises checked, %d failed; %d HTTP calls in %.1f s%n", check.results.size(), failed,
                check.calls, (System.nanoTime() - start) / 1e9);
        System.exit(failed == 0 ? 0 : 1);
    }

    private void run() throws Exception {
        Developer app = developer(false);
        Seller seller = seller();
        String token = authorize(seller.sellerId, app.developerId);
        Caller caller = new Caller(app.accessKeyId, app.secretKey, seller.sellerId, token);

        Session session = webSession(seller);
        oneThrottleBudget();
        sharedSettings(session, seller, app);
        signOutEverywhere(session);
        revocationSeenByEveryNode();
        deactivatedKeySeenByEveryNode();
        suspensionSeenByEveryNode();
        // Feeds run one seller's after another: three sellers, so that the nodes have feeds to compete for.
        List<Caller> feeders = new ArrayList<>(List.of(caller));
        for (int i = 0; i < 2; i++) {
            Seller other = seller();
            feeders.add(new Caller(app.accessKeyId, app.secretKey, other.sellerId, authorize(other.sellerId, app.developerId)));
        }
        feedsRunOnce(feeders);
        reportsRunOnce(caller);
        remindersMailedOnce(app);
    }

    // ---------------------------------------------------------------- one web session

    private Session webSession(Seller seller) throws Exception {
        Session session = new Session();
        // The form (and its CSRF token, kept in the session) from node 2, posted to node 1.
        Page login = session.get(node2, "/login");
        Page signedIn = session.post(node1, "/login", "username", seller.email, "password", seller.password,
                "_csrf", login.csrf());
        boolean signedInOnNode1 = signedIn.status == 302 && signedIn.location.endsWith("/sellercentral");
        Page onNode2 = session.get(node2, "/sellercentral");
        int signedInLoads = 0;
        for (int i = 0; i < 20; i++) {
            Page p = session.get(proxy, "/sellercentral");
            if (p.status == 200 && p.body.contains(seller.sellerId)) {
                signedInLoads++;
            }
        }
        record("one web session: signed in on node 1 with node 2's form, Seller Central on node 2 and 20 loads through the proxy",
                signedInOnNode1 && onNode2.status == 200 && onNode2.body.contains(seller.sellerId) && signedInLoads == 20,
                "sign-in on node 1 HTTP " + signedIn.status + ", node 2 HTTP " + onNode2.status
                        + ", signed-in loads through the proxy " + signedInLoads + "/20");
        return session;
    }

    private void signOutEverywhere(Session session) throws Exception {
        Page page = session.get(node1, "/sellercentral");
        Page out = session.post(node2, "/logout", "_csrf", page.csrf());
        Page onNode1 = session.get(node1, "/sellercentral");
        int signedOut = 0;
        for (int i = 0; i < 4; i++) {
            Page p = session.get(proxy, "/sellercentral");
            if (p.status == 302 && p.location.contains("/login")) {
                signedOut++;
            }
        }
        record("one web session: signing out on node 2 (node 1's page) signs out on node 1 and through the proxy",
                out.status == 302 && onNode1.status == 302 && onNode1.location.contains("/login") && signedOut == 4,
                "sign-out HTTP " + out.status + ", node 1 then HTTP " + onNode1.status + " to " + onNode1.location
                        + ", signed-out loads through the proxy " + signedOut + "/4");
    }

    // ---------------------------------------------------------------- one throttle budget

    /** ListMarketplaceParticipations: 15 at most, 1 restored a minute (the gateway's throttle table). */
    private void oneThrottleBudget() throws Exception {
        Developer dev = developer(true);
        Caller own = new Caller(dev.accessKeyId, dev.secretKey, dev.sellerId, null);
        int accepted = 0;
        int firstThrottled = -1;
        String throttledBy = "";
        for (int i = 1; i <= 40 && firstThrottled < 0; i++) {
            String node = i % 2 == 1 ? node1 : node2;
            HttpResponse<String> r = signed(node, SELLERS, own, "ListMarketplaceParticipations", "2011-07-01", "SellerId", Map.of());
            if (r.statusCode() == 200) {
                accepted++;
            } else if (r.statusCode() == 503 && r.body().contains("<Code>RequestThrottled</Code>")) {
                firstThrottled = i;
                throttledBy = node == node1 ? "node 1" : "node 2";
            } else {
                throw new IllegalStateException("ListMarketplaceParticipations answered HTTP " + r.statusCode() + "\n" + r.body());
            }
        }
        record("one throttle budget: ListMarketplaceParticipations (max 15, 1/min) alternating node 1 and node 2",
                accepted == 15 && firstThrottled == 16,
                accepted + " calls accepted, call " + firstThrottled + " throttled (by " + throttledBy
                        + "); one node alone throttles call 16");
    }

    // ---------------------------------------------------------------- sandbox settings and service status

    private void sharedSettings(Session session, Seller seller, Developer app) throws Exception {
        // Service status: node 2 answers once before, so anything it remembers is fresh.
        Developer dev = developer(false);
        Caller own = new Caller(dev.accessKeyId, dev.secretKey, dev.sellerId, null);
        String before = status(signed(node2, "/Orders/2013-09-01", own, "GetServiceStatus", "2013-09-01", "SellerId", Map.of()));
        control(node1, "/sandbox/v1/service-status/Orders", "{\"status\": \"RED\", \"messages\": [\"Nodes check.\"]}", 200);
        String after = status(signed(node2, "/Orders/2013-09-01", own, "GetServiceStatus", "2013-09-01", "SellerId", Map.of()));
        control(node1, "/sandbox/v1/service-status/Orders", "{\"status\": \"GREEN\"}", 200);
        String back = status(signed(node2, "/Orders/2013-09-01", own, "GetServiceStatus", "2013-09-01", "SellerId", Map.of()));
        record("service status: set RED then GREEN through node 1, node 2's next GetServiceStatus",
                before.equals("GREEN") && after.equals("RED") && back.equals("GREEN"),
                "node 2 answered " + before + ", then " + after + ", then " + back);

        // The clock: node 2 reads it, node 1 moves it an hour, node 2 reads it again at once.
        long offset0 = offsetSeconds(node2);
        control(node1, "/sandbox/v1/clock/advance", "{\"duration\": \"PT1H\"}", 200);
        long offset1 = offsetSeconds(node2);
        record("sandbox clock: moved 1 hour through node 1, node 2's next answer",
                offset1 - offset0 == 3600, "node 2's offset " + offset0 + " s, then " + offset1 + " s");

        // Throttling off per developer: GetServiceStatus (2, then 1 per 5 minutes) spent on node 2.
        Developer quota = developer(true);
        Caller q = new Caller(quota.accessKeyId, quota.secretKey, quota.sellerId, null);
        int[] statuses = new int[6];
        statuses[0] = signed(node2, SELLERS, q, "GetServiceStatus", "2011-07-01", "SellerId", Map.of()).statusCode();
        statuses[1] = signed(node2, SELLERS, q, "GetServiceStatus", "2011-07-01", "SellerId", Map.of()).statusCode();
        statuses[2] = signed(node2, SELLERS, q, "GetServiceStatus", "2011-07-01", "SellerId", Map.of()).statusCode();
        control(node1, "/sandbox/v1/developers/" + quota.developerId + "/throttling", "{\"enabled\": false}", 200);
        statuses[3] = signed(node2, SELLERS, q, "GetServiceStatus", "2011-07-01", "SellerId", Map.of()).statusCode();
        control(node1, "/sandbox/v1/developers/" + quota.developerId + "/throttling", "{\"enabled\": true}", 200);
        statuses[4] = signed(node2, SELLERS, q, "GetServiceStatus", "2011-07-01", "SellerId", Map.of()).statusCode();
        statuses[5] = signed(node2, SELLERS, q, "GetServiceStatus", "2011-07-01", "SellerId", Map.of()).statusCode();
        record("throttling off per developer: switched off, then on again, through node 1; node 2's next calls",
                statuses[2] == 503 && statuses[3] == 200 && statuses[4] == 503,
                "node 2: 2 calls " + statuses[0] + " " + statuses[1] + ", third " + statuses[2]
                        + ", after switching off " + statuses[3] + ", after switching on " + statuses[4] + " " + statuses[5]);

        // Staging mode: Seller Central's inventory page on node 2 shows the banner at the next load.
        boolean bannerBefore = session.get(node2, "/sellercentral/inventory").body.contains("id=\"staging-banner\"");
        control(node1, "/sandbox/v1/sellers/" + seller.sellerId + "/staging", "{\"enabled\": true}", 200);
        boolean bannerOn = session.get(node2, "/sellercentral/inventory").body.contains("id=\"staging-banner\"");
        control(node1, "/sandbox/v1/sellers/" + seller.sellerId + "/staging", "{\"enabled\": false}", 200);
        boolean bannerOff = session.get(node2, "/sellercentral/inventory").body.contains("id=\"staging-banner\"");
        record("staging mode: switched on, then off, through node 1; node 2's next Seller Central page",
                !bannerBefore && bannerOn && !bannerOff,
                "staging banner on node 2: " + bannerBefore + ", then " + bannerOn + ", then " + bannerOff);
    }

    private long offsetSeconds(String node) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node + "/sandbox/v1/clock"))
                .header("Authorization", "Bearer " + operatorToken).GET());
        Matcher m = Pattern.compile("\"offset\"\\s*:\\s*\"?([^\",}]+)").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("GET /sandbox/v1/clock answered HTTP " + r.statusCode() + ": " + r.body());
        }
        String value = m.group(1).strip();
        return value.startsWith("P") ? Duration.parse(value).toSeconds() : Math.round(Double.parseDouble(value));
    }

    private static String status(HttpResponse<String> r) {
        Matcher m = Pattern.compile("<Status>(\\w+)</Status>").matcher(r.body());
        return r.statusCode() == 200 && m.find() ? m.group(1) : "HTTP " + r.statusCode();
    }

    // ---------------------------------------------------------------- refusals seen by every node

    private void revocationSeenByEveryNode() throws Exception {
        Developer dev = developer(false);
        Seller seller = seller();
        String token = authorize(seller.sellerId, dev.developerId);
        Caller caller = new Caller(dev.accessKeyId, dev.secretKey, seller.sellerId, token);
        int before = participations(node2, caller);
        control(node1, "/sandbox/v1/authorizations/" + seller.sellerId + "/" + dev.developerId + "/revoke", "", 200);
        HttpResponse<String> after = signed(node2, SELLERS, caller, "ListMarketplaceParticipations", "2011-07-01", "SellerId", Map.of());
        record("revocation: revoked through node 1, node 2's next call",
                before == 200 && after.statusCode() == 401 && after.body().contains("<Code>AccessDenied</Code>"),
                "node 2 answered " + before + ", then " + describe(after));
    }

    private void deactivatedKeySeenByEveryNode() throws Exception {
        Seller owner = seller();
        Developer dev = developer(owner.sellerId);
        Caller own = new Caller(dev.accessKeyId, dev.secretKey, owner.sellerId, null);
        int before = participations(node2, own);
        Session session = new Session();
        Page login = session.get(node1, "/login");
        session.post(node1, "/login", "username", owner.email, "password", owner.password, "_csrf", login.csrf());
        Page central = session.get(node1, "/sellercentral/developer-central");
        Page deactivated = session.post(node1, "/sellercentral/developer-central/keys/" + dev.accessKeyId + "/deactivate",
                "_csrf", central.csrf());
        HttpResponse<String> after = signed(node2, SELLERS, own, "ListMarketplaceParticipations", "2011-07-01", "SellerId", Map.of());
        record("key deactivation: deactivated in Developer Central on node 1, node 2's next call",
                before == 200 && deactivated.status == 302 && refusedKey(after),
                "node 2 answered " + before + ", deactivation HTTP " + deactivated.status + ", then " + describe(after));
    }

    private void suspensionSeenByEveryNode() throws Exception {
        Developer dev = developer(false);
        Caller own = new Caller(dev.accessKeyId, dev.secretKey, dev.sellerId, null);
        int before = participations(node2, own);
        control(node1, "/sandbox/v1/developers/" + dev.developerId + "/suspend", "{\"reason\": \"nodes check\"}", 200);
        HttpResponse<String> after = signed(node2, SELLERS, own, "ListMarketplaceParticipations", "2011-07-01", "SellerId", Map.of());
        control(node1, "/sandbox/v1/developers/" + dev.developerId + "/reinstate", "", 200);
        int reinstated = participations(node2, own);
        record("suspension: developer suspended, then reinstated, through node 1; node 2's next calls",
                before == 200 && refusedKey(after) && reinstated == 200,
                "node 2 answered " + before + ", then " + describe(after) + ", after reinstating " + reinstated);
    }

    private int participations(String node, Caller caller) throws Exception {
        return signed(node, SELLERS, caller, "ListMarketplaceParticipations", "2011-07-01", "SellerId", Map.of()).statusCode();
    }

    /** What the gateway answers a key that may not sign calls (unknown, deactivated, or of a suspended developer). */
    private static boolean refusedKey(HttpResponse<String> r) {
        return r.statusCode() == 403 && r.body().contains("<Code>InvalidAccessKeyId</Code>");
    }

    private static String describe(HttpResponse<String> r) {
        Matcher m = Pattern.compile("<Code>(\\w+)</Code>").matcher(r.body());
        return r.statusCode() + (m.find() ? " " + m.group(1) : "");
    }

    // ---------------------------------------------------------------- background jobs run once

    private void feedsRunOnce(List<Caller> sellers) throws Exception {
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        Map<String, Caller> submitter = new LinkedHashMap<>();
        for (int i = 0; i < FEEDS_SUBMITTED; i++) {
            String node = List.of(node1, node2, proxy).get(i % 3);
            Caller caller = sellers.get(i % sellers.size());
            // A product each, so that the listings reports below have rows.
            String upc = String.format("%012d", Math.floorMod(java.util.UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L));
            String feed = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                    <MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product><SKU>NODES-%d</SKU>
                    <StandardProductID><Type>UPC</Type><Value>%s</Value></StandardProductID>
                    <Condition><ConditionType>New</ConditionType></Condition>
                    <DescriptionData><Title>Nodes check %d</Title><Brand>Acme</Brand></DescriptionData></Product></Message>
                    </AmazonEnvelope>
                    """.formatted(i, upc, i);
            Map<String, String> params = new TreeMap<>();
            params.put("FeedType", "_POST_PRODUCT_DATA_");
            params.put("MarketplaceIdList.Id.1", "ATVPDKIKX0DER");
            params.put("ContentMD5Value", PlatformCalls.md5(new java.io.ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8))));
            String query = signedQuery(node, FEEDS, caller, "SubmitFeed", "2009-01-01", "Merchant", params);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node + FEEDS + "?" + query))
                    .header("Content-Type", "text/xml; charset=utf-8").header("User-Agent", USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(feed)));
            Matcher m = Pattern.compile("<FeedSubmissionId>(\\d+)</FeedSubmissionId>").matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("SubmitFeed answered HTTP " + r.statusCode() + "\n" + r.body());
            }
            ids.add(m.group(1));
            submitter.put(m.group(1), caller);
        }
        Map<String, String> status = awaitDone(ids, id -> {
            HttpResponse<String> r = signed(proxy, FEEDS, submitter.get(id), "GetFeedSubmissionList", "2009-01-01", "Merchant",
                    Map.of("FeedSubmissionIdList.Id.1", id));
            Matcher m = Pattern.compile("<FeedProcessingStatus>(\\w+)</FeedProcessingStatus>").matcher(r.body());
            return m.find() ? m.group(1) : "HTTP " + r.statusCode();
        });
        long done = status.values().stream().filter("_DONE_"::equals).count();
        // The same processing report from node 1 and node 2.
        int sameReports = 0;
        for (String id : ids) {
            Caller caller = submitter.get(id);
            HttpResponse<String> a = signed(node1, FEEDS, caller, "GetFeedSubmissionResult", "2009-01-01", "Merchant",
                    Map.of("FeedSubmissionId", id));
            HttpResponse<String> b = signed(node2, FEEDS, caller, "GetFeedSubmissionResult", "2009-01-01", "Merchant",
                    Map.of("FeedSubmissionId", id));
            if (a.statusCode() == 200 && b.statusCode() == 200 && a.body().equals(b.body())
                    && a.body().contains("<MessagesSuccessful>1</MessagesSuccessful>")) {
                sameReports++;
            }
        }
        Map<String, Integer> runs = logCounts("Feed submission (\\d+) done", ids);
        long once = runs.values().stream().filter(n -> n == 1).count();
        record("background jobs: " + FEEDS_SUBMITTED + " feeds of " + sellers.size() + " sellers submitted through node 1, node 2 and the proxy in turn",
                done == ids.size() && once == ids.size() && sameReports == ids.size(),
                done + " _DONE_, " + once + " processed exactly once by the nodes' logs " + summary(runs)
                        + ", " + sameReports + " processing reports alike on both nodes, "
                        + String.format("%.1f s", (System.nanoTime() - start) / 1e9));
    }

    private void reportsRunOnce(Caller caller) throws Exception {
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REPORTS_REQUESTED; i++) {
            String node = List.of(node1, node2, proxy).get(i % 3);
            HttpResponse<String> r = signed(node, REPORTS, caller, "RequestReport", "2009-01-01", "Merchant",
                    Map.of("ReportType", "_GET_MERCHANT_LISTINGS_ALL_DATA_", "MarketplaceIdList.Id.1", "ATVPDKIKX0DER"));
            Matcher m = Pattern.compile("<ReportRequestId>(\\d+)</ReportRequestId>").matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("RequestReport answered HTTP " + r.statusCode() + "\n" + r.body());
            }
            ids.add(m.group(1));
        }
        Map<String, String> status = awaitDone(ids, id -> {
            HttpResponse<String> r = signed(proxy, REPORTS, caller, "GetReportRequestList", "2009-01-01", "Merchant",
                    Map.of("ReportRequestIdList.Id.1", id));
            Matcher m = Pattern.compile("<ReportProcessingStatus>(\\w+)</ReportProcessingStatus>").matcher(r.body());
            return m.find() ? m.group(1) : "HTTP " + r.statusCode();
        });
        long done = status.values().stream().filter("_DONE_"::equals).count();
        int oneReport = 0;
        int sameDownloads = 0;
        for (String id : ids) {
            String body = signed(node2, REPORTS, caller, "GetReportList", "2009-01-01", "Merchant",
                    Map.of("ReportRequestIdList.Id.1", id)).body();
            Matcher reportId = Pattern.compile("<ReportId>(\\d+)</ReportId>").matcher(body);
            if (count(body, "<ReportId>") == 1 && reportId.find()) {
                oneReport++;
                // Stored by whichever node generated it; downloaded from both.
                HttpResponse<String> a = signed(node1, REPORTS, caller, "GetReport", "2009-01-01", "Merchant",
                        Map.of("ReportId", reportId.group(1)));
                HttpResponse<String> b = signed(node2, REPORTS, caller, "GetReport", "2009-01-01", "Merchant",
                        Map.of("ReportId", reportId.group(1)));
                if (a.statusCode() == 200 && b.statusCode() == 200 && a.body().equals(b.body()) && a.body().contains("NODES-")) {
                    sameDownloads++;
                }
            }
        }
        Map<String, Integer> runs = logCounts("Report request (\\d+) \\(", ids);
        long once = runs.values().stream().filter(n -> n == 1).count();
        record("background jobs: " + REPORTS_REQUESTED + " report requests through node 1, node 2 and the proxy in turn",
                done == ids.size() && once == ids.size() && oneReport == ids.size() && sameDownloads == ids.size(),
                done + " done, " + oneReport + " with exactly one report in GetReportList, " + sameDownloads
                        + " downloaded alike from both nodes, " + once
                        + " generated exactly once by the nodes' logs " + summary(runs) + ", "
                        + String.format("%.1f s", (System.nanoTime() - start) / 1e9));
    }

    /** Each seller authorizes the developer; the clock moves 340 days (25 days left: reminder 1 of 5). */
    private void remindersMailedOnce(Developer app) throws Exception {
        long start = System.nanoTime();
        List<Seller> sellers = new ArrayList<>();
        for (int i = 0; i < REMINDED_SELLERS; i++) {
            Seller s = seller();
            authorize(s.sellerId, app.developerId);
            sellers.add(s);
        }
        control(node1, "/sandbox/v1/clock/advance", "{\"duration\": \"P340D\"}", 200);
        // Both nodes poll every second; wait until every seller has its reminder, then as long again.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && sellers.stream().anyMatch(s -> reminders(s) == 0)) {
            Thread.sleep(250);
        }
        double waited = (System.nanoTime() - start) / 1e9;
        Thread.sleep(5000);
        List<Integer> counts = sellers.stream().map(this::reminders).toList();
        record("background jobs: expiry reminders of " + REMINDED_SELLERS + " authorizations after the clock moved 340 days",
                counts.stream().allMatch(n -> n == 1),
                "reminder mails per seller " + counts + " (" + String.format("%.1f s", waited) + ", then 5 s more)");
    }

    private int reminders(Seller seller) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(proxy + "/sandbox/v1/mailbox?to="
                    + URLEncoder.encode(seller.email, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + operatorToken).GET());
            return count(r.body(), "\"subject\":\"Your authorization of ");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface StatusOf {
        String of(String id) throws Exception;
    }

    private Map<String, String> awaitDone(List<String> ids, StatusOf statusOf) throws Exception {
        Map<String, String> status = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String id : ids) {
            String s;
            do {
                s = statusOf.of(id);
                if (s.startsWith("_DONE_") || s.equals("_CANCELLED_") || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(200);
            } while (true);
            status.put(id, s);
        }
        return status;
    }

    /** How often each id appears as group 1 of {@code pattern} in the nodes' logs; {@link #lastPerNode} says where. */
    private Map<String, Integer> logCounts(String pattern, List<String> ids) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, 0));
        Pattern p = Pattern.compile(pattern);
        lastPerNode.clear();
        for (Path log : logs) {
            int here = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = p.matcher(line);
                if (m.find() && counts.containsKey(m.group(1))) {
                    counts.merge(m.group(1), 1, Integer::sum);
                    here++;
                }
            }
            lastPerNode.add(here);
        }
        return counts;
    }

    private final List<Integer> lastPerNode = new ArrayList<>();

    private String summary(Map<String, Integer> runs) {
        Map<Integer, Integer> byCount = new TreeMap<>();
        runs.values().forEach(n -> byCount.merge(n, 1, Integer::sum));
        StringBuilder sb = new StringBuilder("(ids by times logged:");
        byCount.forEach((times, ids) -> sb.append(' ').append(times).append("x=").append(ids));
        sb.append("; run by node 1, 2, ...: ");
        for (int i = 0; i < lastPerNode.size(); i++) {
            sb.append(i == 0 ? "" : " + ").append(lastPerNode.get(i));
        }
        return sb.append(')').toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private void record(String promise, boolean ok, String saw) {
        results.put(promise, ok);
        System.out.println((ok ? "PASS " : "FAIL ") + promise + "\n     " + saw);
    }

    // ---------------------------------------------------------------- set-up through the control API

    private record Seller(String sellerId, String email, String password) {}

    private record Developer(String developerId, String accessKeyId, String secretKey, String sellerId) {}

    /** Who signs a call: a key, and the seller with the token (none for the developer's own account). */
    private record Caller(String accessKeyId, String secretKey, String sellerId, String mwsAuthToken) {}

    private Seller seller() throws Exception {
        Map<String, String> s = control(proxy, "/sandbox/v1/sellers", "{\"marketplaces\":[\"ATVPDKIKX0DER\"]}", 201);
        return new Seller(s.get("sellerId"), s.get("email"), s.get("password"));
    }

    private Developer developer(boolean throttled) throws Exception {
        Map<String, String> d = control(proxy, "/sandbox/v1/developers", "{}", 201);
        if (!throttled) {
            control(proxy, "/sandbox/v1/developers/" + d.get("developerId") + "/throttling", "{\"enabled\": false}", 200);
        }
        return new Developer(d.get("developerId"), d.get("accessKeyId"), d.get("secretKey"), d.get("sellerId"));
    }

    private Developer developer(String sellerId) throws Exception {
        Map<String, String> d = control(proxy, "/sandbox/v1/developers", "{\"sellerId\":\"" + sellerId + "\"}", 201);
        return new Developer(d.get("developerId"), d.get("accessKeyId"), d.get("secretKey"), d.get("sellerId"));
    }

    private String authorize(String sellerId, String developerId) throws Exception {
        return control(proxy, "/sandbox/v1/authorizations",
                "{\"sellerId\":\"" + sellerId + "\",\"developerId\":\"" + developerId + "\"}", 201).get("mwsAuthToken");
    }

    private Map<String, String> control(String node, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node + path))
                .header("Authorization", "Bearer " + operatorToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
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

    // ---------------------------------------------------------------- signed calls

    private String signedQuery(String node, String path, Caller caller, String action, String version,
                               String sellerParameter, Map<String, String> extra) {
        Map<String, String> params = new TreeMap<>(extra);
        params.put("AWSAccessKeyId", caller.accessKeyId);
        params.put("Action", action);
        params.put("Version", version);
        params.put("Timestamp", Timestamps.format(Instant.now()));
        if (!action.equals("GetServiceStatus")) {
            params.put(sellerParameter, caller.sellerId);
            if (caller.mwsAuthToken != null) {
                params.put("MWSAuthToken", caller.mwsAuthToken);
            }
        }
        URI uri = URI.create(node);
        return RequestSigner.of(SigningSecret.of(caller.secretKey), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", uri.getHost() + ":" + uri.getPort(), path, params);
    }

    private HttpResponse<String> signed(String node, String path, Caller caller, String action, String version,
                                        String sellerParameter, Map<String, String> extra) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(signedQuery(node, path, caller, action, version, sellerParameter, extra))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        calls++;
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- a browser's cookies, shared by every node

    private record Page(int status, String body, String location) {
        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on the page (HTTP " + status + ")");
            }
            return m.group(1);
        }
    }

    /** One browser: its cookies go to whichever node (or the proxy) it calls, as behind one host name. */
    private final class Session {
        private final Map<String, String> cookies = new TreeMap<>();

        Page get(String node, String path) throws Exception {
            return page(request(node, path).GET());
        }

        Page post(String node, String path, String... pairs) throws Exception {
            StringBuilder form = new StringBuilder();
            for (int i = 0; i < pairs.length; i += 2) {
                form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
            return page(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        private HttpRequest.Builder request(String node, String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path));
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
                b.header("Cookie", header.toString());
            }
            return b;
        }

        private Page page(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = send(request);
            for (String setCookie : r.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(""));
        }
    }
}
