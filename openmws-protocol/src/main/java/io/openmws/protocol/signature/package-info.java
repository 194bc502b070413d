/**
 * Signature Version 2, as MWS uses it ({@code docs/protocol.md} §3).
 *
 * <ul>
 *   <li>{@link io.openmws.protocol.signature.PercentEncoding}: RFC 3986 encoding and the form decoder;</li>
 *   <li>{@link io.openmws.protocol.signature.CanonicalQuery}: the sorted, encoded parameter line;</li>
 *   <li>{@link io.openmws.protocol.signature.HostLine} and {@link io.openmws.protocol.signature.StringToSign}:
 *       the four lines that are signed;</li>
 *   <li>{@link io.openmws.protocol.signature.SigningSecret}: a secret key ready for HMAC, never printed;</li>
 *   <li>{@link io.openmws.protocol.signature.RequestSigner} for clients and
 *       {@link io.openmws.protocol.signature.SignatureVerifier} for the server.</li>
 * </ul>
 *
 * <p>Parameters are passed as {@code Map<String, String>} of decoded names and values, so this
 * package does not depend on {@code io.openmws.protocol.params}; a map sorted by
 * {@link io.openmws.protocol.signature.CanonicalQuery#NAME_ORDER} (such as
 * {@code MwsParameters.asMap()}) is used without re-sorting.
 */
package io.openmws.protocol.signature;
