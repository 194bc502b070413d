package io.openmws.server.accounts;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** Text from {@code messages.properties} for mails, which are written outside any request's locale. */
final class Messages {

    private Messages() {}

    static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
