package io.openmws.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * A marketplace the seller participates in: one {@code Participation} of
 * {@code ListMarketplaceParticipations}, joined with the {@code Marketplace} entry of the same page that
 * describes it ({@code docs/protocol.md} §8).
 *
 * @param marketplaceId the marketplace, e.g. {@code ATVPDKIKX0DER}; may also be a non-retail id such as
 *     {@code A6W85IYQ5WB1C}
 * @param sellerId the seller's id in that marketplace
 * @param hasSellerSuspendedListings whether the seller has set listings there inactive
 * @param marketplace the page's description of the marketplace; empty when the page had none
 */
public record MarketplaceParticipation(String marketplaceId, String sellerId, boolean hasSellerSuspendedListings,
                                       Optional<MarketplaceDetails> marketplace) {

    /** Checks that nothing is null. */
    public MarketplaceParticipation {
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(marketplace, "marketplace");
    }
}
