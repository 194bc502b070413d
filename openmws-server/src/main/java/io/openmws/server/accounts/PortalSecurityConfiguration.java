package io.openmws.server.accounts;

import io.openmws.server.support.CsrfTokensInSession;
import io.openmws.server.support.ForgetfulSignInFailure;
import io.openmws.server.support.PageHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's filter chain: form login at {@code /login}, CSRF on every form, a new session id at
 * sign-in, sessions that end 12 hours after sign-in whatever their activity (idle limit: 30 minutes,
 * {@code server.servlet.session.timeout}). Seller Central needs a verified account; a pending one
 * only reaches its verification page. API chains (signed MWS calls, the sandbox control API) are
 * declared by their features with their own matchers and a higher precedence.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String[] PUBLIC = {
        "/", "/login", "/signup", "/developers", "/password/forgot", "/password/reset", "/sandbox/mailbox",
        "/css/**", "/js/**", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    /** Argon2id for new hashes (bcrypt still read), at most a quarter of the heap's worth at once. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        return PasswordHashing.forThisHeap(new DelegatingPasswordEncoder(argon2, Map.of(
                argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder())));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain portal(HttpSecurity http, PortalSignIn signIn, SecurityContextRepository contexts)
            throws Exception {
        var onSuccess = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                signIn.markSignedIn(request.getSession());
                if (authentication.getPrincipal() instanceof SellerPrincipal p && p.pending()) {
                    getRedirectStrategy().sendRedirect(request, response, "/signup/verify");
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        onSuccess.setDefaultTargetUrl("/sellercentral");
        RequestCache requestCache = requestCache();
        onSuccess.setRequestCache(requestCache);

        http.securityContext(c -> c.securityContextRepository(contexts))
                .headers(PageHeaders.pages())
                .csrf(c -> c.csrfTokenRepository(new CsrfTokensInSession()))
                .requestCache(c -> c.requestCache(requestCache))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/signup/verify", "/signup/verify/**").hasRole("PENDING")
                        .anyRequest().hasRole("SELLER"))
                .formLogin(f -> f.loginPage("/login").successHandler(onSuccess)
                        .failureHandler(new ForgetfulSignInFailure("/login?error", "username")).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    if (auth != null && auth.getPrincipal() instanceof SellerPrincipal p && p.pending()) {
                        response.sendRedirect("/signup/verify");
                    } else if (auth != null && auth.getPrincipal() instanceof SellerPrincipal) {
                        response.sendRedirect("/sellercentral");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .addFilterAfter(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        HttpSession session = request.getSession(false);
                        if (session != null && signIn.expired(session)) {
                            session.invalidate();
                            SecurityContextHolder.clearContext();
                            response.sendRedirect("/login?expired");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                }, SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * Remembers, for the sign-in that follows, the Seller Central page an anonymous visitor asked for:
     * in a cookie, not in the session, so that anonymous requests create no session row (and a
     * link's token never reaches the database). Only GETs of Seller Central pages are worth it.
     */
    private static RequestCache requestCache() {
        var cache = new CookieRequestCache();
        var paths = PathPatternRequestMatcher.withDefaults();
        cache.setRequestMatcher(new OrRequestMatcher(
                paths.matcher(HttpMethod.GET, "/sellercentral"), paths.matcher(HttpMethod.GET, "/sellercentral/**")));
        cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return cache;
    }
}
