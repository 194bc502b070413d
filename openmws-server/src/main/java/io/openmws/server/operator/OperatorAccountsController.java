package io.openmws.server.operator;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.AccountStatus;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SandboxSellerAccounts;
import io.openmws.server.support.ListFilter;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts: every seller account, newest first, with staging mode switched from here. */
@Controller
class OperatorAccountsController {

    static final String PATH = "/operator/accounts";

    /** A row of the accounts table. */
    record AccountRow(String sellerId, String businessName, String email, AccountStatus status,
                      List<Marketplace> marketplaces, boolean staging, Instant createdAt) {
        static AccountRow of(SellerAccount a) {
            return new AccountRow(a.sellerId(), a.businessName(), a.email(), a.status(),
                    a.marketplaceIds().stream().flatMap(id -> Marketplaces.byId(id).stream()).toList(),
                    a.staging(), a.createdAt());
        }

        public boolean active() {
            return status == AccountStatus.ACTIVE;
        }
    }

    private final SandboxSellerAccounts accounts;

    OperatorAccountsController(SandboxSellerAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String q, Model model) {
        List<AccountRow> rows = accounts.newest(ListFilter.of(q), OperatorArea.LIST_LIMIT + 1).stream()
                .map(AccountRow::of).toList();
        OperatorArea.list(model, rows, q);
        return "operator/accounts";
    }

    @PostMapping(PATH + "/{sellerId}/staging")
    String staging(@PathVariable String sellerId, @RequestParam(required = false) String enabled,
                   @RequestParam(required = false) String q, RedirectAttributes redirect) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            redirect.addFlashAttribute("error", "operator.staging.invalid");
        } else if (!accounts.setStaging(sellerId, Boolean.parseBoolean(enabled))) {
            redirect.addFlashAttribute("error", "operator.accounts.unknown");
        } else {
            redirect.addFlashAttribute("notice", Boolean.parseBoolean(enabled) ? "operator.staging.on" : "operator.staging.off");
            redirect.addFlashAttribute("noticeSubject", sellerId);
        }
        if (!OperatorArea.filterText(q).isEmpty()) {
            redirect.addAttribute("q", OperatorArea.filterText(q));
        }
        return "redirect:" + PATH;
    }
}
