package io.openmws.server.developers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The KYC form's rules, field by field, with the text the page shows for each (from the real
 * {@code messages.properties}). The page's handling of a refused form (the message beside its field,
 * {@code aria-describedby}, nothing saved) is {@code DeveloperRegistrationHttpTest}'s.
 */
class DetailsRulesTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static DetailsForm good() {
        DetailsForm form = new DetailsForm();
        form.setLegalName("Acme Software Inc.");
        form.setBusinessType("COMPANY");
        form.setCountryCode("US");
        form.setStateOrRegion("WA");
        form.setCity("Seattle");
        form.setPostalCode("98109");
        form.setStreet("410 Terry Ave N");
        form.setPhone("+1 206 555 0100");
        form.setContactPerson("Jane Doe");
        form.setWebsite("https://www.example.com");
        form.setDeveloperName("Acme Listings");
        form.setDataUse("Reads orders and updates stock levels for the sellers who authorize us.");
        return form;
    }

    static DetailsForm with(String field, String value) {
        DetailsForm form = good();
        switch (field) {
            case "legalName" -> form.setLegalName(value);
            case "businessType" -> form.setBusinessType(value);
            case "countryCode" -> form.setCountryCode(value);
            case "stateOrRegion" -> form.setStateOrRegion(value);
            case "city" -> form.setCity(value);
            case "postalCode" -> form.setPostalCode(value);
            case "street" -> form.setStreet(value);
            case "phone" -> form.setPhone(value);
            case "contactPerson" -> form.setContactPerson(value);
            case "website" -> form.setWebsite(value);
            case "developerName" -> form.setDeveloperName(value);
            case "dataUse" -> form.setDataUse(value);
            default -> throw new IllegalArgumentException(field);
        }
        return form;
    }

    static Stream<Arguments> wrongFields() {
        return Stream.of(
                Arguments.of("legalName", " ", "Enter the legal name of your business."),
                Arguments.of("legalName", "x".repeat(201), "Use at most 200 characters."),
                Arguments.of("businessType", "", "Choose a business type from the list."),
                Arguments.of("businessType", "PIRATE", "Choose a business type from the list."),
                Arguments.of("countryCode", "", "Choose the country of your registered address from the list."),
                Arguments.of("countryCode", "XX", "Choose the country of your registered address from the list."),
                Arguments.of("stateOrRegion", "x".repeat(101), "Use at most 100 characters."),
                Arguments.of("city", "", "Enter the city of your registered address."),
                Arguments.of("postalCode", "", "Enter the postal code of your registered address."),
                Arguments.of("postalCode", "<98109>", "Enter a postal code of 2 to 12 letters, digits, spaces or dashes."),
                Arguments.of("street", "", "Enter the street address, with the building number."),
                Arguments.of("phone", "", "Enter a phone number."),
                Arguments.of("phone", "call me maybe", "Enter a phone number of 7 to 15 digits with its country code"),
                Arguments.of("phone", "+1 555 01", "Enter a phone number of 7 to 15 digits with its country code"),
                Arguments.of("contactPerson", "", "Enter the name of the person we can contact about this registration."),
                Arguments.of("website", "ftp://files.example.com", "Enter a web address starting with http:// or https://"),
                Arguments.of("website", "https://localhost", "Enter a web address starting with http:// or https://"),
                Arguments.of("website", "www.example.com", "Enter a web address starting with http:// or https://"),
                Arguments.of("developerName", "", "Enter a developer name."),
                Arguments.of("developerName", "ab", "Use 3 to 50 characters for the developer name."),
                Arguments.of("developerName", "x".repeat(51), "Use 3 to 50 characters for the developer name."),
                Arguments.of("developerName", "<script>", "Use letters, digits, spaces and"),
                Arguments.of("dataUse", "", "Describe what your application does with seller data."),
                Arguments.of("dataUse", "Reads orders.", "Use 20 to 1000 characters to describe"),
                Arguments.of("dataUse", "x".repeat(1001), "Use 20 to 1000 characters to describe"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("wrongFields")
    void eachWrongFieldIsRefusedAloneWithItsOwnMessage(String field, String value, String message) {
        DetailsRules.Outcome outcome = DetailsRules.check(with(field, value));

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.problems()).containsOnlyKeys(field);
        String key = outcome.problems().get(field);
        assertThat(MESSAGES.getMessage(key, null, Locale.ENGLISH)).startsWith(message);
    }

    @Test
    void goodDetailsPassAndAreKeptAsTyped() {
        DetailsRules.Outcome outcome = DetailsRules.check(good());

        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.details().developerName()).isEqualTo("Acme Listings");
        assertThat(outcome.details().businessType()).isEqualTo(BusinessType.COMPANY);
    }

    @Test
    void optionalFieldsMayStayEmptyAndACountryWithoutPostalCodesNeedsNone() {
        DetailsForm form = good();
        form.setWebsite("");
        form.setStateOrRegion("");
        form.setCountryCode("AE");
        form.setPostalCode("");

        DetailsRules.Outcome outcome = DetailsRules.check(form);

        assertThat(outcome.problems()).isEqualTo(Map.of());
        assertThat(outcome.details().countryCode()).isEqualTo("AE");
    }
}
