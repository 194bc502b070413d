package io.openmws.protocol.marketplace;

import io.openmws.protocol.ids.MarketplaceId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The retail marketplaces a seller can sign up for, in the order of the table in
 * {@code docs/protocol.md} §1.1 (22 rows, China included although the 2022 documentation had dropped it).
 *
 * <p>Ids, regions and hosts are from the documentation. Names, domains, currencies and languages are
 * what {@code ListMarketplaceParticipations} reports for each. India is listed under Europe but has
 * its own host, {@code mws.amazonservices.in}.
 *
 * <p>Two non-retail ids also appear in real {@code ListMarketplaceParticipations} answers
 * ({@link #IBA}, {@link #SI_UK_PROD}); they are constants here but not marketplaces of the table.
 */
public final class Marketplaces {

    /** The non-retail "IBA" marketplace ({@code iba.login.amazon.com}) seen next to real ones. */
    public static final MarketplaceId IBA = MarketplaceId.of("A6W85IYQ5WB1C");

    /** The non-retail "SI UK Prod Marketplace" seen in real participation lists. */
    public static final MarketplaceId SI_UK_PROD = MarketplaceId.of("AZMDEXL2RVFNN");

    private static final Set<MarketplaceId> NON_RETAIL = Set.of(IBA, SI_UK_PROD);

    private static final String NA = "mws.amazonservices.com";
    private static final String EU = "mws-eu.amazonservices.com";
    private static final String FE = "mws-fe.amazonservices.com";

    private static final List<Marketplace> ALL = List.of(
            m("A2Q3Y263D00KWC", "BR", "Brazil", Region.NA, NA, "Amazon.com.br", "www.amazon.com.br", "BRL", "pt_BR"),
            m("A2EUQ1WTGCTBG2", "CA", "Canada", Region.NA, "mws.amazonservices.ca", "Amazon.ca", "www.amazon.ca",
                    "CAD", "en_CA"),
            m("A1AM78C64UM0Y8", "MX", "Mexico", Region.NA, "mws.amazonservices.com.mx", "Amazon.com.mx",
                    "www.amazon.com.mx", "MXN", "es_MX"),
            m("ATVPDKIKX0DER", "US", "US", Region.NA, NA, "Amazon.com", "www.amazon.com", "USD", "en_US"),
            m("A2VIGQ35RCS4UG", "AE", "UAE", Region.EU, "mws.amazonservices.ae", "Amazon.ae", "www.amazon.ae",
                    "AED", "ar_AE"),
            m("A1PA6795UKMFR9", "DE", "Germany", Region.EU, EU, "Amazon.de", "www.amazon.de", "EUR", "de_DE"),
            m("ARBP9OOSHTCHU", "EG", "Egypt", Region.EU, EU, "Amazon.eg", "www.amazon.eg", "EGP", "ar_EG"),
            m("A1RKKUPIHCS9HS", "ES", "Spain", Region.EU, EU, "Amazon.es", "www.amazon.es", "EUR", "es_ES"),
            m("A13V1IB3VIYZZH", "FR", "France", Region.EU, EU, "Amazon.fr", "www.amazon.fr", "EUR", "fr_FR"),
            m("AMEN7PMS3EDWL", "BE", "Belgium", Region.EU, EU, "Amazon.com.be", "www.amazon.com.be", "EUR", "fr_BE"),
            m("A1F83G8C2ARO7P", "GB", "UK", Region.EU, EU, "Amazon.co.uk", "www.amazon.co.uk", "GBP", "en_GB"),
            m("A21TJRUUN4KGV", "IN", "India", Region.EU, "mws.amazonservices.in", "Amazon.in", "www.amazon.in",
                    "INR", "en_IN"),
            m("APJ6JRA9NG5V4", "IT", "Italy", Region.EU, EU, "Amazon.it", "www.amazon.it", "EUR", "it_IT"),
            m("A1805IZSGTT6HS", "NL", "Netherlands", Region.EU, EU, "Amazon.nl", "www.amazon.nl", "EUR", "nl_NL"),
            m("A1C3SOZRARQ6R3", "PL", "Poland", Region.EU, EU, "Amazon.pl", "www.amazon.pl", "PLN", "pl_PL"),
            m("A17E79C6D8DWNP", "SA", "Saudi Arabia", Region.EU, EU, "Amazon.sa", "www.amazon.sa", "SAR", "ar_SA"),
            m("A2NODRKZP88ZB9", "SE", "Sweden", Region.EU, EU, "Amazon.se", "www.amazon.se", "SEK", "sv_SE"),
            m("A33AVAJ2PDY3EV", "TR", "Turkey", Region.EU, EU, "Amazon.com.tr", "www.amazon.com.tr", "TRY", "tr_TR"),
            m("A19VAU5U5O7RUS", "SG", "Singapore", Region.FE, FE, "Amazon.sg", "www.amazon.sg", "SGD", "en_SG"),
            m("A39IBJ37TRP1C6", "AU", "Australia", Region.FE, "mws.amazonservices.com.au", "Amazon.com.au",
                    "www.amazon.com.au", "AUD", "en_AU"),
            m("A1VC38T7YXB528", "JP", "Japan", Region.FE, "mws.amazonservices.jp", "Amazon.co.jp",
                    "www.amazon.co.jp", "JPY", "ja_JP"),
            m("AAHKV2X7AFYLW", "CN", "China", Region.CN, "mws.amazonservices.com.cn", "Amazon.cn", "www.amazon.cn",
                    "CNY", "zh_CN"));

    private Marketplaces() {
    }

    private static Marketplace m(String id, String countryCode, String countryName, Region region, String host,
            String name, String domain, String currency, String language) {
        return new Marketplace(MarketplaceId.of(id), countryCode, countryName, region, host, name, domain, currency,
                language);
    }

    /** Every retail marketplace, in table order. */
    public static List<Marketplace> all() {
        return ALL;
    }

    /** The marketplace with this id; empty for an unknown, malformed, non-retail or {@code null} id. */
    public static Optional<Marketplace> byId(String id) {
        if (!MarketplaceId.isValid(id)) {
            return Optional.empty();
        }
        return byId(MarketplaceId.of(id));
    }

    /** The marketplace with this id; empty for an unknown or non-retail id. */
    public static Optional<Marketplace> byId(MarketplaceId id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The marketplace of a country, by ISO 3166-1 alpha-2 code ({@code GB}, not {@code UK}); case-sensitive. */
    public static Optional<Marketplace> byCountryCode(String countryCode) {
        return ALL.stream().filter(m -> m.countryCode().equals(countryCode)).findFirst();
    }

    /** The marketplaces of a region, in table order. */
    public static List<Marketplace> byRegion(Region region) {
        return ALL.stream().filter(m -> m.region() == region).toList();
    }

    /** The marketplaces served at an MWS host, in table order; empty for an unknown host. */
    public static List<Marketplace> byEndpointHost(String host) {
        return ALL.stream().filter(m -> m.endpointHost().equals(host)).toList();
    }

    /** Whether {@code id} is one of the non-retail ids that can appear among a seller's participations. */
    public static boolean isNonRetail(MarketplaceId id) {
        return NON_RETAIL.contains(id);
    }
}
