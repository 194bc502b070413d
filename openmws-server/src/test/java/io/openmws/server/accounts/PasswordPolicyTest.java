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
        assertThat(policy.problem(varied(11))).contains("password.tooShort");
        assertThat(policy.problem(varied(12))).isEmpty();
        assertThat(policy.problem(varied(128))).isEmpty();
        assertThat(policy.problem(varied(129))).contains("password.tooLong");
        // Twelve characters outside the Basic Multilingual Plane are 24 chars of UTF-16: still twelve.
        assertThat(policy.problem(emoji(12))).isEmpty();
        assertThat(policy.problem(emoji(11))).contains("password.tooShort");
    }

    @Test
    void theTenThousandMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.commonPasswordCount()).isBetween(9_000, 10_000);
        assertThat(policy.problem("qwerty123456")).contains("password.common");
        assertThat(policy.problem("QWERTY123456")).contains("password.common");
        assertThat(policy.problem("qwerty123456 but longer")).isEmpty();
    }

    @Test
    void aCommonPasswordPaddedToTwelveCharactersIsStillCommon() {
        assertThat(policy.problem("password1234")).contains("password.common");
        assertThat(policy.problem("Password2024!")).contains("password.common");
        assertThat(policy.problem("iloveyou2024")).contains("password.common");
        assertThat(policy.problem("2024-football")).contains("password.common");
        assertThat(policy.problem("!!sunshine12")).contains("password.common");
        assertThat(policy.problem("monkey 123456")).contains("password.common");
        // Padding is a short run: a common word with much more after it is a passphrase.
        assertThat(policy.problem("password is not my password")).isEmpty();
        assertThat(policy.problem("Birchwood-Goods-2026")).isEmpty();
    }

    @Test
    void oneShortOrCommonUnitRepeatedIsRefused() {
        assertThat(policy.problem("aaaaaaaaaaaa")).contains("password.common");
        assertThat(policy.problem("x".repeat(128))).contains("password.common");
        assertThat(policy.problem("abcabcabcabc")).contains("password.common");
        assertThat(policy.problem("passwordpassword")).contains("password.common");
        assertThat(policy.problem("\uD83D\uDD12".repeat(12))).contains("password.common");
        // A long unit said twice is not a short pattern.
        assertThat(policy.problem("birchwood42!birchwood42!")).isEmpty();
    }

    @Test
    void noCompositionRulesAndNothingIsRequiredButLength() {
        assertThat(policy.problem("correct horse battery staple")).isEmpty();
        assertThat(policy.problem("")).contains("password.required");
        assertThat(policy.problem(null)).contains("password.required");
    }

    /** {@code length} letters and digits without a repeated pattern or a common word. */
    private static String varied(int length) {
        StringBuilder text = new StringBuilder(length);
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            text.append("abcdefghijkmnpqrstuvwxyz23456789".charAt((int) ((seed >>> 33) & 31)));
        }
        return text.toString();
    }

    /** {@code count} different emoji, each two UTF-16 chars. */
    private static String emoji(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(0x1F600 + i);
        }
        return text.toString();
    }
}
