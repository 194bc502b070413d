package io.openmws.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MWS API sections the platform serves: where each lives, its version, and the XML namespace
 * its responses carry (copied exactly from real traffic, inconsistencies included; see
 * {@code docs/protocol.md} §1.2).
 *
 * <p>Feeds and Reports are one service ("MarketplaceWebService", 2009-01-01): both are also served at
 * the root path {@code /}, where the action decides which of the two a request is for.
 */
public enum ApiSection {

    /** Sellers API, 2011-07-01. */
    SELLERS("Sellers", "2011-07-01", "https://mws.amazonservices.com/Sellers/2011-07-01"),
    /** Orders API, 2013-09-01. */
    ORDERS("Orders", "2013-09-01", "https://mws.amazonservices.com/Orders/2013-09-01"),
    /** Feeds API, 2009-01-01. */
    FEEDS("Feeds", "2009-01-01", "http://mws.amazonaws.com/doc/2009-01-01/"),
    /** Reports API, 2009-01-01. */
    REPORTS("Reports", "2009-01-01", "http://mws.amazonaws.com/doc/2009-01-01/"),
    /** Products API, 2011-10-01. */
    PRODUCTS("Products", "2011-10-01", "http://mws.amazonservices.com/schema/Products/2011-10-01"),
    /** Finances API, 2015-05-01. */
    FINANCES("Finances", "2015-05-01", "http://mws.amazonservices.com/Finances/2015-05-01");

    /** The namespace of an {@code ErrorResponse} for a path that names no section (real MWS, 404 InvalidAddress). */
    public static final String UNKNOWN_PATH_NAMESPACE = "https://mws.amazonservices.com/";

    private static final String FINANCES_SERVICE_STATUS_NAMESPACE =
            "http://mws.amazonservices.com/schema/Finances/2015-05-01";

    private final String sectionName;
    private final String version;
    private final String namespace;

    ApiSection(String sectionName, String version, String namespace) {
        this.sectionName = sectionName;
        this.version = version;
        this.namespace = namespace;
    }

    /** The section's name as it appears in its path and in quota messages, e.g. {@code Orders}. */
    public String sectionName() {
        return sectionName;
    }

    /** The API version, which is also the required value of the {@code Version} parameter. */
    public String version() {
        return version;
    }

    /** The canonical path, e.g. {@code /Orders/2013-09-01}. */
    public String path() {
        return "/" + sectionName + "/" + version;
    }

    /** The default namespace of this section's responses and errors. */
    public String namespace() {
        return namespace;
    }

    /**
     * The namespace of the response to {@code action}: the section's, except where real MWS used
     * another (Finances' {@code GetServiceStatus} answers in the {@code /schema/} namespace).
     */
    public String namespaceFor(String action) {
        if (this == FINANCES && "GetServiceStatus".equals(action)) {
            return FINANCES_SERVICE_STATUS_NAMESPACE;
        }
        return namespace;
    }

    /** Whether this section is (also) served at the root path {@code /}. */
    public boolean servedAtRoot() {
        return this == FEEDS || this == REPORTS;
    }

    /**
     * The sections served at a request path, with or without a trailing slash. The root path serves
     * Feeds and Reports; an unknown path or version serves none.
     *
     * @param path the request path as received (not decoded beyond what the server did)
     * @return the sections, in declaration order; empty for an unknown path
     */
    public static List<ApiSection> servedAt(String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            List<ApiSection> root = new ArrayList<>();
            for (ApiSection s : values()) {
                if (s.servedAtRoot()) {
                    root.add(s);
                }
            }
            return List.copyOf(root);
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (ApiSection s : values()) {
            if (s.path().equals(trimmed)) {
                return List.of(s);
            }
        }
        return List.of();
    }

    /**
     * The section a person names, e.g. on a command line: {@code sellers}, {@code Orders}, {@code FEEDS}. The
     * match is on {@link #sectionName()}, ignoring case and surrounding blanks.
     *
     * @param name the section's name, may be null
     * @return the section, or empty when the name is none of {@code Sellers}, {@code Orders}, {@code Feeds},
     *     {@code Reports}, {@code Products}, {@code Finances}
     */
    public static Optional<ApiSection> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        for (ApiSection s : values()) {
            if (s.sectionName.equalsIgnoreCase(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return sectionName.toLowerCase(Locale.ROOT) + "/" + version;
    }
}
