package io.openmws.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a seller in to the portal outside the login form (right after sign-up and after verification),
 * and keeps the time of sign-in that the absolute session limit counts from.
 */
@Component
class PortalSignIn {

    /** Sessions end this long after sign-in, however active (OWASP ASVS 3.3). */
    static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);
    static final String SIGNED_IN_AT = "openmws.signedInAt";

    private final SecurityContextRepository contexts;
    private final Clock clock;

    PortalSignIn(SecurityContextRepository contexts, Clock clock) {
        this.contexts = contexts;
        this.clock = clock;
    }

    void signIn(SellerPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        markSignedIn(request.getSession());
    }

    void markSignedIn(HttpSession session) {
        session.setAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
    }

    /** Whether the session's sign-in is older than {@link #ABSOLUTE_LIMIT}. */
    boolean expired(HttpSession session) {
        Object at = session.getAttribute(SIGNED_IN_AT);
        return at instanceof Long millis && !clock.instant().isBefore(Instant.ofEpochMilli(millis).plus(ABSOLUTE_LIMIT));
    }
}
