/**
 * The integrator's MWS client: {@link io.openmws.sdk.MwsClient} for one developer account, calling for
 * many sellers ({@link io.openmws.sdk.SellerAccess}), with signing, client-side pacing
 * ({@link io.openmws.sdk.Throttling}), retries ({@link io.openmws.sdk.RetryPolicy}), clock-skew correction,
 * lazy pagination and one error type ({@link io.openmws.sdk.MwsException}); and, for any operation the typed
 * APIs do not cover or for debugging a signature, the raw call {@link io.openmws.sdk.MwsClient#call}.
 *
 * <p>This package and {@code io.openmws.sdk.store} are the SDK's API; {@code io.openmws.sdk.internal}
 * is not, and may change at any time.
 */
package io.openmws.sdk;
