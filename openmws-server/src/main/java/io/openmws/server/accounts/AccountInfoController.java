package io.openmws.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        // Both fields are checked before either is reported, so that one submit shows every problem.
        String nameError = name.isEmpty() ? "signup.contactName.required"
                : name.length() > SignUpRules.NAME_MAX ? SignUpRules.tooLong(SignUpRules.NAME_MAX) : null;
        String marketplacesError = null;
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        try {
            SellerAccounts.marketplacesOf(account.homeMarketplaceId(), others);
        } catch (SellerAccounts.SignUpRejected rejected) {
            marketplacesError = rejected.messageKey();
        }
        if (nameError == null && marketplacesError == null) {
            try {
                accounts.updateAccountInfo(principal.accountId(), name, others == null ? new ArrayList<>() : others);
            } catch (SellerAccounts.SignUpRejected rejected) {
                marketplacesError = rejected.messageKey();
            }
        }
        if (nameError != null || marketplacesError != null) {
            model.addAttribute("contactNameError", nameError);
            model.addAttribute("marketplacesError", marketplacesError);
            model.addAttribute("contactName", contactName);
            model.addAttribute("chosen", others == null ? List.of() : others);
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
        Map<String, String> problems = accounts.changePassword(principal.accountId(), currentPassword, newPassword);
        if (!problems.isEmpty()) {
            model.addAttribute("currentPasswordError", problems.get("currentPassword"));
            model.addAttribute("newPasswordError", problems.get("newPassword"));
            return page(principal, model);
        }
        sessions.endAllExcept(principal.getUsername(), request.getSession().getId());
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:" + PATH;
    }
}
