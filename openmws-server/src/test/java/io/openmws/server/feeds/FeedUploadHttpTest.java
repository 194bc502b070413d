package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.support.BlobStore;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.SqlTime;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Inventory > Add Products via Upload over HTTP on a real port, on both databases: a multipart upload
 * becomes a feed submission listed with the API's ones, every bad form is a form message that stores
 * nothing, a file past the (here lowered) size limit too, waiting submissions are cancelled, a done one's
 * processing report downloads as stored, and another seller's submission ids are not found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FeedUploadHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String UPLOAD = "/sellercentral/inventory/upload";
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final String INVLOADER = "_POST_FLAT_FILE_INVLOADER_DATA_";
    static final Pattern FEED_ROW = Pattern.compile("data-feed-id=\"(\\d+)\" data-status=\"([_A-Z]+)\"");
    static final Pattern ACTION = Pattern.compile("id=\"upload-form\" method=\"post\" enctype=\"multipart/form-data\"\\s+action=\"([^\"]+)\"");
    static final byte[] FLAT_FILE = "sku\tprice\tquantity\r\nMUG-1\t9.99\t3\r\n".getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
        // A lowered limit, so that "too large" is a small upload here; the page says the limit in force.
        registry.add("spring.servlet.multipart.max-file-size", () -> "64KB");
        registry.add("spring.servlet.multipart.max-request-size", () -> "65KB");
        // Rows the tests insert stay in the status they are given: no sweep of the engine during the class.
        registry.add("openmws.feeds.sweep-interval", () -> "PT1H");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    PlatformClock clock;

    Fixtures fixtures() {
        return new Fixtures(new JsonClient(port, TOKEN));
    }

    PortalClient signedIn(Fixtures.Seller seller) {
        PortalClient client = new PortalClient(port);
        Page signIn = client.submit("/login", "/login", "username", seller.email(), "password", Fixtures.PASSWORD);
        assertThat(signIn.redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    /** One part of a multipart form: a field, or a file when {@code fileName} is given. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, content);
        }
    }

    /** Posts the upload form as a browser does: multipart, to the form's own action (which carries the CSRF token). */
    static HttpResponse<String> upload(PortalClient client, Part... parts) {
        Matcher action = ACTION.matcher(client.get(UPLOAD).body());
        assertThat(action.find()).as("the upload form").isTrue();
        String boundary = "----openmws" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\nContent-Type: text/plain")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String target = action.group(1).replace("&amp;", "&");
        return client.raw(HttpRequest.newBuilder(URI.create(client.base() + target))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static Part[] validUpload(String fileName, byte[] content, String... marketplaces) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.field("feedType", INVLOADER));
        parts.add(Part.file(fileName, content));
        Arrays.stream(marketplaces).forEach(m -> parts.add(Part.field("marketplaceIds", m)));
        return parts.toArray(Part[]::new);
    }

    static List<String> feedRows(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = FEED_ROW.matcher(page);
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    long accountId(Fixtures.Seller seller) {
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", seller.sellerId())
                .query(Long.class).single();
    }

    long submissions(Fixtures.Seller seller) {
        return jdbc.sql("SELECT COUNT(*) FROM feed_submission WHERE account_id = :a").param("a", accountId(seller))
                .query(Long.class).single();
    }

    /**
     * A submission as the feeds feature records one (an API one here), in the given status, with a stored
     * processing report when {@code report} is given: the set-up of tests that must not wait for the engine.
     * No event is published, and the engine's sweep is slowed down for this class, so the row stays as set.
     */
    long feed(long account, String feedType, String status, byte[] report) throws Exception {
        long id = 70_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFL);
        Instant now = clock.instant();
        String key = null;
        BlobStore.Blob blob = null;
        if (report != null) {
            key = "test/" + id + "/result";
            blob = blobs.write(key, new ByteArrayInputStream(report));
        }
        jdbc.sql("""
                INSERT INTO feed_submission (feed_submission_id, account_id, developer_id, source, feed_type,
                                             marketplace_ids, status, submitted_at, started_at, completed_at, body_key,
                                             body_length, body_md5, result_key, result_length, result_md5, processed,
                                             messages_successful)
                VALUES (:id, :a, '123456789012', 'API', :type, :m, :status, :now, :started, :completed, :body, 1, 'x',
                        :key, :len, :md5, :n, :n)""")
                .param("id", id).param("a", account).param("type", feedType).param("m", US).param("status", status)
                .param("now", SqlTime.of(now)).param("started", SqlTime.of(report == null ? null : now))
                .param("completed", SqlTime.of(report == null ? null : now)).param("body", "test/" + id + "/body")
                .param("key", key).param("len", blob == null ? null : blob.length())
                .param("md5", blob == null ? null : blob.md5Base64()).param("n", report == null ? 0 : 1).update();
        return id;
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        PortalClient anonymous = new PortalClient(port);
        assertThat(anonymous.get(UPLOAD).redirectPath()).endsWith("/login");
        assertThat(anonymous.get(UPLOAD + "/12345678901/report").redirectPath()).endsWith("/login");
        assertThat(anonymous.post(UPLOAD + "/12345678901/cancel").status()).isEqualTo(403);
    }

    @Test
    void theFormOffersTheFeedTypesTheSellersMarketplacesAndTheSizeLimit() {
        Fixtures.Seller seller = fixtures().seller(Fixtures.newEmail("form"), US, CA);
        String page = signedIn(seller).get(UPLOAD).body();
        assertThat(page).contains("<option value=\"_POST_FLAT_FILE_INVLOADER_DATA_\">Inventory Loader file (tab-delimited)</option>")
                .contains("<option value=\"_POST_PRODUCT_DATA_\">Product data (XML)</option>")
                .contains("<option value=\"_POST_ORDER_FULFILLMENT_DATA_\">Order fulfillment (XML)</option>")
                .doesNotContain("value=\"_POST_PRODUCT_IMAGE_DATA_\"");
        assertThat(page).containsPattern("value=\"" + US + "\"\\s+checked=\"checked\"")
                .containsPattern("value=\"" + CA + "\">").contains("up to 64 KB.")
                .contains("id=\"no-submissions\"").contains("purge and replace deletes every listing");
    }

    @Test
    void aBadFormIsAFormMessageAndStoresNothing() {
        Fixtures.Seller seller = fixtures().seller(Fixtures.newEmail("bad"), US);
        PortalClient client = signedIn(seller);

        HttpResponse<String> noType = upload(client, Part.file("a.txt", FLAT_FILE), Part.field("marketplaceIds", US));
        assertThat(noType.statusCode()).isEqualTo(200);
        assertThat(noType.body()).contains("Choose a feed type.");
        HttpResponse<String> unknownType = upload(client, Part.field("feedType", "_POST_PRODUCT_IMAGE_DATA_"),
                Part.file("a.txt", FLAT_FILE), Part.field("marketplaceIds", US));
        assertThat(unknownType.body()).contains("Choose one of the feed types listed.");
        HttpResponse<String> noFile = upload(client, Part.field("feedType", INVLOADER), Part.field("marketplaceIds", US));
        assertThat(noFile.body()).contains("Choose a file to upload.")
                .as("the chosen type is kept").contains("<option value=\"" + INVLOADER + "\" selected=\"selected\">");
        assertThat(upload(client, Part.field("feedType", INVLOADER), Part.file("", new byte[0]),
                Part.field("marketplaceIds", US)).body()).contains("Choose a file to upload.");
        assertThat(upload(client, validUpload("empty.txt", new byte[0], US)).body())
                .contains("The file is empty. Choose a file with your listings.");
        assertThat(upload(client, validUpload("a.txt", FLAT_FILE)).body()).contains("Choose at least one marketplace.");
        assertThat(upload(client, validUpload("a.txt", FLAT_FILE, "A1PA6795UKMFR9")).body())
                .contains("Choose marketplaces you sell in.");

        HttpResponse<String> tooLarge = upload(client, validUpload("big.txt", new byte[100 * 1024], US));
        assertThat(tooLarge.statusCode()).isEqualTo(302);
        assertThat(tooLarge.headers().firstValue("Location").orElseThrow()).endsWith(UPLOAD);
        assertThat(client.get(UPLOAD).body()).contains("The file is too large: upload at most 64 KB at a time");
        assertThat(client.get(UPLOAD).body()).as("said once").doesNotContain("The file is too large");

        Page notMultipart = client.submit(UPLOAD, UPLOAD, "feedType", INVLOADER, "marketplaceIds", US);
        assertThat(notMultipart.status()).isEqualTo(200);
        assertThat(notMultipart.body()).contains("Choose a file to upload.");

        HttpResponse<String> noToken = client.raw(HttpRequest.newBuilder(URI.create(client.base() + UPLOAD))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
        assertThat(noToken.statusCode()).as("no CSRF token, no upload").isNotEqualTo(200);
        assertThat(submissions(seller)).isZero();
    }

    @Test
    void anUploadBecomesAPortalSubmissionListedWithItsIdAndEscapedFileName() {
        Fixtures.Seller seller = fixtures().seller(Fixtures.newEmail("up"), US, CA);
        PortalClient client = signedIn(seller);
        HttpResponse<String> done = upload(client, validUpload("<img src=x onerror=alert(1)>&mugs.txt", FLAT_FILE, US, CA));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith(UPLOAD);

        String page = client.get(UPLOAD).body();
        Matcher notice = Pattern.compile("Your file was submitted: FeedSubmissionId (\\d{11})\\.").matcher(page);
        assertThat(notice.find()).as(page).isTrue();
        long id = Long.parseLong(notice.group(1));
        record Stored(String source, String fileName, String marketplaces, long length) {}
        Stored stored = jdbc.sql("SELECT source, file_name, marketplace_ids, body_length FROM feed_submission"
                        + " WHERE feed_submission_id = :id").param("id", id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).single();
        assertThat(stored.source()).isEqualTo("PORTAL");
        assertThat(stored.fileName()).isEqualTo("<img src=x onerror=alert(1)>&mugs.txt");
        assertThat(stored.marketplaces()).contains(US).contains(CA);
        assertThat(stored.length()).isEqualTo(FLAT_FILE.length);

        String listed = client.get(UPLOAD).body();
        assertThat(feedRows(listed)).isNotEmpty().first().asString().startsWith(id + " ");
        assertThat(listed).contains("&lt;img src=x onerror=alert(1)&gt;&amp;mugs.txt").doesNotContain("<img src=x")
                .contains("id=\"feed-" + id + "\"");
        String only = client.get(UPLOAD + "?id=" + id).body();
        assertThat(feedRows(only)).hasSize(1);
        assertThat(only).contains("id=\"show-all\"");
    }

    @Test
    void anUploadInStagingModeIsProcessedIntoStagedListingsThatManageInventoryNamesTheFeedOf() throws Exception {
        Fixtures.Seller seller = fixtures().seller(Fixtures.fields("staging", true));
        String asin = "B0" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        jdbc.sql("INSERT INTO catalog_product (asin, title, created_at) VALUES (:a, 'Cast Iron Kettle', :at)")
                .param("a", asin).param("at", SqlTime.of(clock.instant())).update();
        String sku = "KETTLE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        byte[] file = ("sku\tproduct-id\tproduct-id-type\tprice\tquantity\n" + sku + "\t" + asin + "\tASIN\t30.00\t2\n"
                + "NO-PRODUCT-" + sku + "\t\t\t5.00\t1\n").getBytes(StandardCharsets.UTF_8);
        PortalClient client = signedIn(seller);
        assertThat(client.get(UPLOAD).body()).contains("id=\"staging-banner\"");
        assertThat(upload(client, validUpload("kettles.txt", file, US)).statusCode()).isEqualTo(302);
        long id = jdbc.sql("SELECT feed_submission_id FROM feed_submission WHERE account_id = :a")
                .param("a", accountId(seller)).query(Long.class).single();

        String row = "";
        for (int i = 0; i < 600 && !row.contains("data-status=\"_DONE_\""); i++) {
            Thread.sleep(100);
            row = client.get(UPLOAD + "?id=" + id).body();
        }
        assertThat(feedRows(row)).containsExactly(id + " _DONE_");
        assertThat(row).contains("2 / 1 / 1 / 0").contains("/sellercentral/inventory/upload/" + id + "/report");

        String staged = client.get("/sellercentral/inventory?status=STAGED").body();
        assertThat(staged).contains("data-sku=\"" + sku + "\"").contains("Staged (1)").contains("All (1)")
                .contains("id=\"staging-banner\"").contains("30.00 USD")
                .contains("/sellercentral/inventory/upload?id=" + id + "#feed-" + id)
                .doesNotContain("NO-PRODUCT-");
        HttpResponse<byte[]> report = client.rawBytes(HttpRequest.newBuilder(URI.create(client.base() + UPLOAD + "/" + id + "/report")).GET());
        assertThat(new String(report.body(), StandardCharsets.UTF_8)).contains("NO-PRODUCT-" + sku);
    }

    @Test
    void aWaitingSubmissionHasACancelButtonThatCancelsItOnce() throws Exception {
        Fixtures.Seller seller = fixtures().seller(Fixtures.newEmail("cancel"), US);
        long id = feed(accountId(seller), "_POST_PRODUCT_DATA_", "_SUBMITTED_", null);
        PortalClient client = signedIn(seller);
        String listed = client.get(UPLOAD).body();
        assertThat(feedRows(listed)).containsExactly(id + " _SUBMITTED_");
        assertThat(listed).contains("action=\"/sellercentral/inventory/upload/" + id + "/cancel\"")
                .doesNotContain("/report\"");
        assertThat(client.get(UPLOAD + "/" + id + "/report").status()).as("no report before it is done").isEqualTo(404);

        Page cancelled = client.submit(UPLOAD, UPLOAD + "/" + id + "/cancel");
        assertThat(cancelled.redirectPath()).isEqualTo(UPLOAD);
        String after = client.get(UPLOAD).body();
        assertThat(after).contains("Feed submission " + id + " is cancelled; it will not be processed.");
        assertThat(feedRows(after)).containsExactly(id + " _CANCELLED_");
        assertThat(after).doesNotContain("action=\"/sellercentral/inventory/upload/" + id + "/cancel\"");

        client.submit(UPLOAD, UPLOAD + "/" + id + "/cancel");
        assertThat(client.get(UPLOAD).body()).contains("Feed submission " + id + " was not cancelled");
    }

    @Test
    void theReportOfADoneFeedDownloadsAsStoredAndAnotherSellersIdsAreNotFound() throws Exception {
        Fixtures.Seller seller = fixtures().seller(Fixtures.newEmail("report"), US);
        Fixtures.Seller other = fixtures().seller(Fixtures.newEmail("nosy"), US);
        byte[] report = "Feed Processing Summary:\n\tNumber of records processed\t\t1\n\tNumber of records successful\t\t1\n"
                .getBytes(StandardCharsets.UTF_8);
        long id = feed(accountId(seller), INVLOADER, "_DONE_", report);
        byte[] xmlReport = "<?xml version=\"1.0\"?><AmazonEnvelope/>".getBytes(StandardCharsets.UTF_8);
        long xmlId = feed(accountId(seller), "_POST_PRODUCT_DATA_", "_DONE_", xmlReport);
        PortalClient client = signedIn(seller);

        assertThat(client.get(UPLOAD).body()).contains("href=\"/sellercentral/inventory/upload/" + id + "/report\"");
        HttpResponse<byte[]> download = client.rawBytes(HttpRequest.newBuilder(URI.create(client.base() + UPLOAD + "/" + id + "/report")).GET());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(report);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"processing-report-" + id + ".txt\"");
        assertThat(download.headers().firstValue("Content-MD5").orElseThrow()).isEqualTo(
                java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(report)));

        HttpResponse<byte[]> xml = client.rawBytes(HttpRequest.newBuilder(URI.create(client.base() + UPLOAD + "/" + xmlId + "/report")).GET());
        assertThat(xml.body()).isEqualTo(xmlReport);
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(xml.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"processing-report-" + xmlId + ".xml\"");
        blobs.delete("test/" + xmlId + "/result");
        assertThat(client.get(UPLOAD + "/" + xmlId + "/report").status()).as("a report no longer kept").isEqualTo(404);

        PortalClient nosy = signedIn(other);
        HttpResponse<String> theirs = nosy.raw(HttpRequest.newBuilder(URI.create(nosy.base() + UPLOAD + "/" + id + "/report")).GET());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("Feed Processing Summary");
        assertThat(nosy.submit(UPLOAD, UPLOAD + "/" + id + "/cancel").status()).isEqualTo(404);
        assertThat(feedRows(nosy.get(UPLOAD + "?id=" + id).body())).isEmpty();
        assertThat(nosy.get(UPLOAD + "/99999999999/report").status()).isEqualTo(404);
        assertThat(nosy.get(UPLOAD + "/not-a-number/report").status()).isEqualTo(404);
    }

    @Test
    void submissionsFromTheApiAndThePortalAreListedNewestFirstInPages() {
        Fixtures.Seller seller = fixtures().seller(Fixtures.newEmail("many"), US);
        long account = accountId(seller);
        for (int i = 0; i < 27; i++) {
            jdbc.sql("""
                    INSERT INTO feed_submission (feed_submission_id, account_id, developer_id, source, feed_type,
                                                 marketplace_ids, status, submitted_at, body_key, body_length, body_md5)
                    VALUES (:id, :a, '123456789012', 'API', '_POST_PRODUCT_DATA_', :m, '_CANCELLED_',
                            :now, :key, 1, 'x')""")
                    .param("now", SqlTime.of(clock.instant()))
                    .param("id", 60_000_000_000L + account * 100 + i).param("a", account).param("m", US)
                    .param("key", "test/" + account + "/" + i).update();
        }
        PortalClient client = signedIn(seller);
        String first = client.get(UPLOAD).body();
        List<String> rows = feedRows(first);
        assertThat(rows).hasSize(25).first().asString().startsWith((60_000_000_000L + account * 100 + 26) + " ");
        assertThat(first).contains(">MWS</td>");
        Matcher older = Pattern.compile("href=\"(/sellercentral/inventory/upload\\?before=\\d+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = client.get(older.group(1)).body();
        assertThat(feedRows(second)).hasSize(2).doesNotContainAnyElementsOf(rows);
        assertThat(second).contains("class=\"button small newest\"").doesNotContain("rel=\"next\"");
    }
}
