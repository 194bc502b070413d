package io.openmws.sdk;

import io.openmws.protocol.ApiSection;
import io.openmws.sdk.internal.CallExecutor;
import io.openmws.sdk.internal.CheckedDownload;
import io.openmws.sdk.internal.HourlyQuota;
import io.openmws.sdk.internal.LazyPages;
import io.openmws.sdk.internal.FeedsXml;
import io.openmws.sdk.internal.MwsCall;
import io.openmws.sdk.internal.PollSchedule;
import io.openmws.sdk.internal.ResponseParser;
import io.openmws.sdk.internal.Spool;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Feeds API (2009-01-01) of an {@link MwsClient}: submit feed files, follow their processing, cancel
 * them, and download their processing reports (spec §1). Get it from {@link MwsClient#feeds()}.
 *
 * <pre>{@code
 * FeedSubmissionInfo info = client.feeds().submit(seller, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
 *         Path.of("prices.txt"));
 * ProcessingReport report = client.feeds().awaitResult(seller, info.feedSubmissionId(), Duration.ofMinutes(30));
 * report.errors().forEach(e -> System.out.println(e.sku().orElse("-") + " " + e.messageCode() + " " + e.description()));
 * }</pre>
 *
 * <p>Feeds are never held in memory: the MD5 that {@code SubmitFeed} signs is computed in a first pass
 * over the file (or while a stream is copied to a temporary file), and the body is streamed from the file.
 * Downloads are written to a temporary file while their MD5 is computed, checked against the answer's
 * {@code Content-MD5}, and only then copied to the caller. Temporary files go to {@code java.io.tmpdir}
 * and are deleted when the call ends.
 *
 * <p>Every call is paced and retried like any other ({@link Throttling}, {@link RetryPolicy}); failures are
 * {@link MwsException}s, and failures to read the caller's file or write the caller's stream are
 * {@link UncheckedIOException}s. Thread-safe.
 */
public final class FeedsApi {

    private static final String SUBMIT = "SubmitFeed";
    private static final String LIST = "GetFeedSubmissionList";
    private static final String LIST_BY_NEXT_TOKEN = "GetFeedSubmissionListByNextToken";
    private static final String COUNT = "GetFeedSubmissionCount";
    private static final String CANCEL = "CancelFeedSubmissions";
    private static final String RESULT = "GetFeedSubmissionResult";

    private final CallExecutor executor;

    FeedsApi(CallExecutor executor) {
        this.executor = executor;
    }

    // ------------------------------------------------------------------------------------------ SubmitFeed

    /**
     * Submits a feed file for the seller's marketplaces ({@link SellerAccess#marketplaceIds()}).
     *
     * @param seller the seller
     * @param feedType e.g. {@code _POST_PRODUCT_DATA_}
     * @param file the feed, sent byte for byte
     * @return the submission, {@link FeedProcessingStatus#SUBMITTED}
     * @throws MwsException when the call fails, e.g. {@code InvalidFeedType} or {@code ContentMD5DoesNotMatch}
     *     (the file changed while it was sent)
     * @throws UncheckedIOException when the file cannot be read
     */
    public FeedSubmissionInfo submit(SellerAccess seller, String feedType, Path file) {
        return submit(seller, feedType, file, SubmitFeedOptions.defaults());
    }

    /**
     * Submits a feed file with options: marketplaces, {@code PurgeAndReplace}, Content-Type. The file is read
     * twice: once for its MD5, once as the body.
     *
     * @param seller the seller
     * @param feedType e.g. {@code _POST_PRODUCT_DATA_}
     * @param file the feed, sent byte for byte
     * @param options the options
     * @return the submission
     * @throws MwsException when the call fails
     * @throws UncheckedIOException when the file cannot be read
     */
    public FeedSubmissionInfo submit(SellerAccess seller, String feedType, Path file, SubmitFeedOptions options) {
        Objects.requireNonNull(seller, "seller");
        FeedSubmissionFilter.checkFeedType(feedType);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String md5;
        HttpRequest.BodyPublisher body;
        try {
            md5 = Spool.md5Base64(file);
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("The feed file " + file + " cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The feed file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return send(seller, feedType, body, md5, options);
    }

    /**
     * Submits a feed read from a stream, for the seller's marketplaces.
     *
     * @param seller the seller
     * @param feedType e.g. {@code _POST_FLAT_FILE_INVLOADER_DATA_}
     * @param feed the feed; read to its end, not closed
     * @return the submission
     * @throws MwsException when the call fails
     * @throws UncheckedIOException when the stream cannot be read or the temporary file written
     */
    public FeedSubmissionInfo submit(SellerAccess seller, String feedType, InputStream feed) {
        return submit(seller, feedType, feed, SubmitFeedOptions.defaults());
    }

    /**
     * Submits a feed read from a stream, with options. The stream is copied to a temporary file while its
     * MD5 is computed (the MD5 is signed, so it must be known before sending; never the whole feed in
     * memory), sent from there, and the file is deleted.
     *
     * @param seller the seller
     * @param feedType e.g. {@code _POST_FLAT_FILE_INVLOADER_DATA_}
     * @param feed the feed; read to its end, not closed
     * @param options the options
     * @return the submission
     * @throws MwsException when the call fails
     * @throws UncheckedIOException when the stream cannot be read or the temporary file written
     */
    public FeedSubmissionInfo submit(SellerAccess seller, String feedType, InputStream feed, SubmitFeedOptions options) {
        Objects.requireNonNull(seller, "seller");
        FeedSubmissionFilter.checkFeedType(feedType);
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(options, "options");
        Spool spool;
        try {
            spool = Spool.of(feed, "openmws-feed-");
        } catch (IOException e) {
            throw new UncheckedIOException("The feed could not be copied to a temporary file: " + e.getMessage(), e);
        }
        try (spool) {
            return send(seller, feedType, HttpRequest.BodyPublishers.ofFile(spool.path()), spool.md5Base64(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("The feed's temporary file " + spool.path() + " could not be read or deleted: "
                    + e.getMessage(), e);
        }
    }

    private FeedSubmissionInfo send(SellerAccess seller, String feedType, HttpRequest.BodyPublisher body, String md5,
                                    SubmitFeedOptions options) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("FeedType", feedType);
        List<String> marketplaces = options.marketplaceIds().isEmpty()
                ? seller.marketplaceIds().stream().map(m -> m.value()).toList() : options.marketplaceIds();
        for (int i = 0; i < marketplaces.size(); i++) {
            params.put("MarketplaceIdList.Id." + (i + 1), marketplaces.get(i));
        }
        params.put("PurgeAndReplace", Boolean.toString(options.purgeAndReplace()));
        params.put("ContentMD5Value", md5);
        String contentType = options.contentType().orElseGet(() -> SubmitFeedOptions.defaultContentType(feedType));
        return executor.execute(MwsCall.withBody(ApiSection.FEEDS, SUBMIT, seller, params,
                new MwsCall.RequestBody(body, contentType, md5)), FeedsXml.submitted());
    }

    // ------------------------------------------------------------------------------- lists, count, cancel

    /**
     * The seller's submissions that match the filter, newest first, as a lazy stream: the first call is
     * made when the stream is first read, and each further page ({@code GetFeedSubmissionListByNextToken})
     * only when the items before it have been consumed. The filter's {@code maxCount} is the page size.
     *
     * @param seller the seller
     * @param filter which submissions
     * @return the submissions
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<FeedSubmissionInfo> list(SellerAccess seller, FeedSubmissionFilter filter) {
        Objects.requireNonNull(seller, "seller");
        Map<String, String> params = filter.parameters(FeedSubmissionFilter.Operation.LIST);
        return LazyPages.stream(() -> listPage(seller, params), token -> listByNextToken(seller, token), Page::items,
                Page::nextToken);
    }

    /**
     * The first page of {@code GetFeedSubmissionList}.
     *
     * @param seller the seller
     * @param filter which submissions; {@code maxCount} is the page size (the endpoint's default is 10)
     * @return the page, with a NextToken when more follow
     * @throws MwsException when the call fails
     */
    public Page<FeedSubmissionInfo> listPage(SellerAccess seller, FeedSubmissionFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return listPage(seller, filter.parameters(FeedSubmissionFilter.Operation.LIST));
    }

    private Page<FeedSubmissionInfo> listPage(SellerAccess seller, Map<String, String> params) {
        return executor.execute(MwsCall.forSeller(ApiSection.FEEDS, LIST, seller, params),
                (body, requestId) -> FeedsXml.list(body, LIST, requestId));
    }

    /**
     * A further page: {@code GetFeedSubmissionListByNextToken}, which has a bucket of its own (30, one
     * every 2 seconds).
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails; {@link MwsException.Kind#INVALID_PARAMETER} for a token the
     *     endpoint does not accept
     */
    public Page<FeedSubmissionInfo> listByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(nextToken, "nextToken");
        if (nextToken.isBlank()) {
            throw new IllegalArgumentException("The NextToken is blank; pass the token of the previous page");
        }
        return executor.execute(MwsCall.forSeller(ApiSection.FEEDS, LIST_BY_NEXT_TOKEN, seller,
                Map.of("NextToken", nextToken)), (body, requestId) -> FeedsXml.list(body, LIST_BY_NEXT_TOKEN, requestId));
    }

    /**
     * {@code GetFeedSubmissionCount}: how many of the seller's submissions match.
     *
     * @param seller the seller
     * @param filter feed types, statuses and dates; no ids, no maxCount
     * @return the count
     * @throws MwsException when the call fails
     * @throws IllegalArgumentException when the filter has ids or a maxCount
     */
    public long count(SellerAccess seller, FeedSubmissionFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.FEEDS, COUNT, seller,
                filter.parameters(FeedSubmissionFilter.Operation.COUNT)), FeedsXml.count());
    }

    /**
     * {@code CancelFeedSubmissions}: cancels the matching submissions that have not started
     * ({@link FeedProcessingStatus#SUBMITTED}); started ones go on. <strong>{@link FeedSubmissionFilter#all()}
     * cancels every submission that can be cancelled</strong>, as MWS does with no filter.
     *
     * @param seller the seller
     * @param filter ids, feed types and dates; no statuses, no maxCount
     * @return how many were cancelled, and the first 100
     * @throws MwsException when the call fails
     * @throws IllegalArgumentException when the filter has statuses or a maxCount
     */
    public CancelledFeedSubmissions cancel(SellerAccess seller, FeedSubmissionFilter filter) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.FEEDS, CANCEL, seller,
                filter.parameters(FeedSubmissionFilter.Operation.CANCEL)), FeedsXml.cancelled());
    }

    // ---------------------------------------------------------------------------------- results

    /**
     * {@code GetFeedSubmissionResult}: downloads the raw processing report to {@code out}. The answer is
     * written to a temporary file while its MD5 is computed; when it differs from the {@code Content-MD5}
     * header the download is tried again, up to 3 more times, as MWS asks; only a report whose MD5 matched
     * is copied to {@code out}.
     *
     * @param seller the seller
     * @param feedSubmissionId the submission
     * @param out where the report goes; not closed
     * @return the report's length, MD5, Content-Type, request id
     * @throws MwsException when the call fails: {@link MwsException.Kind#NOT_READY}
     *     ({@code FeedProcessingResultNotReady}) before the feed is done, {@link MwsException.Kind#CANCELED}
     *     ({@code FeedCanceled}) for a cancelled one, {@link MwsException.Kind#INVALID_PARAMETER}
     *     ({@code InvalidFeedSubmissionId}) for one the seller does not have, and
     *     {@link MwsException.Kind#UNEXPECTED_RESPONSE} with code {@code ContentMD5DoesNotMatch} when four
     *     downloads in a row did not match their {@code Content-MD5}, or code {@code ContentMD5Missing} when
     *     the answer had none
     * @throws UncheckedIOException when {@code out} cannot be written
     */
    public FeedResultDownload result(SellerAccess seller, String feedSubmissionId, OutputStream out) {
        Objects.requireNonNull(seller, "seller");
        FeedSubmissionFilter.checkId(feedSubmissionId);
        Objects.requireNonNull(out, "out");
        MwsCall call = MwsCall.forSeller(ApiSection.FEEDS, RESULT, seller, Map.of("FeedSubmissionId", feedSubmissionId));
        try (CheckedDownload.Verified d = CheckedDownload.fetch(executor, call, null, "openmws-feed-result-",
                "The processing report of feed " + feedSubmissionId)) {
            try {
                d.spool().copyTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("The processing report could not be written: " + e.getMessage(), e);
            }
            return new FeedResultDownload(feedSubmissionId, d.spool().length(), d.spool().md5Base64(), d.contentType(),
                    d.requestId(), d.attempts());
        }
    }

    /**
     * Waits until the feed is processed, then downloads and parses its processing report. Polls
     * {@code GetFeedSubmissionList} for this one id, first after 1 second and then at intervals growing by half
     * up to 45 seconds (the operation's restore rate), slower still when the answers' {@code x-mws-quota-remaining}
     * says fewer than 10 calls are left this hour (the rest are then spread until {@code x-mws-quota-resetsOn});
     * every call is also paced by the client's {@link Throttling}.
     *
     * @param seller the seller
     * @param feedSubmissionId the submission
     * @param timeout how long to wait for processing (a call in flight when it ends is finished)
     * @return the parsed report
     * @throws MwsException {@link MwsException.Kind#NOT_READY} (code {@code FeedProcessingResultNotReady}) when
     *     the feed is not done within the timeout, {@link MwsException.Kind#CANCELED} (code {@code FeedCanceled})
     *     when it was cancelled, {@link MwsException.Kind#INVALID_PARAMETER} (code {@code InvalidFeedSubmissionId})
     *     when the seller has no such submission, {@link MwsException.Kind#UNEXPECTED_RESPONSE} when the
     *     report cannot be read, {@link MwsException.Kind#INTERRUPTED}, or any failure of a call
     */
    public ProcessingReport awaitResult(SellerAccess seller, String feedSubmissionId, Duration timeout) {
        return await(seller, feedSubmissionId, timeout, null);
    }

    /**
     * Like {@link #awaitResult(SellerAccess, String, Duration)}, but hands each result of the report to
     * {@code each} as it is read instead of keeping it: the report of a feed of a million lines with as many
     * errors is read in constant memory.
     *
     * @param seller the seller
     * @param feedSubmissionId the submission
     * @param timeout how long to wait for processing
     * @param each receives the failed and warned messages in the report's order
     * @return the report's counts, without results
     * @throws MwsException as {@link #awaitResult(SellerAccess, String, Duration)}
     */
    public ProcessingReport awaitResult(SellerAccess seller, String feedSubmissionId, Duration timeout,
                                        Consumer<ProcessingReport.Result> each) {
        return await(seller, feedSubmissionId, timeout, Objects.requireNonNull(each, "each"));
    }

    private ProcessingReport await(SellerAccess seller, String feedSubmissionId, Duration timeout,
                                   Consumer<ProcessingReport.Result> each) {
        Objects.requireNonNull(seller, "seller");
        FeedSubmissionFilter.checkId(feedSubmissionId);
        Objects.requireNonNull(timeout, "timeout");
        PollSchedule schedule = new PollSchedule(timeout);
        Map<String, String> params = FeedSubmissionFilter.ids(feedSubmissionId).parameters(FeedSubmissionFilter.Operation.LIST);
        while (true) {
            schedule.polled();
            Poll poll = executor.execute(MwsCall.forSeller(ApiSection.FEEDS, LIST, seller, params),
                    ResponseParser.withHeaders((body, requestId, headers) ->
                            new Poll(FeedsXml.list(body, LIST, requestId), HourlyQuota.of(headers))));
            FeedSubmissionInfo info = poll.page.items().stream().filter(i -> i.feedSubmissionId().equals(feedSubmissionId))
                    .findFirst().orElseThrow(() -> MwsException.builder().code("InvalidFeedSubmissionId")
                            .kind(MwsException.Kind.INVALID_PARAMETER).requestId(poll.page.requestId()).attempts(1)
                            .message("The seller has no feed submission " + feedSubmissionId + " in the last 90 days")
                            .build());
            if (info.status() == FeedProcessingStatus.DONE) {
                return downloadAndParse(seller, feedSubmissionId, each);
            }
            if (info.status() == FeedProcessingStatus.CANCELLED) {
                throw MwsException.builder().code("FeedCanceled").kind(MwsException.Kind.CANCELED)
                        .requestId(poll.page.requestId()).attempts(1)
                        .message("Feed " + feedSubmissionId + " was cancelled; it has no processing report").build();
            }
            if (schedule.expired()) {
                throw MwsException.builder().code("FeedProcessingResultNotReady").kind(MwsException.Kind.NOT_READY)
                        .requestId(poll.page.requestId()).attempts(schedule.polls())
                        .message("Feed " + feedSubmissionId + " is still " + info.status() + " after " + timeout
                                + " (" + schedule.polls() + " polls); wait again, or call result() later").build();
            }
            schedule.sleep(poll.quota, executor.pacingNow(), "feed " + feedSubmissionId + " to be processed");
        }
    }

    private ProcessingReport downloadAndParse(SellerAccess seller, String feedSubmissionId,
                                              Consumer<ProcessingReport.Result> each) {
        Path file = null;
        try {
            file = Files.createTempFile("openmws-processing-report-", ".tmp");
            FeedResultDownload download;
            try (OutputStream out = Files.newOutputStream(file)) {
                download = result(seller, feedSubmissionId, out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return each == null ? ProcessingReport.read(in) : ProcessingReport.read(in, each);
            } catch (IOException e) {
                throw MwsException.builder().kind(MwsException.Kind.UNEXPECTED_RESPONSE).httpStatus(200)
                        .requestId(download.requestId()).attempts(download.attempts())
                        .message("The processing report of feed " + feedSubmissionId + " cannot be read: "
                                + e.getMessage()).cause(e).build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A temporary file for the processing report failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // java.io.tmpdir is cleaned by the system
                }
            }
        }
    }

    private record Poll(Page<FeedSubmissionInfo> page, HourlyQuota quota) {
    }

    @Override
    public String toString() {
        return "FeedsApi[" + executor + "]";
    }
}
