package io.openmws.sdk;

import io.openmws.protocol.Text;
import io.openmws.protocol.ConstantTime;
import io.openmws.protocol.ids.MarketplaceId;
import io.openmws.protocol.ids.SellerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a developer needs to call for one seller: the seller's Seller ID, the MWS Auth Token the seller
 * gave when authorizing the developer, and the 1 to 5 marketplaces the developer works in for it
 * (the seed's "From 1 to 5 Marketplace IDs of the Seller").
 *
 * <pre>{@code
 * SellerAccess seller = SellerAccess.of("A2986ZQ066CH2F", "amzn.mws.4ea38b7b-...", List.of("ATVPDKIKX0DER"));
 * SellerAccess own = SellerAccess.selfAccess("A2986ZQ066CH2F", List.of("ATVPDKIKX0DER")); // no token
 * }</pre>
 *
 * <p>The token is checked the way real MWS clients check it (the {@code amzn.mws.} prefix and a plain
 * token alphabet), not against this platform's stricter UUID form, so that tokens issued by any MWS
 * endpoint work. It is optional: a developer calling for the seller account that registered it
 * (self-access) needs none.
 *
 * <p>Immutable. {@link #toString()} shows the token's last four characters only.
 */
public final class SellerAccess {

    /** The most marketplaces one seller access may name. */
    public static final int MAX_MARKETPLACES = 5;

    private static final Pattern TOKEN = Pattern.compile("amzn\\.mws\\.[A-Za-z0-9-]{1,100}");

    private final SellerId sellerId;
    private final String mwsAuthToken;
    private final List<MarketplaceId> marketplaceIds;

    private SellerAccess(SellerId sellerId, String mwsAuthToken, List<MarketplaceId> marketplaceIds) {
        this.sellerId = sellerId;
        this.mwsAuthToken = mwsAuthToken;
        this.marketplaceIds = marketplaceIds;
    }

    /**
     * Access to a seller that authorized the developer.
     *
     * @param sellerId the seller's Seller ID (merchant token), e.g. {@code A2986ZQ066CH2F}
     * @param mwsAuthToken the MWS Auth Token, {@code amzn.mws.} followed by the token; {@code null} for
     *     self-access
     * @param marketplaceIds 1 to 5 distinct marketplace ids, e.g. {@code ATVPDKIKX0DER}
     * @return the access
     * @throws IllegalArgumentException with a message naming what to fix (never the token itself)
     */
    public static SellerAccess of(String sellerId, String mwsAuthToken, Collection<String> marketplaceIds) {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(marketplaceIds, "marketplaceIds");
        return new SellerAccess(SellerId.of(sellerId), checkToken(mwsAuthToken), checkMarketplaces(marketplaceIds));
    }

    /**
     * Access to the developer's own seller account, which needs no MWS Auth Token.
     *
     * @param sellerId the Seller ID of the account that registered the developer
     * @param marketplaceIds 1 to 5 distinct marketplace ids
     * @return the access
     */
    public static SellerAccess selfAccess(String sellerId, Collection<String> marketplaceIds) {
        return of(sellerId, null, marketplaceIds);
    }

    private static String checkToken(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip();
        if (!t.startsWith("amzn.mws.")) {
            throw new IllegalArgumentException("The MWS Auth Token must start with 'amzn.mws.' (the token the seller"
                    + " was shown after authorizing you); use SellerAccess.selfAccess(...) for your own account");
        }
        if (!TOKEN.matcher(t).matches()) {
            throw new IllegalArgumentException("The MWS Auth Token holds characters a token never has: expected"
                    + " 'amzn.mws.' followed by letters, digits and dashes. Copy it again from Seller Central");
        }
        return t;
    }

    private static List<MarketplaceId> checkMarketplaces(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("A seller access needs 1 to " + MAX_MARKETPLACES
                    + " marketplace ids (the seller's marketplaces you work in, e.g. ATVPDKIKX0DER); none were given");
        }
        if (ids.size() > MAX_MARKETPLACES) {
            throw new IllegalArgumentException("A seller access names at most " + MAX_MARKETPLACES
                    + " marketplace ids, as MWS allows; " + ids.size() + " were given. Keep one SellerAccess per"
                    + " group of at most " + MAX_MARKETPLACES + " marketplaces");
        }
        Set<MarketplaceId> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (!MarketplaceId.isValid(id)) {
                throw new IllegalArgumentException("'" + Text.abbreviate(id, 30) + "' is not a marketplace id: expected 8 to 20"
                        + " uppercase letters or digits starting with 'A', e.g. ATVPDKIKX0DER (Amazon.com)");
            }
            if (!seen.add(MarketplaceId.of(id))) {
                throw new IllegalArgumentException("Marketplace " + id + " is given twice; name each marketplace once");
            }
        }
        return List.copyOf(new ArrayList<>(seen));
    }


    /** The Seller ID, sent as {@code SellerId}. */
    public SellerId sellerId() {
        return sellerId;
    }

    /** The MWS Auth Token as sent in {@code MWSAuthToken}; empty for self-access. Never log it. */
    public Optional<String> mwsAuthToken() {
        return Optional.ofNullable(mwsAuthToken);
    }

    /** Whether this is self-access (no token). */
    public boolean isSelfAccess() {
        return mwsAuthToken == null;
    }

    /** The marketplaces, 1 to 5, in the order given. */
    public List<MarketplaceId> marketplaceIds() {
        return marketplaceIds;
    }

    /** Compares all three parts; the tokens in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SellerAccess a && sellerId.equals(a.sellerId) && marketplaceIds.equals(a.marketplaceIds)
                && (mwsAuthToken == null ? a.mwsAuthToken == null
                        : ConstantTime.equal(mwsAuthToken, a.mwsAuthToken));
    }

    @Override
    public int hashCode() {
        return Objects.hash(sellerId, marketplaceIds);
    }

    /** {@code SellerAccess[A2986ZQ066CH2F, token amzn.mws.…d3c2, marketplaces [ATVPDKIKX0DER]]}. */
    @Override
    public String toString() {
        return "SellerAccess[" + sellerId + ", " + (mwsAuthToken == null ? "self-access"
                : "token amzn.mws.\u2026" + mwsAuthToken.substring(mwsAuthToken.length() - 4))
                + ", marketplaces " + marketplaceIds + "]";
    }
}
