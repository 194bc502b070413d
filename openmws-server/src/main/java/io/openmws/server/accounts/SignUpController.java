package io.openmws.server.accounts;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.mail.AwaitedMail;
import io.openmws.server.support.VerificationCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
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

/**
 * Sign-up for a Professional seller account, and the email verification that follows it. A sign-up
 * with an address that has an account looks the same to the visitor (the same redirect, session and
 * verification page), while the owner gets a notice; no code works on that page.
 */
@Controller
class SignUpController {

    /** The session's sign-up with a taken address: the address as typed, and the subject of its unmailed code. */
    record SignUpWithoutAccount(String email, String codeSubject) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    static final String WITHOUT_ACCOUNT = "openmws.signup.withoutAccount";

    private final SellerAccounts accounts;
    private final PortalSignIn signIn;
    private final AwaitedMail awaitedMail;
    private final PasswordPolicy passwords;

    SignUpController(SellerAccounts accounts, PortalSignIn signIn, AwaitedMail awaitedMail, PasswordPolicy passwords) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.signIn = signIn;
        this.awaitedMail = awaitedMail;
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
    String signUp(@ModelAttribute SignUpForm signUpForm, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> problems = SignUpRules.check(signUpForm, passwords);
        if (!problems.isEmpty() || errors.hasErrors()) {
            problems.forEach(errors::rejectValue);
            if (problems.containsKey("password")) {
                // A refused password is typed anew; an acceptable one stays, so that fixing another
                // field does not mean typing it again (the page is not cached: no-store).
                signUpForm.setPassword("");
            }
            return "accounts/signup";
        }
        SellerAccount account;
        try {
            account = accounts.signUp(signUpForm.toRequest());
        } catch (SellerAccounts.SignUpRejected rejected) {
            if (rejected.emailTaken()) {
                String email = signUpForm.getEmail().strip();
                String codeSubject = accounts.signUpWithTakenEmail(email);
                signIn.signIn(SellerPrincipal.withoutAccount(email), request, response);
                request.getSession().setAttribute(WITHOUT_ACCOUNT, new SignUpWithoutAccount(email, codeSubject));
                return "redirect:/signup/verify";
            }
            errors.rejectValue(rejected.field(), rejected.messageKey());
            signUpForm.setPassword("");
            return "accounts/signup";
        }
        signIn.signIn(SellerPrincipal.of(account), request, response);
        awaitedMail.expect(request, account.email(), SellerAccounts.CODE_MAIL_SUBJECT);
        return "redirect:/signup/verify";
    }

    @GetMapping("/signup/verify")
    String verifyPage(@AuthenticationPrincipal SellerPrincipal principal, HttpSession session, Model model) {
        model.addAttribute("maskedEmail", maskEmail(emailOf(principal, session)));
        return "accounts/verify";
    }

    @PostMapping("/signup/verify")
    String verify(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(defaultValue = "") String code,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        SignUpWithoutAccount withoutAccount = principal.hasAccount() ? null : withoutAccount(session);
        VerificationCodes.Check check = withoutAccount == null
                ? accounts.verify(principal.accountId(), code)
                : accounts.checkUnmailedCode(withoutAccount.codeSubject(), code);
        if (check == VerificationCodes.Check.VALID) {
            SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
            signIn.signIn(SellerPrincipal.of(account), request, response);
            return "redirect:/sellercentral?welcome";
        }
        model.addAttribute("maskedEmail", maskEmail(emailOf(principal, session)));
        switch (check) {
            case WRONG, WRONG_NO_TRIES_LEFT -> {
                model.addAttribute("codeError", "verify.code.wrong");
                model.addAttribute("triesLeft", withoutAccount == null
                        ? accounts.codeTriesLeft(principal.accountId())
                        : accounts.unmailedCodeTriesLeft(withoutAccount.codeSubject()));
            }
            default -> model.addAttribute("codeError", "verify.code.dead");
        }
        return "accounts/verify";
    }

    @PostMapping("/signup/verify/resend")
    String resend(@AuthenticationPrincipal SellerPrincipal principal, HttpServletRequest request,
                  RedirectAttributes redirect) {
        VerificationCodes.Issue issue;
        if (principal.hasAccount()) {
            SellerAccount account = accounts.byId(principal.accountId()).orElseThrow();
            issue = accounts.sendCode(account);
            if (issue.issued()) {
                awaitedMail.expect(request, account.email(), SellerAccounts.CODE_MAIL_SUBJECT);
            }
        } else {
            issue = accounts.reissueUnmailedCode(withoutAccount(request.getSession()).codeSubject());
        }
        if (issue.issued()) {
            redirect.addFlashAttribute("notice", "verify.resent");
        } else {
            redirect.addFlashAttribute("resendWait", Math.max(1, issue.retryAfter().toSeconds()));
        }
        return "redirect:/signup/verify";
    }

    private String emailOf(SellerPrincipal principal, HttpSession session) {
        return principal.hasAccount()
                ? accounts.byId(principal.accountId()).orElseThrow().email()
                : withoutAccount(session).email();
    }

    private static SignUpWithoutAccount withoutAccount(HttpSession session) {
        if (session.getAttribute(WITHOUT_ACCOUNT) instanceof SignUpWithoutAccount s) {
            return s;
        }
        throw new IllegalStateException("A sign-up without account has no record in its session");
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
