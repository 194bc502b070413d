package io.openmws.server.feeds;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Feeds API: the next page of a {@code GetFeedSubmissionList}, with the same filters and size. */
@Component
class GetFeedSubmissionListByNextToken implements MwsOperation {

    private final FeedsApi api;
    private final FeedSubmissions submissions;

    GetFeedSubmissionListByNextToken(FeedsApi api, FeedSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FEEDS;
    }

    @Override
    public String action() {
        return "GetFeedSubmissionListByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        String token = call.parameter("NextToken").filter(t -> !t.isBlank())
                .orElseThrow(() -> new MwsException(MwsError.missingNextToken()));
        FeedsApi.Page page = FeedsApi.page(call, token);
        long accountId = api.accountId(call);
        FeedsApi.writePage(result, call, page,
                submissions.list(accountId, page.query(), page.maxCount() + 1, page.beforeIdExclusive()));
    }
}
