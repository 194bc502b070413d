package io.openmws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void equalSecretsAreEqualAndNothingElseIs() {
        assertThat(ConstantTime.equal("amzn.mws.token", "amzn.mws.token")).isTrue();
        assertThat(ConstantTime.equal("amzn.mws.token", "amzn.mws.tokeN")).isFalse();
        assertThat(ConstantTime.equal("amzn.mws.token", "amzn.mws.toke")).isFalse();
        assertThat(ConstantTime.equal("é", "e\u0301")).isFalse();
        assertThat(ConstantTime.equal(null, "x")).isFalse();
        assertThat(ConstantTime.equal("x", null)).isFalse();
        assertThat(ConstantTime.equal(null, null)).isFalse();
    }
}
