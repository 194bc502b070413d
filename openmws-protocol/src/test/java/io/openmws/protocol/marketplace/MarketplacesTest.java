package io.openmws.protocol.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.ids.MarketplaceId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketplacesTest {

    /** The rows of docs/protocol.md §1.1, copied as they are there. */
    @ParameterizedTest(name = "{2} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            NA | Brazil | BR | mws.amazonservices.com | A2Q3Y263D00KWC
            NA | Canada | CA | mws.amazonservices.ca | A2EUQ1WTGCTBG2
            NA | Mexico | MX | mws.amazonservices.com.mx | A1AM78C64UM0Y8
            NA | US | US | mws.amazonservices.com | ATVPDKIKX0DER
            EU | UAE | AE | mws.amazonservices.ae | A2VIGQ35RCS4UG
            EU | Germany | DE | mws-eu.amazonservices.com | A1PA6795UKMFR9
            EU | Egypt | EG | mws-eu.amazonservices.com | ARBP9OOSHTCHU
            EU | Spain | ES | mws-eu.amazonservices.com | A1RKKUPIHCS9HS
            EU | France | FR | mws-eu.amazonservices.com | A13V1IB3VIYZZH
            EU | Belgium | BE | mws-eu.amazonservices.com | AMEN7PMS3EDWL
            EU | UK | GB | mws-eu.amazonservices.com | A1F83G8C2ARO7P
            EU | India | IN | mws.amazonservices.in | A21TJRUUN4KGV
            EU | Italy | IT | mws-eu.amazonservices.com | APJ6JRA9NG5V4
            EU | Netherlands | NL | mws-eu.amazonservices.com | A1805IZSGTT6HS
            EU | Poland | PL | mws-eu.amazonservices.com | A1C3SOZRARQ6R3
            EU | Saudi Arabia | SA | mws-eu.amazonservices.com | A17E79C6D8DWNP
            EU | Sweden | SE | mws-eu.amazonservices.com | A2NODRKZP88ZB9
            EU | Turkey | TR | mws-eu.amazonservices.com | A33AVAJ2PDY3EV
            FE | Singapore | SG | mws-fe.amazonservices.com | A19VAU5U5O7RUS
            FE | Australia | AU | mws.amazonservices.com.au | A39IBJ37TRP1C6
            FE | Japan | JP | mws.amazonservices.jp | A1VC38T7YXB528
            CN | China | CN | mws.amazonservices.com.cn | AAHKV2X7AFYLW
            """)
    void everySpecRowIsInTheTable(Region region, String country, String code, String host, String id) {
        Marketplace marketplace = Marketplaces.byId(id).orElseThrow();

        assertThat(marketplace.region()).isEqualTo(region);
        assertThat(marketplace.countryName()).isEqualTo(country);
        assertThat(marketplace.countryCode()).isEqualTo(code);
        assertThat(marketplace.endpointHost()).isEqualTo(host);
        assertThat(Marketplaces.byCountryCode(code)).contains(marketplace);
    }

    /** What ListMarketplaceParticipations reports per marketplace. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            BR | Amazon.com.br | www.amazon.com.br | BRL | pt_BR
            CA | Amazon.ca     | www.amazon.ca     | CAD | en_CA
            MX | Amazon.com.mx | www.amazon.com.mx | MXN | es_MX
            US | Amazon.com    | www.amazon.com    | USD | en_US
            AE | Amazon.ae     | www.amazon.ae     | AED | ar_AE
            DE | Amazon.de     | www.amazon.de     | EUR | de_DE
            EG | Amazon.eg     | www.amazon.eg     | EGP | ar_EG
            ES | Amazon.es     | www.amazon.es     | EUR | es_ES
            FR | Amazon.fr     | www.amazon.fr     | EUR | fr_FR
            BE | Amazon.com.be | www.amazon.com.be | EUR | fr_BE
            GB | Amazon.co.uk  | www.amazon.co.uk  | GBP | en_GB
            IN | Amazon.in     | www.amazon.in     | INR | en_IN
            IT | Amazon.it     | www.amazon.it     | EUR | it_IT
            NL | Amazon.nl     | www.amazon.nl     | EUR | nl_NL
            PL | Amazon.pl     | www.amazon.pl     | PLN | pl_PL
            SA | Amazon.sa     | www.amazon.sa     | SAR | ar_SA
            SE | Amazon.se     | www.amazon.se     | SEK | sv_SE
            TR | Amazon.com.tr | www.amazon.com.tr | TRY | tr_TR
            SG | Amazon.sg     | www.amazon.sg     | SGD | en_SG
            AU | Amazon.com.au | www.amazon.com.au | AUD | en_AU
            JP | Amazon.co.jp  | www.amazon.co.jp  | JPY | ja_JP
            CN | Amazon.cn     | www.amazon.cn     | CNY | zh_CN
            """)
    void participationDetailsMatch(String code, String name, String domain, String currency, String language) {
        Marketplace marketplace = Marketplaces.byCountryCode(code).orElseThrow();

        assertThat(marketplace.name()).isEqualTo(name);
        assertThat(marketplace.domainName()).isEqualTo(domain);
        assertThat(marketplace.currencyCode()).isEqualTo(currency);
        assertThat(marketplace.languageCode()).isEqualTo(language);
    }

    @Test
    void tableHasTwentyTwoMarketplacesInSpecOrder() {
        assertThat(Marketplaces.all()).extracting(Marketplace::countryCode).containsExactly(
                "BR", "CA", "MX", "US", "AE", "DE", "EG", "ES", "FR", "BE", "GB", "IN", "IT", "NL", "PL", "SA", "SE",
                "TR", "SG", "AU", "JP", "CN");
    }

    @Test
    void idsAndCountryCodesAreUnique() {
        assertThat(Marketplaces.all()).extracting(Marketplace::id).doesNotHaveDuplicates();
        assertThat(Marketplaces.all()).extracting(Marketplace::countryCode).doesNotHaveDuplicates();
    }

    @Test
    void currenciesAreIso4217AndLanguagesUseTheMarketplaceCountry() {
        for (Marketplace m : Marketplaces.all()) {
            assertThat(Currency.getInstance(m.currencyCode()).getCurrencyCode()).isEqualTo(m.currencyCode());
            assertThat(m.languageCode()).as(m.name()).matches("[a-z]{2}_[A-Z]{2}").endsWith("_" + m.countryCode());
            assertThat(m.domainName()).isEqualTo("www." + m.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void lookupByRegionKeepsTableOrder() {
        assertThat(Marketplaces.byRegion(Region.NA)).extracting(Marketplace::countryCode)
                .containsExactly("BR", "CA", "MX", "US");
        assertThat(Marketplaces.byRegion(Region.FE)).extracting(Marketplace::countryCode)
                .containsExactly("SG", "AU", "JP");
        assertThat(Marketplaces.byRegion(Region.CN)).extracting(Marketplace::countryCode).containsExactly("CN");
        assertThat(Marketplaces.byRegion(Region.EU)).hasSize(14);
    }

    @Test
    void indiaIsInEuropeButHasItsOwnHost() {
        Marketplace india = Marketplaces.byCountryCode("IN").orElseThrow();

        assertThat(india.region()).isEqualTo(Region.EU);
        assertThat(india.endpointHost()).isEqualTo("mws.amazonservices.in");
        assertThat(Marketplaces.byEndpointHost("mws.amazonservices.in")).containsExactly(india);
    }

    @Test
    void lookupByHostFindsEveryMarketplaceServedThere() {
        assertThat(Marketplaces.byEndpointHost("mws.amazonservices.com")).extracting(Marketplace::countryCode)
                .containsExactly("BR", "US");
        assertThat(Marketplaces.byEndpointHost("mws-eu.amazonservices.com")).extracting(Marketplace::countryCode)
                .containsExactly("DE", "EG", "ES", "FR", "BE", "GB", "IT", "NL", "PL", "SA", "SE", "TR");
        assertThat(Marketplaces.byEndpointHost("mws.amazonservices.co.uk")).isEmpty();
    }

    @Test
    void unknownMalformedAndNullIdsFindNothing() {
        assertThat(Marketplaces.byId("A1AAAAAAAAAAAA")).isEmpty();
        assertThat(Marketplaces.byId("atvpdkikx0der")).isEmpty();
        assertThat(Marketplaces.byId((String) null)).isEmpty();
        assertThat(Marketplaces.byCountryCode("UK")).isEmpty();
        assertThat(Marketplaces.byCountryCode(null)).isEmpty();
    }

    @Test
    void nonRetailIdsAreKnownButNotInTheTable() {
        for (MarketplaceId id : List.of(Marketplaces.IBA, Marketplaces.SI_UK_PROD)) {
            assertThat(Marketplaces.isNonRetail(id)).isTrue();
            assertThat(Marketplaces.byId(id)).isEmpty();
        }
        assertThat(Marketplaces.IBA.value()).isEqualTo("A6W85IYQ5WB1C");
        assertThat(Marketplaces.SI_UK_PROD.value()).isEqualTo("AZMDEXL2RVFNN");
        assertThat(Marketplaces.isNonRetail(MarketplaceId.of("ATVPDKIKX0DER"))).isFalse();
    }

    @Test
    void endpointUrlIsHttpsOnTheHost() {
        assertThat(Marketplaces.byCountryCode("CA").orElseThrow().endpointUrl())
                .isEqualTo("https://mws.amazonservices.ca");
    }
}
