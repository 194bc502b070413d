package io.openmws.server.feeds;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads a feed's messages one at a time from a stream, never holding the whole feed in memory.
 * Implementations: the XML envelope reader (StAX, DTDs and external entities refused) and the
 * tab-delimited flat-file reader (UTF-8 or ISO-8859-1, with or without BOM, any column order).
 */
public interface FeedReader extends Closeable {

    /**
     * The next message, or null after the last one.
     *
     * @throws FeedFormatException when the file as a whole cannot be read further (malformed or
     *                             truncated XML, a DTD, no header line); the messages returned before
     *                             it stand
     */
    FeedRecord next() throws IOException, FeedFormatException;
}
