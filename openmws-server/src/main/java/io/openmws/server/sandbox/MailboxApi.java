package io.openmws.server.sandbox;

import io.openmws.server.mail.Mailer;
import io.openmws.server.mail.SandboxMailbox;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages the sandbox kept for an address, newest first (the JSON side of the mailbox page). */
@RestController
class MailboxApi {

    record Message(long id, String to, String subject, String body, Instant sentAt) {
        @Override
        public String toString() {
            return "Message[id=" + id + ", to=" + to + ", subject=" + subject + ", body redacted]";
        }
    }

    private static final int MAX = 100;

    private final Mailer mailer;

    MailboxApi(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/sandbox/v1/mailbox")
    List<Message> mailbox(@RequestParam("to") String to) {
        if (!(mailer instanceof SandboxMailbox mailbox)) {
            throw new SandboxApiException(HttpStatus.CONFLICT, "MailboxUnavailable",
                    "Mail goes out over SMTP (spring.mail.host is set), so the sandbox keeps none.");
        }
        if (to.isBlank()) {
            throw SandboxApiException.invalid("Give the recipient address: ?to=EMAIL.");
        }
        return mailbox.messagesFor(to, MAX).stream()
                .map(m -> new Message(m.id(), m.to(), m.subject(), m.body(), m.sentAt()))
                .toList();
    }
}
