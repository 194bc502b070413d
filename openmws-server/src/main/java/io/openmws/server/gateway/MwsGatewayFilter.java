package io.openmws.server.gateway;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes MWS API requests before Spring Security and Spring MVC see them: the API authenticates by
 * signature, needs no session or CSRF token, and must read its parameters itself (a SubmitFeed body
 * must never be parsed as a form by the servlet container).
 */
class MwsGatewayFilter extends OncePerRequestFilter {

    private final MwsGateway gateway;

    MwsGatewayFilter(MwsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (!gateway.writeDeferredError(request, response)) {
                chain.doFilter(request, response);
            }
        } else if (MwsRequests.isMws(request)) {
            gateway.handle(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The container's error dispatch after a request body it could not read must come here too, so
     * that the client gets the MWS envelope rather than the portal's error page.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
