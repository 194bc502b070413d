package io.openmws.server.authorizations;

import io.openmws.protocol.ids.MwsAuthToken;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.developers.Developers;
import io.openmws.server.gateway.CallHistory;
import io.openmws.server.mail.AwaitedMail;
import io.openmws.server.support.DisplayTime;
import io.openmws.server.support.PortalLinks;
import io.openmws.server.support.Csv;
import io.openmws.server.support.SecretSealer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Writer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings > User Permissions: the account's users, the way to Developer Central (or to register as a
 * developer), "Authorise a Developer" and the Current Authorizations, with each authorization's page
 * (audit trail, token shown after the password, Renew, Revoke access).
 */
@Controller
class UserPermissionsController {

    static final String PATH = Authorizations.USER_PERMISSIONS_PATH;
    /** The subject of the confirmation mail, which the seller's own session may read in the sandbox mailbox. */
    static final String VERIFY_SUBJECT = "authorizations.mail.verify.subject";
    static final String AUTHORIZE = PATH + "/authorize";
    static final String AUTHORIZATION = PATH + "/authorizations/{ref}";
    static final String CSV = PATH + "/authorizations.csv";

    /** The longest developer name or ID worth looking up; longer input cannot match. */
    private static final int MAX_INPUT = 100;

    /** How many of the developer's latest calls for this seller the authorization's page lists. */
    static final int LATEST_CALLS = 100;

    /** A call with its time written for people. */
    record CallRow(String at, CallHistory.Call call) {}

    private final Authorizations authorizations;
    private final SellerAccounts accounts;
    private final Developers developers;
    private final CallHistory callHistory;
    private final PortalLinks links;
    private final AwaitedMail awaitedMail;
    private final MessageSource messages;
    private final Clock clock;
    private final SecretSealer sealer;

    UserPermissionsController(Authorizations authorizations, SellerAccounts accounts, Developers developers,
                              CallHistory callHistory, PortalLinks links, AwaitedMail awaitedMail,
                              MessageSource messages, Clock clock, SecretSealer sealer) {
        this.messages = messages;
        this.sealer = sealer;
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.developers = developers;
        this.callHistory = callHistory;
        this.links = links;
        this.awaitedMail = awaitedMail;
        this.clock = clock;
    }

    /** A refusal on an authorization's page: back to where the seller was, with the reason. */
    @ExceptionHandler(AuthorizationRefused.class)
    String refused(AuthorizationRefused refused, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", refused.messageKey());
        redirect.addFlashAttribute("problemArgs", refused.args());
        String uri = request.getRequestURI();
        String back = uri.replaceFirst("/(renew|revoke|verification|token)$", "");
        return "redirect:" + (back.startsWith(PATH + "/authorizations/") ? back : PATH);
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                @RequestParam(required = false) String pastPage, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        Instant now = clock.instant();
        AuthorizationListing listing = AuthorizationListing.of(q, sort, page, pastPage);
        model.addAttribute("account", account);
        model.addAttribute("registeredDeveloper", developers.registeredAsDeveloper(principal.accountId()));
        model.addAttribute("listing", listing);
        model.addAttribute("live", rows(principal, listing, true, now));
        model.addAttribute("past", rows(principal, listing, false, now));
        return "authorizations/user-permissions";
    }

    private AuthorizationListing.Page<AuthorizationRow> rows(SellerPrincipal principal, AuthorizationListing listing,
                                                             boolean live, Instant now) {
        AuthorizationListing.Page<Authorization> page = authorizations.listPage(AuthorizationRepository.Scope.ACCOUNT,
                principal.accountId(), listing, live, now);
        return new AuthorizationListing.Page<>(page.rows().stream().map(a -> AuthorizationRow.of(a, now)).toList(),
                page.number(), page.hasNext());
    }

    /** The Current and Past Authorizations matching the search, as CSV: no token, not even masked. */
    @GetMapping(CSV)
    void csv(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(required = false) String q,
             @RequestParam(required = false) String sort, HttpServletResponse response) {
        Instant now = clock.instant();
        Writer out = Csv.download(response, "authorizations-" + principal.sellerId() + ".csv");
        Csv.write(out, text("authorizations.field.developerName"), text("authorizations.field.developerId"),
                text("authorizations.field.status"), text("authorizations.field.authorizedOn"),
                text("authorizations.field.expiresOn"), text("authorizations.field.revokedOn"));
        authorizations.eachListed(AuthorizationRepository.Scope.ACCOUNT, principal.accountId(),
                AuthorizationListing.of(q, sort, null, null), now, a -> {
                    AuthorizationRow row = AuthorizationRow.of(a, now);
                    Csv.write(out, row.developerName(), row.developerId(), text("authorizations.status." + row.status().name()),
                            row.authorizedOn(), row.expiresOn(), row.revokedOn());
                });
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    @GetMapping(AUTHORIZE)
    String authorizeForm(Model model) {
        return authorizeForm(model, "", "", null);
    }

    @PostMapping(AUTHORIZE)
    String authorize(@AuthenticationPrincipal SellerPrincipal principal,
                     @RequestParam(defaultValue = "") String developerName,
                     @RequestParam(defaultValue = "") String developerId,
                     @RequestParam(defaultValue = "false") String agree,
                     @RequestParam(defaultValue = "") String termsVersion,
                     HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String name = developerName.strip();
        String id = developerId.strip();
        // "I agree" stays ticked on a refusal, unless the terms changed since the page was shown.
        model.addAttribute("agreed", "true".equals(agree)
                && termsVersion.equals(String.valueOf(authorizations.currentTermsVersion())));
        if (name.isEmpty() || id.isEmpty()) {
            return authorizeForm(model, clipped(name), clipped(id), "authorizations.form.bothRequired");
        }
        if (name.length() > MAX_INPUT || id.length() > MAX_INPUT) {
            return authorizeForm(model, clipped(name), clipped(id), AuthorizationRefused.Reason.NO_SUCH_DEVELOPER.messageKey());
        }
        IssuedAuthorization issued;
        try {
            issued = authorizations.authorize(principal.accountId(), name, id,
                    new Authorizations.TermsAcceptance("true".equals(agree), termsVersion, request.getRemoteAddr()),
                    linkBase(request));
        } catch (AuthorizationRefused refused) {
            model.addAttribute("problemArgs", refused.args());
            return authorizeForm(model, name, id, refused.messageKey());
        }
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        if (issued.verificationMailed()) {
            awaitedMail.expect(request, account.email(), VERIFY_SUBJECT, issued.authorization().developerName());
        }
        // Post/redirect/get: the token goes, sealed, into a flash attribute that the next GET opens
        // once; Back or a reload then finds the authorization's page, not a resubmission.
        long ref = issued.authorization().ref();
        flashToken(redirect, "authorized", ref, issued.token().reveal());
        redirect.addFlashAttribute("verificationMailed", issued.verificationMailed());
        return "redirect:" + PATH + "/authorizations/" + ref + "/authorized";
    }

    /** The page that shows a new token, once: after the redirect from {@link #authorize}. */
    @GetMapping(AUTHORIZATION + "/authorized")
    String authorized(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref, Model model) {
        Authorization authorization = requireOwn(principal, ref);
        Optional<String> token = flashedToken(model, "authorized", ref);
        if (token.isEmpty()) {
            return "redirect:" + PATH + "/authorizations/" + ref;
        }
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        showAuthorized(model, account, authorization, token.get(), Boolean.TRUE.equals(model.getAttribute("verificationMailed")));
        return "authorizations/authorized";
    }

    private void showAuthorized(Model model, SellerAccount account, Authorization authorization, String token,
                                boolean verificationMailed) {
        AuthorizationRow row = AuthorizationRow.of(authorization, clock.instant());
        List<Marketplace> marketplaces = marketplacesOf(account);
        model.addAttribute("account", account);
        model.addAttribute("marketplaces", marketplaces);
        model.addAttribute("row", row);
        model.addAttribute("token", token);
        model.addAttribute("handOver", HandOver.of(messages, account.sellerId(), marketplaces, token,
                row.developerName(), row.developerId()));
        model.addAttribute("verificationMailed", verificationMailed);
        model.addAttribute("verificationHours", Authorizations.VERIFICATION_LIFETIME.toHours());
    }

    /**
     * Puts a token for the next request only. Sessions live in the database, so it is sealed like a
     * stored token, bound to what it is for ({@code flash/<kind>/<ref>}), and never kept in clear.
     */
    private void flashToken(RedirectAttributes redirect, String kind, long ref, String token) {
        redirect.addFlashAttribute("flashRef", ref);
        redirect.addFlashAttribute("flashSealed", sealer.seal(token, "flash/" + kind + "/" + ref));
    }

    /** The token {@link #flashToken} put for this request and authorization, if any; removed from the model. */
    private Optional<String> flashedToken(Model model, String kind, long ref) {
        Object flashRef = model.asMap().remove("flashRef");
        Object sealed = model.asMap().remove("flashSealed");
        if (!(sealed instanceof byte[] bytes) || !Long.valueOf(ref).equals(flashRef)) {
            return Optional.empty();
        }
        try {
            return Optional.of(sealer.open(bytes, "flash/" + kind + "/" + ref));
        } catch (SecretSealer.SealBroken broken) {
            return Optional.empty();
        }
    }

    private String authorizeForm(Model model, String developerName, String developerId, String problem) {
        model.addAttribute("developerName", developerName);
        model.addAttribute("developerId", developerId);
        model.addAttribute("termsVersion", authorizations.currentTermsVersion());
        model.addAttribute("termsText", authorizations.currentTermsText());
        model.addAttribute("formProblem", problem);
        if (!model.containsAttribute("problemArgs")) {
            model.addAttribute("problemArgs", new Object[0]);
        }
        return "authorizations/authorize";
    }

    @GetMapping(AUTHORIZATION)
    String authorization(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref, Model model) {
        requireOwn(principal, ref);
        return detail(principal, ref, model, flashedToken(model, "token", ref).orElse(null));
    }

    /** The password again, then the token once on the authorization's page (post/redirect/get). */
    @PostMapping(AUTHORIZATION + "/token")
    String revealToken(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref,
                       @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        requireOwn(principal, ref);
        Optional<MwsAuthToken> token = authorizations.revealToken(principal.accountId(), ref,
                password.length() > 128 ? "" : password);
        if (token.isEmpty()) {
            redirect.addFlashAttribute("passwordError", "authorizations.token.wrongPassword");
        } else {
            flashToken(redirect, "token", ref, token.get().reveal());
        }
        return "redirect:" + PATH + "/authorizations/" + ref + "#token";
    }

    private String detail(SellerPrincipal principal, long ref, Model model, String token) {
        Authorization authorization = requireOwn(principal, ref);
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        AuthorizationRow row = AuthorizationRow.of(authorization, clock.instant());
        List<Marketplace> marketplaces = marketplacesOf(account);
        model.addAttribute("row", row);
        model.addAttribute("marketplaces", marketplaces);
        model.addAttribute("events", authorizations.events(authorization).stream().map(EventRow::of).toList());
        model.addAttribute("token", token);
        if (token != null) {
            model.addAttribute("handOver", HandOver.of(messages, row.sellerId(), marketplaces, token,
                    row.developerName(), row.developerId()));
        }
        String developerId = authorization.developerId().digits();
        model.addAttribute("daily", callHistory.dailyCounts(developerId, authorization.sellerId()));
        model.addAttribute("latestCalls", callHistory.latest(developerId, authorization.sellerId(), LATEST_CALLS).stream()
                .map(c -> new CallRow(DisplayTime.minute(c.calledAt()), c)).toList());
        model.addAttribute("latestCount", LATEST_CALLS);
        return "authorizations/authorization";
    }

    @PostMapping(AUTHORIZATION + "/renew")
    String renew(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref,
                 RedirectAttributes redirect) {
        requireOwn(principal, ref);
        Authorization renewed = authorizations.renew(principal.accountId(), ref, Actor.seller(principal.sellerId()));
        redirect.addFlashAttribute("notice", "authorizations.renewed");
        redirect.addFlashAttribute("noticeArgs", new Object[] {renewed.developerName(), DisplayTime.date(renewed.expiresAt())});
        return "redirect:" + PATH + "/authorizations/" + ref;
    }

    /** The confirmation page before revoking. */
    @GetMapping(AUTHORIZATION + "/revoke")
    String confirmRevoke(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref, Model model) {
        Authorization authorization = requireOwn(principal, ref);
        if (!authorization.revocable()) {
            return "redirect:" + PATH + "/authorizations/" + ref;
        }
        model.addAttribute("row", AuthorizationRow.of(authorization, clock.instant()));
        return "authorizations/revoke";
    }

    @PostMapping(AUTHORIZATION + "/revoke")
    String revoke(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref,
                  RedirectAttributes redirect) {
        requireOwn(principal, ref);
        Authorization revoked = authorizations.revoke(principal.accountId(), ref, Actor.seller(principal.sellerId()));
        redirect.addFlashAttribute("notice", "authorizations.revoked");
        redirect.addFlashAttribute("noticeArgs", new Object[] {revoked.developerName(), revoked.developerId().formatted()});
        return "redirect:" + PATH;
    }

    @PostMapping(AUTHORIZATION + "/verification")
    String resendVerification(@AuthenticationPrincipal SellerPrincipal principal, @PathVariable long ref,
                              HttpServletRequest request, RedirectAttributes redirect) {
        requireOwn(principal, ref);
        authorizations.resendVerification(principal.accountId(), ref, linkBase(request));
        Authorization pending = authorizations.ofSeller(principal.accountId(), ref).orElseThrow();
        accounts.byId(principal.accountId()).ifPresent(account ->
                awaitedMail.expect(request, account.email(), VERIFY_SUBJECT, pending.developerName()));
        redirect.addFlashAttribute("notice", "authorizations.verification.resent");
        redirect.addFlashAttribute("noticeArgs", new Object[] {Authorizations.VERIFICATION_LIFETIME.toHours()});
        return "redirect:" + PATH + "/authorizations/" + ref;
    }

    /** A number that is not one of the seller's authorizations answers 404, as an unknown page would. */
    private Authorization requireOwn(SellerPrincipal principal, long ref) {
        return authorizations.ofSeller(principal.accountId(), ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private URI linkBase(HttpServletRequest request) {
        return links.base(request);
    }

    static List<Marketplace> marketplacesOf(SellerAccount account) {
        return account.marketplaceIds().stream().flatMap(id -> Marketplaces.byId(id).stream()).toList();
    }

    private static String clipped(String s) {
        return s.length() > MAX_INPUT ? s.substring(0, MAX_INPUT) : s;
    }
}
