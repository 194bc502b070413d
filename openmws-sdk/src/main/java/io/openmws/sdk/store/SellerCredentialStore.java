package io.openmws.sdk.store;

import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.MwsCallListener;
import io.openmws.sdk.MwsException;
import java.util.List;
import java.util.Optional;

/**
 * Where an integrator keeps the sellers who authorized it (the seed's "stored in your database once the
 * Seller will have authorized your company") and, if it likes, its own access key. Tokens and the
 * Secret Key are stored encrypted. {@link JdbcSellerCredentialStore} is the implementation.
 *
 * <pre>{@code
 * SellerCredentialStore store = JdbcSellerCredentialStore.builder().build();   // ./data/openmws-sellers (H2)
 * MwsClient client = MwsClient.builder()...listener(store.reauthorizationMarker()).build();
 * for (StoredSeller s : store.list()) {
 *     client.sellers().listMarketplaceParticipations(s.access());
 * }
 * List<StoredSeller> renewSoon = store.listExpiringWithin(30);
 * }</pre>
 */
public interface SellerCredentialStore {

    /**
     * Stores a new seller.
     *
     * @throws CredentialStoreException when the Seller ID is stored already (use {@link #update})
     */
    void add(StoredSeller seller);

    /**
     * Replaces a stored seller's values (a new token after re-authorization, other marketplaces, ...).
     *
     * @throws CredentialStoreException when the Seller ID is not stored (use {@link #add})
     */
    void update(StoredSeller seller);

    /**
     * Forgets a seller.
     *
     * @return whether it was stored
     */
    boolean remove(String sellerId);

    /** A stored seller, token opened. */
    Optional<StoredSeller> get(String sellerId);

    /** Every stored seller, by Seller ID. */
    List<StoredSeller> list();

    /**
     * The sellers whose authorization expires within {@code days} days from today (on or before today
     * plus {@code days}), already expired ones included, soonest first: the sellers to ask to renew.
     *
     * @param days 0 or more
     */
    List<StoredSeller> listExpiringWithin(int days);

    /**
     * Marks a seller as needing re-authorization, with the reason.
     *
     * @return whether the seller is stored
     */
    boolean markNeedsReauthorization(String sellerId, String reason);

    /** Stores the developer's own access key (the Secret Key encrypted), replacing any stored before. */
    void saveDeveloperCredentials(DeveloperCredentials credentials);

    /** The stored access key, if one was saved. */
    Optional<DeveloperCredentials> developerCredentials();

    /**
     * A client listener that marks a stored seller as needing re-authorization when one of its calls
     * comes back {@code AccessDenied} (a revoked, expired or wrong token). Give it to
     * {@code MwsClient.Builder#listener}.
     */
    default MwsCallListener reauthorizationMarker() {
        return event -> {
            if (event.errorKind().filter(MwsException.Kind.ACCESS_DENIED::equals).isPresent()
                    && event.sellerId().isPresent()) {
                markNeedsReauthorization(event.sellerId().get(), "AccessDenied on " + event.section() + "/"
                        + event.action() + event.requestId().map(id -> " (RequestId " + id + ")").orElse(""));
            }
        };
    }
}
