package io.openmws.server.feeds;

import java.util.List;

/**
 * A feed to submit, its body aside.
 *
 * @param developerId       the calling developer; null from the portal
 * @param source            {@code API} or {@code PORTAL}
 * @param marketplaceIds    the marketplaces the feed applies to; empty = the seller's home marketplace
 * @param fileName          the uploaded file's name (portal), or null
 * @param contentType       the body's Content-Type as sent, or null
 * @param expectedMd5Base64 the base64 MD5 the sender announced; null = not checked
 */
public record NewFeed(long accountId, String developerId, String source,
        String feedType, List<String> marketplaceIds, boolean purgeAndReplace, String fileName,
        String contentType, String expectedMd5Base64) {

    public NewFeed {
        marketplaceIds = marketplaceIds == null ? List.of() : List.copyOf(marketplaceIds);
    }
}
