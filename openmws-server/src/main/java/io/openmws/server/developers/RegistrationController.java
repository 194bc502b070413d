package io.openmws.server.developers;

import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerPrincipal;
import io.openmws.server.mail.AwaitedMail;
import io.openmws.server.support.VerificationCodes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registration pages under {@value #PATH}: one address whose page is the registration's current
 * step, and one POST per step. A POST for another step than the current one (an old tab, a double
 * submit) lands back on the current step.
 */
@Controller
class RegistrationController {

    static final String PATH = "/sellercentral/developer/register";

    private final Registrations registrations;
    private final LicenseAgreement license;
    private final CredentialsPage credentialsPage;
    private final Clock clock;
    private final AwaitedMail awaitedMail;

    RegistrationController(Registrations registrations, LicenseAgreement license, CredentialsPage credentialsPage,
                           Clock clock, AwaitedMail awaitedMail) {
        this.registrations = registrations;
        this.license = license;
        this.credentialsPage = credentialsPage;
        this.clock = clock;
        this.awaitedMail = awaitedMail;
    }

    @InitBinder("detailsForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields(DetailsForm.FIELDS);
    }

    @ExceptionHandler(Registrations.AlreadyRegistered.class)
    String alreadyRegistered(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "developers.alreadyRegistered");
        return "redirect:" + DeveloperCentralController.PATH;
    }

    @ExceptionHandler({Registrations.WrongStep.class, DataIntegrityViolationException.class})
    String wrongStep() {
        return "redirect:" + PATH;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal SellerPrincipal principal, Model model) {
        Registrations.Progress progress = registrations.progress(principal.accountId());
        if (progress.expired()) {
            model.addAttribute("expiredNotice", true);
        }
        return switch (progress.step()) {
            case EMAIL -> emailStep(progress, model, null);
            case EMAIL_CODE -> codeStep(progress, model);
            case DETAILS -> detailsStep(progress, model, null);
            case LICENSE -> licenseStep(progress, model);
        };
    }

    @PostMapping(PATH + "/email")
    String submitEmail(@AuthenticationPrincipal SellerPrincipal principal,
                       @RequestParam(defaultValue = "") String contactEmail, Model model, HttpServletRequest request) {
        try {
            VerificationCodes.Issue issue = registrations.submitEmail(principal.accountId(), contactEmail);
            if (issue.issued()) {
                awaitedMail.expect(request, contactEmail, Registrations.CODE_MAIL_SUBJECT);
                return "redirect:" + PATH;
            }
            model.addAttribute("resendWait", Math.max(1, issue.retryAfter().toSeconds()));
        } catch (Registrations.Refused refused) {
            model.addAttribute("emailError", refused.messageKey());
        }
        model.addAttribute("contactEmail", contactEmail);
        return emailStep(registrations.progress(principal.accountId()), model, contactEmail);
    }

    @PostMapping(PATH + "/email/change")
    String changeEmail(@AuthenticationPrincipal SellerPrincipal principal) {
        registrations.changeEmail(principal.accountId());
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/code")
    String verifyCode(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(defaultValue = "") String code,
                      Model model) {
        VerificationCodes.Check check = registrations.verifyEmail(principal.accountId(), code);
        if (check == VerificationCodes.Check.VALID) {
            return "redirect:" + PATH;
        }
        Registrations.Progress progress = registrations.progress(principal.accountId());
        if (check == VerificationCodes.Check.NO_LIVE_CODE) {
            model.addAttribute("codeError", "developers.code.dead");
        } else {
            model.addAttribute("codeError", "developers.code.wrong");
            model.addAttribute("triesLeft", registrations.codeTriesLeft(progress.registration()));
        }
        return codeStep(progress, model);
    }

    @PostMapping(PATH + "/code/resend")
    String resendCode(@AuthenticationPrincipal SellerPrincipal principal, RedirectAttributes redirect,
                      HttpServletRequest request) {
        VerificationCodes.Issue issue = registrations.resendCode(principal.accountId());
        if (issue.issued()) {
            Registration registration = registrations.progress(principal.accountId()).registration();
            awaitedMail.expect(request, registration.contactEmail(), Registrations.CODE_MAIL_SUBJECT);
            redirect.addFlashAttribute("notice", "developers.code.resent");
        } else {
            redirect.addFlashAttribute("resendWait", Math.max(1, issue.retryAfter().toSeconds()));
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/details")
    String saveDetails(@AuthenticationPrincipal SellerPrincipal principal, @ModelAttribute DetailsForm detailsForm,
                       BindingResult errors, Model model) {
        Map<String, String> problems = registrations.saveDetails(principal.accountId(), detailsForm);
        if (problems.isEmpty()) {
            return "redirect:" + PATH;
        }
        problems.forEach(errors::rejectValue);
        return detailsStep(registrations.progress(principal.accountId()), model, detailsForm);
    }

    @PostMapping(PATH + "/details/edit")
    String editDetails(@AuthenticationPrincipal SellerPrincipal principal) {
        registrations.editDetails(principal.accountId());
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/license")
    String agree(@AuthenticationPrincipal SellerPrincipal principal, @RequestParam(defaultValue = "false") boolean agree,
                 @RequestParam(defaultValue = "") String licenseVersion, HttpServletRequest request, Model model,
                 RedirectAttributes redirect) {
        IssuedCredentials credentials;
        try {
            credentials = registrations.agree(principal.accountId(), agree, licenseVersion, request.getRemoteAddr());
        } catch (Registrations.Refused refused) {
            if (refused.field().equals("developerName")) {
                redirect.addFlashAttribute("developerNameError", refused.messageKey());
                return "redirect:" + PATH;
            }
            model.addAttribute("agreeError", refused.messageKey());
            return licenseStep(registrations.progress(principal.accountId()), model);
        }
        return credentialsPage.redirect(credentials, true, clock.instant(), redirect);
    }

    // --- the pages of the steps -----------------------------------------------------------------

    private String emailStep(Registrations.Progress progress, Model model, String typed) {
        model.addAttribute("step", 1);
        if (typed == null) {
            Registration registration = progress.registration();
            model.addAttribute("contactEmail", registration != null && registration.contactEmail() != null
                    ? registration.contactEmail() : progress.account().email());
        }
        return "developers/register-email";
    }

    private String codeStep(Registrations.Progress progress, Model model) {
        model.addAttribute("step", 2);
        model.addAttribute("contactEmail", progress.registration().contactEmail());
        return "developers/register-code";
    }

    private String detailsStep(Registrations.Progress progress, Model model, DetailsForm typed) {
        model.addAttribute("step", 3);
        model.addAttribute("contactEmail", progress.registration().contactEmail());
        model.addAttribute("businessTypes", List.of(BusinessType.values()));
        model.addAttribute("marketplaceCountries", Countries.ofMarketplaces());
        model.addAttribute("otherCountries", Countries.others());
        if (typed == null) {
            DetailsForm form = progress.registration().details() != null
                    ? DetailsForm.of(progress.registration().details()) : prefilled(progress.account());
            model.addAttribute("detailsForm", form);
            Object nameError = model.getAttribute("developerNameError");
            if (nameError != null) {
                BindingResult errors = new BeanPropertyBindingResult(form, "detailsForm");
                errors.rejectValue("developerName", nameError.toString());
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "detailsForm", errors);
            }
        }
        return "developers/register-details";
    }

    private String licenseStep(Registrations.Progress progress, Model model) {
        model.addAttribute("step", 4);
        model.addAttribute("contactEmail", progress.registration().contactEmail());
        model.addAttribute("details", progress.registration().details());
        DeveloperDetails d = progress.registration().details();
        model.addAttribute("addressLines",
                AddressFormat.lines(d.countryCode(), d.stateOrRegion(), d.city(), d.postalCode(), d.street()));
        model.addAttribute("license", license.current());
        return "developers/register-license";
    }

    /** A first form from what the account already says: business name, contact, home country. */
    private static DetailsForm prefilled(SellerAccount account) {
        DetailsForm form = new DetailsForm();
        form.setLegalName(account.businessName());
        form.setContactPerson(account.contactName());
        form.setCountryCode(Marketplaces.byId(account.homeMarketplaceId()).map(m -> m.countryCode()).orElse(""));
        return form;
    }
}
