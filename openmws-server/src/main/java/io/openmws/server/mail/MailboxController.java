package io.openmws.server.mail;

import io.openmws.server.support.OperatorPresence;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Sandbox mailbox page: the messages the platform kept instead of sending (sandbox mode without
 * SMTP). The signed-in operator sees every message and may filter by recipient; any other browser
 * sees only the code mails its session asked for ({@link AwaitedMail}).
 */
@Controller
class MailboxController {

    private static final int PAGE_SIZE = 50;

    private final Mailer mailer;
    private final OperatorPresence operator;

    MailboxController(Mailer mailer, OperatorPresence operator) {
        this.mailer = mailer;
        this.operator = operator;
    }

    @GetMapping("/sandbox/mailbox")
    String mailbox(@RequestParam(name = "to", required = false) String to, HttpServletRequest request, Model model) {
        if (!(mailer instanceof SandboxMailbox mailbox)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean operatorView = operator.signedIn(request);
        boolean filtered = operatorView && to != null && !to.isBlank();
        List<SandboxMailbox.Message> messages;
        if (operatorView) {
            messages = filtered ? mailbox.messagesFor(to, PAGE_SIZE) : mailbox.newest(PAGE_SIZE);
        } else {
            messages = mailbox.granted(AwaitedMail.grants(request.getSession(false)), PAGE_SIZE);
        }
        model.addAttribute("operatorView", operatorView);
        model.addAttribute("messages", messages);
        model.addAttribute("to", filtered ? to.strip() : "");
        return "mail/mailbox";
    }
}
