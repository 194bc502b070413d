/**
 * MWS timestamps ({@code docs/protocol.md} §4).
 *
 * <ul>
 *   <li>{@link io.openmws.protocol.time.Timestamps}: parse every {@code Timestamp} form clients send;
 *       format like MWS responses;</li>
 *   <li>{@link io.openmws.protocol.time.RequestTimeWindow}: the ±15 minute check and {@code Expires},
 *       always against a {@link java.time.Clock};</li>
 *   <li>{@link io.openmws.protocol.time.TimeWindowCheck}: its verdict and the exact MWS message.</li>
 * </ul>
 */
package io.openmws.protocol.time;
