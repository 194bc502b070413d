package io.openmws.protocol.useragent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An MWS User-Agent header ({@code docs/protocol.md} §7):
 * {@code AppName/AppVersion (Language=LangAndVersion; Attr=Value; ...)}. Immutable; always valid.
 *
 * <pre>{@code
 * UserAgent.builder("AcmeSync", "2.1").language("Java/17.0.15")
 *         .attribute("Platform", "Linux/amd64").attribute("MWSClientVersion", "2013-09-01").build()
 *         .header();
 * // AcmeSync/2.1 (Language=Java/17.0.15; Platform=Linux/amd64; MWSClientVersion=2013-09-01)
 * }</pre>
 *
 * <p>Each part is cleaned as the official Java and PHP clients do (every whitespace character becomes
 * a space, runs of spaces become one, the ends are trimmed), then escaped with a backslash exactly as
 * the MWS documentation says: {@code \} everywhere; {@code /} in the application name; {@code (} in
 * the version; {@code =} in attribute names; {@code ;} and {@code )} in attribute values. The parts
 * are kept cleaned but unescaped, so {@link #parse(String)} of a {@link #header()} gives them back.
 *
 * <p>MWS rejects a header longer than {@value #MAX_LENGTH} characters, so {@link Builder#build()}
 * refuses one. It also refuses characters an HTTP header cannot carry as text (control characters,
 * anything above U+00FF), which the JDK's HTTP client would refuse later with a less helpful message.
 */
public final class UserAgent {

    /** The longest header MWS accepts. */
    public static final int MAX_LENGTH = 500;

    /** The one attribute MWS requires. */
    public static final String LANGUAGE = "Language";

    private final String appName;
    private final String appVersion;
    private final Map<String, String> attributes;
    private final String header;

    private UserAgent(String appName, String appVersion, Map<String, String> attributes, String header) {
        this.appName = appName;
        this.appVersion = appVersion;
        this.attributes = attributes;
        this.header = header;
    }

    /**
     * Starts a header for an application.
     *
     * @param appName the application's name, e.g. {@code AcmeSync}
     * @param appVersion its version, e.g. {@code 2.1}
     * @return a builder; {@link Builder#language} (or {@link Builder#jvmDefaults}) is still required
     */
    public static Builder builder(String appName, String appVersion) {
        return new Builder(appName, appVersion);
    }

    /**
     * Reads a header as a server received it. Never throws: a missing, overlong or free-form header
     * ({@code curl/8.0}, a browser's) is read as far as it goes, and what does not follow the MWS
     * format is listed in {@link ParsedUserAgent#problems()}.
     *
     * @param header the header value, or {@code null} when the request had none
     * @return what could be read, and the problems found
     */
    public static ParsedUserAgent parse(String header) {
        return UserAgentParser.parse(header);
    }

    /** The application name, cleaned and unescaped. */
    public String appName() {
        return appName;
    }

    /** The application version, cleaned and unescaped. */
    public String appVersion() {
        return appVersion;
    }

    /** The {@code Language} attribute. */
    public String language() {
        return attributes.get(LANGUAGE);
    }

    /** The attributes in header order, {@code Language} first; names and values cleaned and unescaped. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The header value to send, escaped; at most {@value #MAX_LENGTH} characters. */
    public String header() {
        return header;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserAgent u && header.equals(u.header);
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    /** The header value, as {@link #header()}. */
    @Override
    public String toString() {
        return header;
    }

    /** Collects the parts of a {@link UserAgent}. Not thread-safe. */
    public static final class Builder {

        private final String appName;
        private final String appVersion;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String appName, String appVersion) {
            this.appName = clean(appName, "application name");
            this.appVersion = clean(appVersion, "application version");
        }

        /**
         * Sets the required {@code Language} attribute, e.g. {@code Java/17.0.15}.
         *
         * @param languageAndVersion the language and its version
         * @return this builder
         */
        public Builder language(String languageAndVersion) {
            return attribute(LANGUAGE, languageAndVersion);
        }

        /**
         * Adds an attribute, or replaces the value of one already set under the same (cleaned) name.
         *
         * @param name the attribute's name, e.g. {@code MWSClientVersion}
         * @param value its value, e.g. {@code 2013-09-01}
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(clean(name, "attribute name"), clean(value, "value of attribute " + name));
            return this;
        }

        /**
         * Describes this JVM as the official Java client does: {@code Language=Java/<java.version>}
         * and {@code Platform=<os.name>/<os.arch>}, from the system properties.
         *
         * @return this builder
         */
        public Builder jvmDefaults() {
            language("Java/" + System.getProperty("java.version", "unknown"));
            return attribute("Platform", System.getProperty("os.name", "unknown") + "/"
                    + System.getProperty("os.arch", "unknown"));
        }

        /**
         * Builds the header.
         *
         * @return the user agent
         * @throws IllegalStateException when {@code Language} is missing or the header would be longer
         *                               than {@value #MAX_LENGTH} characters
         */
        public UserAgent build() {
            if (!attributes.containsKey(LANGUAGE)) {
                throw new IllegalStateException("An MWS User-Agent needs the Language attribute; call"
                        + " language(\"Java/17\") or jvmDefaults().");
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            ordered.put(LANGUAGE, attributes.get(LANGUAGE));
            ordered.putAll(attributes);
            StringBuilder header = new StringBuilder()
                    .append(escape(appName, "/")).append('/')
                    .append(escape(appVersion, "(")).append(" (");
            String separator = "";
            for (Map.Entry<String, String> a : ordered.entrySet()) {
                header.append(separator).append(escape(a.getKey(), "="))
                        .append('=').append(escape(a.getValue(), ";)"));
                separator = "; ";
            }
            header.append(')');
            if (header.length() > MAX_LENGTH) {
                throw new IllegalStateException("The User-Agent would be " + header.length() + " characters;"
                        + " MWS rejects more than " + MAX_LENGTH + ". Shorten the application name, version"
                        + " or attribute values.");
            }
            return new UserAgent(appName, appVersion, Collections.unmodifiableMap(ordered), header.toString());
        }
    }

    /** Whitespace handling of the official clients: each whitespace character to a space, runs to one, trimmed. */
    static String clean(String text, String what) {
        Objects.requireNonNull(text, what);
        String cleaned = text.replaceAll("\\s", " ").replaceAll(" {2,}", " ").trim();
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("The User-Agent " + what + " is blank; give it a value.");
        }
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (Character.isISOControl(c) || c > 0xFF) {
                throw new IllegalArgumentException(String.format("The User-Agent %s contains U+%04X, which"
                        + " an HTTP header cannot carry; use printable ISO-8859-1 characters.", what, (int) c));
            }
        }
        return cleaned;
    }

    private static String escape(String text, String special) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Builds a value for a parsed header when its parts would also be accepted by the builder. */
    static Optional<UserAgent> fromParts(String appName, String appVersion, Map<String, String> attributes) {
        try {
            Builder b = builder(appName, appVersion);
            attributes.forEach(b::attribute);
            return Optional.of(b.build());
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
