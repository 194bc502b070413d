package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import io.openmws.protocol.ApiSection;
import io.openmws.server.developers.SandboxDevelopers;
import io.openmws.server.gateway.ServiceStatusBoard;
import io.openmws.server.gateway.ThrottleExemptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** How the MWS API behaves for tests: throttling per developer, and what GetServiceStatus reports. */
@RestController
class ApiBehaviourApi {

    record Throttling(Boolean enabled) {}

    record ThrottlingState(String developerId, boolean throttled) {}

    record ServiceStatus(String status, String messageId, List<String> messages) {}

    record ServiceStatusState(String section, String status, String messageId, List<String> messages) {}

    static final int MAX_MESSAGES = 100;

    private final SandboxDevelopers developers;
    private final ThrottleExemptions exemptions;
    private final ServiceStatusBoard board;

    ApiBehaviourApi(SandboxDevelopers developers, ThrottleExemptions exemptions, ServiceStatusBoard board) {
        this.developers = developers;
        this.exemptions = exemptions;
        this.board = board;
    }

    @PostMapping("/sandbox/v1/developers/{developerId}/throttling")
    ThrottlingState throttling(@PathVariable String developerId, @RequestBody Throttling request) {
        if (request == null || request.enabled() == null) {
            throw SandboxApiException.invalid("Give {\"enabled\": false} to switch throttling off, true to switch it on.");
        }
        String id = developers.byDeveloperId(developerId)
                .orElseThrow(() -> SandboxApiException.notFound("No developer has Developer ID "
                        + Text.abbreviate(developerId, 43) + "."))
                .developerId().digits();
        exemptions.setThrottled(id, request.enabled());
        return new ThrottlingState(id, exemptions.throttled(id));
    }

    @PostMapping("/sandbox/v1/service-status/{section}")
    ServiceStatusState serviceStatus(@PathVariable String section, @RequestBody ServiceStatus request) {
        ApiSection apiSection = Arrays.stream(ApiSection.values())
                .filter(s -> s.sectionName().equalsIgnoreCase(section))
                .findFirst()
                .orElseThrow(() -> SandboxApiException.notFound("No API section is called "
                        + Text.abbreviate(section, 43) + "; use one of Sellers, Orders, Feeds, Reports, Products, Finances."));
        if (request == null || request.status() == null) {
            throw SandboxApiException.invalid("Give the status: GREEN, GREEN_I, YELLOW or RED.");
        }
        ServiceStatusBoard.Status status;
        try {
            status = ServiceStatusBoard.Status.valueOf(request.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SandboxApiException.invalid("'" + Text.abbreviate(request.status(), 43)
                    + "' is not a status; use GREEN, GREEN_I, YELLOW or RED.");
        }
        List<String> messages = request.messages() == null ? List.of() : request.messages();
        // The limits of the service_status tables; U+0000 is a character PostgreSQL cannot store.
        if (messages.size() > MAX_MESSAGES) {
            throw SandboxApiException.invalid("Give at most " + MAX_MESSAGES + " messages.");
        }
        if (messages.stream().anyMatch(m -> m == null || m.isBlank() || m.length() > 1000 || m.indexOf('\0') >= 0)) {
            throw SandboxApiException.invalid("Each message is a text of 1 to 1000 characters (U+0000 excluded).");
        }
        String messageId = request.messageId();
        if (messageId != null && (messageId.isBlank() || messageId.length() > 1000 || messageId.indexOf('\0') >= 0)) {
            throw SandboxApiException.invalid("The messageId, when given, is a text of 1 to 1000 characters"
                    + " (U+0000 excluded).");
        }
        board.set(apiSection, new ServiceStatusBoard.SectionStatus(status, messageId, messages));
        ServiceStatusBoard.SectionStatus now = board.get(apiSection);
        return new ServiceStatusState(apiSection.sectionName(), now.status().name(), now.messageId(), now.messages());
    }
}
