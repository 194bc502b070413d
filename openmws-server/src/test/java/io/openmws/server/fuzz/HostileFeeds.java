package io.openmws.server.fuzz;

import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile feeds through the real {@code SubmitFeed}: external entities (general and parameter), an
 * entity expansion bomb, a quadratic blow-up, markup nested past any sane depth, and gzip bodies
 * (truncated, with and without {@code Content-Encoding: gzip}, and whole: MWS's documentation, as in
 * {@code ../shared/spec}, names no compressed feed bodies, so the platform reads a body as the feed
 * itself and a gzip body is refused like any other unreadable one). Each must end {@code _DONE_} with
 * a processing report that counts its error and nothing processed, leak no file, and the platform must
 * go on processing a good feed afterwards.
 */
final class HostileFeeds {

    /** One feed's outcome: what was sent, the SubmitFeed status, and the report (or why there is none). */
    record Outcome(String name, int submitStatus, String report, String problem) {}

    private static final String PRODUCT = "_POST_PRODUCT_DATA_";
    private static final String PRICES = "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";

    private final String base;
    private final RequestFuzzer.Scene scene;
    private final RawHttp raw;

    HostileFeeds(String base, RequestFuzzer.Scene scene) {
        this.base = base;
        this.scene = scene;
        URI uri = URI.create(base);
        this.raw = new RawHttp(uri.getHost(), uri.getPort());
    }

    /** Sends every hostile feed and a good one after them; waits for each to be processed. */
    List<Outcome> run() throws Exception {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        feeds.put("XXE, external general entity", xml(PRODUCT, """
                <?xml version="1.0"?>
                <!DOCTYPE AmazonEnvelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product><SKU>&xxe;</SKU></Product></Message>
                </AmazonEnvelope>"""));
        feeds.put("XXE, external parameter entity", xml(PRODUCT, """
                <?xml version="1.0"?>
                <!DOCTYPE AmazonEnvelope [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
                <AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion></Header></AmazonEnvelope>"""));
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        feeds.put("billion laughs", xml(PRODUCT, laughs.append("]>\n<AmazonEnvelope>&lol9;</AmazonEnvelope>").toString()));
        feeds.put("quadratic blow-up", xml(PRODUCT, "<?xml version=\"1.0\"?>\n<!DOCTYPE q [<!ENTITY a \""
                + "a".repeat(50_000) + "\">]>\n<AmazonEnvelope>" + "&a;".repeat(20_000) + "</AmazonEnvelope>"));
        feeds.put("nested 200,000 deep", xml(PRODUCT, "<?xml version=\"1.0\"?>\n<AmazonEnvelope><Header><DocumentVersion>"
                + "1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header><MessageType>Product</MessageType>"
                + "<Message><MessageID>1</MessageID>"
                + "<Product><SKU>DEEP-1</SKU>" + "<a>".repeat(200_000) + "</a>".repeat(200_000)
                + "</Product></Message></AmazonEnvelope>"));
        byte[] goodXml = goodProduct("GZ-1").getBytes(StandardCharsets.UTF_8);
        byte[] gzipXml = gzip(goodXml);
        feeds.put("truncated gzip, XML feed", new Feed(PRODUCT, "text/xml", null,
                Arrays.copyOf(gzipXml, gzipXml.length / 2)));
        byte[] gzipFlat = gzip("sku\tprice\tquantity\nGZ-1\t10.00\t5\n".repeat(200).getBytes(StandardCharsets.UTF_8));
        feeds.put("truncated gzip, Content-Encoding: gzip", new Feed(PRICES, "text/tab-separated-values", "gzip",
                Arrays.copyOf(gzipFlat, gzipFlat.length - 10)));
        feeds.put("whole gzip, Content-Encoding: gzip", new Feed(PRODUCT, "text/xml", "gzip", gzipXml));

        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Feed> e : feeds.entrySet()) {
            outcomes.add(submitAndWait(e.getKey(), e.getValue(), false));
        }
        outcomes.add(submitAndWait("a good feed after them", new Feed(PRODUCT, "text/xml", null,
                goodProduct("AFTER-1").getBytes(StandardCharsets.UTF_8)), true));
        return outcomes;
    }

    private record Feed(String type, String contentType, String contentEncoding, byte[] body) {}

    private static Feed xml(String type, String body) {
        return new Feed(type, "text/xml", null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String goodProduct(String sku) {
        String upc = String.format("%012d", Math.abs(sku.hashCode() * 7919L + System.nanoTime()) % 1_000_000_000_000L);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>M</MerchantIdentifier></Header><MessageType>Product</MessageType><Message>"
                + "<MessageID>1</MessageID><Product><SKU>" + sku + "</SKU><StandardProductID><Type>UPC</Type><Value>" + upc
                + "</Value></StandardProductID><Condition><ConditionType>New</ConditionType></Condition>"
                + "<DescriptionData><Title>Hostile feeds survivor</Title><Brand>Acme</Brand></DescriptionData></Product>"
                + "</Message></AmazonEnvelope>";
    }

    private Outcome submitAndWait(String name, Feed feed, boolean mustSucceed) throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("Action", "SubmitFeed");
        params.put("FeedType", feed.type());
        params.put("MarketplaceIdList.Id.1", "ATVPDKIKX0DER");
        params.put("ContentMD5Value", Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(feed.body())));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", feed.contentType());
        if (feed.contentEncoding() != null) {
            headers.put("Content-Encoding", feed.contentEncoding());
        }
        RawHttp.Reply submitted = call(params, headers, feed.body());
        if (submitted.status() != 200) {
            String problem = submitted.status() >= 500 || !submitted.text().contains("<ErrorResponse")
                    ? "SubmitFeed answered " + submitted.status() + ": " + submitted.text() : null;
            return new Outcome(name, submitted.status(), "", mustSucceed ? "refused: " + submitted.text() : problem);
        }
        String id = element(submitted.text(), "FeedSubmissionId");
        long deadline = System.nanoTime() + 180_000_000_000L;
        String status = "";
        while (System.nanoTime() < deadline) {
            RawHttp.Reply list = call(Map.of("Action", "GetFeedSubmissionList", "FeedSubmissionIdList.Id.1", id),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), null);
            status = element(list.text(), "FeedProcessingStatus");
            if ("_DONE_".equals(status) || "_CANCELLED_".equals(status)) {
                break;
            }
            Thread.sleep(300);
        }
        if (!"_DONE_".equals(status)) {
            return new Outcome(name, 200, "", "feed " + id + " is " + status + ", not _DONE_, after 180 s");
        }
        RawHttp.Reply result = call(Map.of("Action", "GetFeedSubmissionResult", "FeedSubmissionId", id),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), null);
        String report = result.text();
        int[] counts = counts(report);
        int processed = counts[0];
        int successful = counts[1];
        int errors = counts[2];
        String problem = null;
        if (result.status() != 200) {
            problem = "GetFeedSubmissionResult answered " + result.status();
        } else if (report.contains("root:") || report.contains("lollol") || report.contains("aaaaaaaaaa")) {
            problem = "the report holds what an entity expanded to";
        } else if (mustSucceed ? successful != 1 : successful != 0 || errors < 1) {
            problem = "processed " + processed + ", successful " + successful + ", with error " + errors;
        }
        return new Outcome(name, 200, report, problem);
    }

    private RawHttp.Reply call(Map<String, String> params, Map<String, String> headers, byte[] feed) throws IOException {
        Map<String, String> all = new TreeMap<>(params);
        all.put("AWSAccessKeyId", scene.accessKeyId());
        all.put("Merchant", scene.sellerId());
        all.put("MWSAuthToken", scene.mwsAuthToken());
        all.put("Version", "2009-01-01");
        all.put("Timestamp", Timestamps.format(Instant.now()));
        String query = RequestSigner.of(SigningSecret.of(scene.secretKey()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", scene.hostLine(), "/", all);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Host", scene.hostLine());
        h.put("User-Agent", RequestFuzzer.USER_AGENT);
        FuzzRequest request = feed == null
                ? new FuzzRequest(0, "feeds", "hostile", "POST", "/", h, query.getBytes(StandardCharsets.UTF_8))
                : new FuzzRequest(0, "feeds", "hostile", "POST", "/?" + query, h, feed);
        return raw.send(request);
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Processed, successful and with error: from an XML processing report, or from a flat file's
     * (its summary lines, and one {@code Error} row per error).
     */
    static int[] counts(String report) {
        if (report.contains("<ProcessingSummary>")) {
            return new int[] {number(report, "MessagesProcessed"), number(report, "MessagesSuccessful"),
                number(report, "MessagesWithError")};
        }
        Matcher processed = Pattern.compile("records processed\\s+(\\d+)").matcher(report);
        Matcher successful = Pattern.compile("records successful\\s+(\\d+)").matcher(report);
        int errors = (int) report.lines().filter(l -> l.contains("\tError\t")).count();
        return new int[] {processed.find() ? Integer.parseInt(processed.group(1)) : -1,
            successful.find() ? Integer.parseInt(successful.group(1)) : -1, errors};
    }

    private static int number(String xml, String name) {
        String v = element(xml, name);
        return v.isEmpty() ? -1 : Integer.parseInt(v.strip());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** The outcomes as lines, and whether all are right. */
    static String table(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            sb.append(String.format("  %-42s SubmitFeed %d, %s%s%n", o.name(), o.submitStatus(), summary(o.report()),
                    o.problem() == null ? "" : "  PROBLEM: " + o.problem() + "\n    report: "
                            + o.report().substring(0, Math.min(400, o.report().length()))));
        }
        return sb.toString();
    }

    private static String summary(String report) {
        if (report.isEmpty()) {
            return "no report";
        }
        int[] counts = counts(report);
        String code = element(report, "ResultMessageCode");
        String text = element(report, "ResultDescription");
        if (code.isEmpty()) {
            String row = report.lines().filter(l -> l.contains("\tError\t")).findFirst().orElse("");
            String[] cells = row.split("\t");
            code = cells.length > 2 ? cells[2] : "";
            text = cells.length > 4 ? cells[4] : "";
        }
        return "_DONE_, processed " + counts[0] + ", successful " + counts[1] + ", with error " + counts[2]
                + (code.isEmpty() ? "" : ", " + code + " " + (text.length() > 60 ? text.substring(0, 60) + "..." : text));
    }
}
