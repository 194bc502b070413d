package io.openmws.server.mail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Which kept mail a browser session may read on the Sandbox mailbox page: the code mails it asked for
 * (sign-up, developer registration), the confirmation link of an authorization its seller made, and
 * later ones of the same kind to the same address. A grant
 * names the address, the subject and the first message, so an address typed by someone else (a
 * developer contact email, say) shows that kind of code and nothing else sent to it, such as a
 * password reset link. Grants live in the session and end with it (sign-out included).
 */
@Component
public class AwaitedMail {

    static final String SESSION_ATTRIBUTE = "openmws.mailbox.awaited";
    /** A session remembers this many grants at most, the newest. */
    static final int MAX_GRANTS = 20;

    /** Mail to {@code address} with {@code subject}, from message {@code fromId} on. */
    record Grant(String address, String subject, long fromId) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final Mailer mailer;
    private final MessageSource messages;

    AwaitedMail(Mailer mailer, MessageSource messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    /**
     * Lets the request's session read the mail this request just had kept for {@code address} under
     * the subject of {@code subjectKey} ({@code messages.properties}, with {@code subjectArgs}), and
     * later ones like it. Does nothing when mail is sent over SMTP, or when no such mail was kept.
     */
    public void expect(HttpServletRequest request, String address, String subjectKey, Object... subjectArgs) {
        if (!(mailer instanceof SandboxMailbox mailbox)) {
            return;
        }
        String to = Mail.normalize(address);
        String subject = messages.getMessage(subjectKey, subjectArgs, Locale.ENGLISH);
        mailbox.newestId(to, subject).ifPresent(id -> {
            HttpSession session = request.getSession();
            List<Grant> grants = new ArrayList<>(grants(session));
            if (grants.stream().noneMatch(g -> g.address().equals(to) && g.subject().equals(subject))) {
                grants.add(new Grant(to, subject, id));
                while (grants.size() > MAX_GRANTS) {
                    grants.remove(0);
                }
                session.setAttribute(SESSION_ATTRIBUTE, grants);
            }
        });
    }

    /** The grants of {@code session} (none for a request without a session). */
    static List<Grant> grants(HttpSession session) {
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof List<?> list) {
            return list.stream().filter(Grant.class::isInstance).map(Grant.class::cast).toList();
        }
        return List.of();
    }
}
