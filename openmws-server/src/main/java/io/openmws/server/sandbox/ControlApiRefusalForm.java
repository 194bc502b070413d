package io.openmws.server.sandbox;

import io.openmws.server.support.RefusalForm;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A control API request refused before a controller saw it (a path Tomcat or the firewall rejects, a
 * body that cannot be read) gets the control API's own {@code {"error", "message"}} JSON, as every
 * other control API error does, rather than the portal's page.
 */
@Component
class ControlApiRefusalForm implements RefusalForm {

    static final String PREFIX = "/sandbox/v1/";

    @Override
    public boolean owns(String path, String method, String query) {
        return path != null && path.startsWith(PREFIX);
    }

    @Override
    public Answer answer(int status, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        String code = switch (status) {
            case 401 -> "Unauthorized";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 413 -> "TooLarge";
            case 415 -> "UnsupportedMediaType";
            default -> status >= 500 ? "InternalError" : "InvalidInput";
        };
        String message = status >= 500 ? "The call failed on the platform's side; see the server log."
                : "The request was refused before it reached a control API call ("
                        + (known == null ? status : known.value() + " " + known.getReasonPhrase())
                        + "): check its path, method and body; see /v3/api-docs for the calls.";
        return new Answer(status, "application/json", Map.of(),
                "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
