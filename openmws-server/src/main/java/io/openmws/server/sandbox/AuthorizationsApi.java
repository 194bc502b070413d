package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.authorizations.Actor;
import io.openmws.server.authorizations.Authorization;
import io.openmws.server.authorizations.Authorizations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seller-to-developer authorizations for tests: authorize (verified at once, no mail), look up, renew
 * and revoke, with the same effects as the Seller Central buttons.
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

    private final Authorizations authorizations;
    private final SellerAccounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    AuthorizationsApi(Authorizations authorizations, SellerAccounts accounts, MessageSource messages, Clock clock) {
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/sandbox/v1/authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    AuthorizationState authorize(@RequestBody(required = false) NewAuthorization request, HttpServletRequest http) {
        if (request == null || blank(request.sellerId()) || blank(request.developerId())) {
            throw SandboxApiException.invalid("Give {\"sellerId\": ..., \"developerId\": ...}: both are required.");
        }
        try {
            var issued = authorizations.authorizeForSandbox(request.sellerId(), request.developerId(), http.getRemoteAddr());
            return state(issued.authorization(), issued.token().reveal());
        } catch (Authorizations.Refused refused) {
            throw translate(refused, request.sellerId(), request.developerId());
        }
    }

    @GetMapping("/sandbox/v1/authorizations/{sellerId}/{developerId}")
    AuthorizationState get(@PathVariable String sellerId, @PathVariable String developerId) {
        try {
            Authorization newest = authorizations.ofPair(sellerId, developerId)
                    .orElseThrow(() -> new SandboxApiException(HttpStatus.NOT_FOUND, "NotFound",
                            "Seller " + Text.abbreviate(sellerId, 43) + " has never authorized developer "
                                    + Text.abbreviate(developerId, 43) + "."));
            return state(newest, authorizations.operatorToken(newest).reveal());
        } catch (Authorizations.Refused refused) {
            throw translate(refused, sellerId, developerId);
        }
    }

    @PostMapping("/sandbox/v1/authorizations/{sellerId}/{developerId}/renew")
    AuthorizationState renew(@PathVariable String sellerId, @PathVariable String developerId) {
        try {
            Authorization renewed = authorizations.renewPair(sellerId, developerId, Actor.OPERATOR);
            return state(renewed, authorizations.operatorToken(renewed).reveal());
        } catch (Authorizations.Refused refused) {
            throw translate(refused, sellerId, developerId);
        }
    }

    @PostMapping("/sandbox/v1/authorizations/{sellerId}/{developerId}/revoke")
    AuthorizationState revoke(@PathVariable String sellerId, @PathVariable String developerId) {
        try {
            Authorization revoked = authorizations.revokePair(sellerId, developerId, Actor.OPERATOR);
            return state(revoked, authorizations.operatorToken(revoked).reveal());
        } catch (Authorizations.Refused refused) {
            throw translate(refused, sellerId, developerId);
        }
    }

    private AuthorizationState state(Authorization a, String token) {
        List<String> marketplaces = accounts.byId(a.accountId()).map(acc -> acc.marketplaceIds()).orElse(List.of());
        return new AuthorizationState(a.sellerId(), a.developerId().digits(), token, a.statusAt(clock.instant()).name(),
                a.authorizedAt(), a.expiresAt(), marketplaces);
    }

    private SandboxApiException translate(Authorizations.Refused refused, String sellerId, String developerId) {
        String text = messages.getMessage(refused.messageKey(), refused.args(), refused.messageKey(), Locale.ENGLISH);
        return switch (refused.reason()) {
            case NO_SUCH_SELLER -> SandboxApiException.notFound("No active seller account has Seller ID "
                    + Text.abbreviate(sellerId, 43) + ".");
            case NO_SUCH_DEVELOPER -> SandboxApiException.notFound("No active developer has Developer ID "
                    + Text.abbreviate(developerId, 43) + ".");
            case NO_SUCH_AUTHORIZATION -> SandboxApiException.notFound("Seller " + Text.abbreviate(sellerId, 43)
                    + " has never authorized developer " + Text.abbreviate(developerId, 43) + ".");
            default -> new SandboxApiException(HttpStatus.CONFLICT, "Conflict", text);
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
