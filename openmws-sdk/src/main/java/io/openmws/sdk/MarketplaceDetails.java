package io.openmws.sdk;

import java.util.Objects;

/**
 * A marketplace as {@code ListMarketplaceParticipations} describes it ({@code docs/protocol.md} §8). The
 * values are as the endpoint sent them; an element it left out is an empty string.
 *
 * @param marketplaceId e.g. {@code ATVPDKIKX0DER}
 * @param name e.g. {@code Amazon.com}
 * @param defaultCountryCode ISO 3166-1 alpha-2, e.g. {@code US}
 * @param defaultCurrencyCode ISO 4217, e.g. {@code USD}
 * @param defaultLanguageCode e.g. {@code en_US}
 * @param domainName e.g. {@code www.amazon.com}
 */
public record MarketplaceDetails(String marketplaceId, String name, String defaultCountryCode,
                                 String defaultCurrencyCode, String defaultLanguageCode, String domainName) {

    /** Checks that nothing is null. */
    public MarketplaceDetails {
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultCountryCode, "defaultCountryCode");
        Objects.requireNonNull(defaultCurrencyCode, "defaultCurrencyCode");
        Objects.requireNonNull(defaultLanguageCode, "defaultLanguageCode");
        Objects.requireNonNull(domainName, "domainName");
    }
}
