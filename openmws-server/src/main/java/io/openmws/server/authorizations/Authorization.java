package io.openmws.server.authorizations;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.MwsAuthToken;
import java.time.Duration;
import java.time.Instant;

/**
 * One seller's authorization of one developer, as pages and other features see it. It holds no
 * token: only the token's last four characters, for masked display.
 *
 * @param ref              the row's own number, used in the portal's addresses (always with the account)
 * @param status           the status as stored; {@link #statusAt(Instant)} is what holds now
 * @param authorizedAt     when the seller accepted the terms and made it
 * @param verifiedAt       when the seller confirmed it from the mailed link (or when it needed no link)
 * @param activeSince      when the current twelve months began: verification or the latest renewal
 * @param expiresAt        when the current twelve months end ({@code null} while pending)
 */
public record Authorization(
        long ref,
        long accountId,
        String sellerId,
        String sellerBusinessName,
        long developerRef,
        DeveloperId developerId,
        String developerName,
        AuthorizationStatus status,
        String tokenLast4,
        String termsVersion,
        Instant authorizedAt,
        Instant verifiedAt,
        Instant activeSince,
        Instant expiresAt,
        Instant revokedAt) {

    /** How long an authorization lasts from when it became active or was renewed. */
    public static final int VALIDITY_MONTHS = 12;
    /** How long before expiry renewal becomes possible, and reminders begin. */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

    /** The status at {@code now}: an active authorization past its expiry is expired, marked yet or not. */
    public AuthorizationStatus statusAt(Instant now) {
        if (status == AuthorizationStatus.ACTIVE && expiresAt != null && !now.isBefore(expiresAt)) {
            return AuthorizationStatus.EXPIRED;
        }
        return status;
    }

    /** From when Renew is offered; {@code null} when it never is (pending or revoked). */
    public Instant renewableFrom() {
        return expiresAt == null || status == AuthorizationStatus.REVOKED
                || status == AuthorizationStatus.PENDING_VERIFICATION ? null : expiresAt.minus(RENEWAL_WINDOW);
    }

    /** Whether Renew is possible at {@code now}: from 30 days before expiry, and any time after. */
    public boolean renewableAt(Instant now) {
        Instant from = renewableFrom();
        return from != null && !now.isBefore(from);
    }

    /** Whether Revoke access is offered: anything not revoked yet. */
    public boolean revocable() {
        return status != AuthorizationStatus.REVOKED;
    }

    /**
     * Whole days until expiry, counted up (a few hours left is one day), for an authorization that is
     * active at {@code now}; {@code null} otherwise.
     */
    public Long daysLeft(Instant now) {
        if (statusAt(now) != AuthorizationStatus.ACTIVE) {
            return null;
        }
        long seconds = Duration.between(now, expiresAt).toSeconds();
        return (seconds + 86_399) / 86_400;
    }

    /** The token as tables show it: prefix, an ellipsis and the last four characters. */
    public String maskedToken() {
        return MwsAuthToken.PREFIX + "\u2026" + tokenLast4;
    }
}
