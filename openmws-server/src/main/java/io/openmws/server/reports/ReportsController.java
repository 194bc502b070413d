package io.openmws.server.reports;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.reports.ReportTypes.Category;
import io.openmws.server.reports.ReportTypes.ReportType;
import io.openmws.server.support.DisplayTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Seller Central > Reports: Inventory Reports and Order Reports each ask for a report of their
 * category (source {@code PORTAL}, generated in the background like one RequestReport asks for) and list
 * the seller's requests of that category from both sources, newest first in keyset pages, with a
 * Download link once done and a Cancel button while waiting; Payments lists the settlement reports the
 * platform produced at the close of each settlement period. Downloads stream the stored report, as
 * GetReport does. Everything goes through {@link Reports}, which scopes by the signed-in seller.
 */
@Controller
class ReportsController {

    static final String PATH = "/sellercentral/reports";
    static final int PAGE_SIZE = 25;
    /** How far back the date range of a dated report starts when the form first shows. */
    static final int DEFAULT_DAYS = 30;
    /** Dates before this year are typing mistakes: no marketplace data is that old. */
    static final int EARLIEST_YEAR = 1995;
    /** The pages that request reports, by the path segment that names them. */
    static final Map<String, Category> REQUEST_PAGES = Map.of("inventory", Category.INVENTORY, "orders", Category.ORDERS);

    /** One request as the lists show it; {@code dates} is null for a snapshot report. */
    record RequestRow(long id, long reportRequestId, String reportType, String title, String source,
                      boolean scheduled, String marketplaces, String requested, String status, String startDate,
                      String endDate, String started, String completed, Long reportId, boolean cancellable) {}

    /** One settlement period as Payments shows it; {@code available} and {@code reportId} once generated. */
    record SettlementRow(long reportRequestId, String periodStart, String periodEnd, String status, String available,
                         Long reportId) {}

    /** What the request form holds: kept when it comes back with a message. Dates as typed, YYYY-MM-DD. */
    record RequestForm(String reportType, String marketplaceId, String startDate, String endDate) {}

    private final Reports reports;
    private final SellerAccounts accounts;
    private final Clock clock;

    ReportsController(Reports reports, SellerAccounts accounts, Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String reports() {
        return "redirect:" + PATH + "/inventory";
    }

    @GetMapping(PATH + "/{page:inventory|orders}")
    String page(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String page,
                @RequestParam(required = false) String before, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        if (!model.containsAttribute("form")) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            model.addAttribute("form", new RequestForm(null, account.homeMarketplaceId(),
                    today.minusDays(DEFAULT_DAYS).toString(), today.toString()));
        }
        return show(account, page, keyOf(before), model);
    }

    @PostMapping(PATH + "/{page:inventory|orders}")
    String request(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String page,
                   @RequestParam(required = false) String reportType,
                   @RequestParam(required = false) String marketplaceId,
                   @RequestParam(required = false) String startDate,
                   @RequestParam(required = false) String endDate,
                   Model model, RedirectAttributes redirect) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        Category category = REQUEST_PAGES.get(page);
        String typeName = trimmed(reportType);
        String marketplace = trimmed(marketplaceId);
        RequestForm form = new RequestForm(typeName, marketplace, trimmed(startDate), trimmed(endDate));
        Optional<ReportType> type = ReportTypes.byName(typeName)
                .filter(t -> t.category() == category && t.requestable());

        if (type.isEmpty()) {
            return refuse(account, page, form, typeName.isEmpty() ? "reports.error.noType" : "reports.error.unknownType",
                    "reportType", model);
        }
        if (marketplace.isEmpty()) {
            return refuse(account, page, form, "reports.error.noMarketplace", "marketplaceId", model);
        }
        if (!account.marketplaceIds().contains(marketplace)) {
            return refuse(account, page, form, "reports.error.unknownMarketplace", "marketplaceId", model);
        }
        Instant start = null;
        Instant end = null;
        if (type.get().dated()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate first = date(form.startDate());
            LocalDate last = date(form.endDate());
            String problem = first == null || last == null || first.getYear() < EARLIEST_YEAR ? "reports.error.date"
                    : first.isAfter(last) ? "reports.error.range"
                    : first.isAfter(today) ? "reports.error.future"
                    : null;
            if (problem != null) {
                return refuse(account, page, form, problem, "dates", model);
            }
            start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            // The last day is included to its end; today's range ends now, as the platform takes no future dates.
            Instant endOfLast = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
            Instant now = clock.instant();
            end = endOfLast.isAfter(now) ? now : endOfLast;
        }
        ReportRequest requested;
        try {
            requested = reports.request(new NewReportRequest(account.id(), null, ReportRequest.SOURCE_PORTAL,
                    type.get().name(), List.of(marketplace), start, end, null));
        } catch (ReportRefused refused) {
            return refuse(account, page, form, "reports.refused." + refused.reason().name(), fieldOf(refused), model);
        }
        redirect.addFlashAttribute("requested", Long.toString(requested.reportRequestId()));
        return "redirect:" + PATH + "/" + page;
    }

    /** Cancels a request that still waits; one already started or finished stays as it is, with a message. */
    @PostMapping(PATH + "/{page:inventory|orders}/{reportRequestId}/cancel")
    String cancel(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String page,
                  @PathVariable String reportRequestId, RedirectAttributes redirect) {
        Long id = keyOf(reportRequestId);
        ReportRequest found = id == null ? null : reports.findRequest(principal.accountId(), id)
                .filter(r -> ReportTypes.byName(r.reportType()).map(t -> t.category() == REQUEST_PAGES.get(page))
                        .orElse(false))
                .orElse(null);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean cancelled = false;
        if (ReportRequest.SUBMITTED.equals(found.status())) {
            Reports.Cancellation done = reports.cancel(principal.accountId(),
                    new ReportRequestQuery(List.of(found.reportRequestId()), List.of(), List.of(), null, null));
            cancelled = done.requests().stream().anyMatch(r -> r.reportRequestId() == found.reportRequestId()
                    && ReportRequest.CANCELLED.equals(r.status()));
        }
        redirect.addFlashAttribute(cancelled ? "cancelled" : "notCancelled", Long.toString(found.reportRequestId()));
        return "redirect:" + PATH + "/" + page;
    }

    @GetMapping(PATH + "/payments")
    String payments(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String before,
                    Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        Long beforeId = keyOf(before);
        List<ReportRequest> found = reports.listRequests(account.id(), query(Category.PAYMENTS), PAGE_SIZE + 1, beforeId);
        boolean more = found.size() > PAGE_SIZE;
        List<ReportRequest> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("account", account);
        model.addAttribute("rows", shown.stream().map(r -> settlementRow(account.id(), r)).toList());
        model.addAttribute("paged", beforeId != null);
        model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
        return "reports/payments";
    }

    /**
     * The seller's report, streamed as stored with its content type and MD5: another seller's id, an
     * unknown one and one past the 90 days reports are kept are not found.
     */
    @GetMapping(PATH + "/download/{reportId}")
    void download(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String reportId,
                  HttpServletResponse response) throws IOException {
        Long id = keyOf(reportId);
        Report report = (id == null ? Optional.<Report>empty() : reports.findReport(principal.accountId(), id))
                .filter(r -> !reports.expired(r))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        InputStream opened;
        try {
            opened = reports.open(report);
        } catch (NoSuchFileException gone) {
            // Deleted by retention between the list and the click.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try (InputStream body = opened) {
            response.setContentType(report.contentType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(report.reportId() + ".txt").build().toString());
            response.setContentLengthLong(report.length());
            response.setHeader("Content-MD5", report.md5Base64());
            OutputStream out = response.getOutputStream();
            body.transferTo(out);
            out.flush();
        }
    }

    private String refuse(SellerAccount account, String page, RequestForm form, String problem, String field,
                          Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("problemField", field);
        return show(account, page, null, model);
    }

    private String show(SellerAccount account, String page, Long beforeId, Model model) {
        Category category = REQUEST_PAGES.get(page);
        List<ReportRequest> found = reports.listRequests(account.id(), query(category), PAGE_SIZE + 1, beforeId);
        boolean more = found.size() > PAGE_SIZE;
        List<ReportRequest> shown = more ? found.subList(0, PAGE_SIZE) : found;
        List<ReportType> offered = ReportTypes.of(category).stream().filter(ReportType::requestable).toList();
        List<Marketplace> marketplaces = account.marketplaceIds().stream()
                .flatMap(m -> Marketplaces.byId(m).stream()).toList();

        model.addAttribute("account", account);
        model.addAttribute("page", page);
        model.addAttribute("category", category.name());
        model.addAttribute("types", offered);
        model.addAttribute("dated", offered.stream().filter(ReportType::dated).toList());
        model.addAttribute("marketplaces", marketplaces);
        model.addAttribute("rows", shown.stream().map(ReportsController::requestRow).toList());
        model.addAttribute("paged", beforeId != null);
        model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
        return "reports/requests";
    }

    private static ReportRequestQuery query(Category category) {
        return new ReportRequestQuery(List.of(), ReportTypes.of(category).stream().map(ReportType::name).toList(),
                List.of(), null, null);
    }

    static RequestRow requestRow(ReportRequest r) {
        ReportType type = ReportTypes.byName(r.reportType()).orElseThrow();
        String marketplaces = r.marketplaceIds().stream()
                .map(m -> Marketplaces.byId(m).map(Marketplace::name).orElse(m)).collect(Collectors.joining(", "));
        boolean dated = type.dated();
        return new RequestRow(r.id(), r.reportRequestId(), r.reportType(), type.title(), r.source(), r.scheduled(),
                marketplaces, DisplayTime.minute(r.submittedAt()), r.status(),
                dated ? DisplayTime.minute(r.startDate()) : null, dated ? DisplayTime.minute(r.endDate()) : null,
                DisplayTime.minute(r.startedAt()), DisplayTime.minute(r.completedAt()),
                ReportRequest.DONE.equals(r.status()) ? r.generatedReportId() : null,
                ReportRequest.SUBMITTED.equals(r.status()));
    }

    private SettlementRow settlementRow(long accountId, ReportRequest r) {
        Optional<Report> report = ReportRequest.DONE.equals(r.status()) && r.generatedReportId() != null
                ? reports.findReport(accountId, r.generatedReportId()).filter(x -> !reports.expired(x))
                : Optional.empty();
        return new SettlementRow(r.reportRequestId(), DisplayTime.minute(r.startDate()), DisplayTime.minute(r.endDate()),
                r.status(), report.map(x -> DisplayTime.minute(x.availableAt())).orElse(null),
                report.map(Report::reportId).orElse(null));
    }

    private static String fieldOf(ReportRefused refused) {
        return switch (refused.reason()) {
            case INVALID_REPORT_TYPE, NOT_REQUESTABLE, NOT_SCHEDULABLE -> "reportType";
            case MARKETPLACE_NOT_PARTICIPATING -> "marketplaceId";
            case INVALID_DATES -> "dates";
            default -> null;
        };
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An id typed into an address: digits only, or nothing. */
    private static Long keyOf(String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }
}
