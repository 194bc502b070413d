package io.openmws.server.authorizations;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.Developers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Developer Central > Authorized sellers: each seller that authorized this developer, with the newest
 * authorization's status and dates. No tokens: sellers hand those over themselves.
 */
@Controller
class AuthorizedSellersController {

    static final String PATH = "/sellercentral/developer-central/sellers";

    /** One seller, as the developer sees it. */
    record SellerRow(AuthorizationRow authorization, List<Marketplace> marketplaces) {}

    private final Authorizations authorizations;
    private final Developers developers;
    private final SellerAccounts accounts;
    private final Clock clock;

    AuthorizedSellersController(Authorizations authorizations, Developers developers, SellerAccounts accounts,
                                Clock clock) {
        this.authorizations = authorizations;
        this.developers = developers;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        Optional<Developer> developer = developers.ofAccount(principal.accountId());
        if (developer.isEmpty()) {
            return "redirect:/sellercentral/developer/register";
        }
        Instant now = clock.instant();
        model.addAttribute("developer", developer.get());
        model.addAttribute("sellers", authorizations.sellersOf(developer.get()).stream()
                .map(a -> new SellerRow(AuthorizationRow.of(a, now), accounts.byId(a.accountId())
                        .map(UserPermissionsController::marketplacesOf).orElse(List.of())))
                .toList());
        return "authorizations/sellers";
    }
}
