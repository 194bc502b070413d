package io.openmws.server.catalog;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.support.DisplayTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Seller Central > Inventory > Manage Inventory: the signed-in seller's listings, searched by SKU,
 * ASIN or title, filtered by status (a tab per status, with counts) and marketplace, in pages; each
 * row names the feed that last changed it. Read-only: listings change through feeds.
 */
@Controller
class InventoryController {

    static final String PATH = "/sellercentral/inventory";

    /**
     * One row as shown: the price is the sale price while a sale runs ({@code onSale}), the list price
     * otherwise; {@code listPrice} is then the price struck through beside it.
     */
    record InventoryRow(String status, String sku, String asin, String title, String marketplaceId,
                        String marketplaceName, String condition, String price, String listPrice, boolean onSale,
                        Integer quantity, Integer fulfillmentLatency, String updated, Long lastFeedSubmissionId) {}

    /** A status tab: its status ({@code null} for all), how many listings it holds, whether it is chosen. */
    record StatusTab(String status, long count, boolean current) {}

    private final InventoryQueries inventory;
    private final SellerAccounts accounts;
    private final Clock clock;

    InventoryController(InventoryQueries inventory, SellerAccounts accounts, Clock clock) {
        this.inventory = inventory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, @RequestParam(required = false) String marketplace,
                @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        List<Marketplace> marketplaces = account.marketplaceIds().stream()
                .flatMap(id -> Marketplaces.byId(id).stream()).toList();
        InventorySearch search = InventorySearch.of(q, status, marketplace, page, size,
                new LinkedHashSet<>(account.marketplaceIds()));
        InventoryQueries.Page found = inventory.page(account.id(), search);
        Map<String, Long> counts = inventory.countsByStatus(account.id(), search);
        Instant now = clock.instant();

        model.addAttribute("account", account);
        model.addAttribute("marketplaces", marketplaces);
        model.addAttribute("search", search);
        model.addAttribute("tabs", tabs(counts, search.status()));
        model.addAttribute("rows", found.rows().stream().map(r -> row(r, now)).toList());
        model.addAttribute("hasNext", found.hasNext());
        model.addAttribute("hasListings", !found.rows().isEmpty() || inventory.hasListings(account.id()));
        return "catalog/inventory";
    }

    private static List<StatusTab> tabs(Map<String, Long> counts, String chosen) {
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        var tabs = new ArrayList<StatusTab>();
        tabs.add(new StatusTab(null, all, chosen == null));
        counts.forEach((status, n) -> tabs.add(new StatusTab(status, n, status.equals(chosen))));
        return tabs;
    }

    static InventoryRow row(InventoryQueries.Row r, Instant now) {
        boolean onSale = r.salePrice() != null && (r.saleStart() == null || !now.isBefore(r.saleStart()))
                && (r.saleEnd() == null || now.isBefore(r.saleEnd()));
        String marketplaceName = Marketplaces.byId(r.marketplaceId()).map(Marketplace::name).orElse(r.marketplaceId());
        return new InventoryRow(r.status(), r.sku(), r.asin(), r.title(), r.marketplaceId(), marketplaceName,
                r.condition(), money(onSale ? r.salePrice() : r.price(), r.currency()),
                onSale ? money(r.price(), r.currency()) : null, onSale, r.quantity(), r.fulfillmentLatency(),
                DisplayTime.minute(r.updatedAt()), r.lastFeedSubmissionId());
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? null : amount.toPlainString() + " " + currency;
    }
}
