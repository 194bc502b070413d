package io.openmws.server.authorizations;

import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.support.DisplayTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mailed link that confirms a first authorization. Opening it (signed in as the seller who made
 * the authorization; sign-in comes back here) shows what is confirmed; the button confirms it. A GET
 * changes nothing, so a mail scanner that follows links confirms nothing.
 */
@Controller
class VerificationController {

    private final Authorizations authorizations;

    VerificationController(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping(Authorizations.VERIFY_PATH)
    String confirmPage(@AuthenticationPrincipal SellerPrincipal principal,
                       @RequestParam(defaultValue = "") String token, Model model) {
        var pending = authorizations.pendingForLink(principal.accountId(), token);
        model.addAttribute("live", pending.isPresent());
        pending.ifPresent(a -> model.addAttribute("developerName", a.developerName())
                .addAttribute("developerId", a.developerId().formatted()));
        model.addAttribute("token", pending.isPresent() ? token : "");
        return "authorizations/verify";
    }

    @PostMapping(Authorizations.VERIFY_PATH)
    String verify(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(defaultValue = "") String token,
                  Model model, RedirectAttributes redirect) {
        Authorization verified;
        try {
            verified = authorizations.verify(principal.accountId(), token);
        } catch (AuthorizationRefused dead) {
            model.addAttribute("live", false);
            model.addAttribute("token", "");
            return "authorizations/verify";
        }
        redirect.addFlashAttribute("notice", "authorizations.verified");
        redirect.addFlashAttribute("noticeArgs", new Object[] {verified.developerName(),
            DisplayTime.date(verified.expiresAt())});
        return "redirect:" + UserPermissionsController.PATH + "/authorizations/" + verified.ref();
    }
}
