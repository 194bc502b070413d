package io.openmws.server.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One feed submission as the features see it (table {@code feed_submission}).
 *
 * @param id               the internal id, ordering a seller's submissions
 * @param feedSubmissionId the 11-digit id clients see
 * @param developerId      the developer whose call submitted it; null for the portal
 * @param source           {@code API} or {@code PORTAL}
 * @param status           {@code _SUBMITTED_}, {@code _IN_PROGRESS_}, {@code _DONE_} or {@code _CANCELLED_}
 * @param resultKey        the processing report's blob key; null until {@code _DONE_}
 * @param processed        the number of the feed's messages whose effects are committed (the engine's checkpoint)
 */
public record FeedSubmission(long id, long feedSubmissionId, long accountId, String developerId,
        String source, String feedType, List<String> marketplaceIds, boolean purgeAndReplace,
        String status, Instant submittedAt, Instant startedAt, Instant completedAt, String fileName,
        String contentType, String bodyKey, long bodyLength, String bodyMd5, String resultKey,
        Long resultLength, String resultMd5, long processed, long messagesSuccessful,
        long messagesWithError, long messagesWithWarning) {

    public static final String SUBMITTED = "_SUBMITTED_";
    public static final String IN_PROGRESS = "_IN_PROGRESS_";
    public static final String DONE = "_DONE_";
    public static final String CANCELLED = "_CANCELLED_";
    public static final String SOURCE_API = "API";
    public static final String SOURCE_PORTAL = "PORTAL";

    public FeedSubmission {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    public boolean done() {
        return DONE.equals(status);
    }
}
