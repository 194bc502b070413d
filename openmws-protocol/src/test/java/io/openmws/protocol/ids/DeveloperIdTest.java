package io.openmws.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeveloperIdTest {

    @Test
    void plainAndDashedFormsParseToTheSameId() {
        assertThat(DeveloperId.of("123456789012")).isEqualTo(DeveloperId.of("1234-5678-9012"));
    }

    @Test
    void rendersWithDashes() {
        DeveloperId id = DeveloperId.of("123456789012");

        assertThat(id.formatted()).isEqualTo("1234-5678-9012");
        assertThat(id).hasToString("1234-5678-9012");
        assertThat(id.digits()).isEqualTo("123456789012");
    }

    @Test
    void constructorTakesOnlyPlainDigits() {
        assertThatThrownBy(() -> new DeveloperId("1234-5678-9012"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 digits");
    }
}
