package io.openmws.server.sandbox;

import io.openmws.server.support.Refusal;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of a control API call into {@code {"error", "message"}} with a fitting status,
 * in this one place: the calls themselves never catch.
 *
 * <p>A feature's {@link Refusal} answers 404 {@code NotFound}, 409 {@code Conflict} or 400
 * {@code InvalidInput} by its kind. Its text is the control API's own wording,
 * {@code sandbox.api.<messageKey>} in {@code messages.properties}, where the portal's wording would
 * not fit (the portal never names an id it was sent; the operator wants to see it), else the portal's.
 */
@RestControllerAdvice(basePackageClasses = SandboxApiErrors.class)
class SandboxApiErrors {

    private static final Logger log = LoggerFactory.getLogger(SandboxApiErrors.class);

    /** The portal's form fields under the names the control API's JSON uses. */
    private static final Map<String, String> FIELDS = Map.of(
            "homeMarketplaceId", "marketplaces",
            "otherMarketplaceIds", "marketplaces");

    private final MessageSource messages;

    SandboxApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<SandboxApiError> refused(Refusal refusal) {
        String text = messages.getMessage("sandbox.api." + refusal.messageKey(), refusal.args(), null, Locale.ENGLISH);
        if (text == null) {
            text = messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(), Locale.ENGLISH);
        }
        if (refusal.field() != null) {
            text = "'" + FIELDS.getOrDefault(refusal.field(), refusal.field()) + "': " + text;
        }
        return switch (refusal.kind()) {
            case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new SandboxApiError("NotFound", text));
            case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(new SandboxApiError("Conflict", text));
            case INVALID -> ResponseEntity.badRequest().body(new SandboxApiError("InvalidInput", text));
        };
    }

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
