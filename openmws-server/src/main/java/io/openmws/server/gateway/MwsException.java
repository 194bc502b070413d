package io.openmws.server.gateway;

import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;

/** An error the client sees as an MWS {@code ErrorResponse}, with the error's own HTTP status. */
public class MwsException extends RuntimeException {

    private final transient MwsError error;

    public MwsException(MwsError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public static MwsException of(MwsErrorCode code, String message) {
        return new MwsException(MwsError.of(code, message));
    }

    public static MwsException missingParameter(String name) {
        return new MwsException(MwsError.missingParameter(name));
    }

    public static MwsException invalidParameter(String message) {
        return of(MwsErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    public MwsError error() {
        return error;
    }
}
