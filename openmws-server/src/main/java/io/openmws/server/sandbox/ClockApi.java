package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import io.openmws.server.support.PlatformClock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and moves the platform clock (time travel for tests; never backwards, never past {@link PlatformClock#LIMIT}). */
@RestController
@RequestMapping("/sandbox/v1/clock")
class ClockApi {

    record Now(Instant now, Duration offset) {}

    record Advance(String duration) {}

    private final PlatformClock clock;

    ClockApi(PlatformClock clock) {
        this.clock = clock;
    }

    @GetMapping
    Now now() {
        return new Now(clock.instant(), clock.offset());
    }

    @PostMapping("/advance")
    Now advance(@RequestBody Advance request) {
        if (request == null || request.duration() == null || request.duration().isBlank()) {
            throw SandboxApiException.invalid("Give the duration to move forward, e.g. {\"duration\": \"P366D\"}.");
        }
        Duration by;
        try {
            by = Duration.parse(request.duration().strip());
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof ArithmeticException) {
                throw SandboxApiException.invalid("'" + Text.abbreviate(request.duration(), 40)
                        + "' is longer than any duration the clock can move: the platform clock stays before "
                        + PlatformClock.LIMIT + ".");
            }
            throw SandboxApiException.invalid("'" + Text.abbreviate(request.duration(), 40)
                    + "' is not an ISO-8601 duration such as P366D, PT15M or P1DT2H.");
        }
        if (by.isNegative()) {
            throw SandboxApiException.invalid("The clock only moves forward; " + by + " is negative.");
        }
        try {
            clock.advance(by);
        } catch (IllegalArgumentException beyondLimit) {
            throw SandboxApiException.invalid(beyondLimit.getMessage());
        }
        return new Now(clock.instant(), clock.offset());
    }
}
