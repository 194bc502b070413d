package io.openmws.server.authorizations;

import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.Developers;
import io.openmws.server.support.DisplayTime;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Developer Central > Notices: what sellers did with their authorizations, and expiries, newest first. */
@Controller
class DeveloperNoticesController {

    /** A notice written for people. */
    record NoticeView(String on, DeveloperNotices.Kind kind, String sellerId, String businessName, String expiresOn) {
        public String messageKey() {
            return "notices.kind." + kind.name();
        }
    }

    private final DeveloperNotices notices;
    private final Developers developers;

    DeveloperNoticesController(DeveloperNotices notices, Developers developers) {
        this.notices = notices;
        this.developers = developers;
    }

    @GetMapping(DeveloperNotices.PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String page,
                Model model) {
        Optional<Developer> developer = developers.ofAccount(principal.accountId());
        if (developer.isEmpty()) {
            return "redirect:/sellercentral/developer/register";
        }
        int number = page != null && page.matches("\\d{1,6}")
                ? Math.max(1, Math.min(AuthorizationListing.MAX_PAGE, Integer.parseInt(page))) : 1;
        AuthorizationListing.Page<DeveloperNoticeRepository.NoticeRow> rows = notices.page(developer.get(), number);
        model.addAttribute("developer", developer.get());
        model.addAttribute("notices", new AuthorizationListing.Page<>(rows.rows().stream()
                .map(n -> new NoticeView(DisplayTime.minute(n.createdAt()), n.kind(), n.sellerId(), n.businessName(),
                        DisplayTime.date(n.expiresAt())))
                .toList(), rows.number(), rows.hasNext()));
        return "authorizations/notices";
    }
}
