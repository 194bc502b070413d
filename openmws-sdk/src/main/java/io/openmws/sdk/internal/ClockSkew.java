package io.openmws.sdk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the endpoint's clock is from the client's, learned from the {@code x-mws-timestamp} of a
 * {@code RequestExpired} answer, and the client's time corrected by it: what a Timestamp says. Shared by all
 * calls of a client, so a correction learned once holds for later calls. Thread-safe.
 */
final class ClockSkew {

    private static final System.Logger LOG = System.getLogger(ClockSkew.class.getName());

    private final Clock clock;
    private final AtomicReference<Duration> skew = new AtomicReference<>(Duration.ZERO);

    ClockSkew(Clock clock) {
        this.clock = clock;
    }

    /** The client's time corrected by the skew. */
    Instant correctedNow() {
        return clock.instant().plus(skew.get());
    }

    /** Endpoint minus client; zero until one was learned. */
    Duration skew() {
        return skew.get();
    }

    /** Learns the skew from the endpoint's time, as read from an answer just received. */
    Duration learn(Instant endpointTime) {
        Duration learned = Duration.between(clock.instant(), endpointTime);
        skew.set(learned);
        LOG.log(System.Logger.Level.WARNING, "The endpoint refused the Timestamp as expired; its clock is {0}"
                + " from this machine''s. Correcting the Timestamp and sending again", learned);
        return learned;
    }
}
