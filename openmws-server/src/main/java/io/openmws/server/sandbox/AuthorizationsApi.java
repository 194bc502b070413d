package io.openmws.server.sandbox;

import io.openmws.server.accounts.SandboxSellerAccounts;
import io.openmws.server.authorizations.Actor;
import io.openmws.server.authorizations.Authorization;
import io.openmws.server.authorizations.SandboxAuthorizations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seller-to-developer authorizations for tests: authorize (verified at once, no mail), look up, renew
 * and revoke, with the same effects as the Seller Central buttons. Refusals become JSON errors in
 * {@link SandboxApiErrors}.
 */
@RestController
class AuthorizationsApi {

    record NewAuthorization(String sellerId, String developerId) {}

    /**
     * An authorization with its MWS Auth Token: the operator sees tokens, as the seller does.
     *
     * @param developerId the 12 digits, without dashes
     * @param expiresAt   {@code null} (left out) while pending
     */
    record AuthorizationState(String sellerId, String developerId, String mwsAuthToken, String status,
                              Instant authorizedAt, Instant expiresAt, List<String> marketplaces) {
        @Override
        public String toString() {
            return "AuthorizationState[sellerId=" + sellerId + ", developerId=" + developerId + ", status=" + status
                    + ", token redacted]";
        }
    }

    private final SandboxAuthorizations authorizations;
    private final SandboxSellerAccounts accounts;
    private final Clock clock;

    AuthorizationsApi(SandboxAuthorizations authorizations, SandboxSellerAccounts accounts, Clock clock) {
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/sandbox/v1/authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    AuthorizationState authorize(@RequestBody(required = false) NewAuthorization request, HttpServletRequest http) {
        if (request == null || blank(request.sellerId()) || blank(request.developerId())) {
            throw SandboxApiException.invalid("Give {\"sellerId\": ..., \"developerId\": ...}: both are required.");
        }
        var issued = authorizations.authorizeForSandbox(request.sellerId(), request.developerId(), http.getRemoteAddr());
        return state(issued.authorization(), issued.token().reveal());
    }

    @GetMapping("/sandbox/v1/authorizations/{sellerId}/{developerId}")
    AuthorizationState get(@PathVariable String sellerId, @PathVariable String developerId) {
        Authorization newest = authorizations.newestOfPair(sellerId, developerId);
        return state(newest, authorizations.operatorToken(newest).reveal());
    }

    @PostMapping("/sandbox/v1/authorizations/{sellerId}/{developerId}/renew")
    AuthorizationState renew(@PathVariable String sellerId, @PathVariable String developerId) {
        Authorization renewed = authorizations.renewPair(sellerId, developerId, Actor.OPERATOR);
        return state(renewed, authorizations.operatorToken(renewed).reveal());
    }

    @PostMapping("/sandbox/v1/authorizations/{sellerId}/{developerId}/revoke")
    AuthorizationState revoke(@PathVariable String sellerId, @PathVariable String developerId) {
        Authorization revoked = authorizations.revokePair(sellerId, developerId, Actor.OPERATOR);
        return state(revoked, authorizations.operatorToken(revoked).reveal());
    }

    private AuthorizationState state(Authorization a, String token) {
        List<String> marketplaces = accounts.byId(a.accountId()).map(acc -> acc.marketplaceIds()).orElse(List.of());
        return new AuthorizationState(a.sellerId(), a.developerId().digits(), token, a.statusAt(clock.instant()).name(),
                a.authorizedAt(), a.expiresAt(), marketplaces);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
