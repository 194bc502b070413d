package io.openmws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Naming a section the way a person types it. */
class ApiSectionTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
        "sellers,  SELLERS",
        "Orders,   ORDERS",
        "feeds,    FEEDS",
        "Reports,  REPORTS",
        "FINANCES, FINANCES",
        "products, PRODUCTS",
        "' sellers ', SELLERS",
    })
    void aSectionIsFoundByItsNameInAnyCase(String name, ApiSection expected) {
        assertThat(ApiSection.byName(name)).hasValue(expected);
    }

    @ParameterizedTest(name = "''{0}'' is no section")
    @NullSource
    @ValueSource(strings = {"", "  ", "seller", "Sellers/2011-07-01", "/Orders/2013-09-01", "MarketplaceWebService"})
    void anythingElseIsNoSection(String name) {
        assertThat(ApiSection.byName(name)).isEqualTo(Optional.empty());
    }
}
