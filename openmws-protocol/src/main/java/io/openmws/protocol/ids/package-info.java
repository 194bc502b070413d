/**
 * MWS identifier formats ({@code docs/protocol.md} §10): immutable
 * value types that validate on construction, and {@link io.openmws.protocol.ids.IdGenerator}, which
 * draws new identifiers from a single {@link java.security.SecureRandom}.
 *
 * <p>Every type has a validating {@code of(String)} that throws {@link IllegalArgumentException}
 * naming the expected format, and a static {@code isValid(String)} that never throws. Messages never
 * echo the rejected input, so a secret pasted into the wrong field does not reach a log.
 *
 * <p>{@link io.openmws.protocol.ids.SecretKey} and {@link io.openmws.protocol.ids.MwsAuthToken} are
 * credentials: their {@code toString()} is redacted and their value is reachable only through
 * {@code reveal()}.
 */
package io.openmws.protocol.ids;
