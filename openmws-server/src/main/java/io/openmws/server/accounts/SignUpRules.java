package io.openmws.server.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the sign-up form, every field at once, the password included: the visitor sees each
 * field's problem at the first submit, one message per field (the first rule it breaks), rather than
 * the password's only once everything else is right. Whether the address is taken is not a rule of
 * the form: the database answers that, and only after everything here holds.
 */
final class SignUpRules {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private SignUpRules() {}

    /** The message key of each wrong field, in the order of the form; empty when every field is right. */
    static Map<String, String> check(SignUpForm form, PasswordPolicy passwords) {
        Map<String, String> problems = new LinkedHashMap<>();
        text(problems, "businessName", form.getBusinessName(), "signup.businessName.required");
        text(problems, "contactName", form.getContactName(), "signup.contactName.required");
        email(problems, form.getEmail());
        passwords.problem(form.getPassword()).ifPresent(key -> problems.put("password", key));
        String home = form.getHomeMarketplaceId();
        if (home == null || home.isBlank()) {
            problems.put("homeMarketplaceId", "signup.marketplace.required");
        } else {
            marketplaces(problems, home, form.getOtherMarketplaceIds());
        }
        return problems;
    }

    /** The message key of a too-long text: each names its limit. */
    static String tooLong(int max) {
        return "field.tooLong" + max;
    }

    private static void text(Map<String, String> problems, String field, String value, String missing) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.put(field, missing);
        } else if (text.length() > NAME_MAX) {
            problems.put(field, tooLong(NAME_MAX));
        }
    }

    private static void email(Map<String, String> problems, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.put("email", "signup.email.required");
        } else if (text.length() > EMAIL_MAX) {
            problems.put("email", tooLong(EMAIL_MAX));
        } else if (!EMAIL.matcher(text).matches()) {
            problems.put("email", "signup.email.invalid");
        }
    }

    private static void marketplaces(Map<String, String> problems, String home, List<String> others) {
        try {
            SellerAccounts.marketplacesOf(home, others);
        } catch (SellerAccounts.SignUpRejected rejected) {
            problems.put(rejected.field(), rejected.messageKey());
        }
    }
}
