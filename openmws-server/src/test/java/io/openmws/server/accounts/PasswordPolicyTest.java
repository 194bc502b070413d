package io.openmws.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The password rule (OWASP ASVS 2.1) on its own. How a refused password is shown on the sign-up form
 * is {@code SellerAccountsHttpTest}'s.
 */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void twelveTo128CharactersCountedAsCharactersNotBytes() {
        assertThat(policy.problem("short pass")).contains("password.tooShort");
        assertThat(policy.problem("x".repeat(11) + "y")).isEmpty();
        assertThat(policy.problem("x".repeat(128))).isEmpty();
        assertThat(policy.problem("x".repeat(129))).contains("password.tooLong");
        // Twelve characters outside the Basic Multilingual Plane are 24 chars of UTF-16: still twelve.
        assertThat(policy.problem("\uD83D\uDD12".repeat(12))).isEmpty();
        assertThat(policy.problem("\uD83D\uDD12".repeat(11))).contains("password.tooShort");
    }

    @Test
    void theTenThousandMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.commonPasswordCount()).isBetween(9_000, 10_000);
        assertThat(policy.problem("qwerty123456")).contains("password.common");
        assertThat(policy.problem("QWERTY123456")).contains("password.common");
        assertThat(policy.problem("qwerty123456 but longer")).isEmpty();
    }

    @Test
    void noCompositionRulesAndNothingIsRequiredButLength() {
        assertThat(policy.problem("correct horse battery staple")).isEmpty();
        assertThat(policy.problem("")).contains("password.required");
        assertThat(policy.problem(null)).contains("password.required");
    }
}
