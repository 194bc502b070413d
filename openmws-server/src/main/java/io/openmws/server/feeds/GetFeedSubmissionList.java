package io.openmws.server.feeds;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Feeds API: the seller's submissions of the last 90 days, newest first, filtered (mws-data-apis.md §1.3). */
@Component
class GetFeedSubmissionList implements MwsOperation {

    private final FeedsApi api;
    private final FeedSubmissions submissions;

    GetFeedSubmissionList(FeedsApi api, FeedSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FEEDS;
    }

    @Override
    public String action() {
        return "GetFeedSubmissionList";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        FeedsApi.Page page = new FeedsApi.Page(FeedsApi.query(call, true, true), FeedsApi.maxCount(call), null);
        long accountId = api.accountId(call);
        FeedsApi.writePage(result, call, page, submissions.list(accountId, page.query(), page.maxCount() + 1, null));
    }
}
