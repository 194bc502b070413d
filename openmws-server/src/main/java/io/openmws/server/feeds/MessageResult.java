package io.openmws.server.feeds;

/**
 * The result of one failed or warned message of a feed: a {@code Result} of the XML processing report,
 * or a row of a flat file's. Successful messages have none.
 *
 * @param messageId   the feed's MessageID or 1-based data row; 0 for the file as a whole
 * @param resultCode  {@code Error} or {@code Warning}
 * @param messageCode the ResultMessageCode (§2.7), e.g. 8560
 * @param sku         the message's key, when it has one: its SKU, or in the order feeds its AmazonOrderID
 */
public record MessageResult(long messageId, String resultCode, int messageCode, String description, String sku) {

    public static MessageResult error(long messageId, int messageCode, String description, String sku) {
        return new MessageResult(messageId, "Error", messageCode, description, sku);
    }

    public static MessageResult warning(long messageId, int messageCode, String description, String sku) {
        return new MessageResult(messageId, "Warning", messageCode, description, sku);
    }
}
