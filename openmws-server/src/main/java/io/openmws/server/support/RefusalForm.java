package io.openmws.server.support;

import java.util.Map;

/**
 * How one part of the platform answers a request that was refused before that part could answer it:
 * by Tomcat while reading it (a request line or {@code Host} it cannot read, an encoded NUL or slash,
 * headers past the size limit), or by the servlet container or a filter afterwards (a method Tomcat
 * does not serve, a path the firewall rejects, a multipart body that cannot be parsed). The MWS API
 * answers in its {@code ErrorResponse} envelope, the control API in its JSON; everything else (the
 * portal) gets the container's page. {@link RefusalForms} asks each bean of this type in turn.
 */
public interface RefusalForm {

    /**
     * Whether a request belongs to this part.
     *
     * @param path the path as received, not decoded; null when the container could not read it
     * @param method the request method
     * @param query the raw query string, or null
     */
    boolean owns(String path, String method, String query);

    /** The answer to a refusal with this HTTP status. */
    Answer answer(int status, String path);

    /** A whole answer: status, content type, extra headers and body. */
    record Answer(int status, String contentType, Map<String, String> headers, String body) {}
}
