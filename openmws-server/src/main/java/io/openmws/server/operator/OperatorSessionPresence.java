package io.openmws.server.operator;

import io.openmws.server.support.OpenMwsProperties;
import io.openmws.server.support.OperatorPresence;
import io.openmws.server.support.PlatformClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Reads the operator's sign-in where {@link OperatorSecurity} keeps it (its own session attributes),
 * with the same time limits, so that a portal page can tell the operator apart without the operator
 * chain.
 */
@Component
class OperatorSessionPresence implements OperatorPresence {

    private final boolean sandbox;
    private final Clock realTime;
    private final Duration idleLimit;

    OperatorSessionPresence(OpenMwsProperties properties, PlatformClock clock,
                            @Value("${server.servlet.session.timeout:30m}") Duration idleLimit) {
        this.sandbox = properties.sandbox();
        this.realTime = clock.realTime();
        this.idleLimit = idleLimit;
    }

    @Override
    public boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (!sandbox || session == null
                || !(session.getAttribute(OperatorSecurity.CONTEXT_ATTRIBUTE) instanceof SecurityContext context)) {
            return false;
        }
        Authentication auth = context.getAuthentication();
        return auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()))
                && OperatorSecurity.withinLimits(session, realTime.instant(), idleLimit);
    }
}
