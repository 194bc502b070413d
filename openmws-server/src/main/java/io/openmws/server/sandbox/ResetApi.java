package io.openmws.server.sandbox;

import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deletes all sandbox data, for test suites that want a clean start. */
@RestController
class ResetApi {

    record Reset(List<String> emptiedTables) {}

    private final SandboxReset reset;

    ResetApi(SandboxReset reset) {
        this.reset = reset;
    }

    @PostMapping("/sandbox/v1/reset")
    Reset reset() {
        return new Reset(reset.reset());
    }
}
