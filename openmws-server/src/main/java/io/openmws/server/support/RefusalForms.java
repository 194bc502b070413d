package io.openmws.server.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the {@link RefusalForm}s where refusals are answered: into Tomcat's error report (requests it
 * refused while reading them) and into the container's error dispatch (requests refused after). Also
 * turns a multipart body that cannot be parsed into the 400 it is, wherever it was sent (Spring MVC
 * parses every multipart request before it looks for a controller, and left alone answers 500).
 */
@Configuration(proxyBeanMethods = false)
class RefusalForms {

    private static final Logger log = LoggerFactory.getLogger(RefusalForms.class);

    /** The first form that owns the request, if any. */
    static Optional<RefusalForm> owner(List<RefusalForm> forms, String path, String method, String query) {
        return forms.stream().filter(f -> f.owns(path, method, query)).findFirst();
    }

    /**
     * Replaces the host's error report valve (Spring Boot's, or Tomcat's default) with
     * {@link FormErrorReportValve}; runs after Spring Boot's own customizer, which adds its valve.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusalFormsInTomcat(ObjectProvider<RefusalForm> forms) {
        return new ValveCustomizer(forms);
    }

    private record ValveCustomizer(ObjectProvider<RefusalForm> forms)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new FormErrorReportValve(forms.orderedStream().toList()));
                    // the host adds a valve of this class at start unless it finds one: it finds this one
                    host.setErrorReportValveClass(FormErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    FilterRegistrationBean<ErrorDispatchFilter> refusalFormsInErrorDispatch(ObjectProvider<RefusalForm> forms) {
        FilterRegistrationBean<ErrorDispatchFilter> registration = new FilterRegistrationBean<>(
                new ErrorDispatchFilter(forms));
        // after the MWS gateway's filter (which answers its own deferred errors), before Spring Security
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 5);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setName("refusalForms");
        return registration;
    }

    @Bean
    HandlerExceptionResolver unreadableMultipart() {
        return new UnreadableMultipart();
    }

    /** Writes an answer; the response must not be committed. */
    static void write(HttpServletResponse response, RefusalForm.Answer answer) throws IOException {
        response.resetBuffer();
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Tomcat's error report, in the form of the part the request was for; the container's page otherwise. */
    public static class FormErrorReportValve extends ErrorReportValve {

        private final List<RefusalForm> forms;

        /** For Tomcat's own instantiation by class name; answers with the container's page only. */
        public FormErrorReportValve() {
            this(List.of());
        }

        FormErrorReportValve(List<RefusalForm> forms) {
            this.forms = forms;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            org.apache.coyote.Request received = request.getCoyoteRequest();
            String path = received.requestURI().isNull() ? null : received.requestURI().toString();
            String query = received.queryString().isNull() ? null : received.queryString().toString();
            int status = response.getStatus();
            Optional<RefusalForm> form = status < 400 || response.getContentWritten() > 0 ? Optional.empty()
                    : owner(forms, path, received.method().toString(), query);
            if (form.isEmpty()) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            RefusalForm.Answer answer = form.get().answer(status, path == null ? "" : path);
            try {
                response.setStatus(answer.status());
                answer.headers().forEach(response::setHeader);
                response.setContentType(answer.contentType());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(answer.body());
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("The answer to a request the container refused ({}) could not be sent: {}", status, e.toString());
            }
        }
    }

    /** The container's error dispatch: the form of the part the refused request was for. */
    static final class ErrorDispatchFilter extends OncePerRequestFilter {

        private final ObjectProvider<RefusalForm> forms;

        ErrorDispatchFilter(ObjectProvider<RefusalForm> forms) {
            this.forms = forms;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            if (uri instanceof String path && status instanceof Integer code && !response.isCommitted()) {
                Optional<RefusalForm> form = owner(forms.orderedStream().toList(), path, request.getMethod(), null);
                if (form.isPresent()) {
                    write(response, form.get().answer(code, path));
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }

    /** A multipart body without a boundary, or broken off: the sender's fault, 400 (the error dispatch adds the form). */
    static final class UnreadableMultipart implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                             Exception ex) {
            if (!(ex instanceof MultipartException multipart) || ex instanceof MaxUploadSizeExceededException) {
                return null;
            }
            Throwable cause = multipart.getCause() == null ? multipart : multipart.getCause();
            log.debug("A multipart body that cannot be read, {} {}: {}", request.getMethod(), request.getRequestURI(),
                    cause.toString());
            try {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            } catch (IOException e) {
                log.debug("Could not answer an unreadable multipart body: {}", e.toString());
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
