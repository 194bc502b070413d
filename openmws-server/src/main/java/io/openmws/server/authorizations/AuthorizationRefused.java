package io.openmws.server.authorizations;

import io.openmws.server.support.Refusal;

/**
 * Why an authorization could not be made or changed. {@link #messageKey()} is in the portal's bundle; the
 * sandbox control API maps {@link #reason()} to its own status and text.
 */
public final class AuthorizationRefused extends Refusal {
    private final Reason reason;

    /** @param args the message's arguments (a date, a region, the ids asked for), never a secret */
    AuthorizationRefused(Reason reason, Object... args) {
        super(reason.kind, reason.messageKey, null, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The refusals, each with its message. */
    public enum Reason {
        /** Name and Developer ID do not both match one active developer; never says which half is wrong. */
        NO_SUCH_DEVELOPER(Kind.NOT_FOUND, "authorizations.refused.noSuchDeveloper"),
        /** The developer is the seller's own registration, which needs no authorization. */
        OWN_DEVELOPER(Kind.CONFLICT, "authorizations.refused.ownDeveloper"),
        /** The developer is registered for another region than the seller's home marketplace. */
        OTHER_REGION(Kind.CONFLICT, "authorizations.refused.otherRegion"),
        /** The pair has an authorization that is not revoked. */
        ALREADY_AUTHORIZED(Kind.CONFLICT, "authorizations.refused.alreadyAuthorized"),
        /** The terms box was not ticked. */
        TERMS_NOT_ACCEPTED(Kind.INVALID, "authorizations.refused.termsNotAccepted"),
        /** The terms changed while the seller read them. */
        TERMS_CHANGED(Kind.CONFLICT, "authorizations.refused.termsChanged"),
        /** No active seller account has that Seller ID (sandbox). */
        NO_SUCH_SELLER(Kind.NOT_FOUND, "authorizations.refused.noSuchSeller"),
        /** No authorization of this seller has that number, or the pair has none (sandbox). */
        NO_SUCH_AUTHORIZATION(Kind.NOT_FOUND, "authorizations.refused.noSuchAuthorization"),
        /** Renewal opens 30 days before expiry; the argument is the date it opens. */
        NOT_RENEWABLE_YET(Kind.CONFLICT, "authorizations.refused.notRenewableYet"),
        /** Pending and revoked authorizations are never renewed. */
        NOT_RENEWABLE(Kind.CONFLICT, "authorizations.refused.notRenewable"),
        /** Revoked already. */
        ALREADY_REVOKED(Kind.CONFLICT, "authorizations.refused.alreadyRevoked"),
        /** Only a pending authorization gets a confirmation link. */
        NOT_PENDING(Kind.CONFLICT, "authorizations.refused.notPending"),
        /** A link was sent less than a minute ago. */
        RESEND_TOO_SOON(Kind.CONFLICT, "authorizations.refused.resendTooSoon"),
        /** The confirmation link is unknown, used, expired, or belongs to another account. */
        LINK_DEAD(Kind.CONFLICT, "authorizations.refused.linkDead");

        private final Kind kind;
        private final String messageKey;

        Reason(Kind kind, String messageKey) {
            this.kind = kind;
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
