package io.openmws.server.developers;

import io.openmws.server.accounts.SellerPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public "Sign up or manage MWS" page (seed step 2a): what a developer registration gives, with
 * a Sign up button that leads, through sign-in when needed, to the registration.
 */
@Controller
class MwsSignUpController {

    static final String PATH = "/developers";

    private final Developers developers;

    MwsSignUpController(Developers developers) {
        this.developers = developers;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        boolean registered = principal != null && !principal.pending()
                && developers.registeredAsDeveloper(principal.accountId());
        model.addAttribute("registered", registered);
        model.addAttribute("signedIn", principal != null);
        model.addAttribute("registerPath", RegistrationController.PATH);
        model.addAttribute("centralPath", DeveloperCentralController.PATH);
        return "developers/mws";
    }
}
