package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code client.feeds()} sends and how it reads answers, against a local stand-in for an MWS endpoint:
 * the SubmitFeed request byte for byte (a vector computed independently), MD5s of streamed feeds, paging,
 * the download's MD5 check and its retries, and polling. The same operations against the platform are in
 * {@code FeedsApiTest}.
 */
class FeedsApiRequestsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final SellerAccess SELLER = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER"));
    private static final String V3_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope/>";
    private static final String NS = "http://mws.amazonaws.com/doc/2009-01-01/";

    private final Events events = new Events();

    private MwsClient.Builder client(URI endpoint) {
        return MwsClient.builder().endpoint(endpoint).credentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", SECRET))
                .application("FeedsTest", "1.0").listener(events);
    }

    static String info(String id, String status, String extra) {
        return "<FeedSubmissionInfo><FeedProcessingStatus>" + status + "</FeedProcessingStatus><FeedSubmissionId>" + id
                + "</FeedSubmissionId><FeedType>_POST_PRODUCT_DATA_</FeedType>"
                + "<SubmittedDate>2020-06-25T12:32:14+00:00</SubmittedDate>" + extra + "</FeedSubmissionInfo>";
    }

    static String submitted(String id) {
        return "<?xml version=\"1.0\"?><SubmitFeedResponse xmlns=\"" + NS + "\"><SubmitFeedResult>"
                + info(id, "_SUBMITTED_", "") + "</SubmitFeedResult><ResponseMetadata><RequestId>"
                + "4321ef8a-1a2b-4c5d-8e9f-0123456789ab</RequestId></ResponseMetadata></SubmitFeedResponse>";
    }

    static String list(String action, String nextToken, String... infos) {
        return "<?xml version=\"1.0\"?><" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>"
                + (nextToken == null ? "<HasNext>false</HasNext>" : "<NextToken>" + nextToken + "</NextToken><HasNext>true</HasNext>")
                + String.join("", infos) + "</" + action + "Result><ResponseMetadata><RequestId>"
                + "e1c2d3f4-1a2b-4c5d-8e9f-0123456789ab</RequestId></ResponseMetadata></" + action + "Response>";
    }

    static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void submitFeedSendsEveryParameterSignedInTheQueryAndTheFeedAsTheBodyWithBothMd5s() throws Exception {
        // The V3 vector of docs/protocol.md §3.5 with SellerId in place of Merchant; the signature was computed
        // with Python's hmac for this test: MCfoxQbrr9Pv6gLN0xqo2A9AHTtJ3KcQaV2omHXIrBM=.
        String expectedQuery = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=SubmitFeed&ContentMD5Value=YLk0fFmt9zvxWcxIEFstCQ%3D%3D"
                + "&FeedType=_POST_PRODUCT_DATA_&MarketplaceIdList.Id.1=ATVPDKIKX0DER&PurgeAndReplace=false"
                + "&SellerId=A1EXAMPLESELLER&Signature=MCfoxQbrr9Pv6gLN0xqo2A9AHTtJ3KcQaV2omHXIrBM%3D"
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2020-05-28T11%3A22%3A23Z&Version=2009-01-01";
        try (StubEndpoint proxy = new StubEndpoint(StubEndpoint.Answer.xml(200, submitted("51799018438"), Map.of()))) {
            MwsClient client = client(URI.create("http://mws.amazonservices.com")).proxy(ProxySelector.of(proxy.address()))
                    .clock(Clock.fixed(Instant.parse("2020-05-28T11:22:23Z"), ZoneOffset.UTC)).build();

            FeedSubmissionInfo info = client.feeds().submit(SELLER, "_POST_PRODUCT_DATA_",
                    new ByteArrayInputStream(V3_BODY.getBytes(StandardCharsets.UTF_8)));

            StubEndpoint.Received request = proxy.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri().toString()).isEqualTo("http://mws.amazonservices.com/Feeds/2009-01-01?" + expectedQuery);
            assertThat(request.header("Content-MD5")).isEqualTo("YLk0fFmt9zvxWcxIEFstCQ==");
            assertThat(request.header("Content-Type")).isEqualTo("text/xml");
            assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(V3_BODY.length()));
            assertThat(request.body()).isEqualTo(V3_BODY);
            assertThat(info).isEqualTo(new FeedSubmissionInfo("51799018438", "_POST_PRODUCT_DATA_",
                    Instant.parse("2020-06-25T12:32:14Z"), FeedProcessingStatus.SUBMITTED, java.util.Optional.empty(),
                    java.util.Optional.empty()));
        }
    }

    @Test
    void aFileIsHashedThenStreamedWithTheOptionsMarketplacesPurgeAndContentType(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inventory.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("sku\tquantity\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 150_000; i++) {
                out.write(("SKU-" + i + "\t" + (i % 17) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, submitted("51799018439"), Map.of()))) {
            SellerAccess seller = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"));

            client(stub.uri()).build().feeds().submit(seller, "_POST_FLAT_FILE_INVLOADER_DATA_", file,
                    SubmitFeedOptions.builder().marketplaceIds("A2EUQ1WTGCTBG2").purgeAndReplace(true)
                            .contentType("text/tab-separated-values; charset=iso-8859-1").build());

            StubEndpoint.Received request = stub.received().get(0);
            Map<String, String> params = query(request.uri());
            assertThat(params).containsEntry("FeedType", "_POST_FLAT_FILE_INVLOADER_DATA_")
                    .containsEntry("MarketplaceIdList.Id.1", "A2EUQ1WTGCTBG2").doesNotContainKey("MarketplaceIdList.Id.2")
                    .containsEntry("PurgeAndReplace", "true").containsEntry("ContentMD5Value", md5(bytes));
            assertThat(request.header("Content-MD5")).isEqualTo(md5(bytes));
            assertThat(request.header("Content-Type")).isEqualTo("text/tab-separated-values; charset=iso-8859-1");
            assertThat(request.body().getBytes(StandardCharsets.US_ASCII)).hasSize(bytes.length);
            assertThat(md5(request.body().getBytes(StandardCharsets.US_ASCII))).isEqualTo(md5(bytes));
        }
    }

    @Test
    void aFlatFileFromAStreamGoesToEverySellerMarketplaceAndItsSpoolIsDeleted() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = spools(tmp);
        long size = 6L * 1024 * 1024;
        MessageDigest expected = MessageDigest.getInstance("MD5");
        InputStream generated = new GeneratedFeed(size, expected);
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, submitted("51799018440"), Map.of()))) {
            SellerAccess seller = SellerAccess.selfAccess("A1EXAMPLESELLER", List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"));

            client(stub.uri()).build().feeds().submit(seller, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", generated);

            String md5 = Base64.getEncoder().encodeToString(expected.digest());
            StubEndpoint.Received request = stub.received().get(0);
            assertThat(query(request.uri())).containsEntry("MarketplaceIdList.Id.1", "ATVPDKIKX0DER")
                    .containsEntry("MarketplaceIdList.Id.2", "A2EUQ1WTGCTBG2").containsEntry("PurgeAndReplace", "false")
                    .containsEntry("ContentMD5Value", md5);
            assertThat(request.header("Content-Type")).isEqualTo("text/tab-separated-values");
            assertThat(request.header("Content-Length")).isEqualTo(Long.toString(size));
            assertThat(md5(request.body().getBytes(StandardCharsets.US_ASCII))).isEqualTo(md5);
        }
        assertThat(spools(tmp)).isEqualTo(before);
    }

    @Test
    void aSubmitFeedRetriedAfterAServiceErrorSendsTheWholeFeedAgain() throws Exception {
        byte[] feed = ("sku\tprice\tquantity\n" + "RETRY-1\t1.00\t1\n".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(500, StubEndpoint.error("InternalError", "We encountered an internal error."), Map.of()),
                StubEndpoint.Answer.xml(200, submitted("51799018441"), Map.of()))) {
            MwsClient client = client(stub.uri()).retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10))
                    .maxDelay(Duration.ofMillis(20)).build()).build();

            FeedSubmissionInfo info = client.feeds().submit(SELLER, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                    new ByteArrayInputStream(feed));

            assertThat(info.feedSubmissionId()).isEqualTo("51799018441");
            assertThat(stub.received()).hasSize(2).allSatisfy(r -> {
                assertThat(r.body().getBytes(StandardCharsets.US_ASCII)).isEqualTo(feed);
                assertThat(r.header("Content-MD5")).isEqualTo(md5(feed));
            });
            assertThat(events.statuses()).containsExactly(500, 200);
        }
    }

    private static List<Path> spools(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("openmws-feed-")).sorted().toList();
        }
    }

    /** A flat file of {@code size} ASCII bytes made on the fly, hashed as it is read; never held whole. */
    static final class GeneratedFeed extends InputStream {
        private final long size;
        private final MessageDigest md5;
        private long position;
        private byte[] line = new byte[0];
        private int inLine;
        private long row;

        GeneratedFeed(long size, MessageDigest md5) {
            this.size = size;
            this.md5 = md5;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            if (inLine >= line.length) {
                line = (row == 0 ? "sku\tprice\tquantity\n" : "SKU-" + row + "\t" + (row % 100) + ".99\t" + (row % 7) + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                inLine = 0;
                row++;
            }
            position++;
            byte b = line[inLine++];
            md5.update(b);
            return b & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = 0;
            while (n < length && position < size) {
                buffer[offset + n++] = (byte) read();
            }
            return n;
        }
    }

    @Test
    void theListFollowsNextTokensOnlyAsFarAsItIsRead() throws Exception {
        String firstPage = list("GetFeedSubmissionList", "tok1",
                info("11", "_DONE_", "<StartedProcessingDate>2020-06-25T12:32:20+00:00</StartedProcessingDate>"
                        + "<CompletedProcessingDate>2020-06-25T12:34:00+00:00</CompletedProcessingDate>"),
                info("10", "_IN_PROGRESS_", ""));
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, firstPage, Map.of()),
                StubEndpoint.Answer.xml(200, firstPage, Map.of()),
                StubEndpoint.Answer.xml(200, list("GetFeedSubmissionListByNextToken", null, info("9", "_CANCELLED_", "")),
                        Map.of()))) {
            FeedsApi feeds = client(stub.uri()).build().feeds();
            FeedSubmissionFilter filter = FeedSubmissionFilter.builder().maxCount(2).feedTypes("_POST_PRODUCT_DATA_")
                    .statuses(FeedProcessingStatus.DONE, FeedProcessingStatus.IN_PROGRESS, FeedProcessingStatus.CANCELLED)
                    .submittedFrom(Instant.parse("2020-06-01T00:00:00Z")).build();

            Stream<FeedSubmissionInfo> stream = feeds.list(SELLER, filter);
            assertThat(stub.received()).isEmpty();
            assertThat(stream.limit(2).toList()).extracting(FeedSubmissionInfo::feedSubmissionId).containsExactly("11", "10");
            assertThat(stub.received()).hasSize(1);
            List<FeedSubmissionInfo> all = feeds.list(SELLER, filter).toList();

            assertThat(all).extracting(FeedSubmissionInfo::status).containsExactly(FeedProcessingStatus.DONE,
                    FeedProcessingStatus.IN_PROGRESS, FeedProcessingStatus.CANCELLED);
            assertThat(all.get(0).started()).hasValue(Instant.parse("2020-06-25T12:32:20Z"));
            assertThat(all.get(0).completed()).hasValue(Instant.parse("2020-06-25T12:34:00Z"));
            assertThat(events.all()).extracting(MwsCallEvent::action).containsExactly("GetFeedSubmissionList",
                    "GetFeedSubmissionList", "GetFeedSubmissionListByNextToken");
            Map<String, String> first = formParams(stub.received().get(0).body());
            assertThat(first).containsEntry("MaxCount", "2").containsEntry("FeedTypeList.Type.1", "_POST_PRODUCT_DATA_")
                    .containsEntry("FeedProcessingStatusList.Status.1", "_DONE_")
                    .containsEntry("FeedProcessingStatusList.Status.3", "_CANCELLED_")
                    .containsEntry("SubmittedFromDate", "2020-06-01T00:00:00.000Z").doesNotContainKey("SubmittedToDate");
            assertThat(formParams(stub.received().get(2).body())).containsEntry("NextToken", "tok1")
                    .doesNotContainKey("MaxCount");
        }
    }

    static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void aFilterPartTheOperationDoesNotTakeIsRefusedBeforeSending() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(StubEndpoint.Answer.xml(200, "<x/>", Map.of()))) {
            FeedsApi feeds = client(stub.uri()).build().feeds();

            assertThatThrownBy(() -> feeds.count(SELLER, FeedSubmissionFilter.ids("123")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetFeedSubmissionCount");
            assertThatThrownBy(() -> feeds.cancel(SELLER, FeedSubmissionFilter.builder()
                    .statuses(FeedProcessingStatus.IN_PROGRESS).build())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("_SUBMITTED_");
            assertThatThrownBy(() -> FeedSubmissionFilter.ids("12a")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FeedSubmissionFilter.builder().maxCount(101)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> feeds.submit(SELLER, "POST_PRODUCT_DATA", new ByteArrayInputStream(new byte[1])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed type");
            assertThat(stub.received()).isEmpty();
        }
    }

    @Test
    void countAndCancelAreRead() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(200, "<GetFeedSubmissionCountResponse xmlns=\"" + NS + "\"><GetFeedSubmissionCountResult>"
                        + "<Count>3</Count></GetFeedSubmissionCountResult></GetFeedSubmissionCountResponse>", Map.of()),
                StubEndpoint.Answer.xml(200, "<CancelFeedSubmissionsResponse xmlns=\"" + NS + "\"><CancelFeedSubmissionsResult>"
                        + "<Count>1</Count>" + info("77", "_CANCELLED_", "") + "</CancelFeedSubmissionsResult>"
                        + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></CancelFeedSubmissionsResponse>",
                        Map.of()))) {
            FeedsApi feeds = client(stub.uri()).build().feeds();

            assertThat(feeds.count(SELLER, FeedSubmissionFilter.all())).isEqualTo(3);
            CancelledFeedSubmissions cancelled = feeds.cancel(SELLER, FeedSubmissionFilter.ids("77"));

            assertThat(cancelled.count()).isEqualTo(1);
            assertThat(cancelled.infos()).extracting(FeedSubmissionInfo::status).containsExactly(FeedProcessingStatus.CANCELLED);
            assertThat(formParams(stub.received().get(1).body())).containsEntry("FeedSubmissionIdList.Id.1", "77");
        }
    }

    @Test
    void aDownloadWhoseMd5DoesNotMatchIsFetchedAgainAndOnlyTheGoodOneWritten() throws Exception {
        String report = "Feed Processing Summary:\n\tNumber of records processed\t\t1\n\tNumber of records successful\t\t1\n";
        String good = md5(report.getBytes(StandardCharsets.UTF_8));
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(200, report.replace('1', '7'), Map.of("Content-MD5", good)),
                StubEndpoint.Answer.xml(200, report, Map.of("Content-MD5", good, "x-mws-request-id", "req-2")))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            FeedResultDownload download = client(stub.uri()).build().feeds().result(SELLER, "51799018438", out);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(report);
            assertThat(download.attempts()).isEqualTo(2);
            assertThat(download.md5Base64()).isEqualTo(good);
            assertThat(download.length()).isEqualTo(report.length());
            assertThat(download.requestId()).isEqualTo("req-2");
            assertThat(stub.received()).hasSize(2).allSatisfy(r ->
                    assertThat(formParams(r.body())).containsEntry("Action", "GetFeedSubmissionResult")
                            .containsEntry("FeedSubmissionId", "51799018438"));
        }
    }

    @Test
    void aDownloadDamagedFourTimesIsAnErrorAndNothingIsWritten() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(200, "<AmazonEnvelope/>", Map.of("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==")))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(stub.uri()).build().feeds().result(SELLER, "51799018438", out));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.UNEXPECTED_RESPONSE);
            assertThat(e.code()).isEqualTo("ContentMD5DoesNotMatch");
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.getMessage()).contains("AAAAAAAAAAAAAAAAAAAAAA==");
            assertThat(stub.received()).hasSize(4);
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void notReadyAndCancelledResultsHaveTheirKinds() throws Exception {
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(400, StubEndpoint.error("FeedProcessingResultNotReady",
                        "Feed Submission Result is not ready for Feed 123"), Map.of()),
                StubEndpoint.Answer.xml(400, StubEndpoint.error("FeedCanceled", "Feed 123 was canceled"), Map.of()))) {
            FeedsApi feeds = client(stub.uri()).build().feeds();

            MwsException notReady = catchThrowableOfType(MwsException.class,
                    () -> feeds.result(SELLER, "123", new ByteArrayOutputStream()));
            MwsException canceled = catchThrowableOfType(MwsException.class,
                    () -> feeds.result(SELLER, "123", new ByteArrayOutputStream()));

            assertThat(notReady.kind()).isEqualTo(MwsException.Kind.NOT_READY);
            assertThat(notReady.attempts()).isEqualTo(1);
            assertThat(canceled.kind()).isEqualTo(MwsException.Kind.CANCELED);
        }
    }

    @Test
    void awaitResultPollsUntilDoneThenReturnsTheParsedReport() throws Exception {
        String report = new String(FeedsApiRequestsTest.class.getResourceAsStream("reports/spec-xml-report.xml").readAllBytes(),
                StandardCharsets.UTF_8);
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(200, list("GetFeedSubmissionList", null, info("51793018437", "_SUBMITTED_", "")), Map.of()),
                StubEndpoint.Answer.xml(200, list("GetFeedSubmissionList", null, info("51793018437", "_DONE_", "")), Map.of()),
                StubEndpoint.Answer.xml(200, report, Map.of("Content-MD5", md5(report.getBytes(StandardCharsets.UTF_8)))))) {

            ProcessingReport parsed = client(stub.uri()).build().feeds().awaitResult(SELLER, "51793018437",
                    Duration.ofSeconds(30));

            assertThat(parsed.messagesWithError()).isEqualTo(1);
            assertThat(parsed.errors()).extracting(r -> r.sku().orElseThrow()).containsExactly("ABC-1");
            assertThat(events.all()).extracting(MwsCallEvent::action).containsExactly("GetFeedSubmissionList",
                    "GetFeedSubmissionList", "GetFeedSubmissionResult");
            assertThat(formParams(stub.received().get(0).body())).containsEntry("FeedSubmissionIdList.Id.1", "51793018437");
        }
    }

    @Test
    void awaitResultWaitsForTheQuotaResetWhenTheHourlyQuotaIsUsedUp() throws Exception {
        String report = "Feed Processing Summary:\n\tNumber of records processed\t\t1\n\tNumber of records successful\t\t1\n";
        Instant resetsOn = Instant.now().plusMillis(2500);
        try (StubEndpoint stub = new StubEndpoint(
                StubEndpoint.Answer.xml(200, list("GetFeedSubmissionList", null, info("8", "_IN_PROGRESS_", "")),
                        Map.of("x-mws-quota-max", "80.0", "x-mws-quota-remaining", "0.0",
                                "x-mws-quota-resetsOn", io.openmws.protocol.time.Timestamps.format(resetsOn))),
                StubEndpoint.Answer.xml(200, list("GetFeedSubmissionList", null, info("8", "_DONE_", "")), Map.of()),
                StubEndpoint.Answer.xml(200, report, Map.of("Content-MD5", md5(report.getBytes(StandardCharsets.UTF_8)))))) {

            ProcessingReport parsed = client(stub.uri()).build().feeds().awaitResult(SELLER, "8", Duration.ofMinutes(1));

            assertThat(parsed.messagesSuccessful()).isEqualTo(1);
            assertThat(Instant.now()).as("the second poll waited for the reset, not 1 s").isAfterOrEqualTo(resetsOn);
            assertThat(stub.received()).hasSize(3);
        }
    }

    @Test
    void awaitResultGivesUpWhenTheTimeIsUpAndReportsCancelledFeeds() throws Exception {
        try (StubEndpoint slow = new StubEndpoint(StubEndpoint.Answer.xml(200,
                list("GetFeedSubmissionList", null, info("5", "_IN_PROGRESS_", "")), Map.of()))) {
            long start = System.nanoTime();

            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(slow.uri()).build().feeds().awaitResult(SELLER, "5", Duration.ofMillis(1500)));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.NOT_READY);
            assertThat(e.code()).isEqualTo("FeedProcessingResultNotReady");
            assertThat(e.getMessage()).contains("_IN_PROGRESS_");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(10));
            assertThat(slow.received()).hasSizeBetween(2, 3);
        }
        try (StubEndpoint cancelled = new StubEndpoint(StubEndpoint.Answer.xml(200,
                list("GetFeedSubmissionList", null, info("6", "_CANCELLED_", "")), Map.of()))) {
            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(cancelled.uri()).build().feeds().awaitResult(SELLER, "6", Duration.ofMinutes(1)));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.CANCELED);
        }
        try (StubEndpoint unknown = new StubEndpoint(StubEndpoint.Answer.xml(200, list("GetFeedSubmissionList", null), Map.of()))) {
            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> client(unknown.uri()).build().feeds().awaitResult(SELLER, "7", Duration.ofMinutes(1)));

            assertThat(e.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
            assertThat(e.code()).isEqualTo("InvalidFeedSubmissionId");
        }
    }
}
