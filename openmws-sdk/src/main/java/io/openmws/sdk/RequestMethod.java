package io.openmws.sdk;

/**
 * How the client sends a call's parameters ({@code docs/protocol.md} §1): both are signed with the
 * method's name as the first line of the string to sign.
 */
public enum RequestMethod {
    /** {@code POST} with the parameters as an {@code application/x-www-form-urlencoded} body: the default, as MWS documents. */
    POST,
    /** {@code GET} with the parameters in the query string. Works at MWS, but puts the signature in URLs (and logs). */
    GET
}
