package io.openmws.server.accounts;

import io.openmws.server.support.OpenMwsProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared page layout needs on every portal page: who is signed in, and the mode. */
@ControllerAdvice
class PortalModel {

    private final OpenMwsProperties properties;

    PortalModel(OpenMwsProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("currentSeller")
    SellerPrincipal currentSeller(@AuthenticationPrincipal SellerPrincipal principal) {
        return principal;
    }

    @ModelAttribute("sandboxMode")
    boolean sandboxMode() {
        return properties.sandbox();
    }
}
