package io.openmws.server.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a failed form sign-in with a redirect, and keeps nothing of the attempt. Spring Security's
 * {@code SimpleUrlAuthenticationFailureHandler} stores the exception in the session for the login
 * page, and the exception holds the attempted token with the typed password (or operator token):
 * our sessions live in the database, so that would write the password there. Our sign-in pages show
 * one fixed message instead, so the exception is not needed; its credentials are erased as well.
 *
 * <p>The seller's sign-in page keeps the typed email address for the page that follows, so that only
 * the password is typed again: as a session attribute that the next sign-in page takes out again
 * ({@link #takeTypedUsername}), only when the session already exists (it holds the form's CSRF token),
 * never in the address bar and never a password. The operator's page keeps nothing.
 */
public final class ForgetfulSignInFailure implements AuthenticationFailureHandler {

    /** The session attribute of the typed username, until the next sign-in page takes it. */
    static final String TYPED_USERNAME = "openmws.signIn.typedUsername";

    /** The longest username kept: an email address is at most 254 characters. */
    static final int MAX_KEPT = 254;

    private final String failureUrl;
    private final String keptParameter;
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    /** Redirects to {@code failureUrl} and keeps nothing of the attempt. */
    public ForgetfulSignInFailure(String failureUrl) {
        this(failureUrl, null);
    }

    /** Redirects to {@code failureUrl} and keeps the request parameter {@code keptParameter} (a username) for it. */
    public ForgetfulSignInFailure(String failureUrl, String keptParameter) {
        this.failureUrl = failureUrl;
        this.keptParameter = keptParameter;
    }

    /** The username the last failed sign-in of this session typed, if any; it is forgotten on reading. */
    public static String takeTypedUsername(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "";
        }
        Object typed = session.getAttribute(TYPED_USERNAME);
        if (typed != null) {
            session.removeAttribute(TYPED_USERNAME);
        }
        return typed instanceof String s ? s : "";
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        forget(failure);
        HttpSession session = request.getSession(false);
        String typed = keptParameter == null ? null : request.getParameter(keptParameter);
        if (session != null && typed != null && !typed.isBlank() && typed.length() <= MAX_KEPT) {
            session.setAttribute(TYPED_USERNAME, typed.strip());
        }
        redirect.sendRedirect(request, response, failureUrl);
    }

    /** Erases the attempted credentials the exception (and its causes) keep. */
    public static void forget(AuthenticationException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException e && e.getAuthenticationRequest() instanceof CredentialsContainer c) {
                c.eraseCredentials();
            }
        }
    }
}
