package io.openmws.server.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * One outgoing plain-text message. The body may hold a code or a link, so {@link #toString()} never
 * shows it.
 */
public record Mail(String to, String subject, String body) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        to = normalize(to);
    }

    /** Addresses are kept and compared stripped and in lower case. */
    static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Mail[to=" + to + ", subject=" + subject + ", body redacted]";
    }
}
