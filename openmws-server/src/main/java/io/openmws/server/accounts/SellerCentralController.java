package io.openmws.server.accounts;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.support.ForgetfulSignInFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public front page, the sign-in page, and Seller Central's home page. Settings > User Permissions
 * belongs to the authorizations feature.
 */
@Controller
class SellerCentralController {

    private final SellerAccounts accounts;

    SellerCentralController(SellerAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String front(@AuthenticationPrincipal SellerPrincipal principal) {
        return principal != null && !principal.pending() ? "redirect:/sellercentral" : "accounts/front";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("typedEmail", ForgetfulSignInFailure.takeTypedUsername(request));
        return "accounts/login";
    }

    @GetMapping("/sellercentral")
    String home(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("accountMarketplaces", marketplacesOf(account));
        return "accounts/home";
    }

    static List<Marketplace> marketplacesOf(SellerAccount account) {
        return account.marketplaceIds().stream().flatMap(id -> Marketplaces.byId(id).stream()).toList();
    }
}
