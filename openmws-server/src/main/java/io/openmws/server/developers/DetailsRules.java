package io.openmws.server.developers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the KYC form, field by field. Each problem is a message key naming what to fix; the
 * uniqueness of the developer name is checked by {@link Registrations} against the database.
 */
final class DetailsRules {

    static final int NAME_MIN = 3;
    static final int NAME_MAX = 50;
    static final int DATA_USE_MIN = 20;
    static final int DATA_USE_MAX = 1000;

    /** Letters (any script), digits, spaces and a few signs; starting with a letter or digit. */
    private static final Pattern DEVELOPER_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,&'()_-]*");
    private static final Pattern POSTAL_CODE = Pattern.compile("[\\p{Alnum}][\\p{Alnum} -]{1,11}");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The outcome: the details when every field is right, otherwise the problem of each wrong field. */
    record Outcome(DeveloperDetails details, Map<String, String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private DetailsRules() {}

    static Outcome check(DetailsForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        String legalName = required(problems, "legalName", form.getLegalName(), 200, "developers.legalName.required");
        Optional<BusinessType> type = BusinessType.parse(form.getBusinessType());
        if (type.isEmpty()) {
            problems.put("businessType", "developers.businessType.required");
        }
        String country = form.getCountryCode().strip();
        if (!Countries.known(country)) {
            problems.put("countryCode", "developers.country.required");
        }
        String state = optional(problems, "stateOrRegion", form.getStateOrRegion(), 100);
        String city = required(problems, "city", form.getCity(), 100, "developers.city.required");
        String postalCode = postalCode(problems, form.getPostalCode(), country);
        String street = required(problems, "street", form.getStreet(), 200, "developers.street.required");
        String phone = phone(problems, form.getPhone());
        String contact = required(problems, "contactPerson", form.getContactPerson(), 200,
                "developers.contactPerson.required");
        String website = website(problems, form.getWebsite());
        String name = developerName(problems, form.getDeveloperName());
        String dataUse = dataUse(problems, form.getDataUse());
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(new DeveloperDetails(legalName, type.get(), country, state, city, postalCode, street,
                phone, contact, website, name, dataUse), Map.of());
    }

    /** The message key of what is wrong with a developer name, or null when it is acceptable. */
    static String developerNameProblem(String value) {
        Map<String, String> problems = new java.util.HashMap<>();
        developerName(problems, value == null ? "" : value);
        return problems.get("developerName");
    }

    /** The form of a developer name that uniqueness compares: lower case, single spaces. */
    static String normalizedName(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String required(Map<String, String> problems, String field, String value, int max, String missing) {
        String text = value.strip();
        if (text.isEmpty()) {
            problems.put(field, missing);
        } else if (text.length() > max) {
            problems.put(field, "developers.field.tooLong" + max);
        }
        return text;
    }

    private static String optional(Map<String, String> problems, String field, String value, int max) {
        String text = value.strip();
        if (text.length() > max) {
            problems.put(field, "developers.field.tooLong" + max);
        }
        return text.isEmpty() ? null : text;
    }

    private static String postalCode(Map<String, String> problems, String value, String country) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            if (!Countries.known(country) || Countries.hasPostalCodes(country)) {
                problems.put("postalCode", "developers.postalCode.required");
            }
            return null;
        }
        if (!POSTAL_CODE.matcher(text).matches()) {
            problems.put("postalCode", "developers.postalCode.invalid");
        }
        return text;
    }

    private static String phone(Map<String, String> problems, String value) {
        String text = value.strip();
        long digits = text.chars().filter(Character::isDigit).count();
        if (text.isEmpty()) {
            problems.put("phone", "developers.phone.required");
        } else if (text.length() > 30 || !PHONE_CHARACTERS.matcher(text).matches() || digits < 7 || digits > 15) {
            problems.put("phone", "developers.phone.invalid");
        }
        return text;
    }

    private static String website(Map<String, String> problems, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 200 || !isWebAddress(text)) {
            problems.put("website", "developers.website.invalid");
        }
        return text;
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            return (scheme.equals("http") || scheme.equals("https")) && host != null && host.contains(".")
                    && !host.startsWith(".") && !host.endsWith(".") && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String developerName(Map<String, String> problems, String value) {
        String text = SPACES.matcher(value.strip()).replaceAll(" ");
        if (text.isEmpty()) {
            problems.put("developerName", "developers.developerName.required");
        } else if (text.length() < NAME_MIN || text.length() > NAME_MAX) {
            problems.put("developerName", "developers.developerName.length");
        } else if (!DEVELOPER_NAME.matcher(text).matches()) {
            problems.put("developerName", "developers.developerName.characters");
        }
        return text;
    }

    private static String dataUse(Map<String, String> problems, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            problems.put("dataUse", "developers.dataUse.required");
        } else if (text.length() < DATA_USE_MIN || text.length() > DATA_USE_MAX) {
            problems.put("dataUse", "developers.dataUse.length");
        }
        return text;
    }
}
