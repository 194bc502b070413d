package io.openmws.server.accounts;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.support.VerificationCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up for a Professional seller account, and the email verification that follows it. */
@Controller
class SignUpController {

    private final SellerAccounts accounts;
    private final PortalSignIn signIn;

    SignUpController(SellerAccounts accounts, PortalSignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @InitBinder("signUpForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("businessName", "contactName", "email", "password", "homeMarketplaceId",
                "otherMarketplaceIds");
    }

    @ModelAttribute("marketplaces")
    List<Marketplace> marketplaces() {
        return Marketplaces.all();
    }

    @GetMapping("/signup")
    String form(@ModelAttribute SignUpForm signUpForm) {
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute SignUpForm signUpForm, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            signUpForm.setPassword("");
            return "accounts/signup";
        }
        SellerAccount account;
        try {
            account = accounts.signUp(signUpForm.toRequest());
        } catch (SellerAccounts.SignUpRejected rejected) {
            errors.rejectValue(rejected.field(), rejected.messageKey());
            signUpForm.setPassword("");
            return "accounts/signup";
        }
        signIn.signIn(SellerPrincipal.of(account), request, response);
        return "redirect:/signup/verify";
    }

    @GetMapping("/signup/verify")
    String verifyPage(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        model.addAttribute("maskedEmail", maskEmail(account.email()));
        return "accounts/verify";
    }

    @PostMapping("/signup/verify")
    String verify(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(defaultValue = "") String code,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        VerificationCodes.Check check = accounts.verify(principal.accountId(), code);
        if (check == VerificationCodes.Check.VALID) {
            SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
            signIn.signIn(SellerPrincipal.of(account), request, response);
            return "redirect:/sellercentral?welcome";
        }
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        model.addAttribute("maskedEmail", maskEmail(account.email()));
        switch (check) {
            case WRONG, WRONG_NO_TRIES_LEFT -> {
                model.addAttribute("codeError", "verify.code.wrong");
                model.addAttribute("triesLeft", accounts.codeTriesLeft(principal.accountId()));
            }
            default -> model.addAttribute("codeError", "verify.code.dead");
        }
        return "accounts/verify";
    }

    @PostMapping("/signup/verify/resend")
    String resend(@AuthenticationPrincipal SellerPrincipal principal, RedirectAttributes redirect) {
        SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
        VerificationCodes.Issue issue = accounts.sendCode(account);
        if (issue.issued()) {
            redirect.addFlashAttribute("notice", "verify.resent");
        } else {
            redirect.addFlashAttribute("resendWait", Math.max(1, issue.retryAfter().toSeconds()));
        }
        return "redirect:/signup/verify";
    }

    /** {@code jane.doe@example.com} becomes {@code j•••@example.com}: enough to recognise, not to harvest. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }
}
