package io.openmws.server.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, a portal or control API request whose query or form parameters hold a NUL
 * character (U+0000): no name, search or id a person types holds one, and PostgreSQL cannot store or
 * compare one, so it failed the first query it reached with a 500 (a Manage Inventory search, in the
 * hostile-input run). The MWS API refuses it in its own stage 1 (the gateway answers MWS requests
 * before this filter runs); JSON bodies are the control API's business, and multipart bodies (uploads)
 * are read by Spring's multipart handling, not here.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacterRefusal {

    private static final Logger log = LoggerFactory.getLogger(NulCharacterRefusal.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> nulCharacterRefusalFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // A multipart body is left to Spring's multipart handling, whose limits answer with the
                // page's own message (an upload too large); reading its parameters here would parse it first.
                String type = request.getContentType();
                boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
                if (!multipart && holdsNul(request.getParameterMap())) {
                    log.debug("Refused {} {}: a parameter holds a NUL character", request.getMethod(),
                            request.getRequestURI());
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        // after the MWS gateway's filter, before Spring Security (whose CSRF check reads the form as well)
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 6);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("nulCharacterRefusal");
        return registration;
    }

    static boolean holdsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (e.getKey().indexOf('\u0000') >= 0) {
                return true;
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
