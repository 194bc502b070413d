package io.openmws.server.authorizations;

import java.util.Objects;

/**
 * Who caused an event of an authorization: the seller (by Seller ID), the platform itself (expiry,
 * reminders), or the sandbox operator through the control API. Stored as text in the audit trail.
 */
public record Actor(Kind kind, String sellerId) {

    /** The kinds of actor, each with its own wording on the detail page. */
    public enum Kind {
        SELLER,
        PLATFORM,
        OPERATOR
    }

    public static final Actor PLATFORM = new Actor(Kind.PLATFORM, null);
    public static final Actor OPERATOR = new Actor(Kind.OPERATOR, null);

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SELLER) != (sellerId != null)) {
            throw new IllegalArgumentException("A seller actor, and only one, names a Seller ID");
        }
    }

    public static Actor seller(String sellerId) {
        return new Actor(Kind.SELLER, Objects.requireNonNull(sellerId, "sellerId"));
    }

    /** The text kept in {@code authorization_event.actor}. */
    String stored() {
        return kind == Kind.SELLER ? "seller:" + sellerId : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    static Actor fromStored(String text) {
        if (text.startsWith("seller:")) {
            return seller(text.substring("seller:".length()));
        }
        return new Actor(Kind.valueOf(text.toUpperCase(java.util.Locale.ROOT)), null);
    }
}
