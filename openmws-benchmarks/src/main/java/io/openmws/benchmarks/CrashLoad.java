package io.openmws.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed workload of the crash proof ({@code bench/crash/run.sh}, see RELIABILITY.md "Crashes"),
 * against a running platform in sandbox mode. Everything a run made is kept in a state file
 * (properties), so that a later verb, and the comparison with another run of the same workload, can
 * name it by its place in the workload instead of by an id the platform chose. Verbs:
 *
 * <ul>
 *   <li>{@code setup STATE SELLERS}: a developer (throttling off) and SELLERS US sellers that authorized it.</li>
 *   <li>{@code orders STATE ROUND}: for every seller, refunds one unit of each control order of round
 *       ROUND - 2 (shipped by round ROUND - 1's feed) and places this round's two control orders.</li>
 *   <li>{@code feeds STATE ROUND}: for every seller, the round's feeds: in round 0 the catalog the orders
 *       buy from; later a product feed (XML, every 7th message without a title), a price and quantity feed
 *       (flat file, every 13th price not a number), an inventory feed (XML), and a fulfillment feed (XML)
 *       shipping the control orders of round ROUND - 1. Prints the number of messages.</li>
 *   <li>{@code reports STATE ROUND [PID DELAY_MS]}: for every seller, RequestReport of the All Listings Report
 *       and of the All Orders Report; with PID, then kills that process ({@code kill -9}) DELAY_MS later.</li>
 *   <li>{@code generator STATE PER_HOUR}: every seller's simulated buyers buy {@code GEN-1} at PER_HOUR.</li>
 *   <li>{@code results STATE DIR}: every processing report and every report, normalized (ids and dates
 *       named by their place in the workload; the order report only the control orders' lines, the
 *       listings report all but {@code GEN-1}, whose stock the simulated buyers took), one file each in DIR.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.openmws.benchmarks.CrashLoad BASE_URL VERB ARGS...};
 * {@code OPERATOR_TOKEN} in the environment.
 */
public final class CrashLoad {

    static final String US = "ATVPDKIKX0DER";
    static final int PRODUCTS = 2500;
    static final int BASE_CATALOG = 10_000;
    private static final String FEEDS = "/Feeds/2009-01-01";
    private static final String REPORTS = "/Reports/2009-01-01";
    private static final String USER_AGENT = "CrashLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")";
    private static final Pattern SUBMISSION_ID = Pattern.compile("<FeedSubmissionId>(\\d+)</FeedSubmissionId>");
    private static final Pattern REQUEST_ID = Pattern.compile("<ReportRequestId>(\\d+)</ReportRequestId>");
    private static final Pattern GENERATED = Pattern.compile("<GeneratedReportId>(\\d+)</GeneratedReportId>");
    private static final Pattern STATUS = Pattern.compile("<ReportProcessingStatus>(\\w+)</ReportProcessingStatus>");
    private static final Pattern ITEM_ID = Pattern.compile("\"orderItemId\"\\s*:\\s*\"(\\d+)\"");
    private static final String[] REPORT_TYPES = {"_GET_MERCHANT_LISTINGS_ALL_DATA_",
            "_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_"};
    /** Columns a second run cannot repeat: ids the platform draws and dates of the moment. */
    private static final Set<String> UNREPEATABLE = Set.of("listing-id", "open-date", "asin1", "amazon-order-id",
            "merchant-order-id", "purchase-date", "last-updated-date");

    private final PlatformCalls calls;
    private final String token = System.getenv("OPERATOR_TOKEN");
    private final Path statePath;
    private final Properties state = new Properties();

    private CrashLoad(String base, Path statePath) throws IOException {
        this.calls = new PlatformCalls(base);
        this.statePath = statePath;
        if (Files.exists(statePath)) {
            try (Reader in = Files.newBufferedReader(statePath)) {
                state.load(in);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CrashLoad BASE_URL setup|orders|feeds|reports|generator|results STATE ...");
            System.exit(2);
        }
        CrashLoad load = new CrashLoad(args[0], Path.of(args[2]));
        switch (args[1]) {
            case "setup" -> load.setup(Integer.parseInt(args[3]));
            case "orders" -> load.orders(Integer.parseInt(args[3]));
            case "feeds" -> System.out.println(load.feeds(Integer.parseInt(args[3])));
            case "reports" -> {
                load.reports(Integer.parseInt(args[3]));
                if (args.length > 5) {
                    load.save();
                    // The node is killed from here, right after the last request was answered: a shell polling
                    // the table would come too late, as a report of a few thousand rows takes well under a second.
                    Thread.sleep(Long.parseLong(args[5]));
                    ProcessHandle.of(Long.parseLong(args[4])).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            case "generator" -> load.generator(Integer.parseInt(args[3]));
            case "results" -> load.results(Path.of(args[3]));
            default -> {
                System.err.println("unknown verb " + args[1]);
                System.exit(2);
            }
        }
        load.save();
    }

    private void save() throws IOException {
        try (Writer out = Files.newBufferedWriter(statePath)) {
            state.store(out, "CrashLoad state");
        }
    }

    private int sellers() {
        return Integer.parseInt(state.getProperty("sellers"));
    }

    private String seller(int i) {
        return state.getProperty("seller." + i);
    }

    private void setup(int sellers) throws Exception {
        Map<String, String> developer = calls.control(token, "/sandbox/v1/developers", "{}", 201);
        calls.control(token, "/sandbox/v1/developers/" + developer.get("developerId") + "/throttling",
                "{\"enabled\": false}", 200);
        state.setProperty("key", developer.get("accessKeyId"));
        state.setProperty("secret", developer.get("secretKey"));
        for (int i = 0; i < sellers; i++) {
            Map<String, String> seller = calls.control(token, "/sandbox/v1/sellers",
                    "{\"businessName\":\"Crash Seller " + i + "\",\"marketplaces\":[\"" + US + "\"]}", 201);
            Map<String, String> grant = calls.control(token, "/sandbox/v1/authorizations", "{\"sellerId\":\""
                    + seller.get("sellerId") + "\",\"developerId\":\"" + developer.get("developerId") + "\"}", 201);
            state.setProperty("seller." + i, seller.get("sellerId"));
            state.setProperty("token." + i, grant.get("mwsAuthToken"));
        }
        state.setProperty("sellers", Integer.toString(sellers));
    }

    // ---- orders: two control orders a round, shipped by the next round's feed, refunded in the one after

    private void orders(int round) throws Exception {
        for (int i = 0; i < sellers(); i++) {
            for (int n = 0; n < 2; n++) {
                String earlier = state.getProperty("order." + (round - 2) + "." + i + "." + n);
                if (earlier != null) {
                    String[] o = earlier.split(" ");
                    calls.control(token, "/sandbox/v1/sellers/" + seller(i) + "/orders/" + o[0] + "/refund",
                            "{\"items\":[{\"orderItemId\":\"" + o[1].split(",")[0] + "\",\"quantity\":1}],"
                                    + "\"reason\":\"CustomerReturn\"}", 201);
                }
            }
            String[] lines = {"{\"sku\":\"CTRL-1\",\"quantity\":2},{\"sku\":\"CTRL-2\",\"quantity\":1}",
                    "{\"sku\":\"CTRL-2\",\"quantity\":3}"};
            for (int n = 0; n < lines.length; n++) {
                HttpResponse<String> r = calls.controlCall(token, "/sandbox/v1/sellers/" + seller(i) + "/orders",
                        "{\"marketplaceId\":\"" + US + "\",\"shipmentServiceLevelCategory\":\"Standard\",\"items\":["
                                + lines[n] + "]}");
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("placing a control order answered " + r.statusCode() + ": " + r.body());
                }
                String orderId = calls.fields(r.body()).get("amazonOrderId");
                List<String> items = new ArrayList<>();
                ITEM_ID.matcher(r.body()).results().forEach(m -> items.add(m.group(1)));
                state.setProperty("order." + round + "." + i + "." + n, orderId + " " + String.join(",", items));
            }
        }
    }

    // ---- feeds

    private int feeds(int round) throws Exception {
        int messages = 0;
        for (int i = 0; i < sellers(); i++) {
            List<String[]> feeds = new ArrayList<>();   // {type, content type, body}
            if (round == 0) {
                // A catalog big enough that its listings report takes a while: the kill lands in its generation.
                List<String> base = new ArrayList<>(List.of("GEN-1", "CTRL-1", "CTRL-2"));
                for (int n = 1; n <= BASE_CATALOG; n++) {
                    base.add("BASE-" + n);
                }
                feeds.add(new String[] {"_POST_PRODUCT_DATA_", "text/xml", product(i, round, base, false)});
                feeds.add(new String[] {"_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "text/tab-separated-values",
                        "sku\tprice\tquantity\nGEN-1\t10.00\t1000000\nCTRL-1\t12.50\t100000\nCTRL-2\t7.25\t100000\n"});
            } else {
                List<String> skus = new ArrayList<>();
                for (int n = 1; n <= PRODUCTS; n++) {
                    skus.add("R" + round + "-" + n);
                }
                feeds.add(new String[] {"_POST_PRODUCT_DATA_", "text/xml", product(i, round, skus, true)});
                feeds.add(new String[] {"_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", "text/tab-separated-values",
                        priceAndQuantity(skus)});
                feeds.add(new String[] {"_POST_INVENTORY_AVAILABILITY_DATA_", "text/xml", inventory(skus)});
                String fulfillment = fulfillment(round - 1, i);
                if (fulfillment != null) {
                    feeds.add(new String[] {"_POST_ORDER_FULFILLMENT_DATA_", "text/xml", fulfillment});
                }
            }
            for (int k = 0; k < feeds.size(); k++) {
                String[] f = feeds.get(k);
                state.setProperty("feed." + round + "." + i + "." + k, submit(i, f[0], f[1], f[2]));
                messages += (int) (f[1].equals("text/xml") ? f[2].lines().filter(l -> l.contains("<MessageID>")).count()
                        : f[2].lines().count() - 1);
            }
        }
        return messages;
    }

    private static String envelope(String messageType, StringBuilder messages) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>M</MerchantIdentifier></Header>\n<MessageType>" + messageType + "</MessageType>\n"
                + messages + "</AmazonEnvelope>\n";
    }

    /** Products with UPCs of their own per seller and round; with {@code faults}, every 7th lacks its title. */
    private static String product(int seller, int round, List<String> skus, boolean faults) {
        StringBuilder m = new StringBuilder();
        for (int n = 1; n <= skus.size(); n++) {
            m.append("<Message><MessageID>").append(n).append("</MessageID><OperationType>Update</OperationType><Product><SKU>")
                    .append(skus.get(n - 1)).append("</SKU><StandardProductID><Type>UPC</Type><Value>")
                    .append(String.format("7%d%02d%08d", seller, round, n)).append("</Value></StandardProductID>");
            if (!faults || n % 7 != 0) {
                m.append("<DescriptionData><Title>Crash product ").append(skus.get(n - 1))
                        .append("</Title><Brand>Crash</Brand></DescriptionData>");
            }
            m.append("</Product></Message>\n");
        }
        return envelope("Product", m);
    }

    /** Every 13th price is not a number; every 19th SKU is one nobody listed. */
    private static String priceAndQuantity(List<String> skus) {
        StringBuilder f = new StringBuilder("sku\tprice\tquantity\n");
        for (int n = 1; n <= skus.size(); n++) {
            String sku = n % 19 == 0 ? "NOBODY-" + n : skus.get(n - 1);
            String price = n % 13 == 0 ? "twelve" : (5 + n % 40) + "." + String.format("%02d", n % 100);
            f.append(sku).append('\t').append(price).append('\t').append(n % 30).append('\n');
        }
        return f.toString();
    }

    private static String inventory(List<String> skus) {
        StringBuilder m = new StringBuilder();
        for (int n = 1; n <= skus.size(); n += 2) {
            m.append("<Message><MessageID>").append(n).append("</MessageID><OperationType>Update</OperationType>")
                    .append("<Inventory><SKU>").append(skus.get(n - 1)).append("</SKU><Quantity>").append(100 + n % 7)
                    .append("</Quantity></Inventory></Message>\n");
        }
        return envelope("Inventory", m);
    }

    /** Ships every unit of the seller's control orders of {@code round}; null when there are none. */
    private String fulfillment(int round, int seller) {
        StringBuilder m = new StringBuilder();
        int id = 0;
        for (int n = 0; n < 2; n++) {
            String order = state.getProperty("order." + round + "." + seller + "." + n);
            if (order == null) {
                return null;
            }
            String[] o = order.split(" ");
            m.append("<Message><MessageID>").append(++id).append("</MessageID><OrderFulfillment><AmazonOrderID>")
                    .append(o[0]).append("</AmazonOrderID><FulfillmentDate>2026-01-01T00:00:00Z</FulfillmentDate>")
                    .append("<FulfillmentData><CarrierCode>UPS</CarrierCode><ShipperTrackingNumber>T").append(round)
                    .append('-').append(n).append("</ShipperTrackingNumber></FulfillmentData>");
            // No items: the whole order ships.
            m.append("</OrderFulfillment></Message>\n");
        }
        return envelope("OrderFulfillment", m);
    }

    private String submit(int seller, String feedType, String contentType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> params = params(seller, "SubmitFeed", "2009-01-01", "Merchant");
        params.put("FeedType", feedType);
        params.put("MarketplaceIdList.Id.1", US);
        params.put("ContentMD5Value", PlatformCalls.md5(new java.io.ByteArrayInputStream(bytes)));
        HttpResponse<String> r = calls.http.send(HttpRequest.newBuilder(URI.create(calls.base + FEEDS + "?"
                        + calls.sign(FEEDS, params, state.getProperty("secret"))))
                .header("Content-Type", contentType + "; charset=utf-8").header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = SUBMISSION_ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("SubmitFeed answered HTTP " + r.statusCode() + "\n" + r.body());
        }
        return m.group(1);
    }

    private Map<String, String> params(int seller, String action, String version, String sellerParameter) {
        return PlatformCalls.signedParams(action, version, sellerParameter, state.getProperty("key"), seller(seller),
                state.getProperty("token." + seller));
    }

    private HttpResponse<String> post(int seller, String path, Map<String, String> params) throws Exception {
        return calls.http.send(HttpRequest.newBuilder(URI.create(calls.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(calls.sign(path, params, state.getProperty("secret")))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- reports and the generator

    private void reports(int round) throws Exception {
        for (int i = 0; i < sellers(); i++) {
            for (int t = 0; t < REPORT_TYPES.length; t++) {
                Map<String, String> params = params(i, "RequestReport", "2009-01-01", "Merchant");
                params.put("ReportType", REPORT_TYPES[t]);
                params.put("MarketplaceIdList.Id.1", US);
                HttpResponse<String> r = post(i, REPORTS, params);
                Matcher m = REQUEST_ID.matcher(r.body());
                if (r.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException("RequestReport answered HTTP " + r.statusCode() + "\n" + r.body());
                }
                state.setProperty("report." + round + "." + i + "." + t, m.group(1));
            }
        }
    }

    private void generator(int perHour) throws Exception {
        for (int i = 0; i < sellers(); i++) {
            calls.control(token, "/sandbox/v1/sellers/" + seller(i) + "/order-generator",
                    "{\"perHour\":" + perHour + ",\"marketplaceId\":\"" + US + "\",\"skus\":[\"GEN-1\"]}", 200);
        }
    }

    // ---- results

    private void results(Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> names = new TreeMap<>();   // platform ids -> their place in the workload
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith("seller.")) {
                names.put(state.getProperty(key), "SELLER-" + key.substring(7));
            } else if (key.startsWith("order.")) {
                String[] o = state.getProperty(key).split(" ");
                names.put(o[0], "ORDER-" + key.substring(6));
                String[] items = o[1].split(",");
                for (int n = 0; n < items.length; n++) {
                    names.put(items[n], "ITEM-" + key.substring(6) + "." + n);
                }
            } else if (key.startsWith("feed.")) {
                names.put(state.getProperty(key), "FEED-" + key.substring(5));
            }
        }
        for (String key : state.stringPropertyNames()) {
            String[] k = key.split("\\.");
            if (k[0].equals("feed")) {
                int seller = Integer.parseInt(k[2]);
                Map<String, String> params = params(seller, "GetFeedSubmissionResult", "2009-01-01", "Merchant");
                params.put("FeedSubmissionId", state.getProperty(key));
                HttpResponse<String> r = post(seller, FEEDS, params);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GetFeedSubmissionResult of " + key + " answered " + r.statusCode()
                            + "\n" + r.body());
                }
                Files.writeString(dir.resolve(key + ".txt"), rename(r.body(), names));
            } else if (k[0].equals("report")) {
                int seller = Integer.parseInt(k[2]);
                Map<String, String> params = params(seller, "GetReportRequestList", "2009-01-01", "Merchant");
                params.put("ReportRequestIdList.Id.1", state.getProperty(key));
                String list = post(seller, REPORTS, params).body();
                Matcher status = STATUS.matcher(list);
                Matcher generated = GENERATED.matcher(list);
                StringBuilder out = new StringBuilder(status.find() ? status.group(1) : "NO STATUS").append('\n');
                if (generated.find()) {
                    Map<String, String> get = params(seller, "GetReport", "2009-01-01", "Merchant");
                    get.put("ReportId", generated.group(1));
                    out.append(comparable(post(seller, REPORTS, get).body(), Integer.parseInt(k[3]) == 1, names));
                }
                Files.writeString(dir.resolve(key + ".txt"), out);
            }
        }
    }

    private static String rename(String text, Map<String, String> names) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    /** A report without its unrepeatable columns, rows sorted; of the order report only the control orders' lines. */
    private static String comparable(String report, boolean orders, Map<String, String> names) {
        List<String> lines = report.lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        String[] header = lines.get(0).split("\t", -1);
        List<Integer> keep = new ArrayList<>();
        int sku = -1;
        for (int c = 0; c < header.length; c++) {
            if (!UNREPEATABLE.contains(header[c])) {
                keep.add(c);
            }
            if (header[c].equals("sku")) {
                sku = c;
            }
        }
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split("\t", -1);
            if (orders && (sku < 0 || sku >= v.length || !v[sku].startsWith("CTRL-"))) {
                continue;
            }
            // The simulated buyers' SKU: its stock depends on how long they ran (see the generated orders' invariants).
            if (!orders && line.contains("\tGEN-1\t")) {
                continue;
            }
            StringBuilder row = new StringBuilder();
            for (int c : keep) {
                row.append(c < v.length ? v[c] : "").append('\t');
            }
            rows.add(rename(row.toString(), names));
        }
        rows.sort(null);
        List<String> kept = new ArrayList<>();
        for (int c : keep) {
            kept.add(header[c]);
        }
        return String.join("\t", kept) + "\n" + String.join("\n", rows) + "\nrows " + rows.size() + "\n";
    }
}
