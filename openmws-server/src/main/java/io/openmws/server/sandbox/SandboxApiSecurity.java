package io.openmws.server.sandbox;

import io.openmws.server.support.OpenMwsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The control API's own filter chain: stateless, no cookies, no CSRF, authenticated by the operator's
 * bearer token. In production mode every control API path answers 404, token or not.
 */
@Configuration(proxyBeanMethods = false)
class SandboxApiSecurity {

    static final String PATHS = "/sandbox/v1/**";

    @Bean
    @Order(1)
    SecurityFilterChain sandboxApi(HttpSecurity http, OperatorToken token, OpenMwsProperties properties)
            throws Exception {
        http.securityMatcher(PATHS)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .addFilterAfter(new BearerTokenFilter(token, properties.sandbox()), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("OPERATOR"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) ->
                        writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                "Send the operator token as 'Authorization: Bearer <token>'.")));
        return http.build();
    }

    /** Checks the bearer token; answers 404 for everything in production mode. */
    private static final class BearerTokenFilter extends OncePerRequestFilter {

        private final OperatorToken token;
        private final boolean sandbox;

        BearerTokenFilter(OperatorToken token, boolean sandbox) {
            this.token = token;
            this.sandbox = sandbox;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!sandbox) {
                writeError(response, HttpServletResponse.SC_NOT_FOUND, "NotFound",
                        "The sandbox control API exists only in sandbox mode.");
                return;
            }
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(header.substring(7))) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
                SecurityContextHolder.setContext(context);
            } else if (header != null) {
                writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                        "The operator token is not right.");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    static void writeError(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"openmws-sandbox\"");
        }
        // Fixed texts only: nothing from the request is echoed here.
        response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
