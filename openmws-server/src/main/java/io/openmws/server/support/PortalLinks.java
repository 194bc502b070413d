package io.openmws.server.support;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where links sent by mail point: the one place that decides, so that no mail follows a {@code Host}
 * header someone else chose.
 * <ol>
 *   <li>{@code openmws.base-url} when set (production mode requires it at start);</li>
 *   <li>in sandbox mode, the request's own scheme, host and port, but only when its host is one of
 *       {@code openmws.sandbox.link-hosts} (default {@code localhost}, {@code 127.0.0.1}, {@code [::1]});</li>
 *   <li>else {@code http://localhost:<server port>}.</li>
 * </ol>
 */
@Component
public class PortalLinks {

    static final List<String> DEFAULT_LINK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    private final OpenMwsProperties platform;
    private final Environment environment;
    private final Set<String> linkHosts;

    PortalLinks(OpenMwsProperties platform, Environment environment) {
        this.platform = platform;
        this.environment = environment;
        this.linkHosts = Binder.get(environment)
                .bind("openmws.sandbox.link-hosts", Bindable.listOf(String.class))
                .orElse(DEFAULT_LINK_HOSTS)
                .stream().map(PortalLinks::normalHost).collect(Collectors.toUnmodifiableSet());
    }

    /** The base of links in a mail sent while serving {@code request}. */
    public URI base(HttpServletRequest request) {
        if (platform.baseUrl() != null) {
            return platform.baseUrl();
        }
        if (platform.sandbox()) {
            URI asked = ServletUriComponentsBuilder.fromContextPath(request).build().toUri();
            if (asked.getHost() != null && linkHosts.contains(normalHost(asked.getHost()))) {
                return asked;
            }
        }
        return URI.create("http://localhost:" + request.getLocalPort() + request.getContextPath());
    }

    /** The base of links in a mail sent by background work, which has no request to go by. */
    public URI base() {
        if (platform.baseUrl() != null) {
            return platform.baseUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://localhost:" + port);
    }

    /** Lower case, IPv6 literals in brackets, as {@link URI#getHost()} gives them. */
    private static String normalHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }
}
