/**
 * MWS throttling as data ({@code docs/protocol.md} §6): the leaky-bucket size and restore period of
 * each operation, its optional hourly quota, and which operations share one bucket.
 *
 * <ul>
 *   <li>{@link io.openmws.protocol.throttle.ThrottleSpec}: burst, restore period, hourly quota;</li>
 *   <li>{@link io.openmws.protocol.throttle.ThrottleGroup}: the bucket key within a section;</li>
 *   <li>{@link io.openmws.protocol.throttle.OperationThrottle}: one row of the table;</li>
 *   <li>{@link io.openmws.protocol.throttle.ThrottleSpecs}: the table, the quota-header rule and the
 *       {@code QuotaExceeded} message;</li>
 *   <li>{@link io.openmws.protocol.throttle.QuotaHeaders}: the {@code x-mws-quota-*} header names and
 *       their number style.</li>
 * </ul>
 *
 * <p>Buckets are counted per (seller, developer) pair and {@link io.openmws.protocol.throttle.ThrottleGroup};
 * applying the specs over time is the platform's job, not this package's.
 */
package io.openmws.protocol.throttle;
