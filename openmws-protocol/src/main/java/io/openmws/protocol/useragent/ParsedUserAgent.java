package io.openmws.protocol.useragent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A User-Agent header as a server read it: the parts that could be read (unescaped) and what does not
 * follow the MWS format. Immutable. A header with problems is still a header the server serves; it
 * only notes them (for the developer's request log).
 */
public final class ParsedUserAgent {

    private final String raw;
    private final String appName;
    private final String appVersion;
    private final Map<String, String> attributes;
    private final List<String> problems;

    ParsedUserAgent(String raw, String appName, String appVersion, Map<String, String> attributes,
                    List<String> problems) {
        this.raw = raw;
        this.appName = appName;
        this.appVersion = appVersion;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.problems = List.copyOf(problems);
    }

    /** The header as received; empty when the request had none. */
    public Optional<String> raw() {
        return Optional.ofNullable(raw);
    }

    /** The application name (text before the first unescaped {@code /}); empty when there is none. */
    public String appName() {
        return appName;
    }

    /** The application version (up to the attribute list); empty when there is none. */
    public String appVersion() {
        return appVersion;
    }

    /** The {@code Language} attribute, when present. */
    public Optional<String> language() {
        return Optional.ofNullable(attributes.get(UserAgent.LANGUAGE));
    }

    /** The attributes that could be read, in header order, unescaped; the first of duplicate names wins. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Why the header does not follow the MWS format, one readable sentence each; empty when it does. */
    public List<String> problems() {
        return problems;
    }

    /** Whether the header follows the MWS format, {@code Language} and length limit included. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * The header as a {@link UserAgent}, when it is valid and its characters are ones the builder
     * accepts (printable ISO-8859-1).
     *
     * @return the user agent, or empty
     */
    public Optional<UserAgent> toUserAgent() {
        return valid() ? UserAgent.fromParts(appName, appVersion, attributes) : Optional.empty();
    }

    @Override
    public String toString() {
        return (raw == null ? "(no User-Agent)" : raw) + (valid() ? "" : " " + problems);
    }
}
