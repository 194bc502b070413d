package io.openmws.server.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the session, as Spring Security's {@link HttpSessionCsrfTokenRepository} keeps
 * them, except that a request which needs a token (a POST, say) and comes without a session never
 * gets one made for it. Spring generates and saves a token to compare the missing one with; the
 * request is refused either way, and the saved token would only create a session (a database row)
 * per anonymous refused request.
 */
public final class CsrfTokensInSession implements CsrfTokenRepository {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    private final HttpSessionCsrfTokenRepository delegate = new HttpSessionCsrfTokenRepository();

    /** Tokens under Spring's default session attribute. */
    public CsrfTokensInSession() {}

    /** Tokens under {@code sessionAttributeName}. */
    public CsrfTokensInSession(String sessionAttributeName) {
        delegate.setSessionAttributeName(sessionAttributeName);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return delegate.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null && !SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        delegate.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return delegate.loadToken(request);
    }
}
