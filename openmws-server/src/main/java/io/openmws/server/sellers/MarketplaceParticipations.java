package io.openmws.server.sellers;

import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The marketplaces a seller participates in, a page at a time: the common part of
 * {@code ListMarketplaceParticipations} and its {@code ByNextToken} sequel (docs/protocol.md §8).
 */
@Component
class MarketplaceParticipations {

    // p2 names the developer too: a token works only for the caller it was issued to (docs/protocol.md §9),
    // as every other list's does; p1 tokens named the seller only.
    private static final String TOKEN_VERSION = "p2";

    private final SellerAccounts accounts;
    private final int pageSize;

    MarketplaceParticipations(SellerAccounts accounts,
                              @Value("${openmws.sellers.participations-page-size:10}") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("openmws.sellers.participations-page-size must be at least 1");
        }
        this.accounts = accounts;
        this.pageSize = pageSize;
    }

    /** Writes the page that starts at {@code offset} for the call's seller. */
    void write(MwsCall call, int offset, MwsXmlWriter result) throws IOException {
        SellerAccount account = accounts.bySellerId(call.sellerId()).filter(SellerAccount::active)
                .orElseThrow(() -> new MwsException(MwsError.accessDenied()));
        List<Marketplace> all = account.marketplaceIds().stream()
                .flatMap(id -> Marketplaces.byId(id).stream()).toList();
        if (offset > all.size()) {
            throw corrupted();
        }
        List<Marketplace> page = all.subList(offset, Math.min(all.size(), offset + pageSize));
        if (offset + page.size() < all.size()) {
            result.element("NextToken", token(call, offset + page.size()));
        }
        result.start("ListParticipations");
        for (Marketplace m : page) {
            result.start("Participation")
                    .element("MarketplaceId", m.id().value())
                    .element("SellerId", account.sellerId())
                    // Listings come with the catalog; without any, none is suspended.
                    .element("HasSellerSuspendedListings", "No")
                    .end();
        }
        result.end();
        result.start("ListMarketplaces");
        for (Marketplace m : page) {
            result.start("Marketplace")
                    .element("MarketplaceId", m.id().value())
                    .element("Name", m.name())
                    .element("DefaultCountryCode", m.countryCode())
                    .element("DefaultCurrencyCode", m.currencyCode())
                    .element("DefaultLanguageCode", m.languageCode())
                    .element("DomainName", m.domainName())
                    .end();
        }
        result.end();
    }

    /**
     * The offset a NextToken stands for; {@code NextTokenCorrupted} unless it was issued to this caller:
     * this seller and this developer.
     */
    int offsetOf(String nextToken, MwsCall call) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(nextToken.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw corrupted();
        }
        String[] parts = decoded.split("\\|", -1);
        if (parts.length != 4 || !TOKEN_VERSION.equals(parts[0]) || !parts[1].equals(call.sellerId())
                || !parts[2].equals(call.developerId()) || !parts[3].matches("[1-9][0-9]{0,5}")) {
            throw corrupted();
        }
        return Integer.parseInt(parts[3]);
    }

    private static String token(MwsCall call, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join("|", TOKEN_VERSION, call.sellerId(), call.developerId(), Integer.toString(offset))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static MwsException corrupted() {
        return MwsException.of(MwsErrorCode.NEXT_TOKEN_CORRUPTED, MwsErrorCode.NEXT_TOKEN_CORRUPTED.defaultMessage());
    }

}
