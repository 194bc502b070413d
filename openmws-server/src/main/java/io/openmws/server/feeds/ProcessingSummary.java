package io.openmws.server.feeds;

/** The counts of a processing report's {@code ProcessingSummary}. */
public record ProcessingSummary(long processed, long successful, long withError, long withWarning) {
}
