package io.openmws.server.support;

/**
 * A request a feature understood and declines: the thing it names does not exist, its state forbids
 * the change, or the input is not acceptable. The feature says which ({@link #kind()}) and names the
 * text ({@link #messageKey()} in {@code messages.properties}); each caller shows it in its own form:
 * the portal as a form message, the sandbox control API as a JSON error whose status follows the kind
 * (one translation, {@code sandbox.SandboxApiErrors}).
 *
 * <p>No stack trace is filled in: a refusal is an answer, not a fault.
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of "no" this is. */
    public enum Kind {
        /** The seller, developer or authorization named does not exist (for this caller). */
        NOT_FOUND,
        /** It exists, but its state forbids the change (taken, revoked already, too soon). */
        CONFLICT,
        /** The input itself is not acceptable. */
        INVALID
    }

    private final Kind kind;
    private final String messageKey;
    private final String field;
    private final transient Object[] args;

    /**
     * @param field the input field the refusal is about, or {@code null}
     * @param args  the message's arguments (an id, a date, a limit), never a secret
     */
    protected Refusal(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey, null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The input field the refusal is about, or {@code null}. */
    public String field() {
        return field;
    }

    /** The arguments of the message, never a secret. */
    public Object[] args() {
        return args.clone();
    }
}
