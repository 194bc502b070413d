package io.openmws.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed submission as the Feeds API describes it ({@code FeedSubmissionInfo}).
 *
 * @param feedSubmissionId the id SubmitFeed gave it, e.g. {@code 51793018437}
 * @param feedType e.g. {@code _POST_PRODUCT_DATA_}
 * @param submitted when it was received
 * @param status where it stands
 * @param started when processing started; empty before
 * @param completed when processing ended; empty before
 */
public record FeedSubmissionInfo(String feedSubmissionId, String feedType, Instant submitted,
                                 FeedProcessingStatus status, Optional<Instant> started, Optional<Instant> completed) {

    /** Checks that nothing is missing. */
    public FeedSubmissionInfo {
        Objects.requireNonNull(feedSubmissionId, "feedSubmissionId");
        Objects.requireNonNull(feedType, "feedType");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(completed, "completed");
    }
}
