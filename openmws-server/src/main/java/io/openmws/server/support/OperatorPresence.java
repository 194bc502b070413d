package io.openmws.server.support;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from the signed-in sandbox operator, for portal pages (outside the
 * operator's own filter chain) that show the operator more, such as the Sandbox mailbox.
 */
public interface OperatorPresence {

    /** True when the request's session holds a live operator sign-in (sandbox mode only). */
    boolean signedIn(HttpServletRequest request);
}
