/**
 * MWS errors: the catalog of codes with their HTTP status and fault type
 * ({@link io.openmws.protocol.error.MwsErrorCode}), one error ({@link io.openmws.protocol.error.MwsError}),
 * the {@code ErrorResponse} document ({@link io.openmws.protocol.error.ErrorResponse}) and its writer
 * and reader.
 *
 * <p>The catalog is the one place that maps an error to an HTTP status. Messages say what went
 * wrong and how to fix it, and must never contain a secret (a secret key, a signature, an MWS Auth
 * Token): they are sent to whoever made the request.
 *
 * <p>This package uses {@link io.openmws.protocol.xml}; the XML package does not know about errors.
 */
package io.openmws.protocol.error;
