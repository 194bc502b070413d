package io.openmws.server.support;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every page (the portal's and the operator's), on top of Spring Security's
 * defaults (no caching, no sniffing, no framing). The pages load scripts and styles from our own
 * origin only and have no inline script, style or event handler; the Swagger UI needs the same plus
 * {@code data:} images. No referrer leaves a page, since reset, confirmation and mailbox addresses
 * carry tokens or addresses in their query.
 */
public final class PageHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'");

    public static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()",
            "microphone=()", "payment=()", "usb=()");

    private PageHeaders() {}

    public static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
