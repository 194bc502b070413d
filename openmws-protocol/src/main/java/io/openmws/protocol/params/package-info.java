/**
 * MWS request parameters ({@code docs/protocol.md} §1, §2, §13).
 *
 * <ul>
 *   <li>{@link io.openmws.protocol.params.MwsParameters}: the decoded, unique, canonically ordered
 *       parameters of one request, with numbered-list helpers;</li>
 *   <li>{@link io.openmws.protocol.params.MwsParameterParser}: reads them from the query string and,
 *       except for {@code SubmitFeed}, a form body;</li>
 *   <li>{@link io.openmws.protocol.params.InvalidParametersException}: why parameters were refused.</li>
 * </ul>
 */
package io.openmws.protocol.params;
