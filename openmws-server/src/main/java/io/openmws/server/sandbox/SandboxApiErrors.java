package io.openmws.server.sandbox;

import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every failure of a control API call into {@code {"error", "message"}} with a fitting status. */
@RestControllerAdvice(basePackageClasses = SandboxApiErrors.class)
class SandboxApiErrors {

    private static final Logger log = LoggerFactory.getLogger(SandboxApiErrors.class);

    @ExceptionHandler(SandboxApiException.class)
    ResponseEntity<SandboxApiError> api(SandboxApiException e) {
        return ResponseEntity.status(e.status()).body(new SandboxApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<SandboxApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new SandboxApiError("InvalidJson",
                "The request body is not the JSON this call takes."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<SandboxApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new SandboxApiError(
                "UnsupportedMediaType", "Send the body as application/json."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<SandboxApiError> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(new SandboxApiError("InvalidInput",
                "Missing required parameter " + e.getParameterName() + "."));
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    ResponseEntity<SandboxApiError> invalid(RuntimeException e) {
        return ResponseEntity.badRequest().body(new SandboxApiError("InvalidInput", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<SandboxApiError> unexpected(Exception e) {
        log.error("Sandbox control API call failed", e);
        return ResponseEntity.internalServerError().body(new SandboxApiError("InternalError",
                "The call failed on the platform's side; see the server log."));
    }
}
