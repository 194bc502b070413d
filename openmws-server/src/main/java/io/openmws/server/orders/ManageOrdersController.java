package io.openmws.server.orders;

import io.openmws.protocol.ids.AmazonOrderId;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.PortalLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Seller Central > Orders > Manage Orders: the signed-in seller's orders, newest first, filtered by
 * status (a tab per status, with counts), purchase dates and marketplace, searched by order id, SKU or
 * buyer name, in keyset pages; and each order's page with its items, totals, shipments, returns and
 * cancellation. Read-only: orders change through buyers (the sandbox control API) and feeds.
 *
 * <p>While an order is Pending (its payment is being checked) the buyer's name and address are not
 * shown, as MWS does not return them then; the pages say so instead.
 */
@Controller
class ManageOrdersController {

    static final String PATH = "/sellercentral/orders";
    static final String PENDING = "Pending";
    /** How many lines of an order the list names before "and n more". */
    static final int LINES_LISTED = 2;

    /** A status tab: its status ({@code null} for all), how many orders it holds, whether it is chosen. */
    record StatusTab(String status, long count, boolean current) {}

    /** One line in the list's items column. */
    record LineSummary(int quantity, String title, String sku) {}

    /** One order as the list shows it; {@code buyerName} is {@code null} while the order is Pending. */
    record OrderRow(String amazonOrderId, String status, String purchased, String marketplaceName, String channel,
                    String buyerName, List<LineSummary> lines, int moreLines, int units, String total,
                    String shipBy) {}

    /** One line of the order page, amounts with their currency. */
    record ItemView(String orderItemId, String sku, String asin, String title, String condition, int quantityOrdered,
                    int quantityShipped, String unitPrice, String itemPrice, String shipping, String tax,
                    String promotion) {}

    /** One shipment as the order page shows it. */
    record ShipmentView(String carrier, String shippingMethod, String trackingNumber, String shipped,
                        List<ManageOrdersQueries.ShippedItem> items) {}

    /** One return as the order page shows it: its lines as "n × SKU" and the money that went back. */
    record RefundView(String posted, String reason, List<ManageOrdersQueries.RefundedItem> items, String amount) {}

    /** The sums of the order's lines, and the order's total. */
    record Totals(String items, String shipping, String tax, String promotion, boolean promoted, String total) {}

    private final ManageOrdersQueries orders;
    private final SellerAccounts accounts;
    private final PortalLinks links;

    ManageOrdersController(ManageOrdersQueries orders, SellerAccounts accounts, PortalLinks links) {
        this.orders = orders;
        this.accounts = accounts;
        this.links = links;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal SellerPrincipal principal, HttpServletRequest request, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String marketplace,
                @RequestParam(required = false) String size, @RequestParam(required = false) String before,
                @RequestParam(required = false) String after, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        List<Marketplace> marketplaces = account.marketplaceIds().stream()
                .flatMap(id -> Marketplaces.byId(id).stream()).toList();
        OrderSearch search = OrderSearch.of(q, status, from, to, marketplace, size, before, after,
                new LinkedHashSet<>(account.marketplaceIds()));
        ManageOrdersQueries.Page found = orders.page(account.id(), search);
        Map<Long, List<ManageOrdersQueries.ItemLine>> lines = orders.itemLines(account.id(), found.rows());

        model.addAttribute("account", account);
        model.addAttribute("marketplaces", marketplaces);
        model.addAttribute("search", search);
        model.addAttribute("tabs", tabs(orders.countsByStatus(account.id(), search), search.status()));
        model.addAttribute("rows", found.rows().stream().map(r -> row(r, lines.getOrDefault(r.ref(), List.of()))).toList());
        model.addAttribute("hasOlder", found.hasOlder());
        model.addAttribute("hasNewer", found.hasNewer());
        model.addAttribute("hasOrders", !found.rows().isEmpty() || orders.hasOrders(account.id()));
        model.addAttribute("placeOrder", placeOrderCommand(links.base(request), account));
        return "orders/manage-orders";
    }

    @GetMapping(PATH + "/{amazonOrderId}")
    String order(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String amazonOrderId, Model model) {
        if (!AmazonOrderId.isValid(amazonOrderId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ManageOrdersQueries.Order order = orders.order(principal.accountId(), amazonOrderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<ManageOrdersQueries.Item> items = orders.items(principal.accountId(), order.ref());
        String currency = order.currency();
        model.addAttribute("order", order);
        model.addAttribute("buyerShown", !PENDING.equals(order.status()));
        model.addAttribute("addressLines", addressLines(order.shippingAddress()));
        model.addAttribute("marketplaceName", marketplaceName(order.marketplaceId()));
        model.addAttribute("purchased", DisplayTime.minute(order.purchaseDate()));
        model.addAttribute("lastUpdated", DisplayTime.minute(order.lastUpdateDate()));
        model.addAttribute("paymentCheckUntil", DisplayTime.minute(order.pendingUntil()));
        model.addAttribute("shipFrom", DisplayTime.minute(order.earliestShipDate()));
        model.addAttribute("shipBy", DisplayTime.minute(order.latestShipDate()));
        model.addAttribute("deliverFrom", DisplayTime.date(order.earliestDeliveryDate()));
        model.addAttribute("deliverBy", DisplayTime.date(order.latestDeliveryDate()));
        model.addAttribute("canceled", DisplayTime.minute(order.canceledAt()));
        model.addAttribute("canceledBy", order.canceledBy() == null ? null
                : "orders.canceledBy." + ("BUYER".equalsIgnoreCase(order.canceledBy()) ? "BUYER" : "SELLER"));
        model.addAttribute("items", items.stream().map(i -> new ItemView(i.orderItemId(), i.sku(), i.asin(), i.title(),
                i.condition(), i.quantityOrdered(), i.quantityShipped(), money(i.unitPrice(), currency),
                money(i.itemPrice(), currency), money(i.shippingPrice(), currency),
                money(i.itemTax().add(i.shippingTax()), currency), money(i.promotionDiscount(), currency))).toList());
        model.addAttribute("totals", totals(items, order));
        model.addAttribute("shipments", orders.shipments(principal.accountId(), order.ref()).stream()
                .map(s -> new ShipmentView(s.carrierCode() != null ? s.carrierCode() : s.carrierName(),
                        s.shippingMethod(), s.trackingNumber(), DisplayTime.minute(s.shipDate()), s.items()))
                .toList());
        model.addAttribute("refunds", orders.refunds(principal.accountId(), order.ref()).stream()
                .map(r -> new RefundView(DisplayTime.minute(r.postedAt()), r.reason(), r.items(), money(r.items().stream()
                        .map(ManageOrdersQueries.RefundedItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add), currency)))
                .toList());
        return "orders/order";
    }

    /** The control API call that places a test order for this seller, as the empty state shows it. */
    static String placeOrderCommand(URI base, SellerAccount account) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return "curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n"
                + "     -d '{\"marketplaceId\":\"" + account.homeMarketplaceId()
                + "\",\"items\":[{\"sku\":\"YOUR-SKU\",\"quantity\":1}]}' \\\n"
                + "     " + root + "/sandbox/v1/sellers/" + account.sellerId() + "/orders";
    }

    /** The address as it is written on a parcel: name, street lines, district, city line, county, country. */
    static List<String> addressLines(ManageOrdersQueries.Address a) {
        List<String> lines = new ArrayList<>();
        Stream.of(a.name(), a.line1(), a.line2(), a.line3(), a.district()).filter(ManageOrdersController::present)
                .forEach(lines::add);
        String city = Stream.of(a.city(), a.stateOrRegion(), a.postalCode()).filter(ManageOrdersController::present)
                .collect(Collectors.joining(", "));
        if (!city.isEmpty()) {
            lines.add(city);
        }
        Stream.of(a.county(), a.countryCode()).filter(ManageOrdersController::present).forEach(lines::add);
        return lines;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static List<StatusTab> tabs(Map<String, Long> counts, String chosen) {
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        var tabs = new ArrayList<StatusTab>();
        tabs.add(new StatusTab(null, all, chosen == null));
        counts.forEach((status, n) -> tabs.add(new StatusTab(status, n, status.equals(chosen))));
        return tabs;
    }

    private static OrderRow row(ManageOrdersQueries.Row r, List<ManageOrdersQueries.ItemLine> lines) {
        List<LineSummary> listed = lines.stream().limit(LINES_LISTED)
                .map(l -> new LineSummary(l.quantity(), l.title(), l.sku())).toList();
        return new OrderRow(r.amazonOrderId(), r.status(), DisplayTime.minute(r.purchaseDate()),
                marketplaceName(r.marketplaceId()), r.fulfillmentChannel(),
                PENDING.equals(r.status()) ? null : r.buyerName(), listed, lines.size() - listed.size(),
                r.itemsShipped() + r.itemsUnshipped(), money(r.orderTotal(), r.currency()),
                DisplayTime.minute(r.latestShipDate()));
    }

    private static Totals totals(List<ManageOrdersQueries.Item> items, ManageOrdersQueries.Order order) {
        BigDecimal lines = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal promotion = BigDecimal.ZERO;
        for (ManageOrdersQueries.Item i : items) {
            lines = lines.add(i.itemPrice());
            shipping = shipping.add(i.shippingPrice());
            tax = tax.add(i.itemTax()).add(i.shippingTax());
            promotion = promotion.add(i.promotionDiscount());
        }
        String currency = order.currency();
        return new Totals(money(lines, currency), money(shipping, currency), money(tax, currency),
                money(promotion.negate(), currency), promotion.signum() != 0, money(order.orderTotal(), currency));
    }

    private static String marketplaceName(String marketplaceId) {
        return Marketplaces.byId(marketplaceId).map(Marketplace::name).orElse(marketplaceId);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
    }
}
