package io.openmws.server.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the HTTP request this thread serves arrived. The platform clock reads its offset (which any
 * node may move in the database) again when it was read before the request arrived: a move that any
 * node committed before a client sent its call is then what that call sees, on every node, while
 * concurrent requests share one reading. Threads that serve no request (background jobs) get false
 * from {@link #readBefore} and keep the clock's own refresh interval.
 */
final class RequestStart {

    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    private RequestStart() {
    }

    /**
     * Whether a value read at {@code readAtNanos} ({@link System#nanoTime()} taken just before the
     * read) may miss a change made before this thread's request arrived: true when the read began
     * before the request did; false outside a request.
     */
    static boolean readBefore(long readAtNanos) {
        Long started = STARTED.get();
        return started != null && started - readAtNanos > 0;
    }

    /** Whether this thread serves an HTTP request now. */
    static boolean inRequest() {
        return STARTED.get() != null;
    }

    /** The filter that notes each request's arrival, first of all filters. */
    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Long outer = STARTED.get();
            STARTED.set(System.nanoTime());
            try {
                chain.doFilter(request, response);
            } finally {
                if (outer == null) {
                    STARTED.remove();
                } else {
                    STARTED.set(outer);
                }
            }
        }
    }
}
