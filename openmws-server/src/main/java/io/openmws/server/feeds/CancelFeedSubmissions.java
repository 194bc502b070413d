package io.openmws.server.feeds;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Feeds API: cancels the seller's submissions that have not started (mws-data-apis.md §1.3); with no
 * filter at all, every one of them. Answers the count and the first 100 cancelled.
 */
@Component
class CancelFeedSubmissions implements MwsOperation {

    static final int MAX_INFOS = 100;

    private final FeedsApi api;
    private final FeedSubmissions submissions;

    CancelFeedSubmissions(FeedsApi api, FeedSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FEEDS;
    }

    @Override
    public String action() {
        return "CancelFeedSubmissions";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        FeedQuery query = FeedsApi.query(call, true, false);
        List<FeedSubmission> cancelled = submissions.cancel(api.accountId(call), query);
        result.element("Count", cancelled.size());
        for (FeedSubmission s : cancelled.subList(0, Math.min(MAX_INFOS, cancelled.size()))) {
            FeedsApi.writeInfo(result, s);
        }
    }
}
