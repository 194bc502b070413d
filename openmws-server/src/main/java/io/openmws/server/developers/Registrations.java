package io.openmws.server.developers;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.marketplace.Region;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import io.openmws.server.support.VerificationCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Register as a Developer", step by step (seed steps 3 to 8): contact email and its code, KYC
 * details, license agreement, then a Developer ID and a first access key.
 *
 * <p>Each step is kept in the {@code developer_registration} row of the account and region, so a
 * reload, another session or a restart resumes where the seller left off. A registration expires
 * {@link #ABANDONED_AFTER} its last change, on the platform clock. Every method checks the step it
 * belongs to; a request for another step gets {@link WrongStep}, and the page shows the right one.
 */
@Service
class Registrations {

    static final String EMAIL_CODE = "DEVELOPER_EMAIL";
    /** The message key of the code mail's subject. */
    static final String CODE_MAIL_SUBJECT = "mail.developerCode.subject";
    static final Duration ABANDONED_AFTER = Duration.ofHours(24);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    /** Where the account's registration stands: {@code registration} is null before the first step. */
    record Progress(SellerAccount account, Registration registration, boolean expired) {
        RegistrationStep step() {
            return registration == null ? RegistrationStep.EMAIL : registration.step();
        }
    }

    /** The account has registered in its region already: it belongs on Developer Central. */
    static final class AlreadyRegistered extends RuntimeException {
        AlreadyRegistered() {
            super("Already a registered developer", null, false, false);
        }
    }

    /** The request belongs to another step than the registration is at (or it expired). */
    static final class WrongStep extends RuntimeException {
        WrongStep() {
            super("The registration is at another step", null, false, false);
        }
    }

    /** A step's input was refused: the field it concerns and the message key saying why. */
    static final class Refused extends RuntimeException {
        private final String field;
        private final String messageKey;

        Refused(String field, String messageKey) {
            super(messageKey, null, false, false);
            this.field = field;
            this.messageKey = messageKey;
        }

        String field() {
            return field;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private final RegistrationRepository registrations;
    private final DeveloperRepository developers;
    private final Developers developerKeys;
    private final SellerAccounts accounts;
    private final VerificationCodes codes;
    private final LicenseAgreement license;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();

    Registrations(RegistrationRepository registrations, DeveloperRepository developers, Developers developerKeys,
                  SellerAccounts accounts, VerificationCodes codes, LicenseAgreement license, Mailer mailer,
                  MessageSource messages, Clock clock) {
        this.registrations = registrations;
        this.developers = developers;
        this.developerKeys = developerKeys;
        this.accounts = accounts;
        this.codes = codes;
        this.license = license;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Where the account's registration stands; an expired one counts as not started.
     *
     * @throws AlreadyRegistered when the account is a developer in its region already
     */
    @Transactional(readOnly = true)
    Progress progress(long accountId) {
        SellerAccount account = eligible(accountId);
        Region region = Developers.regionOf(account);
        if (developers.findByAccount(accountId, region).isPresent()) {
            throw new AlreadyRegistered();
        }
        Optional<Registration> registration = registrations.find(accountId, region);
        if (registration.isPresent() && expired(registration.get(), clock.instant())) {
            return new Progress(account, null, true);
        }
        return new Progress(account, registration.orElse(null), false);
    }

    /**
     * Step 1: the contact email. Mails a code to it, unless the resend limits say to wait (then the
     * email is not changed either, so a live code always belongs to the email on record).
     *
     * @throws Refused for a malformed email
     */
    @Transactional
    VerificationCodes.Issue submitEmail(long accountId, String contactEmail) {
        String email = contactEmail == null ? "" : contactEmail.strip();
        if (email.isEmpty()) {
            throw new Refused("contactEmail", "developers.email.required");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new Refused("contactEmail", "developers.email.invalid");
        }
        Instant now = clock.instant();
        SellerAccount account = eligible(accountId);
        Region region = Developers.regionOf(account);
        if (developers.findByAccount(accountId, region).isPresent()) {
            throw new AlreadyRegistered();
        }
        registrations.deleteExpired(now);
        Optional<Registration> existing = registrations.findForUpdate(accountId, region);
        if (existing.isPresent() && existing.get().step() != RegistrationStep.EMAIL) {
            throw new WrongStep();
        }
        long id = existing.map(Registration::id)
                .orElseGet(() -> registrations.insert(accountId, region, email, now, now.plus(ABANDONED_AFTER)));
        VerificationCodes.Issue issue = codes.issue(EMAIL_CODE, Long.toString(id));
        if (issue.issued()) {
            registrations.emailCodeSent(id, email, now, now.plus(ABANDONED_AFTER));
            mailCode(email, account, issue);
        }
        return issue;
    }

    /** Step 2, "use another address": back to step 1. */
    @Transactional
    void changeEmail(long accountId) {
        Registration registration = at(accountId, RegistrationStep.EMAIL_CODE);
        Instant now = clock.instant();
        registrations.moveTo(registration.id(), RegistrationStep.EMAIL, now, now.plus(ABANDONED_AFTER));
    }

    /** Step 2, "send a new code". */
    @Transactional
    VerificationCodes.Issue resendCode(long accountId) {
        Registration registration = at(accountId, RegistrationStep.EMAIL_CODE);
        VerificationCodes.Issue issue = codes.issue(EMAIL_CODE, Long.toString(registration.id()));
        if (issue.issued()) {
            mailCode(registration.contactEmail(), accounts.byId(accountId).orElseThrow(), issue);
        }
        return issue;
    }

    /** Step 2: the code from the mail. On {@code VALID} the registration moves on to the details. */
    @Transactional
    VerificationCodes.Check verifyEmail(long accountId, String code) {
        Registration registration = at(accountId, RegistrationStep.EMAIL_CODE);
        VerificationCodes.Check check = codes.check(EMAIL_CODE, Long.toString(registration.id()), code);
        if (check == VerificationCodes.Check.VALID) {
            Instant now = clock.instant();
            registrations.emailVerified(registration.id(), now, now.plus(ABANDONED_AFTER));
        }
        return check;
    }

    int codeTriesLeft(Registration registration) {
        return codes.triesLeft(EMAIL_CODE, Long.toString(registration.id()));
    }

    /**
     * Step 3: the KYC details. Saved and moved on to the license when every field is right.
     *
     * @return the problem of each wrong field (message keys); empty when saved
     */
    @Transactional
    Map<String, String> saveDetails(long accountId, DetailsForm form) {
        Registration registration = at(accountId, RegistrationStep.DETAILS);
        DetailsRules.Outcome outcome = DetailsRules.check(form);
        if (!outcome.valid()) {
            return outcome.problems();
        }
        if (developers.nameTaken(registration.region(), outcome.details().developerName())) {
            return Map.of("developerName", "developers.developerName.taken");
        }
        Instant now = clock.instant();
        registrations.saveDetails(registration.id(), outcome.details(), now, now.plus(ABANDONED_AFTER));
        return Map.of();
    }

    /** Step 4, "change the details": back to step 3 with what was saved. */
    @Transactional
    void editDetails(long accountId) {
        Registration registration = at(accountId, RegistrationStep.LICENSE);
        Instant now = clock.instant();
        registrations.moveTo(registration.id(), RegistrationStep.DETAILS, now, now.plus(ABANDONED_AFTER));
    }

    /**
     * Step 4: the license agreement. Accepting it registers the developer: a Developer ID, the
     * license record (version, time, account, client address) and a first access key.
     *
     * @param agreed          whether "I agree" was ticked
     * @param acceptedVersion the license version the page showed
     * @throws Refused when not agreed, when the license changed meanwhile, or when the developer name
     *     was taken meanwhile (then the registration is back at the details, committed as such)
     */
    @Transactional(noRollbackFor = Refused.class)
    IssuedCredentials agree(long accountId, boolean agreed, String acceptedVersion, String clientIp) {
        Registration registration = at(accountId, RegistrationStep.LICENSE);
        LicenseAgreement.Version current = license.current();
        if (!agreed) {
            throw new Refused("agree", "developers.license.required");
        }
        if (!current.version().equals(acceptedVersion)) {
            throw new Refused("agree", "developers.license.changed");
        }
        DeveloperDetails details = registration.details();
        Instant now = clock.instant();
        if (developers.nameTaken(registration.region(), details.developerName())) {
            registrations.moveTo(registration.id(), RegistrationStep.DETAILS, now, now.plus(ABANDONED_AFTER));
            throw new Refused("developerName", "developers.developerName.taken");
        }
        DeveloperId developerId = ids.developerId();
        long ref = developers.insert(developerId, accountId, registration.region(), registration.contactEmail(),
                details, current.version(), clientIp, now);
        registrations.delete(registration.id());
        log.info("Account {} registered as developer {} ({}) in {}, license version {}", accountId, developerId,
                details.developerName(), registration.region(), current.version());
        return developerKeys.issueKey(ref, developerId, details.developerName());
    }

    private Registration at(long accountId, RegistrationStep step) {
        SellerAccount account = eligible(accountId);
        Region region = Developers.regionOf(account);
        if (developers.findByAccount(accountId, region).isPresent()) {
            throw new AlreadyRegistered();
        }
        Registration registration = registrations.findForUpdate(accountId, region).orElseThrow(WrongStep::new);
        if (registration.step() != step || expired(registration, clock.instant())) {
            throw new WrongStep();
        }
        return registration;
    }

    /** Only an active, verified seller account registers (the portal keeps pending ones out already). */
    private SellerAccount eligible(long accountId) {
        return accounts.byId(accountId).filter(SellerAccount::active)
                .orElseThrow(() -> new AccessDeniedException("Only a verified seller account can register as a developer"));
    }

    private static boolean expired(Registration registration, Instant now) {
        return !now.isBefore(registration.expiresAt());
    }

    private void mailCode(String to, SellerAccount account, VerificationCodes.Issue issue) {
        mailer.send(new Mail(to, text(CODE_MAIL_SUBJECT),
                text("mail.developerCode.body", account.businessName(), issue.code(),
                        VerificationCodes.LIFETIME.toMinutes())));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
