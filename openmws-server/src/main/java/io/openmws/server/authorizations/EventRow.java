package io.openmws.server.authorizations;

import io.openmws.server.support.DisplayTime;

/** An audit event as the authorization's page lists it: message keys and text, no secret. */
record EventRow(String when, String eventKey, String actorKey, String actorSellerId, String detail) {

    static EventRow of(AuthorizationEvent event) {
        return new EventRow(DisplayTime.minute(event.occurredAt()),
                "authorizations.event." + event.kind().name(),
                "authorizations.actor." + event.actor().kind().name(),
                event.actor().sellerId(), event.detail());
    }
}
