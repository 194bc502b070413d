package io.openmws.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code CancelFeedSubmissions}: how many submissions were cancelled and the first 100 of
 * them, now {@link FeedProcessingStatus#CANCELLED}.
 *
 * @param count how many were cancelled
 * @param infos the first 100 of them
 * @param requestId the answer's request id
 */
public record CancelledFeedSubmissions(long count, List<FeedSubmissionInfo> infos, String requestId) {

    /** Copies the infos. */
    public CancelledFeedSubmissions {
        infos = List.copyOf(infos);
        Objects.requireNonNull(requestId, "requestId");
    }
}
