package io.openmws.sdk;

import io.openmws.testkit.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox platform's movable clock as a {@link Clock} on the test's side: real time plus the offset
 * the platform reported when it was last moved. The platform's throttle buckets count on that clock, so
 * a client that paces on this one agrees with them.
 */
final class PlatformTime extends Clock {

    private final Sandbox sandbox;
    private final AtomicReference<Duration> offset = new AtomicReference<>();

    PlatformTime(Sandbox sandbox) {
        this.sandbox = sandbox;
        offset.set(Duration.between(Instant.now(), sandbox.now()));
    }

    /** Moves the platform's clock and this one with it. */
    Instant advance(Duration by) {
        Instant platformNow = sandbox.advance(by);
        // Read real time after the platform answered: the offset errs on the small side, so this clock
        // never runs ahead of the platform's.
        offset.set(Duration.between(Instant.now(), platformNow));
        return platformNow;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The platform's time is UTC");
    }
}
