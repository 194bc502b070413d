package io.openmws.sdk;

import java.util.Optional;

/**
 * Where a report request stands ({@code ReportProcessingStatus}, spec §3.1): {@code _SUBMITTED_ -> _IN_PROGRESS_ ->}
 * {@code _DONE_} (a report was generated), {@code _DONE_NO_DATA_} (nothing to report) or {@code _CANCELLED_}.
 */
public enum ReportProcessingStatus {
    /** {@code _SUBMITTED_}: received, not started; the only status that can be cancelled. */
    SUBMITTED("_SUBMITTED_"),
    /** {@code _IN_PROGRESS_}: being generated. */
    IN_PROGRESS("_IN_PROGRESS_"),
    /** {@code _DONE_}: generated; its {@code GeneratedReportId} can be downloaded. */
    DONE("_DONE_"),
    /** {@code _DONE_NO_DATA_}: finished with nothing to report; there is no report. */
    DONE_NO_DATA("_DONE_NO_DATA_"),
    /** {@code _CANCELLED_}: cancelled before it started; there is no report. */
    CANCELLED("_CANCELLED_");

    private final String wireValue;

    ReportProcessingStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as MWS sends it, e.g. {@code _DONE_}. */
    public String wireValue() {
        return wireValue;
    }

    /** Whether the request will not change any more: {@link #DONE}, {@link #DONE_NO_DATA} or {@link #CANCELLED}. */
    public boolean isFinal() {
        return this == DONE || this == DONE_NO_DATA || this == CANCELLED;
    }

    /**
     * The status of a wire value.
     *
     * @param wireValue e.g. {@code _IN_PROGRESS_}
     * @return the status; empty for a value this SDK does not know
     */
    public static Optional<ReportProcessingStatus> ofWireValue(String wireValue) {
        for (ReportProcessingStatus s : values()) {
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
