package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client.feeds()} against the real platform: submit, list, count, cancel, download and await. */
@OpenMwsSandbox
class FeedsApiTest {

    private static final Duration PROCESSING = Duration.ofMinutes(5);

    private final Events events = new Events();

    private record Setup(MwsClient client, SellerAccess seller) {
        FeedsApi feeds() {
            return client.feeds();
        }
    }

    private Setup setup(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller("ATVPDKIKX0DER"), developer);
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("FeedsApiTest", "1.0").listener(events).build();
        return new Setup(client, SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER")));
    }

    static String productFeed(String sellerId, String sku, String padding) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">"
                + "<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>" + sellerId
                + "</MerchantIdentifier></Header><MessageType>Product</MessageType>" + padding
                + "<Message><MessageID>1</MessageID><OperationType>Update</OperationType><Product><SKU>" + sku
                + "</SKU><StandardProductID><Type>UPC</Type><Value>012345678905</Value></StandardProductID>"
                + "<DescriptionData><Title>Wooden train " + sku + "</Title><Brand>Acme</Brand></DescriptionData>"
                + "</Product></Message></AmazonEnvelope>\n";
    }

    private static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void aFeedFileOfSeveralMegabytesIsSubmittedWithItsMd5AndProcessed(Sandbox sandbox, @TempDir Path dir) throws Exception {
        Setup s = setup(sandbox);
        Path file = dir.resolve("products.xml");
        // Three MiB of comments (each under the platform's 1 MiB limit per markup) before the one message: a
        // large body that is cheap to process.
        String padding = ("<!-- " + "0123456789abcdef".repeat(4096) + " -->\n").repeat(49);
        Files.writeString(file, productFeed(s.seller().sellerId().value(), "TRAIN-1", padding), StandardCharsets.UTF_8);

        FeedSubmissionInfo info = s.feeds().submit(s.seller(), "_POST_PRODUCT_DATA_", file);
        ProcessingReport report = s.feeds().awaitResult(s.seller(), info.feedSubmissionId(), PROCESSING);

        assertThat(Files.size(file)).isGreaterThan(3L * 1024 * 1024);
        assertThat(info.feedSubmissionId()).matches("[0-9]{11}");
        assertThat(info.feedType()).isEqualTo("_POST_PRODUCT_DATA_");
        assertThat(info.status()).isEqualTo(FeedProcessingStatus.SUBMITTED);
        assertThat(info.started()).isEmpty();
        assertThat(report.format()).isEqualTo(ProcessingReport.Format.XML);
        assertThat(report.documentTransactionId()).hasValue(info.feedSubmissionId());
        assertThat(report.messagesProcessed()).isEqualTo(1);
        assertThat(report.errors()).as("%s", report.results()).isEmpty();
        FeedSubmissionInfo done = s.feeds().list(s.seller(), FeedSubmissionFilter.ids(info.feedSubmissionId()))
                .findFirst().orElseThrow();
        assertThat(done.status()).isEqualTo(FeedProcessingStatus.DONE);
        assertThat(done.started()).isPresent();
        assertThat(done.completed()).isPresent();
        assertThat(done.submitted()).isEqualTo(info.submitted());
    }

    @Test
    void aStreamedFeedIsSpooledAFeedBehindItIsCancelledAndUnknownSkusAreReported(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        int rows = 60_000;
        // Generated on the fly: the SDK copies it to a temporary file while hashing, never into memory.
        InputStream big = new RowsFeed(rows);

        FeedSubmissionInfo first = s.feeds().submit(s.seller(), "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", big);
        FeedSubmissionInfo second = s.feeds().submit(s.seller(), "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                new ByteArrayInputStream("sku\tprice\tquantity\nLATE-1\t5.00\t1\n".getBytes(StandardCharsets.UTF_8)));
        // A seller's feeds are processed one at a time in order: the second waits behind the first.
        MwsException notReady = catchThrowableOfType(MwsException.class,
                () -> s.feeds().result(s.seller(), second.feedSubmissionId(), new ByteArrayOutputStream()));
        MwsException stillWaiting = catchThrowableOfType(MwsException.class,
                () -> s.feeds().awaitResult(s.seller(), second.feedSubmissionId(), Duration.ZERO));
        CancelledFeedSubmissions cancelled = s.feeds().cancel(s.seller(), FeedSubmissionFilter.ids(second.feedSubmissionId()));

        assertThat(notReady.kind()).isEqualTo(MwsException.Kind.NOT_READY);
        assertThat(notReady.code()).isEqualTo("FeedProcessingResultNotReady");
        assertThat(stillWaiting.kind()).isEqualTo(MwsException.Kind.NOT_READY);
        assertThat(stillWaiting.getMessage()).contains("_SUBMITTED_");
        assertThat(cancelled.count()).isEqualTo(1);
        assertThat(cancelled.infos()).singleElement().satisfies(i -> {
            assertThat(i.feedSubmissionId()).isEqualTo(second.feedSubmissionId());
            assertThat(i.status()).isEqualTo(FeedProcessingStatus.CANCELLED);
        });
        MwsException canceled = catchThrowableOfType(MwsException.class,
                () -> s.feeds().result(s.seller(), second.feedSubmissionId(), new ByteArrayOutputStream()));
        assertThat(canceled.kind()).isEqualTo(MwsException.Kind.CANCELED);
        assertThat(canceled.code()).isEqualTo("FeedCanceled");
        assertThat(catchThrowableOfType(MwsException.class, () -> s.feeds().awaitResult(s.seller(),
                second.feedSubmissionId(), PROCESSING)).kind()).isEqualTo(MwsException.Kind.CANCELED);

        ProcessingReport report = s.feeds().awaitResult(s.seller(), first.feedSubmissionId(), PROCESSING);

        assertThat(report.format()).isEqualTo(ProcessingReport.Format.FLAT_FILE);
        assertThat(report.messagesProcessed()).isEqualTo(rows);
        assertThat(report.messagesSuccessful()).isZero();
        assertThat(report.messagesWithError()).isEqualTo(rows);
        assertThat(report.errors()).hasSize(rows);
        assertThat(report.errors().get(0).messageId()).isEqualTo(1);
        assertThat(report.errors().get(0).sku()).hasValue("MISSING-1");
        assertThat(report.errors().get(rows - 1).sku()).hasValue("MISSING-" + rows);
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.messageCode()).isEqualTo(13013));
    }

    @Test
    void theListPagesAcrossMoreSubmissionsThanMaxCountAndCountsThem(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String feed = productFeed(s.seller().sellerId().value(), "PAGE-" + i, "");
            ids.add(s.feeds().submit(s.seller(), "_POST_PRODUCT_DATA_",
                    new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8))).feedSubmissionId());
        }
        events.clear();

        List<FeedSubmissionInfo> all = s.feeds().list(s.seller(), FeedSubmissionFilter.builder().maxCount(3).build()).toList();

        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(all).extracting(FeedSubmissionInfo::feedSubmissionId).containsExactlyElementsOf(newestFirst);
        assertThat(events.all()).extracting(MwsCallEvent::action).containsExactly("GetFeedSubmissionList",
                "GetFeedSubmissionListByNextToken", "GetFeedSubmissionListByNextToken");
        Page<FeedSubmissionInfo> firstPage = s.feeds().listPage(s.seller(), FeedSubmissionFilter.builder().maxCount(5).build());
        assertThat(firstPage.items()).hasSize(5);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(s.feeds().listByNextToken(s.seller(), firstPage.nextToken().orElseThrow()).items()).hasSize(2);
        assertThat(s.feeds().count(s.seller(), FeedSubmissionFilter.all())).isEqualTo(7);
        assertThat(s.feeds().count(s.seller(), FeedSubmissionFilter.builder().feedTypes("_POST_INVENTORY_AVAILABILITY_DATA_")
                .build())).isZero();
        assertThat(s.feeds().list(s.seller(), FeedSubmissionFilter.ids(ids.get(2), ids.get(4))))
                .extracting(FeedSubmissionInfo::feedSubmissionId).containsExactlyInAnyOrder(ids.get(2), ids.get(4));
    }

    @Test
    void theRawReportIsWrittenWithTheMd5TheEndpointSent(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        String feed = "sku\tprice\tquantity\nNO-SUCH-SKU\t9.99\t3\n";
        FeedSubmissionInfo info = s.feeds().submit(s.seller(), "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        ProcessingReport parsed = s.feeds().awaitResult(s.seller(), info.feedSubmissionId(), PROCESSING);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        FeedResultDownload download = s.feeds().result(s.seller(), info.feedSubmissionId(), out);

        assertThat(download.attempts()).isEqualTo(1);
        assertThat(download.length()).isEqualTo(out.size());
        assertThat(download.md5Base64()).isEqualTo(md5(out.toByteArray()));
        assertThat(ProcessingReport.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(parsed);
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.sku()).hasValue("NO-SUCH-SKU");
            assertThat(e.messageCode()).isEqualTo(13013);
            assertThat(e.messageId()).isEqualTo(1);
        });
    }

    @Test
    void anotherSellersOrAnUnknownIdIsInvalid(Sandbox sandbox) throws Exception {
        Setup s = setup(sandbox);
        Setup other = setup(sandbox);
        FeedSubmissionInfo theirs = other.feeds().submit(other.seller(), "_POST_PRODUCT_DATA_",
                new ByteArrayInputStream(productFeed(other.seller().sellerId().value(), "X-1", "").getBytes(StandardCharsets.UTF_8)));

        for (String id : List.of(theirs.feedSubmissionId(), "99999999999")) {
            MwsException e = catchThrowableOfType(MwsException.class,
                    () -> s.feeds().result(s.seller(), id, OutputStream.nullOutputStream()));
            assertThat(e.kind()).isEqualTo(MwsException.Kind.INVALID_PARAMETER);
            assertThat(e.code()).isEqualTo("InvalidFeedSubmissionId");
        }
        assertThat(s.feeds().list(s.seller(), FeedSubmissionFilter.ids(theirs.feedSubmissionId()))).isEmpty();
        MwsException e = catchThrowableOfType(MwsException.class, () -> s.feeds().awaitResult(s.seller(),
                theirs.feedSubmissionId(), PROCESSING));
        assertThat(e.code()).isEqualTo("InvalidFeedSubmissionId");
    }

    /** A price and quantity file of {@code rows} unknown SKUs, made as it is read. */
    private static final class RowsFeed extends InputStream {
        private final int rows;
        private int row = -1;
        private byte[] line = new byte[0];
        private int at;

        RowsFeed(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (at == line.length) {
                if (row == rows) {
                    return -1;
                }
                row++;
                line = (row == 0 ? "sku\tprice\tquantity\n" : "MISSING-" + row + "\t1" + (row % 100) + ".25\t" + (row % 9) + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                at = 0;
            }
            return line[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
