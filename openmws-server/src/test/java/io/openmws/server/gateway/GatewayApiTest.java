package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.time.Timestamps;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.MwsClient.RawAnswer;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.OnBothDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Signed calls through the whole gateway, with developers and sellers made by the control API: the
 * spec's vectors replayed, signing variants real clients use, time windows, sellers, throttling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class GatewayApiTest {

    static final String TOKEN = "gateway-test-" + UUID.randomUUID();
    static final String SELLERS = "/Sellers/2011-07-01";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    /** A developer whose own seller account calls itself (no MWS Auth Token needed). */
    record Fixture(String sellerId, String accessKeyId, String secretKey) {}

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    @Autowired
    CallLog callLog;

    @Autowired
    JdbcClient jdbc;

    MwsClient mws() {
        return new MwsClient(port);
    }

    JsonClient control() {
        return new JsonClient(port, TOKEN);
    }

    /** A developer registered by its own seller account, which sells in these marketplaces (the default when none). */
    Fixture developer(String... marketplaces) {
        Fixtures.Developer dev = new Fixtures(control()).developerIn(marketplaces);
        return new Fixture(dev.sellerId(), dev.accessKeyId(), dev.secretKey());
    }

    static Map<String, String> listParticipations(String sellerId) {
        return new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations", "Version", "2011-07-01",
                "SellerId", sellerId));
    }

    // --- the spec's vectors ---------------------------------------------------------------------

    @Test
    void theSpecVectorsVerifyAgainstFixturesWithTheVectorsKeys() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        String seller = "A1EXAMPLESELLER";
        if (jdbc.sql("SELECT count(*) FROM seller_account WHERE seller_id = ?").param(seller).query(Long.class).single() == 0) {
            Fixtures fixtures = new Fixtures(control());
            fixtures.developerOf(fixtures.seller(Fixtures.fields("sellerId", seller)), null, "AKIAIOSFODNN7EXAMPLE", secret);
        }
        // V1 of docs/protocol.md §3.5, POST, HmacSHA256 and HmacSHA1, exactly as published.
        String v1 = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListMarketplaceParticipations"
                + "&MWSAuthToken=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE&SellerId=A1EXAMPLESELLER"
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-05-28T11%3A22%3A23Z&Version=2011-07-01";
        RawAnswer sha256 = replay(SELLERS, v1 + "&Signature=w8J4gX1iCaeAO4EPE%2FKtMK9ewlsvGbvTfRQrFdpJjYM%3D");
        RawAnswer sha1 = replay(SELLERS, v1.replace("HmacSHA256", "HmacSHA1")
                + "&Signature=3NhrUnGKr9DBKLeQj3UAxmsyToQ%3D");
        RawAnswer tampered = replay(SELLERS, v1 + "&Signature=x8J4gX1iCaeAO4EPE%2FKtMK9ewlsvGbvTfRQrFdpJjYM%3D");

        // A verified signature reaches the time check, which a 2020 timestamp fails.
        assertThat(sha256.error().errors().get(0).code()).isEqualTo("RequestExpired");
        assertThat(sha256.error().errors().get(0).message()).contains("2020-05-28T11:22:23Z");
        assertThat(sha1.error().errors().get(0).code()).isEqualTo("RequestExpired");
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.error().errors().get(0).code()).isEqualTo("SignatureDoesNotMatch");

        // V3 (SubmitFeed): parameters in the query, the feed as the body, at both paths; the signature
        // verifies and the 2020 timestamp is what fails.
        String v3 = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=SubmitFeed&ContentMD5Value=YLk0fFmt9zvxWcxIEFstCQ%3D%3D"
                + "&FeedType=_POST_PRODUCT_DATA_&MarketplaceIdList.Id.1=ATVPDKIKX0DER&Merchant=A1EXAMPLESELLER"
                + "&PurgeAndReplace=false&SignatureMethod=HmacSHA256&SignatureVersion=2"
                + "&Timestamp=2020-05-28T11%3A22%3A23Z&Version=2009-01-01";
        byte[] feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope/>".getBytes(StandardCharsets.UTF_8);
        Map<String, String> feedHeaders = Map.of("Host", "mws.amazonservices.com", "Content-Type", "text/xml");
        RawAnswer atRoot = mws().sendRaw("POST", "/?" + v3 + "&Signature=htfLIboIKOGQoeUOyFwe2EZDNy1rEefMz0TPEtkdM8k%3D",
                feedHeaders, feed);
        RawAnswer atFeeds = mws().sendRaw("POST", "/Feeds/2009-01-01?" + v3
                + "&Signature=s%2F43v8KB4OJpXsRSwIbV1fOwHHMCCQFOB%2FAnae%2FyiQM%3D", feedHeaders, feed);
        assertThat(atRoot.error().errors().get(0).code()).isEqualTo("RequestExpired");
        assertThat(atFeeds.error().errors().get(0).code()).isEqualTo("RequestExpired");
    }

    RawAnswer replay(String path, String form) {
        return mws().sendRaw("POST", path, Map.of("Host", "mws.amazonservices.com",
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCallSignedTheOfficialJavaClientsWaySucceeds() throws Exception {
        Fixture f = developer();
        // MwsUtl.calculateStringToSignV2 and urlEncode of the official Java client, written out here
        // with the JDK only: an implementation independent of the protocol module's signer.
        java.util.SortedMap<String, String> params = new java.util.TreeMap<>(Map.of(
                "AWSAccessKeyId", f.accessKeyId(), "Action", "ListMarketplaceParticipations",
                "SellerId", f.sellerId(), "SignatureMethod", "HmacSHA256", "SignatureVersion", "2",
                "Timestamp", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                        .withZone(ZoneOffset.UTC).format(clock.realTime().instant()),
                "Version", "2011-07-01"));
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(officialEncode(e.getKey())).append('=').append(officialEncode(e.getValue()));
        }
        String toSign = "POST\n" + "localhost:" + port + "\n" + officialEncode(SELLERS).replace("%2F", "/")
                + "\n" + query;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(f.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));

        Answer answer = mws().postForm(SELLERS, query + "&Signature=" + officialEncode(signature));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static String officialEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    // --- signed calls ------------------------------------------------------------------------------

    @Test
    void aSellerListsItsMarketplaceParticipations() {
        Fixture f = developer("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");

        Answer answer = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("text/xml");
        assertThat(answer.body())
                .startsWith("<?xml version=\"1.0\"?>")
                .contains("<ListMarketplaceParticipationsResponse xmlns=\"https://mws.amazonservices.com/Sellers/2011-07-01\">")
                .contains("<MarketplaceId>ATVPDKIKX0DER</MarketplaceId><SellerId>" + f.sellerId() + "</SellerId>"
                        + "<HasSellerSuspendedListings>No</HasSellerSuspendedListings>")
                .contains("<Name>Amazon.ca</Name>").contains("<DefaultCurrencyCode>CAD</DefaultCurrencyCode>")
                .contains("<DefaultLanguageCode>en_CA</DefaultLanguageCode>")
                .contains("<RequestId>" + answer.header("x-mws-request-id") + "</RequestId>")
                .doesNotContain("NextToken");
    }

    @Test
    void manyMarketplacesArePagedWithNextTokens() {
        Fixture f = developer("A1PA6795UKMFR9", "A13V1IB3VIYZZH", "A1F83G8C2ARO7P", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS",
                "A1805IZSGTT6HS", "A2NODRKZP88ZB9", "A1C3SOZRARQ6R3", "AMEN7PMS3EDWL", "A33AVAJ2PDY3EV", "A17E79C6D8DWNP",
                "A2VIGQ35RCS4UG");

        Answer first = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId()));
        Matcher token = Pattern.compile("<NextToken>([^<]+)</NextToken>").matcher(first.body());
        assertThat(token.find()).isTrue();
        assertThat(count(first.body(), "<Participation>")).isEqualTo(10);

        Map<String, String> next = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipationsByNextToken",
                "Version", "2011-07-01", "SellerId", f.sellerId(), "NextToken", token.group(1)));
        Answer second = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("<ListMarketplaceParticipationsByNextTokenResult>").doesNotContain("<NextToken>");
        assertThat(count(second.body(), "<Participation>")).isEqualTo(2);

        next.put("NextToken", "bm90LWEtdG9rZW4");
        Answer corrupted = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), next);
        assertThat(corrupted.status()).isEqualTo(400);
        assertThat(corrupted.errorCode()).isEqualTo("NextTokenCorrupted");
        next.remove("NextToken");
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), next).errorCode()).isEqualTo("ValidationError");
    }

    @Test
    void getAndPostAndEveryTimestampFormatAreAccepted() {
        Fixture f = developer();
        Instant now = clock.realTime().instant();
        OffsetDateTime utc = now.atOffset(ZoneOffset.UTC);
        List<String> stamps = List.of(
                Timestamps.format(now),
                utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")),
                utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")),
                utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")),
                utc.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")),
                now.atOffset(ZoneOffset.ofHours(-4)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")));
        for (String stamp : stamps) {
            Map<String, String> params = listParticipations(f.sellerId());
            params.put("Timestamp", stamp);
            assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).status()).as(stamp).isEqualTo(200);
            String query = MwsClient.sign("GET", "localhost:" + port, SELLERS, f.accessKeyId(), f.secretKey(), params);
            assertThat(mws().get(SELLERS + "?" + query).status()).as("GET " + stamp).isEqualTo(200);
        }
    }

    @Test
    void hostsWithAndWithoutThePortAreAcceptedAndNothingElse() {
        Fixture f = developer();
        String signedWithoutPort = MwsClient.sign("POST", "localhost", SELLERS, f.accessKeyId(), f.secretKey(),
                listParticipations(f.sellerId()));
        String signedOtherHost = MwsClient.sign("POST", "example.com", SELLERS, f.accessKeyId(), f.secretKey(),
                listParticipations(f.sellerId()));
        String signedTrailingSlash = MwsClient.sign("POST", "localhost:" + port, SELLERS + "/", f.accessKeyId(),
                f.secretKey(), listParticipations(f.sellerId()));

        assertThat(mws().postForm(SELLERS, signedWithoutPort).status()).isEqualTo(200);
        Answer other = mws().postForm(SELLERS, signedOtherHost);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.error().errors().get(0).detail()).hasValueSatisfying(d ->
                assertThat(d).contains("POST\\nlocalhost:" + port + "\\n/Sellers/2011-07-01\\nAWSAccessKeyId=")
                        .doesNotContain(f.secretKey()));
        assertThat(mws().postForm(SELLERS + "/", signedTrailingSlash).status()).isEqualTo(200);
        assertThat(mws().postForm(SELLERS, signedTrailingSlash).status()).isEqualTo(403);
    }

    @Test
    void timestampsMoreThanFifteenMinutesAwayAreRequestExpired() {
        Fixture f = developer();
        Instant now = clock.realTime().instant();
        Map<String, String> old = listParticipations(f.sellerId());
        old.put("Timestamp", Timestamps.format(now.minus(Duration.ofMinutes(16))));
        Map<String, String> future = listParticipations(f.sellerId());
        future.put("Timestamp", Timestamps.format(now.plus(Duration.ofMinutes(16))));

        Answer tooOld = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), old);
        Answer tooNew = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), future);

        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.errorCode()).isEqualTo("RequestExpired");
        assertThat(tooOld.error().errors().get(0).message()).contains("too far in the past");
        assertThat(tooNew.errorCode()).isEqualTo("RequestExpired");
        assertThat(tooNew.error().errors().get(0).message()).contains("too far in the future");
    }

    @Test
    void theSandboxClockDoesNotMoveTheRequestWindow() {
        Fixture f = developer();
        clock.advance(Duration.ofDays(3));

        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId())).status())
                .isEqualTo(200);
    }

    @Test
    void sellerIdAndMerchantNameTheSellerAndMustAgree() {
        Fixture f = developer();
        Map<String, String> merchant = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                "Version", "2011-07-01", "Merchant", f.sellerId()));
        Map<String, String> both = new TreeMap<>(merchant);
        both.put("SellerId", "AOTHERSELLER01");
        Map<String, String> neither = new TreeMap<>(merchant);
        neither.remove("Merchant");

        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), merchant).status()).isEqualTo(200);
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), both).errorCode()).isEqualTo("InvalidParameterValue");
        Answer missing = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), neither);
        assertThat(missing.error().errors().get(0).message()).isEqualTo("Missing required parameter SellerId.");
    }

    @Test
    void anotherSellerNeedsAnAuthToken() {
        Fixture developer = developer();
        Fixture other = developer();

        Answer noToken = mws().signedPost(SELLERS, developer.accessKeyId(), developer.secretKey(),
                listParticipations(other.sellerId()));
        Map<String, String> withToken = listParticipations(other.sellerId());
        withToken.put("MWSAuthToken", "amzn.mws.00000000-0000-4000-8000-000000000000");
        Answer wrongToken = mws().signedPost(SELLERS, developer.accessKeyId(), developer.secretKey(), withToken);

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.errorCode()).isEqualTo("AccessDenied");
        assertThat(noToken.error().errors().get(0).message()).isEqualTo("Missing required MWSAuthToken for Seller.");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.error().errors().get(0).message()).isEqualTo("Access denied");
    }

    @Test
    void getAuthTokenAnswersASellerCallingItselfOnly() {
        Fixture self = developer();
        Fixture other = developer();
        Map<String, String> ownAccount = new TreeMap<>(Map.of("Action", "GetAuthToken", "Version", "2011-07-01",
                "SellerId", self.sellerId()));
        Map<String, String> foreign = new TreeMap<>(ownAccount);
        foreign.put("SellerId", other.sellerId());
        foreign.put("MWSAuthToken", "amzn.mws.00000000-0000-4000-8000-000000000000");

        Answer first = mws().signedPost(SELLERS, self.accessKeyId(), self.secretKey(), ownAccount);
        Answer again = mws().signedPost(SELLERS, self.accessKeyId(), self.secretKey(), ownAccount);
        Answer denied = mws().signedPost(SELLERS, self.accessKeyId(), self.secretKey(), foreign);

        assertThat(first.status()).isEqualTo(200);
        Matcher token = Pattern.compile("<GetAuthTokenResult><MWSAuthToken>(amzn\\.mws\\.[0-9a-f-]{36})</MWSAuthToken>")
                .matcher(first.body());
        assertThat(token.find()).as(first.body()).isTrue();
        assertThat(again.body()).contains(token.group(1));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.errorCode()).isEqualTo("AccessDenied");
        // The token serves self-access like any other (which needs none).
        Map<String, String> withToken = listParticipations(self.sellerId());
        withToken.put("MWSAuthToken", token.group(1));
        assertThat(mws().signedPost(SELLERS, self.accessKeyId(), self.secretKey(), withToken).status()).isEqualTo(200);
    }

    @Test
    void getServiceStatusAnswersInEverySection() {
        Fixture f = developer();
        Map<String, String> sellers = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01"));
        Map<String, String> finances = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2015-05-01"));

        Answer s = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), sellers);
        Answer fin = mws().signedPost("/Finances/2015-05-01", f.accessKeyId(), f.secretKey(), finances);

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.body()).contains("<Status>GREEN</Status>").contains("<Timestamp>");
        assertThat(fin.body()).contains("xmlns=\"http://mws.amazonservices.com/schema/Finances/2015-05-01\"");
    }

    // --- throttling -----------------------------------------------------------------------------

    @Test
    void burstThenOneRequestBackPerRestorePeriodOnThePlatformClock() {
        Fixture f = developer();
        Map<String, String> params = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01",
                "SellerId", f.sellerId()));

        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).status()).isEqualTo(200);
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).status()).isEqualTo(200);
        Answer throttled = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params);
        assertThat(throttled.status()).isEqualTo(503);
        assertThat(throttled.errorCode()).isEqualTo("RequestThrottled");

        clock.advance(Duration.ofMinutes(5));
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).status()).isEqualTo(200);
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).status()).isEqualTo(503);
    }

    @Test
    void participationsAndTheirByNextTokenShareOneBucketOfFifteen() {
        Fixture f = developer();
        for (int i = 0; i < 15; i++) {
            assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId()))
                    .status()).as("call " + (i + 1)).isEqualTo(200);
        }
        Map<String, String> next = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipationsByNextToken",
                "Version", "2011-07-01", "SellerId", f.sellerId(), "NextToken", "x"));

        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), next).errorCode()).isEqualTo("RequestThrottled");
        // Another developer's budget for the same seller is its own.
        clock.advance(Duration.ofMinutes(1));
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId())).status())
                .isEqualTo(200);
    }

    @Test
    void throttlingCanBeSwitchedOffPerDeveloperInTheSandbox() {
        Fixture f = developer();
        String developerId = jdbc.sql("""
                SELECT d.developer_id FROM developer d JOIN developer_access_key k ON k.developer_ref = d.id
                WHERE k.access_key_id = ?""").param(f.accessKeyId()).query(String.class).single();
        Map<String, String> params = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01"));

        var off = control().post("/sandbox/v1/developers/" + developerId + "/throttling", "{\"enabled\": false}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("throttled").asBoolean()).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).status()).isEqualTo(200);
        }
        control().post("/sandbox/v1/developers/" + developerId + "/throttling", "{\"enabled\": true}");
        for (int i = 0; i < 2; i++) {
            mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params);
        }
        assertThat(mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), params).errorCode()).isEqualTo("RequestThrottled");
        assertThat(control().post("/sandbox/v1/developers/000000000000/throttling", "{\"enabled\": false}").status())
                .isEqualTo(404);
    }

    @Test
    void theOperatorSetsWhatGetServiceStatusReports() {
        Fixture f = developer();
        var set = control().post("/sandbox/v1/service-status/orders",
                "{\"status\": \"YELLOW\", \"messageId\": \"173964729I\", \"messages\": [\"Orders are slow today.\"]}");
        Answer orders = mws().signedPost("/Orders/2013-09-01", f.accessKeyId(), f.secretKey(),
                new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2013-09-01")));
        Answer sellers = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(),
                new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01")));
        control().post("/sandbox/v1/service-status/Orders", "{\"status\": \"GREEN\"}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(orders.body()).contains("<Status>YELLOW</Status>").contains("<MessageId>173964729I</MessageId>")
                .contains("<Message><Locale>en_US</Locale><Text>Orders are slow today.</Text></Message>");
        assertThat(sellers.body()).contains("<Status>GREEN</Status>");
        assertThat(control().post("/sandbox/v1/service-status/Orders", "{\"status\": \"PURPLE\"}").status()).isEqualTo(400);
        assertThat(control().post("/sandbox/v1/service-status/Widgets", "{\"status\": \"RED\"}").status()).isEqualTo(404);
    }

    @Test
    void serviceStatusesTheDatabaseCannotHoldAreRefusedAndTheLastGoodOneStays() {
        Fixture f = developer();
        String tooLong = "x".repeat(1001);
        String manyMessages = "[" + String.join(",", java.util.Collections.nCopies(101, "\"m\"")) + "]";
        assertThat(control().post("/sandbox/v1/service-status/Reports",
                "{\"status\": \"YELLOW\", \"messageId\": \"7\", \"messages\": [\"One.\", \"Two.\"]}").status())
                .isEqualTo(200);

        List<JsonClient.Response> refused = List.of(
                control().post("/sandbox/v1/service-status/Reports", "{\"status\": \"RED\", \"messageId\": \"" + tooLong + "\"}"),
                control().post("/sandbox/v1/service-status/Reports", "{\"status\": \"RED\", \"messageId\": \" \"}"),
                control().post("/sandbox/v1/service-status/Reports", "{\"status\": \"RED\", \"messages\": [\"a\\u0000b\"]}"),
                control().post("/sandbox/v1/service-status/Reports", "{\"status\": \"RED\", \"messages\": " + manyMessages + "}"));
        Answer reports = mws().signedPost("/Reports/2009-01-01", f.accessKeyId(), f.secretKey(),
                new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2009-01-01", "Merchant", f.sellerId())));
        control().post("/sandbox/v1/service-status/Reports", "{\"status\": \"GREEN\"}");

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("InvalidInput");
        });
        assertThat(reports.body()).contains("<Status>YELLOW</Status>").contains("<MessageId>7</MessageId>")
                .containsSubsequence("<Text>One.</Text>", "<Text>Two.</Text>");
    }

    // --- call log -------------------------------------------------------------------------------

    @Test
    void everyCallIsRecordedWithItsUserAgent() {
        Fixture f = developer();
        mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId()));
        callLog.flush();

        var rows = jdbc.sql("""
                SELECT section, action, http_status, error_code, user_agent FROM mws_call
                WHERE seller_id = ? ORDER BY id""").param(f.sellerId()).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("section", "Sellers").containsEntry("action", "ListMarketplaceParticipations");
        assertThat(((Number) rows.get(0).get("http_status")).intValue()).isEqualTo(200);
        assertThat((String) rows.get(0).get("user_agent")).startsWith("Java-http-client");
    }

    @Test
    void aCallNamingAnImpossibleSellerIsRecordedAndSpoilsNoOtherRecord() {
        Fixture f = developer();
        String tooLong = "A".repeat(300);
        String withNul = "A1NUL\u0000SELLER";
        Answer longSeller = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(tooLong));
        Answer nulSeller = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(withNul));
        Answer good = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId()));
        callLog.flush();

        assertThat(longSeller.errorCode()).isEqualTo("AccessDenied");
        // A NUL is refused while the request is read (stage 1), before the call names a seller.
        assertThat(nulSeller.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(good.status()).isEqualTo(200);
        var rows = jdbc.sql("SELECT seller_id, http_status FROM mws_call WHERE request_id IN (?, ?, ?)")
                .params(longSeller.header("x-mws-request-id"), nulSeller.header("x-mws-request-id"),
                        good.header("x-mws-request-id"))
                .query().listOfRows();
        assertThat(rows).extracting(r -> (String) r.get("seller_id"))
                .containsExactlyInAnyOrder("A".repeat(20), null, f.sellerId());
    }

    @Test
    void theCallLogWritesAroundARecordTheDatabaseRefuses() {
        long droppedBefore = callLog.dropped();
        String good1 = UUID.randomUUID().toString();
        String good2 = UUID.randomUUID().toString();
        Instant now = clock.instant();
        callLog.writeBatch(List.of(
                new CallLog.Entry(good1, now, null, null, "Sellers", "GetServiceStatus", 200, null, null, 10),
                // No timestamp column holds the end of time: the database (or its driver) refuses it.
                new CallLog.Entry(UUID.randomUUID().toString(), Instant.MAX, null, null, "Sellers",
                        "GetServiceStatus", 200, null, null, 10),
                new CallLog.Entry(good2, now, null, null, "Sellers", "GetServiceStatus", 200, null, null, 10)));

        assertThat(jdbc.sql("SELECT count(*) FROM mws_call WHERE request_id IN (?, ?)").params(good1, good2)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(callLog.dropped()).isEqualTo(droppedBefore + 1);
    }

    @Test
    void aCallLogWriterThatDiesComesBack() throws Exception {
        Fixture f = developer();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mws-call-log"))
                .forEach(Thread::interrupt);
        Thread.sleep(300);

        Answer call = mws().signedPost(SELLERS, f.accessKeyId(), f.secretKey(), listParticipations(f.sellerId()));
        String requestId = call.header("x-mws-request-id");

        // No flush(): the background writer itself must write the record.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long written = 0;
        while (written == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            written = jdbc.sql("SELECT count(*) FROM mws_call WHERE request_id = ?").param(requestId)
                    .query(Long.class).single();
        }
        assertThat(written).isEqualTo(1);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
