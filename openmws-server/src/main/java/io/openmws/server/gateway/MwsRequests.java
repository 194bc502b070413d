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
        String path = request.getRequestURI();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            if ("POST".equals(request.getMethod())) {
                return true;
            }
            String query = request.getQueryString();
            return query != null && (query.contains("Action=") || query.contains("AWSAccessKeyId="));
        }
        char first = path.length() > 1 ? path.charAt(1) : '/';
        return first >= 'A' && first <= 'Z';
    }
}
