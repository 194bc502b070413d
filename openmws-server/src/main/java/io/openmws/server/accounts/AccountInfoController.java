package io.openmws.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Account Info: contact name, marketplaces, password. */
@Controller
class AccountInfoController {

    static final String PATH = "/sellercentral/settings/account-info";

    private final SellerAccounts accounts;
    private final PortalSessions sessions;

    AccountInfoController(SellerAccounts accounts, PortalSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("choosable", SellerAccounts.choosableWith(account.homeMarketplaceId()));
        if (!model.containsAttribute("contactName")) {
            model.addAttribute("contactName", account.contactName());
        }
        return "accounts/account-info";
    }

    @PostMapping(PATH)
    String update(@AuthenticationPrincipal SellerPrincipal principal,
                  @RequestParam(defaultValue = "") String contactName,
                  @RequestParam(name = "otherMarketplaceIds", required = false) List<String> others,
                  Model model, RedirectAttributes redirect) {
        String name = contactName.strip();
        if (name.isEmpty() || name.length() > 200) {
            model.addAttribute("contactNameError", name.isEmpty() ? "signup.contactName.required" : "field.tooLong");
            model.addAttribute("contactName", contactName);
            return page(principal, model);
        }
        try {
            accounts.updateAccountInfo(principal.accountId(), name, others == null ? new ArrayList<>() : others);
        } catch (SellerAccounts.SignUpRejected rejected) {
            model.addAttribute("marketplacesError", rejected.messageKey());
            return page(principal, model);
        }
        redirect.addFlashAttribute("notice", "accountInfo.saved");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/password")
    String changePassword(@AuthenticationPrincipal SellerPrincipal principal,
                          @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          Model model, RedirectAttributes redirect, HttpServletRequest request) {
        Optional<String> problem = accounts.changePassword(principal.accountId(), currentPassword, newPassword);
        if (problem.isPresent()) {
            model.addAttribute(problem.get().startsWith("password.current") ? "currentPasswordError" : "newPasswordError",
                    problem.get());
            return page(principal, model);
        }
        sessions.endAllExcept(principal.getUsername(), request.getSession().getId());
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:" + PATH;
    }
}
