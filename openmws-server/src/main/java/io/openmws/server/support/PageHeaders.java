package io.openmws.server.support;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every page (the portal's and the operator's), on top of Spring Security's
 * defaults (no caching, no sniffing, no framing). The pages load scripts and styles from our own
 * origin only and have no inline script, style or event handler; {@code data:} images are for the
 * Swagger UI's icons, and under {@code /swagger-ui/} inline styles too, which its bundle sets (they run
 * no code; scripts stay our origin's only). No referrer leaves a page, since reset, confirmation and mailbox addresses
 * carry tokens or addresses in their query.
 */
public final class PageHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'");

    /** The same, with inline styles, for the Swagger UI under {@code /swagger-ui/}. */
    public static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    public static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()",
            "microphone=()", "payment=()", "usb=()");

    private PageHeaders() {}

    public static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        return headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
