package io.openmws.server.feeds;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.support.DisplayTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Seller Central > Inventory > Add Products via Upload: a feed file sent from the browser becomes a
 * feed submission like one sent through SubmitFeed (source {@code PORTAL}); below the form, the
 * seller's submissions from both sources, newest first, with their status, counts, processing report
 * and, while still waiting, a Cancel button. Multipart uploads are spooled to disk by the servlet
 * container past {@code spring.servlet.multipart.file-size-threshold} and refused past
 * {@code spring.servlet.multipart.max-file-size}; the feed is then streamed into storage.
 */
@Controller
class FeedUploadController {

    static final String PATH = "/sellercentral/inventory/upload";
    static final int PAGE_SIZE = 25;
    /** The feed types offered on the form: the catalog's, then the order feeds. */
    static final List<String> OFFERED = Stream.concat(
            FeedTypes.all().stream().filter(FeedTypes.CATALOG::contains),
            FeedTypes.all().stream().filter(FeedTypes.ORDERS::contains)).toList();

    /** One submission as the list shows it. */
    record SubmissionRow(long feedSubmissionId, String feedType, String fileName, String source, String submitted,
                         String status, String started, String completed, long processed, long successful,
                         long errors, long warnings, boolean reportReady, boolean cancellable) {}

    /** What the form holds: kept when the form comes back with a message. */
    record UploadForm(String feedType, List<String> marketplaceIds, boolean purgeAndReplace) {}

    private final FeedSubmissions submissions;
    private final SellerAccounts accounts;
    private final DataSize maxFileSize;

    FeedUploadController(FeedSubmissions submissions, SellerAccounts accounts,
                         @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxFileSize) {
        this.submissions = submissions;
        this.accounts = accounts;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String id,
                @RequestParam(required = false) String before, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UploadForm(null, List.of(account.homeMarketplaceId()), false));
        }
        return show(account, id, before, model);
    }

    @PostMapping(PATH)
    String upload(@AuthenticationPrincipal SellerPrincipal principal,
                  @RequestParam(required = false) String feedType,
                  @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) List<String> marketplaceIds,
                  @RequestParam(defaultValue = "false") String purgeAndReplace,
                  Model model, RedirectAttributes redirect) throws IOException {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        List<String> chosen = marketplaceIds == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(marketplaceIds.stream().filter(m -> m != null && !m.isBlank()).toList()));
        boolean purge = "true".equals(purgeAndReplace);
        String type = feedType == null ? "" : feedType.strip();
        UploadForm form = new UploadForm(OFFERED.contains(type) ? type : null, chosen, purge);

        String problem = null;
        String field = null;
        if (!OFFERED.contains(type)) {
            problem = type.isEmpty() ? "upload.error.noType" : "upload.error.unknownType";
            field = "feedType";
        } else if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            problem = "upload.error.noFile";
            field = "file";
        } else if (file.isEmpty()) {
            problem = "upload.error.emptyFile";
            field = "file";
        } else if (chosen.isEmpty()) {
            problem = "upload.error.noMarketplace";
            field = "marketplaceIds";
        } else if (!Set.copyOf(account.marketplaceIds()).containsAll(chosen)) {
            problem = "upload.error.unknownMarketplace";
            field = "marketplaceIds";
        }
        if (problem != null) {
            return refuse(account, form, problem, field, model);
        }
        FeedSubmission submitted;
        try (InputStream body = file.getInputStream()) {
            submitted = submissions.submit(new NewFeed(account.id(), null, "PORTAL", type, chosen, purge,
                    fileNameOf(file), file.getContentType(), null), body);
        } catch (FeedRefused refused) {
            model.addAttribute("problemArgs", refused.args());
            return refuse(account, form, refused.messageKey(), refused.field(), model);
        }
        redirect.addFlashAttribute("submitted", Long.toString(submitted.feedSubmissionId()));
        return "redirect:" + PATH;
    }

    /** The seller's processing report of a done feed, as stored: another seller's id is not found. */
    @GetMapping(PATH + "/{feedSubmissionId}/report")
    void report(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String feedSubmissionId,
                HttpServletResponse response) throws IOException {
        FeedSubmission feed = own(principal, feedSubmissionId);
        if (!"_DONE_".equals(feed.status()) || feed.resultKey() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean xml = FeedTypes.formatOf(feed.feedType()).orElse(FeedTypes.Format.XML) == FeedTypes.Format.XML;
        InputStream opened;
        try {
            opened = submissions.openResult(feed);
        } catch (NoSuchFileException gone) {
            // Past the 90 days of keeping, or deleted by the retention job between the list and the click.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try (InputStream report = opened) {
            response.setContentType(xml ? "text/xml" : "text/plain; charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("processing-report-" + feed.feedSubmissionId() + (xml ? ".xml" : ".txt")).build().toString());
            if (feed.resultLength() != null) {
                response.setContentLengthLong(feed.resultLength());
            }
            if (feed.resultMd5() != null) {
                response.setHeader("Content-MD5", feed.resultMd5());
            }
            OutputStream out = response.getOutputStream();
            report.transferTo(out);
            out.flush();
        }
    }

    /** Cancels a submission that still waits; one already started or done stays as it is, with a message. */
    @PostMapping(PATH + "/{feedSubmissionId}/cancel")
    String cancel(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable String feedSubmissionId,
                  RedirectAttributes redirect) {
        FeedSubmission feed = own(principal, feedSubmissionId);
        List<FeedSubmission> cancelled = submissions.cancel(principal.accountId(),
                new FeedQuery(List.of(feed.feedSubmissionId()), List.of(), List.of("_SUBMITTED_"), null, null));
        redirect.addFlashAttribute(cancelled.isEmpty() ? "notCancelled" : "cancelled", Long.toString(feed.feedSubmissionId()));
        return "redirect:" + PATH;
    }

    private FeedSubmission own(SellerPrincipal principal, String feedSubmissionId) {
        if (feedSubmissionId == null || !feedSubmissionId.matches("\\d{1,18}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return submissions.find(principal.accountId(), Long.parseLong(feedSubmissionId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String refuse(SellerAccount account, UploadForm form, String problem, String field, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("problemArgs")) {
            model.addAttribute("problemArgs", new String[] {displaySize(maxFileSize)});
        }
        model.addAttribute("problemField", field);
        return show(account, null, null, model);
    }

    private String show(SellerAccount account, String id, String before, Model model) {
        Optional<Long> only = id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
        Long beforeId = before != null && before.matches("\\d{1,18}") ? Long.parseLong(before) : null;
        FeedQuery query = new FeedQuery(only.map(List::of).orElse(List.of()), List.of(), List.of(), null, null);
        List<FeedSubmission> found = submissions.list(account.id(), query, PAGE_SIZE + 1, only.isPresent() ? null : beforeId);
        boolean more = found.size() > PAGE_SIZE;
        List<FeedSubmission> rows = more ? found.subList(0, PAGE_SIZE) : found;

        List<Marketplace> marketplaces = account.marketplaceIds().stream()
                .flatMap(m -> Marketplaces.byId(m).stream()).toList();
        model.addAttribute("account", account);
        model.addAttribute("marketplaces", marketplaces);
        model.addAttribute("catalogTypes", OFFERED.stream().filter(FeedTypes.CATALOG::contains).toList());
        model.addAttribute("orderTypes", OFFERED.stream().filter(FeedTypes.ORDERS::contains).toList());
        model.addAttribute("maxSize", displaySize(maxFileSize));
        model.addAttribute("only", only.map(String::valueOf).orElse(null));
        model.addAttribute("paged", beforeId != null && only.isEmpty());
        model.addAttribute("rows", rows.stream().map(FeedUploadController::row).toList());
        model.addAttribute("nextBefore", more && only.isEmpty() ? rows.get(rows.size() - 1).id() : null);
        return "feeds/upload";
    }

    static SubmissionRow row(FeedSubmission f) {
        return new SubmissionRow(f.feedSubmissionId(), f.feedType(), f.fileName(), f.source(),
                DisplayTime.minute(f.submittedAt()), f.status(), DisplayTime.minute(f.startedAt()),
                DisplayTime.minute(f.completedAt()), f.processed(), f.messagesSuccessful(), f.messagesWithError(),
                f.messagesWithWarning(), "_DONE_".equals(f.status()) && f.resultKey() != null,
                "_SUBMITTED_".equals(f.status()));
    }

    /** The file's own name, without any folders a browser put before it. */
    private static String fileNameOf(MultipartFile file) {
        String name = file.getOriginalFilename().strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** {@code 100 MB}, or {@code 512 KB} under a megabyte. */
    static String displaySize(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : Math.max(1, size.toKilobytes()) + " KB";
    }
}
