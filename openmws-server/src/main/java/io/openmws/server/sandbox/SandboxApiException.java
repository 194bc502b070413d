package io.openmws.server.sandbox;

import org.springframework.http.HttpStatus;

/** A control API call that cannot be done; becomes {@code {"error": code, "message": message}}. */
class SandboxApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    SandboxApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static SandboxApiException notFound(String message) {
        return new SandboxApiException(HttpStatus.NOT_FOUND, "NotFound", message);
    }

    static SandboxApiException invalid(String message) {
        return new SandboxApiException(HttpStatus.BAD_REQUEST, "InvalidInput", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
