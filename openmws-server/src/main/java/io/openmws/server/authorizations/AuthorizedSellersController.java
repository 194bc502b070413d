package io.openmws.server.authorizations;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.Developers;
import io.openmws.server.support.Csv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Developer Central > Authorized sellers: the sellers' authorizations of this developer, live ones
 * (pending, active) first and the revoked and expired ones under Past authorizations, searchable by
 * Seller ID or business name, in pages, sortable by expiry, and as CSV. No tokens: sellers hand those
 * over themselves.
 */
@Controller
class AuthorizedSellersController {

    static final String PATH = "/sellercentral/developer-central/sellers";
    static final String CSV = PATH + ".csv";

    /** One seller's authorization, as the developer sees it. */
    record SellerRow(AuthorizationRow authorization, List<Marketplace> marketplaces) {}

    private final Authorizations authorizations;
    private final Developers developers;
    private final MessageSource messages;
    private final Clock clock;

    AuthorizedSellersController(Authorizations authorizations, Developers developers, MessageSource messages,
                                Clock clock) {
        this.authorizations = authorizations;
        this.developers = developers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                @RequestParam(required = false) String pastPage, Model model) {
        Optional<Developer> developer = developers.ofAccount(principal.accountId());
        if (developer.isEmpty()) {
            return "redirect:/sellercentral/developer/register";
        }
        Instant now = clock.instant();
        AuthorizationListing listing = AuthorizationListing.of(q, sort, page, pastPage);
        model.addAttribute("developer", developer.get());
        model.addAttribute("listing", listing);
        model.addAttribute("live", rows(developer.get(), listing, true, now));
        model.addAttribute("past", rows(developer.get(), listing, false, now));
        return "authorizations/sellers";
    }

    private AuthorizationListing.Page<SellerRow> rows(Developer developer, AuthorizationListing listing, boolean live,
                                                      Instant now) {
        AuthorizationListing.Page<Authorization> page = authorizations.listPage(AuthorizationRepository.Scope.DEVELOPER,
                developer.ref(), listing, live, now);
        Map<Long, List<String>> marketplaces = authorizations.marketplaceIds(
                page.rows().stream().map(Authorization::accountId).distinct().toList(), developer);
        return new AuthorizationListing.Page<>(page.rows().stream()
                .map(a -> new SellerRow(AuthorizationRow.of(a, now), marketplacesOf(marketplaces.get(a.accountId()))))
                .toList(), page.number(), page.hasNext());
    }

    /** The sellers' authorizations matching the search, as CSV. */
    @GetMapping(CSV)
    void csv(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String q,
             @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        Optional<Developer> developer = developers.ofAccount(principal.accountId());
        if (developer.isEmpty()) {
            response.sendRedirect("/sellercentral/developer/register");
            return;
        }
        Instant now = clock.instant();
        Map<Long, List<String>> marketplaces = authorizations.marketplaceIds(null, developer.get());
        Writer out = Csv.download(response, "authorized-sellers-" + developer.get().developerId().digits() + ".csv");
        Csv.write(out, text("field.sellerId"), text("field.businessName"), text("field.marketplaces"),
                text("authorizations.field.status"), text("authorizations.field.authorizedOn"),
                text("authorizations.field.expiresOn"), text("authorizations.field.revokedOn"));
        authorizations.eachListed(AuthorizationRepository.Scope.DEVELOPER, developer.get().ref(),
                AuthorizationListing.of(q, sort, null, null), now, a -> {
                    AuthorizationRow row = AuthorizationRow.of(a, now);
                    Csv.write(out, row.sellerId(), row.sellerBusinessName(),
                            String.join(" ", marketplaces.getOrDefault(a.accountId(), List.of())),
                            text("authorizations.status." + row.status().name()), row.authorizedOn(), row.expiresOn(),
                            row.revokedOn());
                });
    }

    private static List<Marketplace> marketplacesOf(List<String> ids) {
        return ids == null ? List.of() : ids.stream().flatMap(id -> Marketplaces.byId(id).stream()).toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}
