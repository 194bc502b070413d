package io.openmws.server.orders;

/**
 * Why {@link OrderFulfillments} did not apply an {@link OrderFeedMessage}: a ResultMessageCode
 * (../shared/spec/mws-data-apis.md §2.7) and its text, for the feed's processing report. Nothing of the
 * message was applied.
 *
 * @param amazonOrderId the order the message named, for the report's {@code AdditionalInfo}
 */
public record OrderFeedRefusal(long messageId, String amazonOrderId, int code, String description) {
}
