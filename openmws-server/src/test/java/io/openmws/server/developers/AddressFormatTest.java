package io.openmws.server.developers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses in the country's own order on the license page's summary (issue 13, item 6d). */
class AddressFormatTest {

    @Test
    void unitedStatesCityStateAndZipOnOneLine() {
        assertThat(AddressFormat.lines("US", "WA", "Seattle", "98101", "410 Terry Ave N"))
                .containsExactly("410 Terry Ave N", "Seattle, WA 98101", "United States");
    }

    @Test
    void unitedKingdomPostcodeOnItsOwnLineAfterTheTown() {
        assertThat(AddressFormat.lines("GB", "", "London", "EC1A 1BB", "1 Principal Place"))
                .containsExactly("1 Principal Place", "London", "EC1A 1BB", "United Kingdom");
    }

    @Test
    void germanyPostalCodeBeforeTheCity() {
        assertThat(AddressFormat.lines("DE", "Bayern", "M\u00fcnchen", "80636", "Marcel-Breuer-Str. 12"))
                .containsExactly("Marcel-Breuer-Str. 12", "80636 M\u00fcnchen", "Germany");
    }

    @Test
    void japanFromThePostalCodeDownToTheStreet() {
        assertThat(AddressFormat.lines("JP", "Tokyo", "Meguro-ku", "153-0064", "1-8-1 Shimomeguro"))
                .containsExactly("\u3012153-0064", "Tokyo Meguro-ku", "1-8-1 Shimomeguro", "Japan");
    }

    @Test
    void emptyPartsLeaveNoStraySeparatorsAndOtherCountriesGetTheDefault() {
        assertThat(AddressFormat.lines("US", "", "Seattle", "98101", "410 Terry Ave N"))
                .containsExactly("410 Terry Ave N", "Seattle 98101", "United States");
        assertThat(AddressFormat.lines("US", "WA", "", "", "410 Terry Ave N"))
                .containsExactly("410 Terry Ave N", "WA", "United States");
        assertThat(AddressFormat.lines("JP", "Tokyo", "Meguro-ku", "", "1-8-1 Shimomeguro"))
                .containsExactly("Tokyo Meguro-ku", "1-8-1 Shimomeguro", "Japan");
        assertThat(AddressFormat.lines("NZ", "", "Auckland", "1010", "1 Queen St"))
                .containsExactly("1 Queen St", "1010 Auckland", Countries.name("NZ"));
    }

    @Test
    void everyPatternUsesOnlyKnownFieldsAndNamesTheStreet() {
        AddressFormat.PATTERNS.forEach((country, pattern) -> {
            assertThat(pattern.replaceAll("%[ACSZ]", "")).as(country).doesNotContain("%");
            assertThat(pattern).as(country).contains("%A");
        });
    }
}
