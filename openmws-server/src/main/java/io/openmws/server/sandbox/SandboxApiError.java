package io.openmws.server.sandbox;

/** The body of every control API error. */
record SandboxApiError(String error, String message) {}
