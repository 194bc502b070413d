package io.openmws.server.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a seller's portal sessions on every node (they live in the database, indexed by principal name). */
@Component
class PortalSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    PortalSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of {@code principalName} except {@code keepSessionId} (which may be null). */
    void endAllExcept(String principalName, String keepSessionId) {
        for (String id : sessions.findByPrincipalName(principalName).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
            }
        }
    }
}
