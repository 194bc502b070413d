package io.openmws.server.accounts;

import java.time.Instant;
import java.util.List;

/**
 * A Professional seller account, as other features see it.
 *
 * @param sellerId        the merchant token, assigned when the email is verified ({@code null} before)
 * @param marketplaceIds  the home marketplace first, then the others in table order
 */
public record SellerAccount(
        long id,
        String sellerId,
        String email,
        String businessName,
        String contactName,
        AccountStatus status,
        String homeMarketplaceId,
        List<String> marketplaceIds,
        boolean staging,
        Instant createdAt) {

    public SellerAccount {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    /** The same account with other marketplaces. */
    public SellerAccount withMarketplaces(List<String> ids) {
        return new SellerAccount(id, sellerId, email, businessName, contactName, status, homeMarketplaceId, ids, staging,
                createdAt);
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }
}
