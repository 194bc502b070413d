package io.openmws.server.orders;

/**
 * A shipping address as the Orders API's {@code ShippingAddress} names its parts. Only
 * {@code name}, {@code addressLine1}, {@code city} and {@code countryCode} are always there.
 *
 * @param addressType {@code Residential} or {@code Commercial}, or null
 */
public record Address(String name, String addressLine1, String addressLine2, String addressLine3, String city,
                      String county, String district, String stateOrRegion, String postalCode, String countryCode,
                      String phone, String addressType) {
}
