package io.openmws.server.feeds;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Feeds API: how many of the seller's submissions of the last 90 days match the filters. */
@Component
class GetFeedSubmissionCount implements MwsOperation {

    private final FeedsApi api;
    private final FeedSubmissions submissions;

    GetFeedSubmissionCount(FeedsApi api, FeedSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FEEDS;
    }

    @Override
    public String action() {
        return "GetFeedSubmissionCount";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        FeedQuery query = FeedsApi.query(call, false, true);
        result.element("Count", submissions.count(api.accountId(call), query));
    }
}
