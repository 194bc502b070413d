package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.server.support.SecretSealer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one page that shows a Secret Key: after registration, and after creating another key. The POST
 * that created the key redirects here (post/redirect/get) with the Secret Key in a flash attribute,
 * sealed because sessions live in the database; the GET opens it once, and a reload or Back finds
 * Developer Central instead of "Confirm Form Resubmission". The text file to download is built into
 * the page as a {@code data:} link, so no request can fetch the secret again.
 */
@Component
class CredentialsPage {

    static final String VIEW = "developers/credentials";

    /** Where the new credentials are shown, once, after the POST that made them. */
    static final String PATH = DeveloperCentralController.PATH + "/keys";

    private final MessageSource messages;
    private final SecretSealer sealer;

    CredentialsPage(MessageSource messages, SecretSealer sealer) {
        this.messages = messages;
        this.sealer = sealer;
    }

    /** Hands the new credentials to the next request only, and answers with the redirect to {@link #PATH}. */
    String redirect(IssuedCredentials credentials, boolean registered, Instant issuedAt, RedirectAttributes redirect) {
        String accessKeyId = credentials.accessKeyId().value();
        redirect.addFlashAttribute("flashKey", accessKeyId);
        redirect.addFlashAttribute("flashSealed", sealer.seal(credentials.secretKey().reveal(), context(accessKeyId)));
        redirect.addFlashAttribute("flashRegistered", registered);
        redirect.addFlashAttribute("flashIssuedAt", issuedAt.toString());
        return "redirect:" + PATH;
    }

    /** The credentials page once after {@link #redirect}; otherwise (a reload, Back) Developer Central. */
    String showOnce(Developer developer, Model model) {
        Map<String, Object> flash = model.asMap();
        Object accessKeyId = flash.remove("flashKey");
        Object sealed = flash.remove("flashSealed");
        Object registered = flash.remove("flashRegistered");
        Object issuedAt = flash.remove("flashIssuedAt");
        if (!(accessKeyId instanceof String key) || !(sealed instanceof byte[] bytes) || !(issuedAt instanceof String at)) {
            return "redirect:" + DeveloperCentralController.PATH;
        }
        String secret;
        try {
            secret = sealer.open(bytes, context(key));
        } catch (SecretSealer.SealBroken broken) {
            return "redirect:" + DeveloperCentralController.PATH;
        }
        IssuedCredentials credentials = new IssuedCredentials(developer.developerId(), developer.name(),
                AccessKeyId.of(key), SecretKey.of(secret));
        return show(credentials, Boolean.TRUE.equals(registered), Instant.parse(at), model);
    }

    private static String context(String accessKeyId) {
        return "flash/key/" + accessKeyId;
    }

    /** Fills the model of {@link #VIEW}; {@code registered} tells a new registration from a new key. */
    private String show(IssuedCredentials credentials, boolean registered, Instant issuedAt, Model model) {
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
