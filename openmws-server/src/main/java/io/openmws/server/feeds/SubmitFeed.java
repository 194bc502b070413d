package io.openmws.server.feeds;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Feeds API {@code SubmitFeed} (mws-data-apis.md §1.1, docs/protocol.md §3.4): the parameters are in the
 * query string and the body is the feed, streamed to storage with its MD5 checked on the way.
 */
@Component
class SubmitFeed implements MwsOperation {

    private final FeedsApi api;
    private final FeedSubmissions submissions;

    SubmitFeed(FeedsApi api, FeedSubmissions submissions) {
        this.api = api;
        this.submissions = submissions;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FEEDS;
    }

    @Override
    public String action() {
        return "SubmitFeed";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        String feedType = call.required("FeedType");
        if (FeedTypes.formatOf(feedType).isEmpty()) {
            throw invalidFeedType(feedType);
        }
        String md5 = expectedMd5(call);
        boolean purge = purgeAndReplace(call);
        long accountId = api.accountId(call);
        NewFeed feed = new NewFeed(accountId, call.developerId(), FeedSubmission.SOURCE_API, feedType,
                call.list("MarketplaceIdList.Id"), purge, null, call.header("Content-Type").orElse(null), md5);
        FeedSubmission submitted;
        try {
            submitted = submissions.submit(feed, call.body());
        } catch (FeedRefused e) {
            throw switch (e.reason()) {
                case INVALID_FEED_TYPE -> invalidFeedType(feedType);
                case CONTENT_MD5_DOES_NOT_MATCH -> new MwsException(MwsError.of(MwsErrorCode.CONTENT_MD5_DOES_NOT_MATCH));
                case TOO_LARGE -> MwsException.invalidParameter("The feed is too large: a feed must be smaller than"
                        + " 2 GiB (" + FeedSubmissions.MAX_FEED_BYTES + " bytes at most).");
                case MARKETPLACE_NOT_PARTICIPATING -> MwsException.invalidParameter("Invalid MarketplaceId: "
                        + FeedsApi.abbreviate(String.valueOf(e.args()[0])) + ". The seller does not sell in it.");
                case ACCOUNT_INACTIVE -> new MwsException(MwsError.accessDenied());
            };
        }
        FeedsApi.writeInfo(result, submitted);
    }

    /**
     * The announced MD5: {@code ContentMD5Value} and/or the {@code Content-MD5} header. Neither is
     * {@code ContentMD5Missing}; two different ones, or one that is not a base64 MD5, are
     * {@code InvalidParameterValue}.
     */
    private static String expectedMd5(MwsCall call) {
        Optional<String> parameter = call.parameter("ContentMD5Value").map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> header = call.header("Content-MD5").map(String::strip).filter(v -> !v.isEmpty());
        if (parameter.isEmpty() && header.isEmpty()) {
            throw new MwsException(MwsError.of(MwsErrorCode.CONTENT_MD5_MISSING));
        }
        if (parameter.isPresent() && header.isPresent() && !parameter.get().equals(header.get())) {
            throw MwsException.invalidParameter("The ContentMD5Value parameter and the Content-MD5 header differ."
                    + " Send one of them, or the same value in both.");
        }
        String md5 = parameter.orElseGet(header::get);
        if (!isBase64Md5(md5)) {
            throw MwsException.invalidParameter("Invalid " + (parameter.isPresent() ? "ContentMD5Value" : "Content-MD5")
                    + ": " + FeedsApi.abbreviate(md5) + ". Send the base64 MD5 of the feed (24 characters).");
        }
        return md5;
    }

    private static boolean isBase64Md5(String value) {
        if (value.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(value).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean purgeAndReplace(MwsCall call) {
        String value = call.parameter("PurgeAndReplace").orElse("");
        return switch (value) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw MwsException.invalidParameter("Invalid PurgeAndReplace: " + FeedsApi.abbreviate(value)
                    + ". Use true or false.");
        };
    }

    private static MwsException invalidFeedType(String feedType) {
        return MwsException.of(MwsErrorCode.INVALID_FEED_TYPE, "Invalid FeedType: " + FeedsApi.abbreviate(feedType)
                + ". " + MwsErrorCode.INVALID_FEED_TYPE.defaultMessage());
    }
}
