package io.openmws.server.authorizations;

import io.openmws.server.support.DisplayTime;
import java.time.Instant;

/**
 * An authorization as a table row or a detail page shows it at one moment: the status that holds
 * then, dates written for people, and which actions are offered. No token, only its masked form.
 */
record AuthorizationRow(
        long ref,
        String sellerId,
        String sellerBusinessName,
        String developerName,
        String developerId,
        AuthorizationStatus status,
        String authorizedOn,
        String verifiedOn,
        String activeSince,
        String expiresOn,
        String revokedOn,
        Long daysLeft,
        String maskedToken,
        String termsVersion,
        boolean renewable,
        String renewableFrom,
        boolean revocable) {

    static AuthorizationRow of(Authorization a, Instant now) {
        return new AuthorizationRow(a.ref(), a.sellerId(), a.sellerBusinessName(), a.developerName(),
                a.developerId().formatted(), a.statusAt(now), DisplayTime.date(a.authorizedAt()),
                DisplayTime.minute(a.verifiedAt()), DisplayTime.minute(a.activeSince()), DisplayTime.date(a.expiresAt()),
                DisplayTime.minute(a.revokedAt()), a.daysLeft(now), a.maskedToken(), a.termsVersion(),
                a.renewableAt(now), DisplayTime.date(a.renewableFrom()), a.revocable());
    }

    public boolean pending() {
        return status == AuthorizationStatus.PENDING_VERIFICATION;
    }

    public boolean active() {
        return status == AuthorizationStatus.ACTIVE;
    }

    /** Whether the authorization is over: revoked, or past its expiry. */
    public boolean ended() {
        return status == AuthorizationStatus.REVOKED || status == AuthorizationStatus.EXPIRED;
    }

    /** When an ended authorization ended: the revocation's time, or the expiry's date. */
    public String endedOn() {
        return status == AuthorizationStatus.REVOKED ? revokedOn : status == AuthorizationStatus.EXPIRED ? expiresOn : null;
    }

    /** The message of the "Revoked on" or "Expired on" cell. */
    public String endedKey() {
        return status == AuthorizationStatus.REVOKED ? "authorizations.past.revokedOn" : "authorizations.past.expiredOn";
    }

    /** The badge style of the status: ok for active, off for expired and revoked, plain for pending. */
    public String badge() {
        return switch (status) {
            case ACTIVE -> "ok";
            case EXPIRED, REVOKED -> "off";
            case PENDING_VERIFICATION -> "pending";
        };
    }
}
