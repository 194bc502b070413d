package io.openmws.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingStatusTest {

    @ParameterizedTest(name = "staging={0} price={1} quantity={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "true,  10.00, 5,    STAGED",
            "true,  null,  null, STAGED",
            "true,  10.00, 0,    STAGED",
            "false, null,  5,    INCOMPLETE",
            "false, 10.00, null, INCOMPLETE",
            "false, null,  null, INCOMPLETE",
            "false, 10.00, 0,    INACTIVE",
            "false, 10.00, 1,    ACTIVE",
    })
    void statusFollowsStagingThenPriceAndQuantity(boolean staging, BigDecimal price, Integer quantity,
                                                  ListingStatus expected) {
        assertThat(ListingStatus.of(staging, price, quantity)).isEqualTo(expected);
        assertThat(expected.forSale()).isEqualTo(expected == ListingStatus.ACTIVE);
    }
}
