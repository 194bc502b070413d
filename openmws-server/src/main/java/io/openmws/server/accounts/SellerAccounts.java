package io.openmws.server.accounts;

import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.mail.Mail;
import io.openmws.server.mail.Mailer;
import io.openmws.server.support.VerificationCodes;
import io.openmws.server.support.Refusal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Professional seller accounts: sign-up, email verification, and the changes an owner makes on
 * Account Info. The public surface other features use to look accounts up.
 */
@Service
public class SellerAccounts {

    static final String EMAIL_CODE = "ACCOUNT_EMAIL";
    /** The message key of the code mail's subject. */
    static final String CODE_MAIL_SUBJECT = "mail.verify.subject";
    /** Codes of the verification page a sign-up with a taken address lands on: mailed to no one. */
    static final String TAKEN_EMAIL_CODE = "ACCOUNT_EMAIL_TAKEN";
    /** Limits the notices to the owner of a taken address with the codes' resend limits; the codes are discarded. */
    static final String TAKEN_EMAIL_NOTICE = "ACCOUNT_EMAIL_TAKEN_NOTICE";

    /** A sign-up that broke a rule; {@code field} is the form field it concerns. */
    public static final class SignUpRejected extends Refusal {

        SignUpRejected(String field, String messageKey) {
            super(messageKey.endsWith(".taken") ? Kind.CONFLICT : Kind.INVALID, messageKey, field);
        }

        /** Whether the refusal is that the email has an account already. */
        public boolean emailTaken() {
            return "signup.email.taken".equals(messageKey());
        }
    }

    /** What a new seller gives. */
    public record SignUp(String businessName, String contactName, String email, String password,
                         String homeMarketplaceId, List<String> otherMarketplaceIds) {
        @Override
        public String toString() {
            return "SignUp[email=" + email + ", password redacted]";
        }
    }

    private final SellerAccountRepository accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final VerificationCodes codes;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();

    SellerAccounts(SellerAccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
                   VerificationCodes codes, Mailer mailer, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.codes = codes;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Creates a pending account and mails its verification code.
     *
     * @throws SignUpRejected when the email is taken, the password is refused or a marketplace is wrong
     */
    @Transactional
    public SellerAccount signUp(SignUp request) {
        long id = insertPending(request);
        SellerAccount account = accounts.findById(id).orElseThrow();
        sendCode(account);
        return account;
    }

    /**
     * A sign-up with an address that has an account: the visitor must not learn that it has. Mails the
     * owner a notice instead (at most one a minute and five an hour), and issues a code for the
     * verification page the visitor lands on, as for a new address; that code is mailed to no one, so
     * no code will ever work there.
     *
     * @return the subject of that code, for {@link #checkUnmailedCode} and {@link #reissueUnmailedCode}
     */
    @Transactional
    public String signUpWithTakenEmail(String email) {
        String subject = UUID.randomUUID().toString();
        codes.issue(TAKEN_EMAIL_CODE, subject);
        byEmail(email).ifPresent(account -> {
            if (codes.issue(TAKEN_EMAIL_NOTICE, Long.toString(account.id())).issued()) {
                mailer.send(new Mail(account.email(), Messages.text(messages, "mail.signupTaken.subject"),
                        Messages.text(messages, "mail.signupTaken.body", account.contactName())));
            }
        });
        return subject;
    }

    /** Checks a code on the page of a sign-up with a taken address: never {@code VALID}, with the usual limits. */
    @Transactional
    public VerificationCodes.Check checkUnmailedCode(String subject, String code) {
        VerificationCodes.Check check = codes.check(TAKEN_EMAIL_CODE, subject, code);
        // Only a blind guess of a code shown to no one gets here; it opens nothing.
        return check == VerificationCodes.Check.VALID ? VerificationCodes.Check.NO_LIVE_CODE : check;
    }

    public int unmailedCodeTriesLeft(String subject) {
        return codes.triesLeft(TAKEN_EMAIL_CODE, subject);
    }

    /** "Send a new code" on the page of a sign-up with a taken address: the same limits, and no mail. */
    @Transactional
    public VerificationCodes.Issue reissueUnmailedCode(String subject) {
        return codes.issue(TAKEN_EMAIL_CODE, subject);
    }

    /** Inserts a pending account after the sign-up rules; for {@link #signUp} and {@link SandboxSellerAccounts}. */
    long insertPending(SignUp request) {
        passwordPolicy.problem(request.password()).ifPresent(key -> {
            throw new SignUpRejected("password", key);
        });
        Set<String> marketplaces = marketplacesOf(request.homeMarketplaceId(), request.otherMarketplaceIds());
        // Hashed before the address is looked up, so that a taken address is not answered faster.
        String passwordHash = passwordEncoder.encode(request.password());
        if (accounts.credentialsByEmail(request.email()).isPresent()) {
            throw new SignUpRejected("email", "signup.email.taken");
        }
        try {
            return accounts.insert(request.email(), request.businessName().strip(), request.contactName().strip(),
                    passwordHash, request.homeMarketplaceId(), marketplaces, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw new SignUpRejected("email", "signup.email.taken");
        }
    }

    /** Mails a new code unless the resend limits say to wait; returns the issue outcome. */
    @Transactional
    public VerificationCodes.Issue sendCode(SellerAccount account) {
        VerificationCodes.Issue issue = codes.issue(EMAIL_CODE, Long.toString(account.id()));
        if (issue.issued()) {
            mailer.send(new Mail(account.email(),
                    Messages.text(messages, CODE_MAIL_SUBJECT),
                    Messages.text(messages, "mail.verify.body", account.contactName(), issue.code(),
                            VerificationCodes.LIFETIME.toMinutes())));
        }
        return issue;
    }

    /**
     * Checks the email code; when right, gives the account its Seller ID and makes it active.
     *
     * @return the check's outcome; on {@code VALID} the account is active
     */
    @Transactional
    public VerificationCodes.Check verify(long accountId, String code) {
        SellerAccount account = accounts.findById(accountId).orElseThrow();
        if (account.active()) {
            return VerificationCodes.Check.NO_LIVE_CODE;
        }
        VerificationCodes.Check check = codes.check(EMAIL_CODE, Long.toString(accountId), code);
        if (check == VerificationCodes.Check.VALID) {
            activate(accountId);
        }
        return check;
    }

    /** Makes a pending account active with a fresh Seller ID (used by verification and by sandbox fixtures). */
    @Transactional
    public SellerAccount activate(long accountId) {
        // 36^13 possible ids: a collision is left to the unique constraint rather than retried, since a
        // failed statement ends the transaction on PostgreSQL anyway.
        if (!accounts.activate(accountId, ids.sellerId().value(), clock.instant())) {
            throw new IllegalStateException("Account " + accountId + " is not pending verification");
        }
        return accounts.findById(accountId).orElseThrow();
    }

    public int codeTriesLeft(long accountId) {
        return codes.triesLeft(EMAIL_CODE, Long.toString(accountId));
    }

    /**
     * Whether the account is in staging mode, locking the account's row until the current transaction
     * ends: a change written under this lock cannot interleave with a staging switch, so its status
     * is right for the staging mode in force when it commits. Needs a transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean stagingForUpdate(long accountId) {
        return accounts.stagingForUpdate(accountId);
    }

    public Optional<SellerAccount> byId(long accountId) {
        return accounts.findById(accountId);
    }

    /** The account of a sign-in email (compared without case), verified or not. */
    public Optional<SellerAccount> byEmail(String email) {
        return accounts.credentialsByEmail(email).map(SellerAccountRepository.Credentials::account);
    }

    public Optional<SellerAccount> bySellerId(String sellerId) {
        return accounts.findBySellerId(sellerId);
    }

    /** Changes the contact name and the marketplaces beside the home one. */
    @Transactional
    public void updateAccountInfo(long accountId, String contactName, List<String> otherMarketplaceIds) {
        SellerAccount account = accounts.findById(accountId).orElseThrow();
        Set<String> marketplaces = marketplacesOf(account.homeMarketplaceId(), otherMarketplaceIds);
        accounts.updateContactName(accountId, contactName.strip());
        accounts.replaceMarketplaces(accountId, marketplaces);
    }

    /**
     * Changes the password after checking the current one.
     *
     * @return the message key of each wrong field (currentPassword, newPassword), or empty when changed
     */
    @Transactional
    public Map<String, String> changePassword(long accountId, String current, String replacement) {
        var credentials = accounts.credentialsById(accountId).orElseThrow();
        Map<String, String> problems = new LinkedHashMap<>();
        if (current == null || current.isEmpty() || !passwordEncoder.matches(current, credentials.passwordHash())) {
            problems.put("currentPassword", "password.current.wrong");
        }
        passwordPolicy.problem(replacement).ifPresent(key -> problems.put("newPassword", key));
        if (problems.isEmpty()) {
            accounts.updatePasswordHash(accountId, passwordEncoder.encode(replacement));
        }
        return problems;
    }

    /**
     * Whether {@code password} is the account's password: for pages that ask a signed-in seller to
     * prove again who is at the keyboard before showing a secret. Changes nothing.
     */
    public boolean passwordMatches(long accountId, String password) {
        return password != null && !password.isEmpty() && accounts.credentialsById(accountId)
                .map(c -> passwordEncoder.matches(password, c.passwordHash()))
                .orElse(false);
    }

    /** Sets a new password without the old one (a verified reset link); clears any lock. */
    @Transactional
    void resetPassword(long accountId, String replacement) {
        accounts.updatePasswordHash(accountId, passwordEncoder.encode(replacement));
    }

    /** The marketplaces of the home one's region a seller may choose, in table order. */
    public static List<Marketplace> choosableWith(String homeMarketplaceId) {
        return Marketplaces.byId(homeMarketplaceId)
                .map(home -> Marketplaces.byRegion(home.region()))
                .orElse(List.of());
    }

    static Set<String> marketplacesOf(String homeId, List<String> others) {
        Marketplace home = Marketplaces.byId(homeId == null ? "" : homeId)
                .orElseThrow(() -> new SignUpRejected("homeMarketplaceId", "signup.marketplace.unknown"));
        Set<String> all = new LinkedHashSet<>();
        all.add(home.id().value());
        for (String id : others == null ? List.<String>of() : others) {
            Marketplace other = Marketplaces.byId(id)
                    .orElseThrow(() -> new SignUpRejected("otherMarketplaceIds", "signup.marketplace.unknown"));
            if (other.region() != home.region()) {
                throw new SignUpRejected("otherMarketplaceIds", "signup.marketplace.otherRegion");
            }
            all.add(other.id().value());
        }
        return all;
    }
}
