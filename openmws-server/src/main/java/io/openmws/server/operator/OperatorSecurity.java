package io.openmws.server.operator;

import io.openmws.server.sandbox.OperatorToken;
import io.openmws.server.support.CsrfTokensInSession;
import io.openmws.server.support.ForgetfulSignInFailure;
import io.openmws.server.support.OpenMwsProperties;
import io.openmws.server.support.PageHeaders;
import io.openmws.server.support.PlatformClock;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator pages' own filter chain, ahead of the portal's: sign-in with the operator token at
 * {@code /operator/login}, CSRF on every form, sign-out, and the portal's session limits. In production
 * mode every operator path answers 404.
 *
 * <p>The operator shares the browser's portal session (one cookie, in the database) but never its
 * identity: its security context, CSRF token and sign-in times live under session attributes of their
 * own, which the portal chain never reads, and this chain never reads the seller's. A seller signed in
 * is therefore anonymous here, and an operator is anonymous in Seller Central.
 *
 * <p>The absolute (12 hours) and idle (the session timeout) limits are counted in real time, not
 * platform time: the operator moves the platform clock from these pages, and must not be signed out
 * by doing so.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    static final String CONTEXT_ATTRIBUTE = "openmws.operator.securityContext";
    static final String CSRF_ATTRIBUTE = "openmws.operator.csrfToken";
    static final String SIGNED_IN_AT = "openmws.operator.signedInAt";
    static final String LAST_SEEN_AT = "openmws.operator.lastSeenAt";
    /** The same absolute limit as a seller's portal session. */
    static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);
    /** "Last seen" is written at most this often, so that browsing pages does not write the session each time. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(OperatorSecurity.class);

    @Bean
    @Order(2)
    SecurityFilterChain operatorPages(HttpSecurity http, OperatorToken token, OpenMwsProperties properties,
                                      PlatformClock clock,
                                      @Value("${server.servlet.session.timeout:30m}") Duration idleLimit)
            throws Exception {
        var contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        var csrf = new CsrfTokensInSession(CSRF_ATTRIBUTE);
        Clock realTime = clock.realTime();

        var onSuccess = new SimpleUrlAuthenticationSuccessHandler("/operator") {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                long now = realTime.millis();
                request.getSession().setAttribute(SIGNED_IN_AT, now);
                request.getSession().setAttribute(LAST_SEEN_AT, now);
                log.info("Operator signed in from {}", request.getRemoteAddr());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        onSuccess.setAlwaysUseDefaultTargetUrl(true);
        var redirectOnFailure = new ForgetfulSignInFailure("/operator/login?error");
        AuthenticationFailureHandler onFailure = (request, response, e) -> {
            log.warn("Operator sign-in with a wrong token from {}", request.getRemoteAddr());
            redirectOnFailure.onAuthenticationFailure(request, response, e);
        };

        http.securityMatcher("/operator", "/operator/**")
                .headers(PageHeaders.pages())
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.csrfTokenRepository(csrf))
                // A saved request would land in the seller's sign-in too; the operator always starts at /operator.
                .requestCache(c -> c.disable())
                .authenticationManager(new ProviderManager(new TokenAuthentication(token)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/operator/login").permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .formLogin(f -> f.loginPage("/operator/login").passwordParameter("token")
                        .successHandler(onSuccess).failureHandler(onFailure))
                .logout(l -> l.logoutUrl("/operator/logout")
                        // Ends the operator's sign-in only: a seller signed in in the same browser stays so.
                        .invalidateHttpSession(false)
                        .addLogoutHandler((request, response, auth) -> forget(request))
                        .logoutSuccessUrl("/operator/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new SandboxOnly(properties.sandbox()), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionLimits(realTime, idleLimit), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** Removes everything the operator's sign-in put in the session, and nothing else. */
    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            for (String name : List.of(CONTEXT_ATTRIBUTE, CSRF_ATTRIBUTE, SIGNED_IN_AT, LAST_SEEN_AT)) {
                session.removeAttribute(name);
            }
        }
    }

    /** Whether the session's operator sign-in is younger than the absolute limit and was used within the idle limit. */
    static boolean withinLimits(HttpSession session, Instant now, Duration idleLimit) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Long signedIn
                && session.getAttribute(LAST_SEEN_AT) instanceof Long lastSeen
                && now.isBefore(Instant.ofEpochMilli(signedIn).plus(ABSOLUTE_LIMIT))
                && now.isBefore(Instant.ofEpochMilli(lastSeen).plus(idleLimit));
    }

    /** Checks the pasted token with {@link OperatorToken#matches} (constant time). */
    private static final class TokenAuthentication implements AuthenticationProvider {

        private final OperatorToken token;

        TokenAuthentication(OperatorToken token) {
            this.token = token;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Object presented = authentication.getCredentials();
            if (!(presented instanceof String text) || !token.matches(text)) {
                throw new BadCredentialsException("Not the operator token");
            }
            return UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** In production mode the operator pages do not exist. */
    private static final class SandboxOnly extends OncePerRequestFilter {

        private final boolean sandbox;

        SandboxOnly(boolean sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!sandbox) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Ends the operator's sign-in 12 hours after it, or after the idle limit without a page, in real time. */
    private static final class SessionLimits extends OncePerRequestFilter {

        private final Clock realTime;
        private final Duration idleLimit;

        SessionLimits(Clock realTime, Duration idleLimit) {
            this.realTime = realTime;
            this.idleLimit = idleLimit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Long
                    && session.getAttribute(LAST_SEEN_AT) instanceof Long lastSeen) {
                Instant now = realTime.instant();
                if (!withinLimits(session, now, idleLimit)) {
                    forget(request);
                    SecurityContextHolder.clearContext();
                    response.sendRedirect("/operator/login?expired");
                    return;
                }
                if (!now.isBefore(Instant.ofEpochMilli(lastSeen).plus(LAST_SEEN_PRECISION))) {
                    session.setAttribute(LAST_SEEN_AT, now.toEpochMilli());
                }
            }
            chain.doFilter(request, response);
        }
    }
}
