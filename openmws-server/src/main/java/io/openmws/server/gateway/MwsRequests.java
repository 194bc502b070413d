package io.openmws.server.gateway;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells MWS API requests from portal requests on the same port. Every MWS path starts with a
 * capitalised section name ({@code /Orders/2013-09-01}), every portal path is lower case; the root
 * path {@code /} serves Feeds and Reports to API clients, and the portal's front page to browsers.
 */
final class MwsRequests {

    private MwsRequests() {}

    static boolean isMws(HttpServletRequest request) {
        return isMws(request.getRequestURI(), request.getMethod(), request.getQueryString());
    }

    /**
     * The same decision from the request's parts as received: also for a request the container
     * refused before any filter saw it (its path may be unparsed, its query null).
     */
    static boolean isMws(String path, String method, String query) {
        if (path == null || path.isEmpty() || path.chars().allMatch(c -> c == '/')) {
            // "//" is the root too, as clients that join a base URL ending in / with a path starting with / send it
            if ("POST".equals(method)) {
                return true;
            }
            return query != null && (query.contains("Action=") || query.contains("AWSAccessKeyId="));
        }
        char first = path.length() > 1 ? path.charAt(1) : '/';
        return first >= 'A' && first <= 'Z';
    }
}
