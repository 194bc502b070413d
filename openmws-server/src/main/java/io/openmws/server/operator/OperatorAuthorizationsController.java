package io.openmws.server.operator;

import io.openmws.server.authorizations.Authorization;
import io.openmws.server.authorizations.AuthorizationStatus;
import io.openmws.server.authorizations.SandboxAuthorizations;
import io.openmws.server.support.ListFilter;
import io.openmws.server.support.PlatformClock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Authorizations: every seller-to-developer authorization, newest first. Never a token, not even masked. */
@Controller
class OperatorAuthorizationsController {

    /** A row of the authorizations table: the status that holds now, no token. */
    record AuthorizationRow(String sellerId, String sellerBusinessName, String developerId, String developerName,
                            AuthorizationStatus status, Instant authorizedAt, Instant expiresAt) {
        static AuthorizationRow of(Authorization a, Instant now) {
            return new AuthorizationRow(a.sellerId(), a.sellerBusinessName(), a.developerId().formatted(),
                    a.developerName(), a.statusAt(now), a.authorizedAt(), a.expiresAt());
        }

        public String badge() {
            return switch (status) {
                case ACTIVE -> "ok";
                case EXPIRED, REVOKED -> "off";
                case PENDING_VERIFICATION -> "pending";
            };
        }
    }

    private final SandboxAuthorizations authorizations;
    private final PlatformClock clock;

    OperatorAuthorizationsController(SandboxAuthorizations authorizations, PlatformClock clock) {
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @GetMapping("/operator/authorizations")
    String list(@RequestParam(required = false) String q, Model model) {
        Instant now = clock.instant();
        List<AuthorizationRow> rows = authorizations.newest(ListFilter.of(q), OperatorArea.LIST_LIMIT + 1).stream()
                .map(a -> AuthorizationRow.of(a, now)).toList();
        OperatorArea.list(model, rows, q);
        return "operator/authorizations";
    }
}
