/**
 * The SDK's internals: HTTP, signing of calls, pacing, retries, XML parsing, secret sealing. Not API:
 * anything here may change without notice; depend on {@code io.openmws.sdk} and
 * {@code io.openmws.sdk.store} only.
 */
package io.openmws.sdk.internal;
