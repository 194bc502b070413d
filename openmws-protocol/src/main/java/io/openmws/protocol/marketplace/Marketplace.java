package io.openmws.protocol.marketplace;

import io.openmws.protocol.ids.MarketplaceId;
import java.util.Objects;

/**
 * One Amazon retail marketplace: where its MWS endpoint is, and what
 * {@code ListMarketplaceParticipations} says about it.
 *
 * @param id the marketplace id, e.g. {@code ATVPDKIKX0DER}
 * @param countryCode ISO 3166-1 alpha-2 ({@code DefaultCountryCode}), e.g. {@code US}, {@code GB}
 * @param countryName the country in English, e.g. {@code US}, {@code Germany}
 * @param region the MWS region whose developer registration and sellers apply here
 * @param endpointHost the MWS host to call, e.g. {@code mws-eu.amazonservices.com}
 * @param name the marketplace's {@code Name}, e.g. {@code Amazon.com}
 * @param domainName the retail site's {@code DomainName}, e.g. {@code www.amazon.com}
 * @param currencyCode ISO 4217 ({@code DefaultCurrencyCode}), e.g. {@code USD}
 * @param languageCode {@code DefaultLanguageCode} with an underscore, e.g. {@code en_US}
 */
public record Marketplace(
        MarketplaceId id,
        String countryCode,
        String countryName,
        Region region,
        String endpointHost,
        String name,
        String domainName,
        String currencyCode,
        String languageCode) {

    /** Checks that no component is missing. */
    public Marketplace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(countryName, "countryName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpointHost, "endpointHost");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(currencyCode, "currencyCode");
        Objects.requireNonNull(languageCode, "languageCode");
    }

    /** The endpoint's base URL, {@code https://} plus {@link #endpointHost()}. */
    public String endpointUrl() {
        return "https://" + endpointHost;
    }
}
