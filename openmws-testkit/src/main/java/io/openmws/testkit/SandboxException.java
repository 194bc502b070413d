package io.openmws.testkit;

/** A control API call of the {@link Sandbox} failed; the message holds the platform's JSON error. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
