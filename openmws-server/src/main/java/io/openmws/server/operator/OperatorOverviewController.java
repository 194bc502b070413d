package io.openmws.server.operator;

import io.openmws.server.accounts.SandboxSellerAccounts;
import io.openmws.server.authorizations.SandboxAuthorizations;
import io.openmws.server.developers.DeveloperStatus;
import io.openmws.server.developers.SandboxDevelopers;
import io.openmws.server.support.PlatformClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's first page: the platform's time and how much there is of everything. */
@Controller
class OperatorOverviewController {

    private final SandboxSellerAccounts accounts;
    private final SandboxDevelopers developers;
    private final SandboxAuthorizations authorizations;
    private final PlatformClock clock;

    OperatorOverviewController(SandboxSellerAccounts accounts, SandboxDevelopers developers, SandboxAuthorizations authorizations,
                               PlatformClock clock) {
        this.accounts = accounts;
        this.developers = developers;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @GetMapping("/operator")
    String overview(Model model) {
        OperatorClockController.addClock(model, clock);
        model.addAttribute("accountCount", accounts.count());
        long active = developers.count(DeveloperStatus.ACTIVE);
        long suspended = developers.count(DeveloperStatus.SUSPENDED);
        model.addAttribute("developerCount", active + suspended);
        model.addAttribute("suspendedCount", suspended);
        model.addAttribute("authorizationCounts", authorizations.counts());
        return "operator/overview";
    }
}
