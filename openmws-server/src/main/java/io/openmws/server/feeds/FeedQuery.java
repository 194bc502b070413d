package io.openmws.server.feeds;

import java.time.Instant;
import java.util.List;

/**
 * Which of a seller's submissions a list, count or cancel covers. Empty lists and null dates are no
 * filter; {@code submittedFrom} is inclusive, {@code submittedTo} exclusive.
 *
 * @param feedSubmissionIds the 11-digit ids clients see
 */
public record FeedQuery(List<Long> feedSubmissionIds, List<String> feedTypes, List<String> statuses,
        Instant submittedFrom, Instant submittedTo) {

    /** Every submission of the window. */
    public static final FeedQuery ALL = new FeedQuery(List.of(), List.of(), List.of(), null, null);

    public FeedQuery {
        feedSubmissionIds = feedSubmissionIds == null ? List.of() : List.copyOf(feedSubmissionIds);
        feedTypes = feedTypes == null ? List.of() : List.copyOf(feedTypes);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
