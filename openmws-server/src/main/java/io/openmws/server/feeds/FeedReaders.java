package io.openmws.server.feeds;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Opens the reader that fits a feed type's format (../shared/spec/mws-data-apis.md §2). */
public final class FeedReaders {

    private FeedReaders() {
    }

    /**
     * A reader for {@code body}, chosen by {@link FeedTypes#formatOf(String)}: an {@link XmlFeedReader}
     * expecting the type's {@code MessageType}, or a {@link FlatFileReader}. Nothing is read until the
     * first {@link FeedReader#next()}; the reader closes {@code body}.
     *
     * @param feedType    a type {@link FeedTypes} knows
     * @param contentType the request's Content-Type, may carry a charset (used for flat files; XML names
     *                    its own encoding); may be null
     * @param body        the feed's bytes
     * @throws IllegalArgumentException for a feed type SubmitFeed refuses
     */
    public static FeedReader open(String feedType, String contentType, InputStream body) {
        FeedTypes.Format format = FeedTypes.formatOf(feedType).orElseThrow(() -> new IllegalArgumentException(
                "Unknown feed type '" + feedType + "'; SubmitFeed answers InvalidFeedType before a feed is read"));
        return switch (format) {
            case XML -> new XmlFeedReader(body, XmlFeedReader.messageTypeOf(feedType).orElse(null));
            case FLAT_FILE -> new FlatFileReader(body, charsetOf(contentType));
        };
    }

    /** The charset a Content-Type names, or null when it names none or one this JVM does not know. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String name = pair[1].strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
