package io.openmws.sdk;

/**
 * Hears about every HTTP request the client makes: successes, errors, and whether the client retries.
 * For metrics and logs, and for reacting to errors in one place, such as marking a seller whose call
 * came back {@code AccessDenied} as needing re-authorization
 * ({@code io.openmws.sdk.store.SellerCredentialStore#reauthorizationMarker()}).
 *
 * <p>Called on the calling thread, after the answer is read and before the client waits or retries; keep
 * it quick. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface MwsCallListener {

    /**
     * One HTTP request has been answered (or has failed without an answer).
     *
     * @param event what was sent and what came back; never a secret
     */
    void onAttempt(MwsCallEvent event);
}
