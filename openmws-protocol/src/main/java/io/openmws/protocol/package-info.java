/**
 * The MWS wire protocol, shared by the platform and the SDK, with no dependency beyond the JDK.
 *
 * <ul>
 *   <li>{@link io.openmws.protocol.ApiSection}: sections, paths, versions and namespaces;</li>
 *   <li>{@code signature}: RFC 3986 encoding, canonical query, Signature Version 2 signer and verifier;</li>
 *   <li>{@code params}: request parameters as MWS reads them (query string plus form body);</li>
 *   <li>{@code time}: timestamp formats and the request time window;</li>
 *   <li>{@code ids}: identifier formats, validators and secure generators;</li>
 *   <li>{@code marketplace}: the marketplace table;</li>
 *   <li>{@code error}: the error catalog and the {@code ErrorResponse} envelope;</li>
 *   <li>{@code xml}: the streaming response envelope writer;</li>
 *   <li>{@code throttle}: per-operation throttle specs;</li>
 *   <li>{@code useragent}: User-Agent builder and parser.</li>
 * </ul>
 */
package io.openmws.protocol;
