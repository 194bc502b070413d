package io.openmws.server.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 */
public final class ForgetfulSignInFailure implements AuthenticationFailureHandler {

    private final String failureUrl;
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    public ForgetfulSignInFailure(String failureUrl) {
        this.failureUrl = failureUrl;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        forget(failure);
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
