package io.openmws.sdk;

import java.util.Optional;

/**
 * An order's shipping address (spec §4.3). Every part is optional: MWS leaves out what the marketplace's
 * addresses do not have (a {@code County}, a {@code District}), and the whole address while an order is
 * {@code Pending}.
 *
 * @param name the recipient
 * @param addressLine1 first line
 * @param addressLine2 second line
 * @param addressLine3 third line
 * @param city the city
 * @param county the county
 * @param district the district
 * @param stateOrRegion state, province or region
 * @param municipality the municipality
 * @param postalCode the postal code
 * @param countryCode ISO 3166-1 alpha-2, e.g. {@code US}
 * @param phone the phone number
 * @param addressType {@code Residential} or {@code Commercial}
 */
public record Address(Optional<String> name, Optional<String> addressLine1, Optional<String> addressLine2,
                      Optional<String> addressLine3, Optional<String> city, Optional<String> county,
                      Optional<String> district, Optional<String> stateOrRegion, Optional<String> municipality,
                      Optional<String> postalCode, Optional<String> countryCode, Optional<String> phone,
                      Optional<String> addressType) {
}
