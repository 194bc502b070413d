package io.openmws.sdk;

import io.openmws.protocol.ApiSection;
import io.openmws.sdk.internal.CallExecutor;
import io.openmws.sdk.internal.LazyPages;
import io.openmws.sdk.internal.MwsCall;
import io.openmws.sdk.internal.SellersXml;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Sellers API (2011-07-01) of an {@link MwsClient}: which marketplaces a seller participates in, and
 * the section's service status ({@code docs/protocol.md} §8). Get it from {@link MwsClient#sellers()}.
 * Thread-safe.
 */
public final class SellersApi {

    private static final String LIST = "ListMarketplaceParticipations";
    private static final String LIST_BY_NEXT_TOKEN = "ListMarketplaceParticipationsByNextToken";

    private final CallExecutor executor;

    SellersApi(CallExecutor executor) {
        this.executor = executor;
    }

    /**
     * Every marketplace the seller participates in, all pages read.
     *
     * @param seller the seller
     * @return the participations, in the endpoint's order
     * @throws MwsException when a call fails
     */
    public List<MarketplaceParticipation> listMarketplaceParticipations(SellerAccess seller) {
        return marketplaceParticipations(seller).toList();
    }

    /**
     * Every marketplace the seller participates in, as a lazy stream: the first call is made when the
     * stream is first read, and each further page ({@code ListMarketplaceParticipationsByNextToken}) only
     * when the items before it have been consumed. A stream that is not read to its end makes no more
     * calls.
     *
     * @param seller the seller
     * @return the participations
     * @throws MwsException (when the stream is read) when a call fails
     */
    public Stream<MarketplaceParticipation> marketplaceParticipations(SellerAccess seller) {
        Objects.requireNonNull(seller, "seller");
        return LazyPages.stream(() -> listMarketplaceParticipationsPage(seller),
                token -> listMarketplaceParticipationsByNextToken(seller, token), Page::items, Page::nextToken);
    }

    /**
     * The first page of {@code ListMarketplaceParticipations}.
     *
     * @param seller the seller
     * @return the page, with a NextToken when more follow
     * @throws MwsException when the call fails
     */
    public Page<MarketplaceParticipation> listMarketplaceParticipationsPage(SellerAccess seller) {
        Objects.requireNonNull(seller, "seller");
        return executor.execute(MwsCall.forSeller(ApiSection.SELLERS, LIST, seller, Map.of()),
                SellersXml.participations(LIST));
    }

    /**
     * A further page: {@code ListMarketplaceParticipationsByNextToken}, which shares its throttle bucket
     * with {@code ListMarketplaceParticipations}.
     *
     * @param seller the seller the token was issued for
     * @param nextToken the token of the previous page
     * @return the page
     * @throws MwsException when the call fails; {@link MwsException.Kind#INVALID_PARAMETER} with code
     *     {@code NextTokenCorrupted} for a token the endpoint does not accept (start again from the first page)
     */
    public Page<MarketplaceParticipation> listMarketplaceParticipationsByNextToken(SellerAccess seller, String nextToken) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(nextToken, "nextToken");
        if (nextToken.isBlank()) {
            throw new IllegalArgumentException("The NextToken is blank; pass the token of the previous page");
        }
        return executor.execute(MwsCall.forSeller(ApiSection.SELLERS, LIST_BY_NEXT_TOKEN, seller,
                Map.of("NextToken", nextToken)), SellersXml.participations(LIST_BY_NEXT_TOKEN));
    }

    /**
     * {@code GetAuthToken}: the MWS Auth Token of the developer's own seller account (self-access), for
     * programs that want to send a token on every call. Endpoints answer it only for the developer's own
     * account; for any other seller it is {@link MwsException.Kind#ACCESS_DENIED}.
     *
     * @param ownAccount the developer's own seller account ({@link SellerAccess#selfAccess})
     * @return the token; never log it
     * @throws MwsException when the call fails
     */
    public String getAuthToken(SellerAccess ownAccount) {
        Objects.requireNonNull(ownAccount, "ownAccount");
        return executor.execute(MwsCall.forSeller(ApiSection.SELLERS, "GetAuthToken", ownAccount, Map.of()),
                SellersXml.authToken());
    }

    /**
     * The Sellers section's service status. It needs no seller; its throttle bucket (2 calls, one more
     * every 5 minutes) belongs to the developer account.
     *
     * @return the status
     * @throws MwsException when the call fails
     */
    public ServiceStatus getServiceStatus() {
        return executor.execute(MwsCall.withoutSeller(ApiSection.SELLERS, "GetServiceStatus"), SellersXml.serviceStatus());
    }

    @Override
    public String toString() {
        return "SellersApi[" + executor + "]";
    }
}
