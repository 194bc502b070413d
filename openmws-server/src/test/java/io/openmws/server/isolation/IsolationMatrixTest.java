package io.openmws.server.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.authorizations.Authorizations;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.gateway.MwsOperation;
import io.openmws.server.gateway.RegisteredOperations;
import io.openmws.server.isolation.IsolationCases.Case;
import io.openmws.server.isolation.IsolationCases.Check;
import io.openmws.server.isolation.IsolationCases.Data;
import io.openmws.server.isolation.IsolationCases.Foreign;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.OnBothDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Tenant isolation (issue 18): a matrix of developers and sellers in which every pair has one of six
 * authorization states (none, pending, active, expired, revoked, renewed), and every seller has data
 * of every kind (listings, orders with items, feeds with processing reports, report requests and
 * reports, financial events in two groups). For every pair, every operation the gateway's registry
 * serves is called over signed HTTP on a real port: a developer the seller actively authorized (active
 * or renewed) gets that seller's data and only it; every other pair gets {@code AccessDenied} (401)
 * in the MWS envelope, whatever token it sends (its own pending, expired or revoked one, another
 * developer's for the seller, its own for another seller, or none). Then every authorized pair puts
 * every other seller's FeedSubmissionIds, ReportRequestIds, ReportIds, AmazonOrderIds, group ids and
 * NextTokens into every operation that takes one, and NextTokens the seller's other developers were
 * given: each gets the documented error or an empty answer. No answer is a 5xx, and no 200 answer
 * holds a word (a Seller ID, SKU, id) of a seller other than the one called for.
 *
 * <p>{@code -Dopenmws.isolation.size=20} runs 20 developers x 20 sellers (RELIABILITY.md); the default,
 * 6 x 6, gives each state to six pairs, one per developer and one per seller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class IsolationMatrixTest {

    static final String TOKEN = "isolation-matrix-" + UUID.randomUUID();
    static final int SIZE = Integer.getInteger("openmws.isolation.size", 6);
    static final int THREADS = Integer.getInteger("openmws.isolation.threads", 4);
    static final String US = IsolationCases.US;
    static final String CANADA = "A2EUQ1WTGCTBG2";

    private static final Logger log = LoggerFactory.getLogger(IsolationMatrixTest.class);
    private static final Pattern NEXT_TOKEN = Pattern.compile("<NextToken>([^<]+)</NextToken>");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        // One marketplace and one order item a page: each seller's lists have a second page and a NextToken.
        registry.add("openmws.sellers.participations-page-size", () -> "1");
        registry.add("openmws.orders.items-page-size", () -> "1");
    }

    /** Where a pair stands; {@link #opens()} says whether the seller's data may reach the developer. */
    enum Grant {
        NONE, PENDING, ACTIVE, EXPIRED, REVOKED, RENEWED;

        boolean opens() {
            return this == ACTIVE || this == RENEWED;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Authorizations authorizations;

    @Autowired
    Clock clock;

    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong calls = new AtomicLong();
    private MwsClient mws;
    private JsonClient control;
    private Fixtures fixtures;
    private ExecutorService pool;

    private List<Fixtures.Developer> developers;
    private List<MatrixSeller> sellers;
    /** The MWS Auth Token of each pair that has an authorization, by [developer][seller]. */
    private String[][] authTokens;
    /** The NextTokens each opening pair was given, by [developer][seller]. */
    private Map<String, String>[][] nextTokens;
    /** Which seller each fingerprint belongs to. */
    private final Map<String, Integer> owners = new HashMap<>();

    static Grant grant(int developer, int seller) {
        return Grant.values()[(developer + seller) % Grant.values().length];
    }

    /** The first developer the seller actively authorized: it makes the seller's data. */
    static int primary(int seller) {
        return IntStream.range(0, SIZE).filter(d -> grant(d, seller) == Grant.ACTIVE).findFirst().orElseThrow();
    }

    @Test
    void aSellersDataReachesOnlyTheDevelopersItActivelyAuthorized() throws Exception {
        assertThat(SIZE).as("openmws.isolation.size: every state needs a developer per seller").isGreaterThanOrEqualTo(6);
        mws = new MwsClient(port);
        control = new JsonClient(port, TOKEN);
        fixtures = new Fixtures(control);
        pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<MwsOperation> operations = RegisteredOperations.of(context);
            IsolationCases cases = buildScene();
            Map<String, Case> byKey = cases.all();
            assertThat(operations.stream().map(op -> Case.key(op.section(), op.action())).toList())
                    .as("an operation the gateway serves without a case here (add it to IsolationCases)")
                    .containsExactlyInAnyOrderElementsOf(byKey.keySet());

            long crossStarted = System.nanoTime();
            long before = calls.get();
            forEachPair(Grant::opens, (d, s) -> crossCalls(d, s, byKey.values()));
            long crossCalls = calls.get() - before;
            Duration cross = Duration.ofNanos(System.nanoTime() - crossStarted);

            long matrixStarted = System.nanoTime();
            before = calls.get();
            forEachPair(g -> true, (d, s) -> matrixCalls(d, s, operations, byKey));
            long matrixCalls = calls.get() - before;
            Duration matrix = Duration.ofNanos(System.nanoTime() - matrixStarted);

            // The foreign cancels cancelled nothing: every feed of the scene is still _DONE_.
            List<Long> feedIds = sellers.stream().flatMap(s -> s.feedIds.stream()).map(Long::parseLong).toList();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM feed_submission WHERE feed_submission_id IN (:ids)"
                    + " AND status = '_DONE_'").param("ids", feedIds).query(Long.class).single())
                    .isEqualTo(feedIds.size());

            log.info("Isolation matrix {} x {} ({} operations): {} foreign-id calls in {} ms, {} matrix calls in {} ms,"
                            + " {} problems", SIZE, SIZE, operations.size(), crossCalls, cross.toMillis(), matrixCalls,
                    matrix.toMillis(), problems.size());
            assertThat(problems).as("%d problems; the first: %s", problems.size(),
                    String.join("\n", problems.stream().limit(30).toList())).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the calls

    /** Every operation for the pair, with the seller's own ids, and the token the pair's state gives. */
    private void matrixCalls(int d, MatrixSeller s, List<MwsOperation> operations, Map<String, Case> byKey) {
        Grant grant = grant(d, s.index);
        Data data = new Data(s, grant.opens() ? nextTokens[d][s.index] : nextTokens[primary(s.index)][s.index]);
        for (int i = 0; i < operations.size(); i++) {
            Case c = byKey.get(Case.key(operations.get(i).section(), operations.get(i).action()));
            String token;
            String variant;
            if (grant != Grant.NONE) {
                token = authTokens[d][s.index];
                variant = "its own token";
            } else {
                // No authorization of its own: what a developer could still send.
                switch (i % 3) {
                    case 0 -> {
                        token = authTokens[primary(s.index)][s.index];
                        variant = "another developer's token for the seller";
                    }
                    case 1 -> {
                        token = authTokens[d][firstOpened(d)];
                        variant = "its token for another seller";
                    }
                    default -> {
                        token = null;
                        variant = "no token";
                    }
                }
            }
            Answer a = call(d, s, token, c, c.params().apply(data));
            verify(d, s, grant + ", " + variant, c.key(), a,
                    grant.opens() ? c.granted() : IsolationCases.error(401, "AccessDenied"), data);
        }
    }

    /**
     * Every other seller's ids and NextTokens (as issued to this developer when it may call for that seller
     * too, else to that seller's own first developer) in every operation that takes one; then the
     * NextTokens the seller's other authorized developers were given.
     */
    private void crossCalls(int d, MatrixSeller s, java.util.Collection<Case> cases) {
        Data own = new Data(s, nextTokens[d][s.index]);
        for (MatrixSeller other : sellers) {
            if (other == s) {
                continue;
            }
            int holder = grant(d, other.index).opens() ? d : primary(other.index);
            Data theirs = new Data(other, nextTokens[holder][other.index]);
            for (Case c : cases) {
                for (Foreign f : c.foreign()) {
                    Answer a = call(d, s, authTokens[d][s.index], c, f.params().apply(theirs));
                    verify(d, s, f.name() + " of " + other + " (given to developer " + holder + ")", c.key(), a,
                            f.check(), own);
                }
            }
        }
        for (int other = 0; other < SIZE; other++) {
            if (other == d || !grant(other, s.index).opens()) {
                continue;
            }
            Data colleague = new Data(s, nextTokens[other][s.index]);
            for (Case c : cases) {
                for (Foreign f : c.foreign()) {
                    if (f.tokenOnly()) {
                        Answer a = call(d, s, authTokens[d][s.index], c, f.params().apply(colleague));
                        verify(d, s, "a NextToken of the seller given to developer " + other, c.key(), a, f.check(),
                                own);
                    }
                }
            }
        }
    }

    /** Checks an answer: never a 5xx, an error only as the MWS envelope, no other seller's words, then {@code check}. */
    private void verify(int d, MatrixSeller s, String what, String operation, Answer a, Check check, Data own) {
        String problem = null;
        if (a.status() >= 500) {
            problem = "a " + a.status();
        } else if (a.status() != 200) {
            try {
                a.error();
            } catch (AssertionError e) {
                problem = "an error that is not an ErrorResponse";
            }
        } else {
            for (String word : IsolationCases.words(a.body()).keySet()) {
                Integer owner = owners.get(word);
                if (owner != null && owner != s.index) {
                    problem = "LEAK: " + word + " of " + sellers.get(owner);
                    break;
                }
            }
        }
        if (problem == null) {
            problem = check.problem(a, own);
        }
        if (problem != null) {
            problems.add("developer " + d + " for " + s + " (" + grant(d, s.index) + "), " + operation + " with " + what
                    + ": " + problem + " | HTTP " + a.status() + " " + abbreviate(a.body()));
        }
    }

    /** A signed call of the case's operation by developer {@code d} for seller {@code s}. */
    private Answer call(int d, MatrixSeller s, String authToken, Case c, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", c.action());
        all.put("Version", c.section().version());
        all.put("SellerId", s.sellerId);
        if (authToken != null) {
            all.put("MWSAuthToken", authToken);
        }
        calls.incrementAndGet();
        Fixtures.Developer dev = developers.get(d);
        if (c.action().equals("SubmitFeed")) {
            byte[] feed = ("sku\tprice\tquantity\n" + s.skus.get(0) + "\t13.00\t90\n").getBytes(StandardCharsets.UTF_8);
            return submitFeed(dev, all, feed, "text/tab-separated-values; charset=UTF-8");
        }
        return mws.signedPost(c.section().path(), dev.accessKeyId(), dev.secretKey(), all);
    }

    private Answer call(int d, MatrixSeller s, ApiSection section, String action, Map<String, String> params) {
        return call(d, s, authTokens[d][s.index], new Case(section, action, x -> params, null, List.of()), params);
    }

    /** SubmitFeed as the official clients send it: parameters in the signed query, the feed as the body. */
    private Answer submitFeed(Fixtures.Developer dev, Map<String, String> params, byte[] feed, String contentType) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("ContentMD5Value", md5(feed));
        String path = ApiSection.FEEDS.path();
        String query = MwsClient.sign("POST", "localhost:" + port, path, dev.accessKeyId(), dev.secretKey(), all);
        return mws.send(HttpRequest.newBuilder(URI.create(mws.base() + path + "?" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(feed)));
    }

    // ---- the scene

    /** Developers, sellers, the authorizations of every state, each seller's data, and the NextTokens. */
    @SuppressWarnings("unchecked")
    private IsolationCases buildScene() throws Exception {
        long started = System.nanoTime();
        Listings listings = new Listings(catalog, transactions, jdbc);
        developers = inParallel(IntStream.range(0, SIZE).boxed().toList(), i -> {
            Fixtures.Developer dev = fixtures.developer();
            JsonClient.Response r = control.post("/sandbox/v1/developers/" + dev.developerId() + "/throttling",
                    "{\"enabled\": false}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return dev;
        });
        sellers = inParallel(IntStream.range(0, SIZE).boxed().toList(), i -> {
            Fixtures.Seller seller = fixtures.seller(Fixtures.newEmail("isolation"), US, CANADA);
            MatrixSeller s = new MatrixSeller(i, seller.sellerId(), listings.accountId(seller.sellerId()));
            for (String suffix : List.of("A", "B")) {
                String sku = "ISO-" + s.sellerId + "-" + suffix;
                listings.offer(s.accountId, US, sku, "12.00", 100, null);
                s.skus.add(sku);
            }
            return s;
        });

        // Expired and renewed pairs were authorized a year ago; the clock then moves past their expiry.
        authTokens = new String[SIZE][SIZE];
        forEachPair(g -> g == Grant.EXPIRED || g == Grant.RENEWED,
                (d, s) -> authTokens[d][s.index] = fixtures.authorize(s.sellerId, developers.get(d).developerId()));
        advance("P400D");
        forEachPair(g -> g != Grant.NONE && g != Grant.EXPIRED, (d, s) -> authorizeNow(d, s));
        forEachPair(g -> g != Grant.NONE, (d, s) -> {
            String status = fixtures.authorization(s.sellerId, developers.get(d).developerId()).get("status").asString();
            Grant g = grant(d, s.index);
            String expected = switch (g) {
                case PENDING -> "PENDING_VERIFICATION";
                case ACTIVE, RENEWED -> "ACTIVE";
                default -> g.name();
            };
            assertThat(status).as("developer %d for %s", d, s).isEqualTo(expected);
        });
        String since = Timestamps.format(clock.instant().minus(Duration.ofDays(20)));

        // Two orders of both SKUs each; past the payment check they can ship.
        inParallel(sellers, s -> {
            for (int n = 0; n < 2; n++) {
                JsonClient.Response placed = control.post("/sandbox/v1/sellers/" + s.sellerId + "/orders",
                        "{\"marketplaceId\":\"" + US + "\",\"items\":[{\"sku\":\"" + s.skus.get(0) + "\"},{\"sku\":\""
                                + s.skus.get(1) + "\"}]}");
                assertThat(placed.status()).as(placed.body()).isEqualTo(201);
                List<String> items = new ArrayList<>();
                for (JsonNode item : placed.json().get("orderItems")) {
                    items.add(item.get("orderItemId").asString());
                }
                s.orders.put(placed.json().get("amazonOrderId").asString(), items);
            }
            return s;
        });
        advance("PT31M");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM customer_order WHERE status <> 'Unshipped'").query(Long.class).single() == 0);

        // A fulfillment feed ships both orders (two financial events); a price feed makes the second feed.
        inParallel(sellers, s -> {
            s.feedIds.add(feed(s, "_POST_ORDER_FULFILLMENT_DATA_", fulfillment(s), "text/xml"));
            s.feedIds.add(feed(s, IsolationCases.PRICE_FEED,
                    "sku\tprice\tquantity\n" + s.skus.get(1) + "\t14.00\t80\n", "text/tab-separated-values; charset=UTF-8"));
            return s;
        });
        List<Long> feeds = sellers.stream().flatMap(s -> s.feedIds.stream()).map(Long::parseLong).toList();
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("SELECT COUNT(*) FROM feed_submission"
                + " WHERE feed_submission_id IN (:ids) AND status = '_DONE_'").param("ids", feeds).query(Long.class)
                .single() == feeds.size());
        assertThat(jdbc.sql("SELECT COALESCE(SUM(messages_with_error), 0) FROM feed_submission"
                + " WHERE feed_submission_id IN (:ids)").param("ids", feeds).query(Long.class).single()).isZero();

        // Past the settlement period: the first group closes and a second one opens.
        advance("P15D");
        List<Long> accounts = sellers.stream().map(s -> s.accountId).toList();
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("SELECT COUNT(*) FROM financial_event_group"
                + " WHERE account_id IN (:a)").param("a", accounts).query(Long.class).single() >= 2L * SIZE);

        inParallel(sellers, s -> {
            for (int n = 0; n < 2; n++) {
                Answer a = ok(call(primary(s.index), s, ApiSection.REPORTS, "RequestReport",
                        Map.of("ReportType", IsolationCases.LISTINGS_REPORT)));
                s.reportRequestIds.add(values(a.body(), "ReportRequestId").get(0));
            }
            return s;
        });
        List<Long> requests = sellers.stream().flatMap(s -> s.reportRequestIds.stream()).map(Long::parseLong).toList();
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("SELECT COUNT(*) FROM report_request"
                + " WHERE report_request_id IN (:ids) AND status = '_DONE_'").param("ids", requests).query(Long.class)
                .single() == requests.size());

        // What each seller holds, read through its first developer; then every opening pair's NextTokens.
        inParallel(sellers, s -> {
            int d = primary(s.index);
            for (String request : s.reportRequestIds) {
                s.reportIds.addAll(values(ok(call(d, s, ApiSection.REPORTS, "GetReportList",
                        Map.of("ReportRequestIdList.Id.1", request))).body(), "ReportId"));
            }
            for (String report : values(ok(call(d, s, ApiSection.REPORTS, "GetReportList",
                    Map.of("MaxCount", "100"))).body(), "ReportId")) {
                if (!s.reportIds.contains(report)) {
                    s.reportIds.add(report);
                }
            }
            s.groupIds.addAll(values(ok(call(d, s, ApiSection.FINANCES, "ListFinancialEventGroups",
                    Map.of("FinancialEventGroupStartedAfter", since))).body(), "FinancialEventGroupId"));
            assertThat(s.reportIds).as("reports of %s", s).hasSizeGreaterThanOrEqualTo(2);
            assertThat(s.groupIds).as("groups of %s", s).hasSizeGreaterThanOrEqualTo(2);
            return s;
        });
        for (MatrixSeller s : sellers) {
            for (String word : s.fingerprints()) {
                assertThat(owners.put(word, s.index)).as("%s belongs to two sellers", word).isNull();
            }
        }
        nextTokens = new Map[SIZE][SIZE];
        forEachPair(Grant::opens, (d, s) -> nextTokens[d][s.index] = harvestNextTokens(d, s, since));
        log.info("Isolation matrix {} x {}: scene built in {} ms", SIZE, SIZE,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new IsolationCases(since);
    }

    /** Makes the pair's authorization of its state, after the clock moved. */
    private void authorizeNow(int d, MatrixSeller s) {
        Fixtures.Developer dev = developers.get(d);
        switch (grant(d, s.index)) {
            case ACTIVE -> authTokens[d][s.index] = fixtures.authorize(s.sellerId, dev.developerId());
            case RENEWED -> {
                String renewed = fixtures.renew(s.sellerId, dev.developerId()).get("mwsAuthToken").asString();
                assertThat(renewed).as("a renewal keeps the token").isEqualTo(authTokens[d][s.index]);
            }
            case REVOKED -> {
                authTokens[d][s.index] = fixtures.authorize(s.sellerId, dev.developerId());
                fixtures.revoke(s.sellerId, dev.developerId());
            }
            // As the seller does it in Seller Central: a first authorization waits for the mailed link.
            case PENDING -> authTokens[d][s.index] = authorizations.authorize(s.accountId, dev.developerName(),
                    dev.developerId(), new Authorizations.TermsAcceptance(true, authorizations.currentTermsVersion(),
                            "127.0.0.1"), URI.create(mws.base())).token().reveal();
            default -> throw new IllegalStateException("not made now: " + grant(d, s.index));
        }
    }

    /** The NextToken of each list for the pair, from the first page of one item. */
    private Map<String, String> harvestNextTokens(int d, MatrixSeller s, String since) {
        Map<String, String> tokens = new HashMap<>();
        tokens.put(IsolationCases.PARTICIPATIONS, nextToken(call(d, s, ApiSection.SELLERS,
                "ListMarketplaceParticipations", Map.of())));
        tokens.put(IsolationCases.FEEDS, nextToken(call(d, s, ApiSection.FEEDS, "GetFeedSubmissionList",
                Map.of("MaxCount", "1"))));
        tokens.put(IsolationCases.REPORT_REQUESTS, nextToken(call(d, s, ApiSection.REPORTS, "GetReportRequestList",
                Map.of("MaxCount", "1"))));
        tokens.put(IsolationCases.REPORTS, nextToken(call(d, s, ApiSection.REPORTS, "GetReportList",
                Map.of("MaxCount", "1"))));
        tokens.put(IsolationCases.ORDERS, nextToken(call(d, s, ApiSection.ORDERS, "ListOrders",
                Map.of("CreatedAfter", since, "MarketplaceId.Id.1", US, "MaxResultsPerPage", "1"))));
        tokens.put(IsolationCases.ORDER_ITEMS, nextToken(call(d, s, ApiSection.ORDERS, "ListOrderItems",
                Map.of("AmazonOrderId", s.firstOrder()))));
        tokens.put(IsolationCases.EVENTS, nextToken(call(d, s, ApiSection.FINANCES, "ListFinancialEvents",
                Map.of("PostedAfter", since, "MaxResultsPerPage", "1"))));
        tokens.put(IsolationCases.GROUPS, nextToken(call(d, s, ApiSection.FINANCES, "ListFinancialEventGroups",
                Map.of("FinancialEventGroupStartedAfter", since, "MaxResultsPerPage", "1"))));
        return tokens;
    }

    private String feed(MatrixSeller s, String feedType, String body, String contentType) {
        Map<String, String> params = new TreeMap<>(Map.of("Action", "SubmitFeed", "Version", "2009-01-01",
                "SellerId", s.sellerId, "MWSAuthToken", authTokens[primary(s.index)][s.index], "FeedType", feedType,
                "MarketplaceIdList.Id.1", US));
        Answer a = ok(submitFeed(developers.get(primary(s.index)), params, body.getBytes(StandardCharsets.UTF_8),
                contentType));
        return values(a.body(), "FeedSubmissionId").get(0);
    }

    private String fulfillment(MatrixSeller s) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope><Header>"
                + "<DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>"
                + "<MessageType>OrderFulfillment</MessageType>");
        int message = 1;
        for (Map.Entry<String, List<String>> order : s.orders.entrySet()) {
            xml.append("<Message><MessageID>").append(message++).append("</MessageID><OrderFulfillment><AmazonOrderID>")
                    .append(order.getKey()).append("</AmazonOrderID><FulfillmentDate>")
                    .append(Timestamps.format(clock.instant())).append("</FulfillmentDate><FulfillmentData><CarrierCode>"
                            + "UPS</CarrierCode><ShippingMethod>Ground</ShippingMethod><ShipperTrackingNumber>1Z999"
                            + "</ShipperTrackingNumber></FulfillmentData>");
            for (String item : order.getValue()) {
                xml.append("<Item><AmazonOrderItemCode>").append(item).append("</AmazonOrderItemCode><Quantity>1"
                        + "</Quantity></Item>");
            }
            xml.append("</OrderFulfillment></Message>");
        }
        return xml.append("</AmazonEnvelope>").toString();
    }

    private void advance(String duration) {
        JsonClient.Response moved = control.post("/sandbox/v1/clock/advance", "{\"duration\": \"" + duration + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    /** The seller index of the first seller developer {@code d} actively holds. */
    private static int firstOpened(int d) {
        return IntStream.range(0, SIZE).filter(s -> grant(d, s).opens()).findFirst().orElseThrow();
    }

    // ---- running

    private interface PairWork {
        void run(int developer, MatrixSeller seller) throws Exception;
    }

    private interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Runs {@code work} for every pair whose state {@code which} selects, spread over the pool. */
    private void forEachPair(java.util.function.Predicate<Grant> which, PairWork work) throws Exception {
        List<int[]> pairs = new ArrayList<>();
        for (int d = 0; d < SIZE; d++) {
            for (int s = 0; s < SIZE; s++) {
                if (which.test(grant(d, s))) {
                    pairs.add(new int[] {d, s});
                }
            }
        }
        inParallel(pairs, p -> {
            work.run(p[0], sellers.get(p[1]));
            return p;
        });
    }

    private <T, R> List<R> inParallel(List<T> items, Work<T, R> work) throws Exception {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit((Callable<R>) () -> work.apply(item)));
        }
        List<R> results = new ArrayList<>();
        try {
            for (Future<R> f : futures) {
                results.add(f.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
        return Collections.unmodifiableList(results);
    }

    // ---- answers

    private static Answer ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    private static String nextToken(Answer a) {
        ok(a);
        Matcher m = NEXT_TOKEN.matcher(a.body());
        assertThat(m.find()).as("a NextToken in %s", a.body()).isTrue();
        return m.group(1);
    }

    private static List<String> values(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }
}
