package io.openmws.server.feeds;

import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.ListingChange;
import io.openmws.server.catalog.Rejection;
import io.openmws.server.orders.OrderFeedMessage;
import io.openmws.server.orders.OrderFeedRefusal;
import io.openmws.server.orders.OrderFulfillments;
import io.openmws.server.support.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one seller's feeds, one at a time in submission order, until none is left.
 *
 * <p>A feed's messages are applied in batches: a batch's listing changes (or, for the order feeds,
 * its shipments and acknowledgements through {@link OrderFulfillments}), its results and the
 * checkpoint ({@code processed} and the counts) commit in one transaction, and a feed taken up again
 * (after a crash, a restart or a stop) skips the messages its checkpoint counts. So a message is never
 * applied twice nor lost. Then the processing report is written from the stored results, streamed,
 * and the feed is {@code _DONE_}. A file that cannot be read further ends with a result on message 0;
 * an unexpected failure ends the feed the same way (code {@value #INTERNAL_ERROR}), and the next feed
 * goes on.
 */
@Component
class FeedProcessing {

    /** ResultMessageCode of a feed that failed inside the platform (§2.7: internal error, resubmit). */
    static final int INTERNAL_ERROR = 5002;
    /** The feed types whose PurgeAndReplace deletes the listings the feed did not touch. */
    static final Set<String> PURGEABLE = Set.of("_POST_PRODUCT_DATA_", "_POST_FLAT_FILE_INVLOADER_DATA_");
    private static final Logger log = LoggerFactory.getLogger(FeedProcessing.class);
    private static final int ATTEMPTS = 3;

    private final FeedProcessingRepository repository;
    private final Catalog catalog;
    private final OrderFulfillments orderFulfillments;
    private final SellerAccounts accounts;
    private final BlobStore blobs;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final int batchSize;

    FeedProcessing(FeedProcessingRepository repository, Catalog catalog, OrderFulfillments orderFulfillments,
                   SellerAccounts accounts, BlobStore blobs,
                   Clock clock, PlatformTransactionManager transactions,
                   @Value("${openmws.feeds.batch-size:1000}") int batchSize) {
        this.repository = repository;
        this.catalog = catalog;
        this.orderFulfillments = orderFulfillments;
        this.accounts = accounts;
        this.blobs = blobs;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        if (batchSize < 1) {
            throw new IllegalArgumentException("openmws.feeds.batch-size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Processes the seller's feeds in order until none is left or {@code stopping} says so (checked
     * between batches; the feed in progress resumes from its checkpoint next time).
     */
    void processSeller(long accountId, BooleanSupplier stopping) {
        while (!stopping.getAsBoolean()) {
            FeedProcessingRepository.Feed feed = repository.next(accountId).orElse(null);
            if (feed == null) {
                return;
            }
            if ("_SUBMITTED_".equals(feed.status()) && !repository.claim(feed.id(), accountId, clock.instant())) {
                continue; // cancelled meanwhile
            }
            boolean finished;
            try {
                finished = process(feed, stopping);
            } catch (TakenOver e) {
                log.info("Feed submission {} moved on under another run (a node thought dead); this run stops",
                        feed.feedSubmissionId());
                return;
            } catch (RuntimeException | IOException e) {
                // The feed's data stays out of the log: its id says where to look.
                log.error("Feed submission {} failed inside the platform; it ends with an internal-error result",
                        feed.feedSubmissionId(), e);
                try {
                    failInternally(feed);
                    finished = true;
                } catch (RuntimeException | IOException again) {
                    log.error("Feed submission {} could not be ended; the sweep tries again later",
                            feed.feedSubmissionId(), again);
                    return;
                }
            }
            if (!finished) {
                return;
            }
        }
    }

    /** Runs a feed from its checkpoint to its end; false when stopped before. */
    private boolean process(FeedProcessingRepository.Feed feed, BooleanSupplier stopping) throws IOException {
        Progress progress = new Progress(feed, repository.resultCount(feed.id()));
        boolean fileFailed = repository.hasFileResult(feed.id());
        boolean purge = feed.purgeAndReplace();
        if (!fileFailed) {
            try (InputStream body = blobs.open(feed.bodyKey());
                 FeedReader reader = FeedReaders.open(feed.feedType(), feed.contentType(), body)) {
                Read read = readFrom(feed, reader, progress, stopping);
                if (read == Read.STOPPED) {
                    return false;
                }
                fileFailed = read == Read.FILE_FAILED;
                purge |= reader instanceof XmlFeedReader xml && xml.purgeAndReplace();
            }
        }
        // A file that broke off is not a whole catalog: PurgeAndReplace would delete what it never reached.
        if (purge && !fileFailed && PURGEABLE.contains(feed.feedType())) {
            while (catalog.purgeNotChangedBy(feed.accountId(), feed.marketplaceIds(), feed.id()) > 0) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
            }
        }
        long reportStart = System.nanoTime();
        finish(feed, progress.summary());
        log.info("Feed submission {} done: {} messages; this run read for {} ms, applied for {} ms, wrote the report"
                        + " in {} ms", feed.feedSubmissionId(), progress.processed, progress.readNanos / 1_000_000,
                progress.applyNanos / 1_000_000, (System.nanoTime() - reportStart) / 1_000_000);
        return true;
    }

    private enum Read { COMPLETE, FILE_FAILED, STOPPED }

    private Read readFrom(FeedProcessingRepository.Feed feed, FeedReader reader, Progress progress,
                          BooleanSupplier stopping) throws IOException {
        try {
            for (long skip = progress.processed; skip > 0; skip--) {
                if (reader.next() == null) {
                    return Read.COMPLETE;
                }
            }
        } catch (FeedFormatException e) {
            // The failure came before the checkpoint was reached: it was recorded then, or is now.
            commit(feed, progress, List.of(), e);
            return Read.FILE_FAILED;
        }
        List<FeedRecord> records = new ArrayList<>(batchSize);
        while (true) {
            FeedFormatException failure = null;
            records.clear();
            long readStart = System.nanoTime();
            try {
                while (records.size() < batchSize) {
                    FeedRecord r = reader.next();
                    if (r == null) {
                        break;
                    }
                    records.add(r);
                }
            } catch (FeedFormatException e) {
                failure = e;
            }
            boolean last = failure != null || records.size() < batchSize;
            progress.readNanos += System.nanoTime() - readStart;
            if (!records.isEmpty() || failure != null) {
                long applyStart = System.nanoTime();
                commit(feed, progress, records, failure);
                progress.applyNanos += System.nanoTime() - applyStart;
            }
            if (failure != null) {
                return Read.FILE_FAILED;
            }
            if (last) {
                return Read.COMPLETE;
            }
            if (stopping.getAsBoolean()) {
                return Read.STOPPED;
            }
        }
    }

    /** Applies one batch, its results and the checkpoint in one transaction (again on a product-creation race). */
    private void commit(FeedProcessingRepository.Feed feed, Progress progress, List<FeedRecord> records,
                        FeedFormatException failure) {
        List<ListingChange> changes = new ArrayList<>(records.size());
        List<OrderFeedMessage> orders = new ArrayList<>();
        MessageResult[] errors = new MessageResult[records.size()];
        int[] changeIndex = new int[records.size()];
        int[] orderIndex = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            MessageRules.Outcome outcome = MessageRules.interpret(feed.feedType(), records.get(i));
            if (outcome.error() != null) {
                errors[i] = outcome.error();
            } else if (outcome.order() != null) {
                orderIndex[orders.size()] = i;
                orders.add(outcome.order());
            } else {
                changeIndex[changes.size()] = i;
                changes.add(outcome.change());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> {
                    if (repository.lockCheckpoint(feed.id()) != progress.processed) {
                        throw new TakenOver();
                    }
                    MessageResult[] results = errors.clone();
                    if (!changes.isEmpty()) {
                        List<Rejection> rejections = catalog.apply(feed.accountId(), feed.marketplaceIds(), feed.id(),
                                changes);
                        int next = 0;
                        for (int c = 0; c < changes.size() && next < rejections.size(); c++) {
                            Rejection r = rejections.get(next);
                            ListingChange change = changes.get(c);
                            if (r.messageId() == change.messageId() && r.sku().equals(change.sku())) {
                                results[changeIndex[c]] = MessageResult.error(r.messageId(), r.code(), r.description(),
                                        r.sku());
                                next++;
                            }
                        }
                    }
                    if (!orders.isEmpty()) {
                        // Refusals come in message order, one per refused message.
                        List<OrderFeedRefusal> refusals = orderFulfillments.apply(feed.accountId(), feed.id(), orders);
                        int next = 0;
                        for (int o = 0; o < orders.size() && next < refusals.size(); o++) {
                            OrderFeedRefusal r = refusals.get(next);
                            if (r.messageId() == orders.get(o).messageId()) {
                                results[orderIndex[o]] = MessageResult.error(r.messageId(), r.code(), r.description(),
                                        r.amazonOrderId());
                                next++;
                            }
                        }
                    }
                    List<MessageResult> written = new ArrayList<>();
                    long errorCount = 0;
                    long warningCount = 0;
                    for (MessageResult r : results) {
                        if (r != null) {
                            written.add(r);
                            if ("Error".equals(r.resultCode())) {
                                errorCount++;
                            } else {
                                warningCount++;
                            }
                        }
                    }
                    if (failure != null) {
                        written.add(MessageResult.error(0, failure.messageCode(), failure.getMessage(), null));
                        errorCount++;
                    }
                    repository.insertResults(feed.id(), progress.seq, written);
                    ProcessingSummary next = progress.after(records.size(), errorCount, warningCount,
                            failure != null);
                    repository.checkpoint(feed.id(), next);
                    progress.pending(next, written.size());
                });
                progress.committed();
                return;
            } catch (DuplicateKeyException e) {
                progress.rolledBack();
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                progress.rolledBack();
                throw e;
            }
        }
    }

    /** Writes the report from the stored results and marks the feed done, with the platform's time. */
    private void finish(FeedProcessingRepository.Feed feed, ProcessingSummary summary) throws IOException {
        String key = "feeds/" + feed.feedSubmissionId() + "/result";
        boolean xml = FeedTypes.formatOf(feed.feedType()).orElse(FeedTypes.Format.XML) == FeedTypes.Format.XML;
        String merchant = accounts.byId(feed.accountId()).map(SellerAccount::sellerId).orElse("");
        boolean orderFeed = FeedTypes.ORDERS.contains(feed.feedType());
        BlobStore.Blob blob;
        try (BlobStore.BlobOutput out = blobs.create(key)) {
            readOnly.executeWithoutResult(status -> repository.results(feed.id(), results -> {
                try {
                    if (xml) {
                        ProcessingReports.writeXml(out, merchant, feed.feedSubmissionId(), summary, results.iterator(),
                                orderFeed ? "AmazonOrderID" : "SKU");
                    } else {
                        ProcessingReports.writeFlat(out, summary, results.iterator(), orderFeed ? "order-id" : "sku");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            blob = out.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        repository.done(feed.id(), clock.instant(), blob.key(), blob.length(), blob.md5Base64());
    }

    /** Ends a feed that failed inside the platform: a result on message 0, then the report from what stands. */
    private void failInternally(FeedProcessingRepository.Feed failed) throws IOException {
        FeedProcessingRepository.Feed feed = repository.next(failed.accountId())
                .filter(f -> f.id() == failed.id()).orElse(null);
        if (feed == null) {
            return;
        }
        Progress progress = new Progress(feed, repository.resultCount(feed.id()));
        if (!repository.hasFileResult(feed.id())) {
            commit(feed, progress, List.of(), new FeedFormatException(INTERNAL_ERROR,
                    "The feed could not be processed because of an internal error; messages before this point were"
                            + " applied. Submit the rest again."));
        }
        finish(feed, progress.summary());
    }

    /**
     * Another run of the same seller's queue committed this feed's next batch first: db-scheduler gave
     * the work to a second run because this one's heartbeat looked stopped (a long pause). The batch is
     * rolled back and this run stops; the other one goes on from the checkpoint.
     */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super(null, null, false, false);
        }
    }

    /** The counts of a feed being processed, as committed. */
    private static final class Progress {
        long processed;
        long successful;
        long withError;
        long withWarning;
        long seq;
        long readNanos;
        long applyNanos;
        private ProcessingSummary pending;
        private long pendingResults;

        Progress(FeedProcessingRepository.Feed feed, long results) {
            processed = feed.processed();
            successful = feed.successful();
            withError = feed.withError();
            withWarning = feed.withWarning();
            seq = results + 1;
        }

        /** The counts after a batch of {@code messages}; a file-level failure counts as one more error. */
        ProcessingSummary after(long messages, long errors, long warnings, boolean fileFailure) {
            long messageErrors = fileFailure ? errors - 1 : errors;
            return new ProcessingSummary(processed + messages, successful + messages - messageErrors,
                    withError + errors, withWarning + warnings);
        }

        void pending(ProcessingSummary next, long results) {
            pending = next;
            pendingResults = results;
        }

        void committed() {
            processed = pending.processed();
            successful = pending.successful();
            withError = pending.withError();
            withWarning = pending.withWarning();
            seq += pendingResults;
            pending = null;
        }

        void rolledBack() {
            pending = null;
        }

        ProcessingSummary summary() {
            return new ProcessingSummary(processed, successful, withError, withWarning);
        }
    }
}
