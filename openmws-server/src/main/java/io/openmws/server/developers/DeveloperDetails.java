package io.openmws.server.developers;

/**
 * The KYC ("know your client") details of a developer registration, as checked by
 * {@link DetailsRules}: every text stripped, optional ones {@code null} when not given.
 *
 * @param legalName     the legal name of the business
 * @param businessType  what kind of business it is
 * @param countryCode   the registered address's country, ISO 3166-1 alpha-2
 * @param stateOrRegion the state, province or region, if the country has them
 * @param city          the city
 * @param postalCode    the postal code ({@code null} only where the country has none)
 * @param street        the street address
 * @param phone         a phone number with its country code
 * @param contactPerson who to talk to about the registration
 * @param website       the business's web site, {@code http} or {@code https}, optional
 * @param developerName what sellers type to authorize the developer; unique per region, ignoring case
 * @param dataUse       what the application does with sellers' data
 */
record DeveloperDetails(
        String legalName,
        BusinessType businessType,
        String countryCode,
        String stateOrRegion,
        String city,
        String postalCode,
        String street,
        String phone,
        String contactPerson,
        String website,
        String developerName,
        String dataUse) {}
