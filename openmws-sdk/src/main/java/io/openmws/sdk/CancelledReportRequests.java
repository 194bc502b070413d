package io.openmws.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code CancelReportRequests}: how many requests the filter matched and the first 100 of them,
 * each as it now stands ({@link ReportProcessingStatus#CANCELLED} when it had not started; requests already
 * in progress or done are counted and shown unchanged, as MWS does).
 *
 * @param count how many requests matched
 * @param infos the first 100 of them
 * @param requestId the answer's request id
 */
public record CancelledReportRequests(long count, List<ReportRequestInfo> infos, String requestId) {

    /** Copies the infos. */
    public CancelledReportRequests {
        infos = List.copyOf(infos);
        Objects.requireNonNull(requestId, "requestId");
    }
}
