package io.openmws.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The sign-up rules without a server: every field at once, one message each (issue 13, item 2). */
class SignUpRulesTest {

    final PasswordPolicy passwords = new PasswordPolicy();

    static SignUpForm form(String business, String contact, String email, String password) {
        SignUpForm form = new SignUpForm();
        form.setBusinessName(business);
        form.setContactName(contact);
        form.setEmail(email);
        form.setPassword(password);
        return form;
    }

    @Test
    void everyFieldIsCheckedThePasswordAlongWithTheOthers() {
        assertThat(SignUpRules.check(form("", "", "", ""), passwords)).containsExactly(
                Map.entry("businessName", "signup.businessName.required"),
                Map.entry("contactName", "signup.contactName.required"),
                Map.entry("email", "signup.email.required"),
                Map.entry("password", "password.required"));
        assertThat(SignUpRules.check(form("B".repeat(201), "Jo", "x@y", "p".repeat(5000)), passwords)).containsExactly(
                Map.entry("businessName", "field.tooLong200"),
                Map.entry("email", "signup.email.invalid"),
                Map.entry("password", "password.tooLong"));
        assertThat(SignUpRules.check(form("Acme", "Jo", "a".repeat(250) + "@example.com", "correct horse battery"), passwords))
                .containsExactly(Map.entry("email", "field.tooLong254"));
    }

    @Test
    void marketplacesOfAnotherRegionAreAProblemOfTheirOwnField() {
        SignUpForm form = form("Acme", "Jo", "jo@example.com", "correct horse battery");
        form.setOtherMarketplaceIds(List.of("A1F83G8C2ARO7P"));
        assertThat(SignUpRules.check(form, passwords))
                .containsExactly(Map.entry("otherMarketplaceIds", "signup.marketplace.otherRegion"));
        form.setOtherMarketplaceIds(List.of("A2EUQ1WTGCTBG2"));
        assertThat(SignUpRules.check(form, passwords)).isEmpty();
    }

    @Test
    void everyTooLongMessageNamesItsLimit() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> tooLong = messages.stringPropertyNames().stream()
                .filter(key -> key.toLowerCase().contains("toolong")).sorted().toList();
        assertThat(tooLong).isNotEmpty();
        for (String key : tooLong) {
            assertThat(messages.getProperty(key)).as(key).containsPattern("\\d|\\{0\\}");
        }
    }
}
