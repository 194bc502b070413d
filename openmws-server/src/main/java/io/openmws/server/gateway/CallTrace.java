package io.openmws.server.gateway;

/**
 * What is known of a call so far, for its record in the call log: each stage of {@link CallAdmission}
 * notes what it learned before it can fail, so a refused call is recorded with all that was known.
 */
final class CallTrace {
    String developerId;
    String sellerId;
    String section;
    String action;
    String errorCode;
    String userAgent;
}
