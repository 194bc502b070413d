package io.openmws.server.authorizations;

import io.openmws.protocol.Text;
import io.openmws.protocol.ids.MwsAuthToken;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.authorizations.AuthorizationRefused.Reason;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.Developers;
import io.openmws.server.support.ListFilter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door of this feature for the sandbox control API, the operator pages and the demo data:
 * authorizations addressed by Seller ID and Developer ID instead of the signed-in seller, made
 * verified at once, and their tokens shown without a password. The effects are those of the seller's
 * own buttons ({@link Authorizations}), recorded as the operator's.
 */
@Service
public class SandboxAuthorizations {

    private final Authorizations authorizations;
    private final AuthorizationRepository repository;
    private final AuthorizationTerms terms;
    private final SellerAccounts accounts;
    private final Developers developers;
    private final Clock clock;

    SandboxAuthorizations(Authorizations authorizations, AuthorizationRepository repository, AuthorizationTerms terms,
                          SellerAccounts accounts, Developers developers, Clock clock) {
        this.authorizations = authorizations;
        this.repository = repository;
        this.terms = terms;
        this.accounts = accounts;
        this.developers = developers;
        this.clock = clock;
    }

    /**
     * What the sandbox operator does for test fixtures: the seller authorizes the developer and the
     * authorization is verified at once, with no mail. The terms are recorded as accepted by the operator.
     *
     * @throws AuthorizationRefused for an unknown seller or developer, the seller's own developer, or a pair
     *     authorized already
     */
    @Transactional
    public IssuedAuthorization authorizeForSandbox(String sellerId, String developerId, String clientAddress) {
        SellerAccount account = sellerById(sellerId);
        Developer developer = developers.byDeveloperId(developerId).filter(Developer::active)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_DEVELOPER, shown(developerId)));
        Authorizations.TermsAcceptance acceptance = new Authorizations.TermsAcceptance(true, terms.current().version(), clientAddress);
        return authorizations.issue(account, developer, acceptance, Actor.OPERATOR, true, null);
    }

    /** The newest authorization of the pair, whatever its status (sandbox). */
    public Optional<Authorization> ofPair(String sellerId, String developerId) {
        SellerAccount account = sellerById(sellerId);
        Developer developer = developers.byDeveloperId(developerId)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_DEVELOPER, shown(developerId)));
        return repository.newestOfPair(account.id(), developer.ref());
    }

    /**
     * The newest authorization of the pair, whatever its status.
     *
     * @throws AuthorizationRefused {@link Reason#NO_SUCH_AUTHORIZATION} when the seller never authorized
     *     the developer, or for an unknown seller or developer
     */
    public Authorization newestOfPair(String sellerId, String developerId) {
        return ofPair(sellerId, developerId).orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_AUTHORIZATION,
                shown(sellerId), shown(developerId)));
    }

    /** The token of an authorization, for the sandbox operator, who needs no password. */
    public MwsAuthToken operatorToken(Authorization authorization) {
        return authorizations.openToken(authorization);
    }

    /** Renews the pair's newest authorization, as its seller's Renew button would (sandbox). */
    @Transactional
    public Authorization renewPair(String sellerId, String developerId, Actor actor) {
        Authorization newest = newestOfPair(sellerId, developerId);
        return authorizations.renew(newest.accountId(), newest.ref(), actor);
    }

    /** Revokes the pair's newest authorization, as its seller's Revoke access button would (sandbox). */
    @Transactional
    public Authorization revokePair(String sellerId, String developerId, Actor actor) {
        Authorization newest = newestOfPair(sellerId, developerId);
        return authorizations.revoke(newest.accountId(), newest.ref(), actor);
    }

    /** How many authorizations exist, and how many are active now. */
    public record Counts(long total, long active) {}

    /**
     * For the sandbox operator's list: the newest authorizations matching the filter (the seller's
     * Seller ID or part of its email, or the Developer ID), newest first, at most {@code limit}.
     */
    public List<Authorization> newest(ListFilter filter, int limit) {
        return repository.newest(filter, limit);
    }

    public Counts counts() {
        long[] counts = repository.counts(clock.instant());
        return new Counts(counts[0], counts[1]);
    }

    private SellerAccount sellerById(String sellerId) {
        if (sellerId == null || sellerId.isBlank() || sellerId.length() > 20) {
            throw new AuthorizationRefused(Reason.NO_SUCH_SELLER, shown(sellerId));
        }
        return accounts.bySellerId(sellerId.strip()).filter(SellerAccount::active)
                .orElseThrow(() -> new AuthorizationRefused(Reason.NO_SUCH_SELLER, shown(sellerId)));
    }

    /** An id as the caller sent it, cut to a length fit for a message. */
    private static String shown(String id) {
        return Text.abbreviate(String.valueOf(id), 43);
    }
}
