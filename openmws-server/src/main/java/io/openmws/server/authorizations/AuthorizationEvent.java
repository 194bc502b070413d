package io.openmws.server.authorizations;

import java.time.Instant;

/**
 * One entry of an authorization's audit trail.
 *
 * @param detail a short fact that goes with the event (the terms version accepted, the new expiry,
 *               the reminder's number); never a secret
 */
public record AuthorizationEvent(Kind kind, Instant occurredAt, Actor actor, String detail) {

    /** What happened. */
    public enum Kind {
        REQUESTED,
        VERIFICATION_SENT,
        VERIFIED,
        RENEWED,
        EXPIRED,
        REVOKED,
        REMINDER_SENT
    }
}
