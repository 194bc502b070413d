/**
 * The MWS User-Agent header ({@code docs/protocol.md} §7): {@link io.openmws.protocol.useragent.UserAgent}
 * builds one for the SDK with the documented escaping and the 500-character limit;
 * {@link io.openmws.protocol.useragent.UserAgent#parse(String)} reads one for the server, which only
 * logs it, so any header (or none) is accepted and its deviations reported as
 * {@link io.openmws.protocol.useragent.ParsedUserAgent#problems()}.
 */
package io.openmws.protocol.useragent;
