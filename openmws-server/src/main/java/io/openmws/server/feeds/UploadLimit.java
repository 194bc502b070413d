package io.openmws.server.feeds;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload to Add Products via Upload larger than {@code spring.servlet.multipart.max-request-size}:
 * refused by its {@code Content-Length} before anything reads it, with the limit as a form message
 * (post/redirect/get). Without this, the servlet container would fail the request as soon as the
 * security filters read its parameters, and the seller would see an error page instead of the form.
 * A body without a length (chunked) still meets the container's own limit.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size:101MB}") DataSize maxRequestSize,
            @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize maxFileSize) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"POST".equals(request.getMethod()) || !FeedUploadController.PATH.equals(request.getRequestURI())
                        || request.getContentLengthLong() <= maxRequestSize.toBytes()) {
                    chain.doFilter(request, response);
                    return;
                }
                if (request.getSession(false) != null) {
                    FlashMap flash = new FlashMap();
                    flash.put("problem", "upload.error.tooLarge");
                    flash.put("problemField", "file");
                    flash.put("problemArgs", new String[] {FeedUploadController.displaySize(maxFileSize)});
                    flash.setTargetRequestPath(FeedUploadController.PATH);
                    new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
                }
                response.sendRedirect(request.getContextPath() + FeedUploadController.PATH);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(FeedUploadController.PATH);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 5);
        return registration;
    }
}
