package io.openmws.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialRedactionTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c2";

    @Test
    void secretKeyToStringIsRedacted() {
        SecretKey key = SecretKey.of(SECRET);

        assertThat(key.toString()).isEqualTo("SecretKey[redacted]");
        assertThat(String.valueOf(key)).doesNotContain(SECRET.substring(0, 8));
    }

    @Test
    void secretKeyValueIsReachableThroughReveal() {
        assertThat(SecretKey.of(SECRET).reveal()).isEqualTo(SECRET);
    }

    @Test
    void secretKeysWithTheSameValueAreEqual() {
        assertThat(SecretKey.of(SECRET)).isEqualTo(SecretKey.of(SECRET)).hasSameHashCodeAs(SecretKey.of(SECRET));
        assertThat(SecretKey.of(SECRET)).isNotEqualTo(SecretKey.of(SECRET.replace('w', 'v')));
    }

    @Test
    void malformedSecretKeyMessageDoesNotContainTheValue() {
        String almost = SECRET + "!";

        assertThatThrownBy(() -> SecretKey.of(almost))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(SECRET.substring(0, 10))
                .contains("40 characters");
    }

    @Test
    void authTokenToStringShowsOnlyPrefixAndLastFour() {
        MwsAuthToken token = MwsAuthToken.of(TOKEN);

        assertThat(token.toString())
                .isEqualTo("MwsAuthToken[amzn.mws.\u2026d3c2]")
                .doesNotContain(TOKEN)
                .doesNotContain("4ea38b7b");
    }

    @Test
    void authTokenValueIsReachableThroughReveal() {
        assertThat(MwsAuthToken.of(TOKEN).reveal()).isEqualTo(TOKEN);
    }

    @Test
    void authTokensWithTheSameValueAreEqual() {
        assertThat(MwsAuthToken.of(TOKEN)).isEqualTo(MwsAuthToken.of(TOKEN)).hasSameHashCodeAs(MwsAuthToken.of(TOKEN));
        assertThat(MwsAuthToken.of(TOKEN)).isNotEqualTo(MwsAuthToken.of(TOKEN.replace('4', '5')));
    }

    @Test
    void malformedAuthTokenMessageDoesNotContainTheValue() {
        String upper = TOKEN.toUpperCase();

        assertThatThrownBy(() -> MwsAuthToken.of(upper))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("4EA38B7B")
                .contains("amzn.mws.");
    }

    @Test
    void docsExampleTokenIsRejectedButHasTheClientPrefix() {
        String docs = "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE";

        assertThat(MwsAuthToken.isValid(docs)).isFalse();
        assertThat(MwsAuthToken.hasTokenPrefix(docs)).isTrue();
        assertThat(MwsAuthToken.hasTokenPrefix("1234-5678-9012")).isFalse();
        assertThat(MwsAuthToken.hasTokenPrefix(null)).isFalse();
    }
}
