package io.openmws.server.feeds;

/**
 * A feed file that cannot be read (further): reported as a processing-report result on message 0
 * with {@link #messageCode()} (5001 for fatal XML errors, 5000 for schema-level ones, 90215-style
 * file-level failures for flat files), never as an error of the platform.
 */
public class FeedFormatException extends Exception {

    private final int messageCode;

    public FeedFormatException(int messageCode, String message) {
        super(message);
        this.messageCode = messageCode;
    }

    public int messageCode() {
        return messageCode;
    }
}
