package io.openmws.server.feeds;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.RawAnswer;
import io.openmws.server.gateway.RawMwsOperation;
import org.springframework.stereotype.Component;

/**
 * Feeds API: the processing report of a finished submission, as raw bytes with its {@code Content-MD5}
 * (mws-data-apis.md §1.4): XML for XML feeds, tab-delimited UTF-8 text for flat files.
 */
@Component
class GetFeedSubmissionResult implements RawMwsOperation {

    private final FeedsApi api;
    private final FeedSubmissions submissions;

    GetFeedSubmissionResult(FeedsApi api, FeedSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FEEDS;
    }

    @Override
    public String action() {
        return "GetFeedSubmissionResult";
    }

    @Override
    public RawAnswer answer(MwsCall call) {
        String id = call.required("FeedSubmissionId").strip();
        long accountId = api.accountId(call);
        FeedSubmission submission = (id.matches("[0-9]{1,18}")
                ? submissions.find(accountId, Long.parseLong(id)) : java.util.Optional.<FeedSubmission>empty())
                .orElseThrow(() -> new MwsException(MwsError.of(MwsErrorCode.INVALID_FEED_SUBMISSION_ID)));
        switch (submission.status()) {
            case FeedSubmission.DONE -> {
                // answered below
            }
            case FeedSubmission.CANCELLED -> throw new MwsException(MwsError.of(MwsErrorCode.FEED_CANCELED));
            default -> throw MwsException.of(MwsErrorCode.FEED_PROCESSING_RESULT_NOT_READY,
                    "Feed Submission Result is not ready for Feed " + submission.feedSubmissionId()
                            + ". Poll GetFeedSubmissionList until the status is _DONE_.");
        }
        if (submission.resultKey() == null || submission.resultLength() == null || submission.resultMd5() == null) {
            throw new IllegalStateException("Feed submission " + submission.feedSubmissionId() + " is done without a report");
        }
        String contentType = FeedTypes.formatOf(submission.feedType()).orElse(FeedTypes.Format.XML) == FeedTypes.Format.XML
                ? "text/xml;charset=UTF-8" : "text/plain;charset=UTF-8";
        return new RawAnswer(contentType, submission.resultLength(), submission.resultMd5(),
                () -> submissions.openResult(submission));
    }
}
