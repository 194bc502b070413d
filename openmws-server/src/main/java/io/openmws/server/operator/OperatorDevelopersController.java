package io.openmws.server.operator;

import io.openmws.server.developers.Developer;
import io.openmws.server.developers.DeveloperListing;
import io.openmws.server.developers.SandboxDevelopers;
import io.openmws.server.gateway.ThrottleExemptions;
import io.openmws.server.support.ListFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Developers: every registered developer, newest first; suspend and reinstate (each after a
 * confirmation page), and throttling on or off.
 */
@Controller
class OperatorDevelopersController {

    static final String PATH = "/operator/developers";

    /** A row of the developers table. */
    record DeveloperRow(DeveloperListing developer, boolean throttled) {}

    private final SandboxDevelopers developers;
    private final ThrottleExemptions exemptions;

    OperatorDevelopersController(SandboxDevelopers developers, ThrottleExemptions exemptions) {
        this.developers = developers;
        this.exemptions = exemptions;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String q, Model model) {
        Set<String> unthrottled = exemptions.unthrottledDevelopers();
        List<DeveloperRow> rows = developers.newest(ListFilter.of(q), OperatorArea.LIST_LIMIT + 1).stream()
                .map(d -> new DeveloperRow(d, !unthrottled.contains(d.developerId().digits())))
                .toList();
        OperatorArea.list(model, rows, q);
        model.addAttribute("maxReasonLength", SandboxDevelopers.MAX_REASON_LENGTH);
        return "operator/developers";
    }

    @GetMapping(PATH + "/{developerId}/suspend")
    String confirmSuspend(@PathVariable String developerId, Model model, RedirectAttributes redirect) {
        return confirm(developerId, true, model, redirect);
    }

    @GetMapping(PATH + "/{developerId}/reinstate")
    String confirmReinstate(@PathVariable String developerId, Model model, RedirectAttributes redirect) {
        return confirm(developerId, false, model, redirect);
    }

    private String confirm(String developerId, boolean suspend, Model model, RedirectAttributes redirect) {
        Optional<Developer> developer = developers.byDeveloperId(developerId);
        if (developer.isEmpty()) {
            redirect.addFlashAttribute("error", "developers.operator.unknown");
            return "redirect:" + PATH;
        }
        if (developer.get().active() != suspend) {
            redirect.addFlashAttribute("error", suspend ? "developers.operator.alreadySuspended"
                    : "developers.operator.notSuspended");
            return "redirect:" + PATH;
        }
        model.addAttribute("developer", developer.get());
        model.addAttribute("suspend", suspend);
        model.addAttribute("maxReasonLength", SandboxDevelopers.MAX_REASON_LENGTH);
        return "operator/developer-status";
    }

    @PostMapping(PATH + "/{developerId}/suspend")
    String suspend(@PathVariable String developerId, @RequestParam(required = false) String reason, Model model,
                   RedirectAttributes redirect) {
        try {
            Developer suspended = developers.suspend(developerId, reason, OperatorArea.ACTOR);
            redirect.addFlashAttribute("notice", "operator.developers.suspended");
            redirect.addFlashAttribute("noticeSubject", suspended.developerId().formatted());
            return "redirect:" + PATH;
        } catch (SandboxDevelopers.StatusChangeRefused refused) {
            if (refused.unknownDeveloper() || !refused.messageKey().endsWith("reasonTooLong")) {
                redirect.addFlashAttribute("error", refused.messageKey());
                return "redirect:" + PATH;
            }
            // The one error the operator fixes on the form itself: keep what was typed.
            model.addAttribute("reasonError", refused.messageKey());
            model.addAttribute("reason", reason);
            return confirm(developerId, true, model, redirect);
        }
    }

    @PostMapping(PATH + "/{developerId}/reinstate")
    String reinstate(@PathVariable String developerId, RedirectAttributes redirect) {
        try {
            Developer reinstated = developers.reinstate(developerId, OperatorArea.ACTOR);
            redirect.addFlashAttribute("notice", "operator.developers.reinstated");
            redirect.addFlashAttribute("noticeSubject", reinstated.developerId().formatted());
        } catch (SandboxDevelopers.StatusChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{developerId}/throttling")
    String throttling(@PathVariable String developerId, @RequestParam(required = false) String enabled,
                      @RequestParam(required = false) String q, RedirectAttributes redirect) {
        Optional<Developer> developer = developers.byDeveloperId(developerId);
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            redirect.addFlashAttribute("error", "operator.throttling.invalid");
        } else if (developer.isEmpty()) {
            redirect.addFlashAttribute("error", "developers.operator.unknown");
        } else {
            boolean on = Boolean.parseBoolean(enabled);
            exemptions.setThrottled(developer.get().developerId().digits(), on);
            redirect.addFlashAttribute("notice", on ? "operator.throttling.on" : "operator.throttling.off");
            redirect.addFlashAttribute("noticeSubject", developer.get().developerId().formatted());
        }
        if (!OperatorArea.filterText(q).isEmpty()) {
            redirect.addAttribute("q", OperatorArea.filterText(q));
        }
        return "redirect:" + PATH;
    }
}
