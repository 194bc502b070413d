package io.openmws.server.developers;

import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.gateway.CallHistory;
import io.openmws.server.support.DisplayTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/** Developer Central > API calls: the developer's calls of the last 30 days across its sellers. */
@Controller
class DeveloperCallsController {

    static final String PATH = DeveloperCentralController.PATH + "/calls";
    static final int LATEST = 100;

    private final Developers developers;
    private final CallHistory history;

    DeveloperCallsController(Developers developers, CallHistory history) {
        this.developers = developers;
        this.history = history;
    }

    @ExceptionHandler(AccessKeys.NotRegistered.class)
    String notRegistered() {
        return "redirect:" + RegistrationController.PATH;
    }

    @GetMapping(PATH)
    String calls(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        Developer developer = developers.ofAccount(principal.accountId()).orElseThrow(AccessKeys.NotRegistered::new);
        String developerId = developer.developerId().digits();
        model.addAttribute("developer", developer);
        model.addAttribute("daily", history.dailyCounts(developerId));
        model.addAttribute("latest", history.latest(developerId, LATEST).stream()
                .map(c -> new CallRow(DisplayTime.minute(c.calledAt()), c)).toList());
        model.addAttribute("userAgents", history.userAgentShare(developerId));
        model.addAttribute("days", CallHistory.WINDOW.toDays());
        model.addAttribute("latestCount", LATEST);
        return "developers/calls";
    }

    /** A call with its time written for people. */
    record CallRow(String at, CallHistory.Call call) {}
}
