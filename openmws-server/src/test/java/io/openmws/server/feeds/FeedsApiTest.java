package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.support.BlobStore;
import io.openmws.server.support.BlobStoreContract;
import io.openmws.server.support.DatabaseBlobStore;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.OnBothDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The six Feeds operations through the whole gateway on a real port: SubmitFeed's MD5, marketplace and
 * size rules, lists with every filter and NextTokens, counts, cancels, processing reports streamed with
 * their MD5, other sellers' ids, and the retention job. The scheduler polls once an hour here, so no
 * submission starts processing while a test looks at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FeedsApiTest {

    static final String TOKEN = "feeds-test-" + UUID.randomUUID();
    static final String FEEDS = "/Feeds/2009-01-01";
    static final String XML_FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope/>";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        registry.add("openmws.jobs.polling-interval", () -> "PT1H");
        registry.add("openmws.jobs.start-at-once", () -> "false");
    }

    record Caller(String sellerId, String developerId, String accessKeyId, String secretKey) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    FeedRetention retention;

    @Autowired
    java.time.Clock clock;

    MwsClient mws() {
        return new MwsClient(port);
    }

    JsonClient control() {
        return new JsonClient(port, TOKEN);
    }

    /** A developer calling for its own seller account, unthrottled, selling in these marketplaces. */
    Caller caller(String... marketplaces) {
        Fixtures.Developer dev = new Fixtures(control()).developerIn(marketplaces);
        JsonClient.Response r = control().post("/sandbox/v1/developers/" + dev.developerId() + "/throttling",
                "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Caller(dev.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey());
    }

    Answer call(Caller c, String action, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", "2009-01-01");
        all.put("SellerId", c.sellerId());
        return mws().signedPost(FEEDS, c.accessKeyId(), c.secretKey(), all);
    }

    String query(Caller c, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", "SubmitFeed");
        all.put("Version", "2009-01-01");
        all.putIfAbsent("SellerId", c.sellerId());
        return MwsClient.sign("POST", "localhost:" + port, FEEDS, c.accessKeyId(), c.secretKey(), all);
    }

    Answer submit(Caller c, Map<String, String> params, String md5Header, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mws().base() + FEEDS + "?" + query(c, params)))
                .header("Content-Type", "text/xml")
                .POST(body);
        if (md5Header != null) {
            request.header("Content-MD5", md5Header);
        }
        return mws().send(request);
    }

    Answer submit(Caller c, String feedType, String body) {
        return submit(c, Map.of("FeedType", feedType, "ContentMD5Value", md5(body.getBytes(StandardCharsets.UTF_8))),
                null, HttpRequest.BodyPublishers.ofString(body));
    }

    long submitted(Caller c, String feedType) {
        Answer a = submit(c, feedType, XML_FEED);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return Long.parseLong(value(a.body(), "FeedSubmissionId"));
    }

    static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String value(String xml, String element) {
        List<String> all = values(xml, element);
        assertThat(all).as("<%s> in %s", element, xml).hasSize(1);
        return all.get(0);
    }

    static List<String> values(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    long rows(Caller c) {
        return jdbc.sql("SELECT COUNT(*) FROM feed_submission f JOIN seller_account s ON s.id = f.account_id"
                + " WHERE s.seller_id = :seller").param("seller", c.sellerId()).query(Long.class).single();
    }

    Map<String, Object> row(long feedSubmissionId) {
        return jdbc.sql("SELECT * FROM feed_submission WHERE feed_submission_id = :id").param("id", feedSubmissionId)
                .query().singleRow();
    }

    static long blobFiles() throws IOException {
        Path root = Path.of("target/test-data/blobs");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    // ---- SubmitFeed

    @Test
    void submitFeedStoresTheBodyAndAnswersTheExactInfo() throws IOException {
        Caller c = caller();
        byte[] body = XML_FEED.getBytes(StandardCharsets.UTF_8);
        Answer a = submit(c, Map.of("FeedType", "_POST_PRODUCT_DATA_", "ContentMD5Value", "YLk0fFmt9zvxWcxIEFstCQ=="),
                null, HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).matches("(?s)<\\?xml[^>]*>\\s*<SubmitFeedResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">"
                + "\\s*<SubmitFeedResult>\\s*<FeedSubmissionInfo>\\s*<FeedSubmissionId>[1-9][0-9]{10}</FeedSubmissionId>"
                + "\\s*<FeedType>_POST_PRODUCT_DATA_</FeedType>"
                + "\\s*<SubmittedDate>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00</SubmittedDate>"
                + "\\s*<FeedProcessingStatus>_SUBMITTED_</FeedProcessingStatus>\\s*</FeedSubmissionInfo>"
                + "\\s*</SubmitFeedResult>\\s*<ResponseMetadata>\\s*<RequestId>[0-9a-f-]{36}</RequestId>"
                + "\\s*</ResponseMetadata>\\s*</SubmitFeedResponse>\\s*");
        long id = Long.parseLong(value(a.body(), "FeedSubmissionId"));
        Map<String, Object> row = row(id);
        assertThat(row.get("body_md5")).isEqualTo("YLk0fFmt9zvxWcxIEFstCQ==");
        assertThat(((Number) row.get("body_length")).longValue()).isEqualTo(body.length);
        assertThat(row.get("status")).isEqualTo("_SUBMITTED_");
        assertThat(row.get("source")).isEqualTo("API");
        assertThat(row.get("developer_id")).isEqualTo(c.developerId());
        assertThat(row.get("content_type")).isEqualTo("text/xml");
        assertThat(row.get("purge_and_replace")).isEqualTo(false);
        assertThat(row.get("marketplace_ids")).isEqualTo("ATVPDKIKX0DER"); // the seller's home marketplace
        try (InputStream in = blobs.open((String) row.get("body_key"))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void theMd5ComesAsParameterOrHeaderOrBothAndMustMatch() throws IOException {
        Caller c = caller();
        byte[] body = "sku\tprice\tquantity\nA-1\t9.99\t3\n".getBytes(StandardCharsets.UTF_8);
        String md5 = md5(body);
        String type = "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(body);

        assertThat(submit(c, Map.of("FeedType", type, "ContentMD5Value", md5), null, publisher).status()).isEqualTo(200);
        assertThat(submit(c, Map.of("FeedType", type), md5, publisher).status()).isEqualTo(200);
        assertThat(submit(c, Map.of("FeedType", type, "ContentMD5Value", md5), md5, publisher).status()).isEqualTo(200);
        assertThat(rows(c)).isEqualTo(3);
        long files = blobFiles();

        Answer neither = submit(c, Map.of("FeedType", type), null, publisher);
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.errorCode()).isEqualTo("ContentMD5Missing");

        String other = md5("something else".getBytes(StandardCharsets.UTF_8));
        Answer differ = submit(c, Map.of("FeedType", type, "ContentMD5Value", md5), other, publisher);
        assertThat(differ.status()).isEqualTo(400);
        assertThat(differ.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(differ.error().errors().get(0).message()).contains("ContentMD5Value", "Content-MD5");

        Answer mismatch = submit(c, Map.of("FeedType", type, "ContentMD5Value", other), null, publisher);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorCode()).isEqualTo("ContentMD5DoesNotMatch");
        Answer headerMismatch = submit(c, Map.of("FeedType", type), other, publisher);
        assertThat(headerMismatch.errorCode()).isEqualTo("ContentMD5DoesNotMatch");

        Answer malformed = submit(c, Map.of("FeedType", type, "ContentMD5Value", "not-an-md5"), null, publisher);
        assertThat(malformed.errorCode()).isEqualTo("InvalidParameterValue");

        assertThat(rows(c)).as("nothing stored for a refused feed").isEqualTo(3);
        assertThat(blobFiles()).as("no blob left for a refused feed").isEqualTo(files);
    }

    @Test
    void feedTypePurgeAndReplaceAndMarketplacesAreChecked() {
        Caller c = caller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        byte[] body = XML_FEED.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        String md5 = md5(body);

        Answer unknown = submit(c, Map.of("FeedType", "_POST_NOTHING_", "ContentMD5Value", md5), null, publisher);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("InvalidFeedType");
        assertThat(unknown.error().errors().get(0).message()).contains("_POST_NOTHING_");

        Answer missing = submit(c, Map.of("ContentMD5Value", md5), null, publisher);
        assertThat(missing.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(missing.error().errors().get(0).message()).contains("FeedType");

        Answer purge = submit(c, Map.of("FeedType", "_POST_PRODUCT_DATA_", "ContentMD5Value", md5,
                "PurgeAndReplace", "yes"), null, publisher);
        assertThat(purge.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(purge.error().errors().get(0).message()).contains("PurgeAndReplace");

        Answer notSold = submit(c, Map.of("FeedType", "_POST_PRODUCT_DATA_", "ContentMD5Value", md5,
                "MarketplaceIdList.Id.1", "ATVPDKIKX0DER", "MarketplaceIdList.Id.2", "A1PA6795UKMFR9"), null, publisher);
        assertThat(notSold.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(notSold.error().errors().get(0).message()).contains("A1PA6795UKMFR9");
        assertThat(rows(c)).isZero();

        Answer both = submit(c, Map.of("FeedType", "_POST_PRODUCT_DATA_", "ContentMD5Value", md5,
                "MarketplaceIdList.Id.1", "A2EUQ1WTGCTBG2", "MarketplaceIdList.Id.2", "ATVPDKIKX0DER",
                "PurgeAndReplace", "true"), null, publisher);
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        Map<String, Object> row = row(Long.parseLong(value(both.body(), "FeedSubmissionId")));
        assertThat(row.get("marketplace_ids")).isEqualTo("A2EUQ1WTGCTBG2,ATVPDKIKX0DER");
        assertThat(row.get("purge_and_replace")).isEqualTo(true);
    }

    @Test
    void aLargeFeedIsStreamedToStorageWithItsMd5() throws Exception {
        Caller c = caller();
        long size = 50L * 1024 * 1024;
        MessageDigest digest = MessageDigest.getInstance("MD5");
        try (InputStream in = generated(size)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        String md5 = Base64.getEncoder().encodeToString(digest.digest());
        Answer a = submit(c, Map.of("FeedType", "_POST_FLAT_FILE_INVLOADER_DATA_", "ContentMD5Value", md5), null,
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> generated(size)),
                        size));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        Map<String, Object> row = row(Long.parseLong(value(a.body(), "FeedSubmissionId")));
        assertThat(((Number) row.get("body_length")).longValue()).isEqualTo(size);
        assertThat(row.get("body_md5")).isEqualTo(md5);
        MessageDigest stored = MessageDigest.getInstance("MD5");
        long length = 0;
        try (InputStream in = blobs.open((String) row.get("body_key"))) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                stored.update(buffer, 0, n);
                length += n;
            }
        }
        assertThat(length).isEqualTo(size);
        assertThat(Base64.getEncoder().encodeToString(stored.digest())).isEqualTo(md5);
    }

    /** {@code size} bytes of tab-delimited text, the same on every call, never in memory at once. */
    static InputStream generated(long size) {
        byte[] block = new byte[64 * 1024];
        Random random = new Random(42);
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i % 64 == 63 ? '\n' : i % 16 == 15 ? '\t' : 'a' + random.nextInt(26));
        }
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent >= size ? -1 : block[(int) (sent++ % block.length)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int from = (int) (sent % block.length);
                int n = (int) Math.min(Math.min(len, block.length - from), size - sent);
                System.arraycopy(block, from, b, off, n);
                // Each pass over the block differs in its first byte, so the feed is not one block repeated.
                if (from == 0 && n > 0) {
                    b[off] = (byte) ('A' + (sent / block.length) % 26);
                }
                sent += n;
                return n;
            }
        };
    }

    @Test
    void aClientThatHangsUpMidUploadLeavesNoRowAndNoBlob() throws Exception {
        Caller c = caller();
        long files = blobFiles();
        String query = query(c, Map.of("FeedType", "_POST_PRODUCT_DATA_",
                "ContentMD5Value", "YLk0fFmt9zvxWcxIEFstCQ=="));
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + FEEDS + "?" + query + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: text/xml\r\nContent-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
            }
            out.flush();
        }
        // The server notices the closed connection, answers InputStreamDisconnected and discards the blob.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && callLogged(c, "InputStreamDisconnected") == 0) {
            Thread.sleep(50);
        }
        assertThat(callLogged(c, "InputStreamDisconnected")).isEqualTo(1);
        assertThat(rows(c)).isZero();
        assertThat(blobFiles()).isEqualTo(files);
    }

    long callLogged(Caller c, String errorCode) {
        return jdbc.sql("SELECT COUNT(*) FROM mws_call WHERE seller_id = :seller AND error_code = :code")
                .param("seller", c.sellerId()).param("code", errorCode).query(Long.class).single();
    }

    // ---- Lists, counts, cancels

    @Test
    void listsFilterPageAndCount() {
        Caller c = caller();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submitted(c, i % 2 == 0 ? "_POST_PRODUCT_DATA_" : "_POST_INVENTORY_AVAILABILITY_DATA_"));
        }
        jdbc.sql("UPDATE feed_submission SET status = '_DONE_' WHERE feed_submission_id = :id")
                .param("id", ids.get(0)).update();
        List<Long> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);

        Answer all = call(c, "GetFeedSubmissionList", Map.of());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(value(all.body(), "HasNext")).isEqualTo("false");
        assertThat(values(all.body(), "NextToken")).isEmpty();
        assertThat(values(all.body(), "FeedSubmissionId").stream().map(Long::parseLong).toList()).isEqualTo(newestFirst);

        // Pages of 2 through NextTokens.
        Answer first = call(c, "GetFeedSubmissionList", Map.of("MaxCount", "2"));
        assertThat(value(first.body(), "HasNext")).isEqualTo("true");
        List<Long> seen = new ArrayList<>(values(first.body(), "FeedSubmissionId").stream().map(Long::parseLong).toList());
        String token = value(first.body(), "NextToken");
        int pages = 1;
        while (token != null) {
            Answer next = call(c, "GetFeedSubmissionListByNextToken", Map.of("NextToken", token));
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            assertThat(next.body()).contains("<GetFeedSubmissionListByNextTokenResult>");
            seen.addAll(values(next.body(), "FeedSubmissionId").stream().map(Long::parseLong).toList());
            token = "true".equals(value(next.body(), "HasNext")) ? value(next.body(), "NextToken") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(newestFirst);

        // Filters.
        Answer byType = call(c, "GetFeedSubmissionList", Map.of("FeedTypeList.Type.1", "_POST_PRODUCT_DATA_"));
        assertThat(values(byType.body(), "FeedSubmissionId").stream().map(Long::parseLong).toList())
                .containsExactly(ids.get(4), ids.get(2), ids.get(0));
        Answer byStatus = call(c, "GetFeedSubmissionList", Map.of("FeedProcessingStatusList.Status.1", "_DONE_"));
        assertThat(values(byStatus.body(), "FeedSubmissionId")).containsExactly(ids.get(0).toString());
        Answer byId = call(c, "GetFeedSubmissionList", Map.of("FeedSubmissionIdList.Id.1", ids.get(1).toString(),
                "FeedSubmissionIdList.Id.2", ids.get(3).toString()));
        assertThat(values(byId.body(), "FeedSubmissionId")).containsExactly(ids.get(3).toString(), ids.get(1).toString());
        String later = io.openmws.protocol.time.Timestamps.format(clock.instant().plus(Duration.ofDays(1)));
        String earlier = io.openmws.protocol.time.Timestamps.format(clock.instant().minus(Duration.ofDays(1)));
        assertThat(values(call(c, "GetFeedSubmissionList", Map.of("SubmittedFromDate", later)).body(),
                "FeedSubmissionId")).isEmpty();
        assertThat(values(call(c, "GetFeedSubmissionList", Map.of("SubmittedFromDate", earlier,
                "SubmittedToDate", later)).body(), "FeedSubmissionId")).hasSize(5);
        assertThat(values(call(c, "GetFeedSubmissionList", Map.of("SubmittedToDate", earlier)).body(),
                "FeedSubmissionId")).isEmpty();

        // A filtered list pages with its filter.
        Answer typed = call(c, "GetFeedSubmissionList", Map.of("FeedTypeList.Type.1", "_POST_PRODUCT_DATA_",
                "MaxCount", "2"));
        Answer typedNext = call(c, "GetFeedSubmissionListByNextToken", Map.of("NextToken", value(typed.body(), "NextToken")));
        assertThat(values(typedNext.body(), "FeedSubmissionId")).containsExactly(ids.get(0).toString());
        assertThat(value(typedNext.body(), "HasNext")).isEqualTo("false");

        // Counts.
        assertThat(value(call(c, "GetFeedSubmissionCount", Map.of()).body(), "Count")).isEqualTo("5");
        assertThat(value(call(c, "GetFeedSubmissionCount", Map.of("FeedProcessingStatusList.Status.1", "_SUBMITTED_"))
                .body(), "Count")).isEqualTo("4");
        assertThat(value(call(c, "GetFeedSubmissionCount", Map.of("FeedTypeList.Type.1",
                "_POST_INVENTORY_AVAILABILITY_DATA_")).body(), "Count")).isEqualTo("2");

        // Bad values.
        for (Map<String, String> bad : List.of(Map.of("MaxCount", "0"), Map.of("MaxCount", "101"),
                Map.of("MaxCount", "ten"), Map.of("FeedProcessingStatusList.Status.1", "_DONE"),
                Map.of("SubmittedFromDate", "yesterday"), Map.of("FeedSubmissionIdList.Id.1", "12x"),
                Map.of("SubmittedFromDate", later, "SubmittedToDate", earlier))) {
            Answer refused = call(c, "GetFeedSubmissionList", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.errorCode()).as(bad.toString()).isEqualTo("InvalidParameterValue");
        }
    }

    @Test
    void nextTokensAreBoundToTheSellerAndTheDeveloperAndTamperingIsRefused() {
        Caller c = caller();
        for (int i = 0; i < 3; i++) {
            submitted(c, "_POST_PRODUCT_DATA_");
        }
        String token = value(call(c, "GetFeedSubmissionList", Map.of("MaxCount", "1")).body(), "NextToken");
        assertThat(call(c, "GetFeedSubmissionListByNextToken", Map.of("NextToken", token)).status()).isEqualTo(200);

        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        for (String tampered : List.of(token + "x", "garbage!", token.substring(0, token.length() - 3),
                Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.replace("|1|", "|1000|")
                        .getBytes(StandardCharsets.UTF_8)))) {
            Answer refused = call(c, "GetFeedSubmissionListByNextToken", Map.of("NextToken", tampered));
            assertThat(refused.status()).as(tampered).isEqualTo(400);
            assertThat(refused.errorCode()).as(tampered).isEqualTo("NextTokenCorrupted");
        }
        Caller other = caller();
        Answer foreign = call(other, "GetFeedSubmissionListByNextToken", Map.of("NextToken", token));
        assertThat(foreign.errorCode()).isEqualTo("NextTokenCorrupted");
        Answer none = call(c, "GetFeedSubmissionListByNextToken", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo("ValidationError");
    }

    @Test
    void cancelTakesOnlySubmittedOnesAndWithoutFilterAllOfThem() {
        Caller c = caller();
        long a = submitted(c, "_POST_PRODUCT_DATA_");
        long b = submitted(c, "_POST_PRODUCT_PRICING_DATA_");
        long d = submitted(c, "_POST_PRODUCT_PRICING_DATA_");
        long started = submitted(c, "_POST_PRODUCT_PRICING_DATA_");
        jdbc.sql("UPDATE feed_submission SET status = '_IN_PROGRESS_' WHERE feed_submission_id = :id")
                .param("id", started).update();

        Answer byType = call(c, "CancelFeedSubmissions", Map.of("FeedTypeList.Type.1", "_POST_PRODUCT_PRICING_DATA_",
                "FeedSubmissionIdList.Id.1", Long.toString(b), "FeedSubmissionIdList.Id.2", Long.toString(started)));
        assertThat(byType.status()).as(byType.body()).isEqualTo(200);
        assertThat(value(byType.body(), "Count")).isEqualTo("1");
        assertThat(values(byType.body(), "FeedSubmissionId")).containsExactly(Long.toString(b));
        assertThat(value(byType.body(), "FeedProcessingStatus")).isEqualTo("_CANCELLED_");

        Answer rest = call(c, "CancelFeedSubmissions", Map.of());
        assertThat(value(rest.body(), "Count")).isEqualTo("2");
        assertThat(values(rest.body(), "FeedSubmissionId")).containsExactly(Long.toString(d), Long.toString(a));
        assertThat(row(started).get("status")).isEqualTo("_IN_PROGRESS_");
        assertThat(value(call(c, "CancelFeedSubmissions", Map.of()).body(), "Count")).isEqualTo("0");
        assertThat(value(call(c, "GetFeedSubmissionCount", Map.of("FeedProcessingStatusList.Status.1", "_CANCELLED_"))
                .body(), "Count")).isEqualTo("3");

        Answer result = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(a)));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("FeedCanceled");
        Answer notReady = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(started)));
        assertThat(notReady.errorCode()).isEqualTo("FeedProcessingResultNotReady");
    }

    @Test
    void anotherSellersSubmissionsAreNeverSeen() {
        Caller owner = caller();
        Caller other = caller();
        long id = submitted(owner, "_POST_PRODUCT_DATA_");

        Answer result = call(other, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(id)));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("InvalidFeedSubmissionId");
        Answer unknown = call(other, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", "99999999999"));
        assertThat(unknown.errorCode()).isEqualTo("InvalidFeedSubmissionId");
        assertThat(unknown.error().errors().get(0).message()).isEqualTo(result.error().errors().get(0).message());
        Answer notANumber = call(other, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", "abc"));
        assertThat(notANumber.errorCode()).isEqualTo("InvalidFeedSubmissionId");

        Answer list = call(other, "GetFeedSubmissionList", Map.of("FeedSubmissionIdList.Id.1", Long.toString(id)));
        assertThat(values(list.body(), "FeedSubmissionId")).isEmpty();
        Answer cancel = call(other, "CancelFeedSubmissions", Map.of("FeedSubmissionIdList.Id.1", Long.toString(id)));
        assertThat(value(cancel.body(), "Count")).isEqualTo("0");
        assertThat(row(id).get("status")).isEqualTo("_SUBMITTED_");
    }

    // ---- GetFeedSubmissionResult: the raw streaming path

    @Test
    void aProcessingReportOfSeveralMegabytesIsStreamedWithItsMd5() throws Exception {
        Caller c = caller();
        long xmlId = submitted(c, "_POST_PRODUCT_DATA_");
        StringBuilder report = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope>");
        while (report.length() < 5 * 1024 * 1024) {
            report.append("<Result><MessageID>").append(report.length()).append("</MessageID></Result>\n");
        }
        report.append("</AmazonEnvelope>\n");
        byte[] bytes = report.toString().getBytes(StandardCharsets.UTF_8);
        finish(xmlId, bytes);

        Answer a = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(xmlId)));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.raw().body()).isEqualTo(bytes);
        assertThat(a.header("Content-MD5")).isEqualTo(md5(bytes));
        assertThat(a.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(a.header("Content-Type")).isEqualToIgnoringCase("text/xml;charset=UTF-8");
        assertThat(a.header("x-mws-request-id")).isNotBlank().isEqualTo(a.header("x-amz-request-id"));

        long flatId = submitted(c, "_POST_FLAT_FILE_INVLOADER_DATA_");
        byte[] flat = "Feed Processing Summary:\n\tNumber of records processed\t\t1\n".getBytes(StandardCharsets.UTF_8);
        finish(flatId, flat);
        Answer f = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(flatId)));
        assertThat(f.raw().body()).isEqualTo(flat);
        assertThat(f.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(f.header("Content-MD5")).isEqualTo(md5(flat));

        // Shown done by the list, with its dates.
        Answer list = call(c, "GetFeedSubmissionList", Map.of("FeedSubmissionIdList.Id.1", Long.toString(xmlId)));
        assertThat(value(list.body(), "FeedProcessingStatus")).isEqualTo("_DONE_");
        assertThat(value(list.body(), "StartedProcessingDate")).endsWith("+00:00");
        assertThat(value(list.body(), "CompletedProcessingDate")).endsWith("+00:00");

        // A report missing from storage fails before the first byte: an error envelope.
        blobs.delete(FeedSubmissions.resultKey(flatId));
        Answer gone = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(flatId)));
        assertThat(gone.status()).isEqualTo(500);
        assertThat(gone.errorCode()).isEqualTo("InternalError");
        Answer missing = call(c, "GetFeedSubmissionResult", Map.of());
        assertThat(missing.errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void aDownloadThatBreaksOffAfterItsFirstByteAbortsAndOneThatFailsBeforeIsAnEnvelope() throws Exception {
        Caller c = caller();
        long id = submitted(c, "_POST_PRODUCT_DATA_");
        byte[] bytes = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'x');
        finish(id, bytes);
        // The stored report is shorter than its row says: found out only after the bytes there were sent.
        jdbc.sql("UPDATE feed_submission SET result_length = result_length + 1000 WHERE feed_submission_id = :id")
                .param("id", id).update();
        String form = MwsClient.sign("POST", "localhost:" + port, FEEDS, c.accessKeyId(), c.secretKey(),
                Map.of("Action", "GetFeedSubmissionResult", "Version", "2009-01-01", "SellerId", c.sellerId(),
                        "FeedSubmissionId", Long.toString(id)));
        MwsClient.RawAnswer broken = mws().sendRaw("POST", FEEDS,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(200);
        assertThat(Long.parseLong(broken.header("Content-Length"))).isEqualTo(bytes.length + 1000L);
        assertThat(broken.body()).as("what there was, and nothing after it").isEqualTo(bytes);

        // A report longer than its row says fails on the first read, before any byte: an error envelope.
        long small = submitted(c, "_POST_PRODUCT_DATA_");
        finish(small, "a short report".getBytes(StandardCharsets.UTF_8));
        jdbc.sql("UPDATE feed_submission SET result_length = 3 WHERE feed_submission_id = :id").param("id", small).update();
        Answer refused = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(small)));
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.errorCode()).isEqualTo("InternalError");
        assertThat(refused.header("Content-MD5")).isNull();
    }

    @Autowired
    FeedProcessing processing;

    long accountId(Caller c) {
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :seller").param("seller", c.sellerId())
                .query(Long.class).single();
    }

    @Test
    void aRealProcessedFeedIsDownloadedWithItsMd5AndACancelledOneIsNeverProcessed() throws Exception {
        Caller c = caller();
        String flat = "sku\tprice\tquantity\nSKU-1\t12.50\t4\nSKU-2\tnot-a-price\t1\n";
        Answer submitted = submit(c, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", flat);
        long id = Long.parseLong(value(submitted.body(), "FeedSubmissionId"));
        long cancelled = submitted(c, "_POST_PRODUCT_DATA_");
        assertThat(value(call(c, "CancelFeedSubmissions", Map.of("FeedSubmissionIdList.Id.1", Long.toString(cancelled)))
                .body(), "Count")).isEqualTo("1");

        // The engine's own work, run here rather than by the scheduler (which polls once an hour in this test).
        processing.processSeller(accountId(c), () -> false);

        Answer list = call(c, "GetFeedSubmissionList", Map.of());
        assertThat(values(list.body(), "FeedProcessingStatus")).containsExactly("_CANCELLED_", "_DONE_");
        assertThat(values(list.body(), "StartedProcessingDate")).hasSize(1);
        assertThat(values(list.body(), "CompletedProcessingDate")).hasSize(1);

        Answer report = call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(id)));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(report.header("Content-MD5")).isEqualTo(md5(report.raw().body()));
        assertThat(report.header("Content-Length")).isEqualTo(Integer.toString(report.raw().body().length));
        assertThat(report.body()).contains("Feed Processing Summary", "SKU-2");
        assertThat(call(c, "GetFeedSubmissionResult", Map.of("FeedSubmissionId", Long.toString(cancelled))).errorCode())
                .isEqualTo("FeedCanceled");
    }

    /** Marks a submission done with this report, as the engine does (the engine's own SQL is not ours to call). */
    void finish(long feedSubmissionId, byte[] report) throws IOException {
        BlobStore.Blob blob = blobs.write(FeedSubmissions.resultKey(feedSubmissionId),
                new java.io.ByteArrayInputStream(report));
        jdbc.sql("""
                        UPDATE feed_submission SET status = '_DONE_', started_at = submitted_at, completed_at = submitted_at,
                            result_key = :key, result_length = :length, result_md5 = :md5
                        WHERE feed_submission_id = :id""")
                .param("key", blob.key()).param("length", blob.length()).param("md5", blob.md5Base64())
                .param("id", feedSubmissionId).update();
    }

    // ---- The database blob store, on this test's database (H2 and PostgreSQL)

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    DatabaseBlobStore databaseStore() {
        return new DatabaseBlobStore(jdbc, transactions, clock, 1000);
    }

    @Test
    void theDatabaseStoreRoundTripsAMultiChunkBlob() throws Exception {
        BlobStoreContract.roundTripOfSeveralChunks(databaseStore(), 1000);
        BlobStoreContract.roundTripOfSeveralChunks(new DatabaseBlobStore(jdbc, transactions, clock),
                DatabaseBlobStore.CHUNK_SIZE);
    }

    @Test
    void theDatabaseStoreLeavesNothingOfAnUncommittedBlob() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM blob_chunk").query(Long.class).single();
        BlobStoreContract.uncommittedOutputLeavesNothing(databaseStore(), 1000);
        // What is left is the one committed blob ("old"): no temporary chunk.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM blob_chunk").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void theDatabaseStoreReplacesAndDeletes() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM blob_chunk").query(Long.class).single();
        BlobStoreContract.replaceAndDelete(databaseStore(), 1000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM blob_chunk").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theDatabaseStoreRemovesWritesAbandonedLongAgo() throws Exception {
        jdbc.sql("INSERT INTO blob_chunk (blob_key, seq, bytes) VALUES (:key, 0, :bytes)")
                .param("key", "~tmp/" + clock.instant().minus(Duration.ofDays(2)).toEpochMilli() + "/abandoned")
                .param("bytes", new byte[3]).update();
        DatabaseBlobStore store = databaseStore();
        try (BlobStore.BlobOutput running = store.create("test/" + UUID.randomUUID())) {
            running.write(new byte[2500]); // two chunks of a write in progress
            assertThat(store.deleteAbandoned(clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM blob_chunk WHERE blob_key LIKE '~tmp/%'").query(Long.class).single())
                    .isEqualTo(2);
            running.commit();
        }
    }

    // ---- Retention

    @Test
    void submissionsOlderThan90DaysOfPlatformTimeAreDeletedWithTheirBlobs() throws Exception {
        Caller c = caller();
        long old = submitted(c, "_POST_PRODUCT_DATA_");
        finish(old, "report".getBytes(StandardCharsets.UTF_8));
        String bodyKey = (String) row(old).get("body_key");

        JsonClient.Response moved = control().post("/sandbox/v1/clock/advance", "{\"duration\": \"P89D\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        long recent = submitted(c, "_POST_PRODUCT_DATA_");
        retention.deleteExpired();
        assertThat(rows(c)).isEqualTo(2);

        control().post("/sandbox/v1/clock/advance", "{\"duration\": \"P2D\"}");
        assertThat(value(call(c, "GetFeedSubmissionCount", Map.of()).body(), "Count"))
                .as("the list window is 90 days").isEqualTo("1");
        retention.deleteExpired();
        assertThat(rows(c)).isEqualTo(1);
        assertThat(row(recent)).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feed_submission WHERE feed_submission_id = :id").param("id", old)
                .query(Long.class).single()).isZero();
        assertThat(Files.exists(Path.of("target/test-data/blobs").resolve(bodyKey))).isFalse();
        assertThat(Files.exists(Path.of("target/test-data/blobs").resolve(FeedSubmissions.resultKey(old)))).isFalse();
    }
}
