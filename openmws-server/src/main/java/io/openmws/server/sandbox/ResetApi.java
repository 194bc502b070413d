package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deletes all sandbox data, for test suites that want a clean start. */
@RestController
class ResetApi {

    @Schema(description = "Optional. 'clock': 'keep' (default) leaves the platform clock where it is; "
            + "'real' sets it back to real time (offset zero), allowed because the data is gone.")
    record Options(@Schema(allowableValues = {"keep", "real"}) String clock) {}

    record Reset(List<String> emptiedTables) {}

    private final SandboxReset reset;

    ResetApi(SandboxReset reset) {
        this.reset = reset;
    }

    @Operation(summary = "Delete all sandbox data", description = """
            Empties every table (accounts, developers, authorizations, listings, feeds, reports, orders, order generators, \
            mail, sessions, call log, jobs) as a \
            fresh start would leave them: the recurring background jobs are scheduled again at once. \
            The clock keeps its offset unless the body is {"clock": "real"}, which returns it to real time.""")
    @PostMapping("/sandbox/v1/reset")
    Reset reset(@RequestBody(required = false) Options options) {
        String clock = options == null || options.clock() == null ? "keep" : options.clock().strip();
        boolean toRealTime = switch (clock) {
            case "keep" -> false;
            case "real" -> true;
            default -> throw SandboxApiException.invalid("'clock' is 'keep' (the default) or 'real'; got '"
                    + Text.abbreviate(clock, 40) + "'.");
        };
        return new Reset(reset.reset(toRealTime));
    }
}
