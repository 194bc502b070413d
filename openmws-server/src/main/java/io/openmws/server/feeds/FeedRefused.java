package io.openmws.server.feeds;

import io.openmws.server.support.Refusal;

/**
 * A feed or a request about feeds the platform declines, with {@link #reason()} for the API (which
 * maps it to an MWS error code) and a message key for the portal (a form message).
 */
public class FeedRefused extends Refusal {

    /** What went wrong. */
    public enum Reason {
        /** The feed type is not one SubmitFeed accepts (MWS {@code InvalidFeedType}). Args: the type. */
        INVALID_FEED_TYPE(Kind.INVALID, "feeds.refused.feedType", "feedType"),
        /** The body's MD5 is not the announced one (MWS {@code ContentMD5DoesNotMatch}). Nothing is stored. */
        CONTENT_MD5_DOES_NOT_MATCH(Kind.INVALID, "feeds.refused.md5", "file"),
        /** The body is not smaller than {@link FeedSubmissions#MAX_FEED_BYTES}. Args: the limit in bytes. */
        TOO_LARGE(Kind.INVALID, "feeds.refused.tooLarge", "file"),
        /** A marketplace the seller does not sell in, or no such marketplace. Args: the marketplace id. */
        MARKETPLACE_NOT_PARTICIPATING(Kind.INVALID, "feeds.refused.marketplace", "marketplaceIds"),
        /** The seller account does not exist or is not active. */
        ACCOUNT_INACTIVE(Kind.NOT_FOUND, "feeds.refused.account", null);

        private final Kind kind;
        private final String messageKey;
        private final String field;

        Reason(Kind kind, String messageKey, String field) {
            this.kind = kind;
            this.messageKey = messageKey;
            this.field = field;
        }
    }

    private final Reason reason;

    public FeedRefused(Reason reason, Object... args) {
        super(reason.kind, reason.messageKey, reason.field, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
