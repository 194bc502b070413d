package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path or method under the control API: a JSON 404 rather than the portal's error page. */
@RestController
class UnknownCallApi {

    @RequestMapping("/sandbox/v1/**")
    void unknown(HttpServletRequest request) {
        throw SandboxApiException.notFound("There is no control API call " + request.getMethod() + " "
                + Text.abbreviate(request.getRequestURI(), 43) + "; see /v3/api-docs for the calls.");
    }
}
