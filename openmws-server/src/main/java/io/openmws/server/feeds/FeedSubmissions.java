package io.openmws.server.feeds;

import io.openmws.protocol.ids.IdGenerator;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.support.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A seller's feed submissions, for the Feeds API and the portal: submitting (the body streamed to the
 * {@link BlobStore}, never whole in memory), finding, listing, counting and cancelling them, and
 * reading a finished one's processing report. Processing itself is the engine's.
 */
@Service
public class FeedSubmissions {

    /** Feeds must be smaller than 2 GiB (mws-data-apis.md §7): at most this many bytes. */
    public static final long MAX_FEED_BYTES = Integer.MAX_VALUE;
    /** Submissions are listed, and kept, for 90 days of platform time. */
    public static final Duration WINDOW = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(FeedSubmissions.class);
    private static final int COPY_BUFFER = 64 * 1024;

    private final FeedSubmissionRepository repository;
    private final BlobStore blobs;
    private final SellerAccounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IdGenerator ids = new IdGenerator();

    FeedSubmissions(FeedSubmissionRepository repository, BlobStore blobs, SellerAccounts accounts, Clock clock,
                    ApplicationEventPublisher events) {
        this.repository = repository;
        this.blobs = blobs;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** The blob key of a submission's body. */
    public static String bodyKey(long feedSubmissionId) {
        return "feeds/" + feedSubmissionId + "/body";
    }

    /** The blob key of a submission's processing report (the engine writes it). */
    public static String resultKey(long feedSubmissionId) {
        return "feeds/" + feedSubmissionId + "/result";
    }

    /**
     * Streams {@code body} to the blob store under {@link #bodyKey}, MD5 on the way; when
     * {@code expectedMd5Base64} is given and differs, deletes the blob, inserts nothing and refuses
     * ({@link FeedRefused.Reason#CONTENT_MD5_DOES_NOT_MATCH}). Then inserts the row as {@code _SUBMITTED_}
     * at the platform clock's time and, once it is committed, publishes {@link FeedSubmitted}.
     *
     * @throws FeedRefused for an unknown feed type, a marketplace the seller does not sell in, a body of
     *                     2 GiB or more, an MD5 mismatch or an inactive account; nothing is stored
     * @throws IOException when the body cannot be read (a client that went away) or stored; nothing is stored
     */
    public FeedSubmission submit(NewFeed feed, InputStream body) throws IOException {
        if (FeedTypes.formatOf(feed.feedType()).isEmpty()) {
            throw new FeedRefused(FeedRefused.Reason.INVALID_FEED_TYPE, feed.feedType());
        }
        SellerAccount account = accounts.byId(feed.accountId()).filter(SellerAccount::active)
                .orElseThrow(() -> new FeedRefused(FeedRefused.Reason.ACCOUNT_INACTIVE));
        List<String> marketplaces = marketplacesOf(account, feed.marketplaceIds());
        long feedSubmissionId = newFeedSubmissionId();
        String key = bodyKey(feedSubmissionId);
        BlobStore.Blob blob;
        try (BlobStore.BlobOutput out = blobs.create(key)) {
            byte[] buffer = new byte[COPY_BUFFER];
            long total = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > MAX_FEED_BYTES) {
                    throw new FeedRefused(FeedRefused.Reason.TOO_LARGE, MAX_FEED_BYTES);
                }
                out.write(buffer, 0, n);
            }
            blob = out.commit();
        }
        boolean stored = false;
        try {
            if (feed.expectedMd5Base64() != null && !feed.expectedMd5Base64().strip().equals(blob.md5Base64())) {
                throw new FeedRefused(FeedRefused.Reason.CONTENT_MD5_DOES_NOT_MATCH);
            }
            Instant now = clock.instant();
            long id = repository.insert(feedSubmissionId, feed, marketplaces, now, key, blob.length(), blob.md5Base64());
            stored = true;
            // Read before the engine can take it: SubmitFeed answers the submission as _SUBMITTED_.
            FeedSubmission submitted = repository.find(feed.accountId(), feedSubmissionId).orElseThrow();
            publishAfterCommit(new FeedSubmitted(id, feed.accountId()));
            return submitted;
        } finally {
            if (!stored) {
                deleteQuietly(key);
            }
        }
    }

    public Optional<FeedSubmission> find(long accountId, long feedSubmissionId) {
        return repository.find(accountId, feedSubmissionId);
    }

    /**
     * The seller's submissions of the last 90 days of platform time the query covers, newest first
     * (submitted date, then id), at most {@code limit}, after the submission whose internal id is
     * {@code beforeIdExclusive} when given (keyset paging).
     */
    public List<FeedSubmission> list(long accountId, FeedQuery query, int limit, Long beforeIdExclusive) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return repository.list(accountId, query, windowStart(), limit, beforeIdExclusive);
    }

    public long count(long accountId, FeedQuery query) {
        return repository.count(accountId, query, windowStart());
    }

    /**
     * Cancels the seller's {@code _SUBMITTED_} submissions the query covers (a status filter is
     * ignored: only those can be cancelled), each atomically against the engine's claim, and answers
     * the ones this call cancelled, newest first.
     */
    public List<FeedSubmission> cancel(long accountId, FeedQuery query) {
        FeedQuery cancellable = new FeedQuery(query.feedSubmissionIds(), query.feedTypes(), List.of(),
                query.submittedFrom(), query.submittedTo());
        List<Long> cancelled = new ArrayList<>();
        for (long id : repository.cancellable(accountId, cancellable, windowStart())) {
            if (repository.cancel(accountId, id)) {
                cancelled.add(id);
            }
        }
        List<FeedSubmission> answer = new ArrayList<>(cancelled.size());
        for (int from = 0; from < cancelled.size(); from += 500) {
            answer.addAll(repository.byIds(accountId, cancelled.subList(from, Math.min(cancelled.size(), from + 500))));
        }
        answer.sort((a, b) -> {
            int bySubmitted = b.submittedAt().compareTo(a.submittedAt());
            return bySubmitted != 0 ? bySubmitted : Long.compare(b.id(), a.id());
        });
        return answer;
    }

    /**
     * The processing report of a {@code _DONE_} submission, streamed from the blob store.
     *
     * @throws IllegalStateException when the submission is not done
     */
    public InputStream openResult(FeedSubmission done) throws IOException {
        if (!done.done() || done.resultKey() == null) {
            throw new IllegalStateException("Feed submission " + done.feedSubmissionId() + " has no processing report");
        }
        return blobs.open(done.resultKey());
    }

    private Instant windowStart() {
        return clock.instant().minus(WINDOW);
    }

    private static List<String> marketplacesOf(SellerAccount account, List<String> requested) {
        if (requested.isEmpty()) {
            return List.of(account.homeMarketplaceId());
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : requested) {
            if (!account.marketplaceIds().contains(id)) {
                throw new FeedRefused(FeedRefused.Reason.MARKETPLACE_NOT_PARTICIPATING, id);
            }
            distinct.add(id);
        }
        return List.copyOf(distinct);
    }

    private long newFeedSubmissionId() {
        while (true) {
            long candidate = Long.parseLong(ids.feedSubmissionId().value());
            if (!repository.feedSubmissionIdTaken(candidate)) {
                return candidate;
            }
        }
    }

    private void publishAfterCommit(FeedSubmitted event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(event);
                }
            });
        } else {
            events.publishEvent(event);
        }
    }

    private void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the body {} of a feed that was not stored", key, e);
        }
    }
}
