package io.openmws.sdk;

import java.util.Optional;

/** Where a feed submission stands ({@code FeedProcessingStatus}); the platform moves {@code _SUBMITTED_ -> _IN_PROGRESS_ -> _DONE_}. */
public enum FeedProcessingStatus {
    /** {@code _SUBMITTED_}: received, not started; the only status that can be cancelled. */
    SUBMITTED("_SUBMITTED_"),
    /** {@code _IN_PROGRESS_}: being processed. */
    IN_PROGRESS("_IN_PROGRESS_"),
    /** {@code _DONE_}: finished; the processing report is ready. */
    DONE("_DONE_"),
    /** {@code _CANCELLED_}: cancelled before it started (or aborted); there is no report. */
    CANCELLED("_CANCELLED_"),
    /** {@code _AWAITING_ASYNCHRONOUS_REPLY_}: waiting on external information. */
    AWAITING_ASYNCHRONOUS_REPLY("_AWAITING_ASYNCHRONOUS_REPLY_"),
    /** {@code _IN_SAFETY_NET_}: held because it looks dangerous (e.g. would zero all inventory). */
    IN_SAFETY_NET("_IN_SAFETY_NET_"),
    /** {@code _UNCONFIRMED_}: pending. */
    UNCONFIRMED("_UNCONFIRMED_");

    private final String wireValue;

    FeedProcessingStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as MWS sends it, e.g. {@code _DONE_}. */
    public String wireValue() {
        return wireValue;
    }

    /** Whether the submission will not change any more: {@link #DONE} or {@link #CANCELLED}. */
    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    /**
     * The status of a wire value.
     *
     * @param wireValue e.g. {@code _IN_PROGRESS_}
     * @return the status; empty for a value this SDK does not know
     */
    public static Optional<FeedProcessingStatus> ofWireValue(String wireValue) {
        for (FeedProcessingStatus s : values()) {
            if (s.wireValue.equals(wireValue)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
