package io.openmws.sdk.store;

/** The credential store could not do what was asked: a database failure, a seal that does not open, a missing or duplicate seller. */
public final class CredentialStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that says what to do; never a secret. */
    public CredentialStoreException(String message) {
        super(message);
    }

    /** An exception with its cause. */
    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
