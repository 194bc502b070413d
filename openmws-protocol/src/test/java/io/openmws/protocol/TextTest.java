package io.openmws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void shortValuesStayAndLongOnesAreCutToTheLimitWithAnEllipsis() {
        assertThat(Text.abbreviate("ListOrders", 10)).isEqualTo("ListOrders");
        assertThat(Text.abbreviate("ListOrdersByNextToken", 10)).isEqualTo("ListOrd...").hasSize(10);
        assertThat(Text.abbreviate(null, 10)).isEmpty();
        assertThatThrownBy(() -> Text.abbreviate("x", 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
