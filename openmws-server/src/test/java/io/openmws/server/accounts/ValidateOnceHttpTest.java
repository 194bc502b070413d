package io.openmws.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.PortalClient.Page;
import io.openmws.server.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Validate once (issue 13, item 2), black-box over HTTP on a real port: every field's problem at
 * the first submit, the password included, one message per field, "too long" naming its limit, and
 * what the visitor typed kept where it is safe to keep (the sign-in email, an acceptable password,
 * "I agree", the chosen marketplaces).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ValidateOnceHttpTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String PASSWORD = "correct horse battery staple 42";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PortalClient client() {
        return new PortalClient(port);
    }

    Page signUp(PortalClient client, String businessName, String contactName, String email, String password) {
        return client.submit("/signup", "/signup", "businessName", businessName, "contactName", contactName,
                "email", email, "password", password, "homeMarketplaceId", "ATVPDKIKX0DER");
    }

    static int count(String body, String text) {
        return body.split(Pattern.quote(text), -1).length - 1;
    }

    /** The value attribute of the input with this id, or null when it has none. */
    static String valueOf(String body, String id) {
        Matcher input = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(body);
        assertThat(input.find()).as("an input #" + id).isTrue();
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : null;
    }

    static boolean checked(String body, String id) {
        Matcher input = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(body);
        assertThat(input.find()).as("an input #" + id).isTrue();
        return input.group().matches("(?s).*\\schecked(=\"checked\")?[\\s>].*");
    }

    boolean anySessionHolds(String text) {
        return jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).list()
                .stream().anyMatch(bytes -> bytes.contains(text));
    }

    // --- sign-up -------------------------------------------------------------------------------

    @Test
    void anEmptySignUpNamesEveryFieldThePasswordIncludedOnceEach() {
        Page page = signUp(client(), "", "  ", "", "");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(count(body, "Enter your business name.")).isEqualTo(1);
        assertThat(count(body, "Enter the name of a contact person.")).isEqualTo(1);
        assertThat(count(body, "Enter your email address.")).isEqualTo(1);
        assertThat(body).doesNotContain("Enter an email address like name@example.com.");
        assertThat(count(body, "Enter a password.")).isEqualTo(1);
        assertThat(body).contains("id=\"password-error\"");
    }

    @Test
    void tooShortAndTooLongPasswordsAreReportedBesideTheOtherFieldsAndSayTheLimit() {
        Page shortOne = signUp(client(), "Acme", "", "not-an-address", "short");
        assertThat(shortOne.body()).contains("Use at least 12 characters.")
                .contains("Enter the name of a contact person.")
                .contains("Enter an email address like name@example.com.");

        String longEmail = "a".repeat(250) + "@example.com";
        Page longOnes = signUp(client(), "B".repeat(201), "C".repeat(201), longEmail, "p".repeat(5000));
        String body = longOnes.body();
        assertThat(body).contains("Use at most 128 characters.");
        assertThat(count(body, "Use at most 200 characters.")).isEqualTo(2);
        assertThat(count(body, "Use at most 254 characters.")).isEqualTo(1);
        assertThat(body).doesNotContain("This is too long.").doesNotContain("Enter an email address like");
        // A refused password is typed anew: the page never sends it back.
        assertThat(valueOf(body, "password")).isNullOrEmpty();
        assertThat(body).doesNotContain("p".repeat(200));
    }

    @Test
    void anAcceptablePasswordStaysWhenAnotherFieldIsWrong() {
        Page page = signUp(client(), "Acme Trading", "", Fixtures.newEmail("kept"), PASSWORD);
        assertThat(page.body()).contains("Enter the name of a contact person.").doesNotContain("id=\"password-error\"");
        assertThat(valueOf(page.body(), "password")).isEqualTo(PASSWORD);
        assertThat(valueOf(page.body(), "businessName")).isEqualTo("Acme Trading");
    }

    // --- sign-in -------------------------------------------------------------------------------

    @Test
    void aFailedSignInKeepsTheTypedEmailForOnePageOutsideTheAddressAndNeverThePassword() {
        Fixtures.Seller seller = new Fixtures(port, TOKEN).seller();
        PortalClient client = client();
        String wrong = "wrong password " + UUID.randomUUID();
        Page failed = client.submit("/login", "/login", "username", seller.email(), "password", wrong);
        assertThat(failed.redirectPath()).isEqualTo("/login?error");
        assertThat(failed.location().orElseThrow()).doesNotContain(seller.email()).doesNotContain("example.com");
        assertThat(anySessionHolds(wrong)).isFalse();

        Page again = client.get("/login?error");
        assertThat(again.body()).contains("We could not sign you in");
        assertThat(valueOf(again.body(), "username")).isEqualTo(seller.email());
        assertThat(valueOf(again.body(), "password")).isNull();
        // The password field has the focus now, since the address is there.
        assertThat(again.body()).containsPattern("<input[^>]*id=\"password\"[^>]*autofocus");
        // Kept for that one page: it is gone from the session once shown.
        assertThat(anySessionHolds(seller.email())).isFalse();
        assertThat(valueOf(client.get("/login").body(), "username")).isNullOrEmpty();

        // The next attempt with the right password signs in as usual.
        assertThat(client.submit("/login", "/login", "username", seller.email(), "password", seller.password())
                .redirectPath()).isEqualTo("/sellercentral");
    }

    // --- authorize -----------------------------------------------------------------------------

    PortalClient signedIn(Fixtures.Seller seller) {
        PortalClient client = client();
        assertThat(client.submit("/login", "/login", "username", seller.email(), "password", seller.password())
                .redirectPath()).isEqualTo("/sellercentral");
        return client;
    }

    @Test
    void iAgreeStaysTickedAfterARefusedAuthorization() {
        Fixtures.Seller seller = new Fixtures(port, TOKEN).seller();
        PortalClient client = signedIn(seller);
        String path = "/sellercentral/settings/user-permissions/authorize";
        Page form = client.get(path);
        assertThat(checked(form.body(), "agree")).isFalse();
        Matcher version = Pattern.compile("name=\"termsVersion\" value=\"([^\"]*)\"").matcher(form.body());
        assertThat(version.find()).isTrue();

        Page refused = client.submit(path, path, "developerName", "Nobody Listings", "developerId", "0000-0000-0000",
                "agree", "true", "termsVersion", version.group(1));
        assertThat(refused.body()).contains("id=\"form-problem\"");
        assertThat(checked(refused.body(), "agree")).isTrue();

        Page notTicked = client.submit(path, path, "developerName", "Nobody Listings", "developerId", "0000-0000-0000",
                "termsVersion", version.group(1));
        assertThat(checked(notTicked.body(), "agree")).isFalse();

        Page otherTerms = client.submit(path, path, "developerName", "Nobody Listings", "developerId", "0000-0000-0000",
                "agree", "true", "termsVersion", "older-" + version.group(1));
        assertThat(checked(otherTerms.body(), "agree")).as("ticked for terms no longer current").isFalse();
    }

    // --- account info --------------------------------------------------------------------------

    @Test
    void accountInfoNamesBothWrongFieldsAtOnceAndKeepsTheChoice() {
        Fixtures.Seller seller = new Fixtures(port, TOKEN).seller();
        PortalClient client = signedIn(seller);
        String path = "/sellercentral/settings/account-info";
        Page page = client.submit(path, path, "contactName", "", "otherMarketplaceIds", "A1F83G8C2ARO7P");
        assertThat(page.body()).contains("Enter the name of a contact person.")
                .contains("Further marketplaces must be in the same region as your home marketplace.");
        Page tooLong = client.submit(path, path, "contactName", "N".repeat(201), "otherMarketplaceIds", "A2EUQ1WTGCTBG2");
        assertThat(tooLong.body()).contains("Use at most 200 characters.");
        assertThat(tooLong.body()).containsPattern("<input[^>]*value=\"A2EUQ1WTGCTBG2\"[^>]*checked");

        Page password = client.submit(path, path + "/password", "currentPassword", "not it at all", "newPassword", "short");
        assertThat(password.body()).contains("That is not your current password.").contains("Use at least 12 characters.");
    }
}
