package io.openmws.server.mail;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The Sandbox mailbox page: the messages the platform kept instead of sending (sandbox mode without SMTP). */
@Controller
class MailboxController {

    private static final int PAGE_SIZE = 50;

    private final Mailer mailer;

    MailboxController(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/sandbox/mailbox")
    String mailbox(@RequestParam(name = "to", required = false) String to, Model model) {
        if (!(mailer instanceof SandboxMailbox mailbox)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean filtered = to != null && !to.isBlank();
        List<SandboxMailbox.Message> messages = filtered ? mailbox.messagesFor(to, PAGE_SIZE) : mailbox.newest(PAGE_SIZE);
        model.addAttribute("messages", messages);
        model.addAttribute("to", filtered ? to.strip() : "");
        return "mail/mailbox";
    }
}
