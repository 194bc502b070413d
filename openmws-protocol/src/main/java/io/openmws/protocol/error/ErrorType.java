package io.openmws.protocol.error;

import java.util.Optional;

/**
 * Who is at fault for an error: the {@code <Type>} of an MWS {@code <Error>}.
 *
 * <p>Real MWS sometimes sent an empty {@code <Type></Type>} for {@code RequestThrottled} and
 * {@code QuotaExceeded}. This platform always sends {@code Sender} or {@code Receiver}, because at
 * least one client maps an error only when {@code Type}, {@code Code} and {@code Message} are all
 * present; an empty type is only tolerated when reading.
 */
public enum ErrorType {

    /** The caller's request is at fault (bad parameter, signature, authorization, throttling). */
    SENDER("Sender"),
    /** The service failed; the caller may retry. */
    RECEIVER("Receiver");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    /** The text of {@code <Type>}: {@code Sender} or {@code Receiver}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The type named by a {@code <Type>} text as received.
     *
     * @param text the element's text, possibly {@code null} or empty
     * @return the type; empty when the text is missing, blank or not a known type
     */
    public static Optional<ErrorType> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        for (ErrorType t : values()) {
            if (t.wireName.equals(trimmed)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
