package io.openmws.server.developers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The one page that shows a Secret Key: after registration, and after creating another key. It is
 * the response to the POST that created the key, so no later request can fetch it again; the text
 * file to download is built into the page as a {@code data:} link for the same reason.
 */
@Component
class CredentialsPage {

    static final String VIEW = "developers/credentials";

    private final MessageSource messages;

    CredentialsPage(MessageSource messages) {
        this.messages = messages;
    }

    /** Fills the model of {@link #VIEW}; {@code registered} tells a new registration from a new key. */
    String show(IssuedCredentials credentials, boolean registered, Instant issuedAt, Model model) {
        model.addAttribute("credentials", credentials);
        model.addAttribute("registered", registered);
        model.addAttribute("downloadHref", "data:text/plain;charset=utf-8,"
                + URLEncoder.encode(fileText(credentials, issuedAt), StandardCharsets.UTF_8).replace("+", "%20"));
        model.addAttribute("downloadName", "openmws-" + credentials.accessKeyId().value() + ".txt");
        return VIEW;
    }

    private String fileText(IssuedCredentials c, Instant issuedAt) {
        return text("developers.file.body", c.developerName(), c.developerId().formatted(), c.accessKeyId().value(),
                c.secretKey().reveal(), issuedAt.toString());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
