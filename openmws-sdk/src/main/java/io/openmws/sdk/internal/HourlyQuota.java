package io.openmws.sdk.internal;

import io.openmws.protocol.throttle.QuotaHeaders;
import io.openmws.protocol.time.Timestamps;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an answer's hourly-quota headers say (Feeds and Reports): calls left this hour
 * ({@code x-mws-quota-remaining}) and when the hour ends ({@code x-mws-quota-resetsOn}). Pollers read it to
 * leave the last calls of an hour to other work instead of using them up.
 *
 * @param remaining calls left this hour
 * @param resetsOn when the quota is full again
 */
public record HourlyQuota(OptionalDouble remaining, Optional<Instant> resetsOn) {

    /** The quota an answer's headers state; parts an endpoint sends oddly are left empty rather than failing a poll. */
    public static HourlyQuota of(HttpHeaders headers) {
        OptionalDouble remaining = OptionalDouble.empty();
        Optional<String> r = headers.firstValue(QuotaHeaders.REMAINING);
        if (r.isPresent()) {
            try {
                remaining = OptionalDouble.of(Double.parseDouble(r.get().strip()));
            } catch (NumberFormatException ignored) {
                // an endpoint's odd header does not stop the wait
            }
        }
        Optional<Instant> resets = Optional.empty();
        Optional<String> on = headers.firstValue(QuotaHeaders.RESETS_ON);
        if (on.isPresent()) {
            try {
                resets = Optional.of(Timestamps.parse(on.get().strip()));
            } catch (DateTimeParseException ignored) {
                // as above
            }
        }
        return new HourlyQuota(remaining, resets);
    }

    /**
     * When fewer than {@code reserve} calls are left this hour: the wait that spreads them over the rest of the
     * hour, the whole rest when none is left. Empty otherwise, or without both headers; never more than an hour.
     *
     * @param now the time the buckets count in
     * @param reserve below this many calls left, polls are spread
     * @return the wait before the next poll
     */
    public Optional<Duration> spread(Instant now, int reserve) {
        if (remaining.isEmpty() || resetsOn.isEmpty() || remaining.getAsDouble() >= reserve) {
            return Optional.empty();
        }
        Duration rest = Duration.between(now, resetsOn.get());
        if (rest.isNegative() || rest.isZero()) {
            return Optional.empty();
        }
        if (rest.compareTo(Duration.ofHours(1)) > 0) {
            rest = Duration.ofHours(1);
        }
        double left = remaining.getAsDouble();
        return Optional.of(left < 1 ? rest : rest.dividedBy((long) Math.floor(left)));
    }
}
