package io.openmws.sdk;

import java.util.Optional;

/**
 * How often a scheduled report is generated: the {@code Schedule} values of {@code ManageReportSchedule}
 * (spec §3.1). {@link #NEVER} deletes a schedule.
 */
public enum ScheduleFrequency {
    /** {@code _15_MINUTES_}. */
    EVERY_15_MINUTES("_15_MINUTES_"),
    /** {@code _30_MINUTES_}. */
    EVERY_30_MINUTES("_30_MINUTES_"),
    /** {@code _1_HOUR_}. */
    EVERY_HOUR("_1_HOUR_"),
    /** {@code _2_HOURS_}. */
    EVERY_2_HOURS("_2_HOURS_"),
    /** {@code _4_HOURS_}. */
    EVERY_4_HOURS("_4_HOURS_"),
    /** {@code _8_HOURS_}. */
    EVERY_8_HOURS("_8_HOURS_"),
    /** {@code _12_HOURS_}. */
    EVERY_12_HOURS("_12_HOURS_"),
    /** {@code _72_HOURS_}. */
    EVERY_72_HOURS("_72_HOURS_"),
    /** {@code _1_DAY_}. */
    EVERY_DAY("_1_DAY_"),
    /** {@code _2_DAYS_}. */
    EVERY_2_DAYS("_2_DAYS_"),
    /** {@code _7_DAYS_}. */
    EVERY_7_DAYS("_7_DAYS_"),
    /** {@code _14_DAYS_}. */
    EVERY_14_DAYS("_14_DAYS_"),
    /** {@code _15_DAYS_}. */
    EVERY_15_DAYS("_15_DAYS_"),
    /** {@code _30_DAYS_}. */
    EVERY_30_DAYS("_30_DAYS_"),
    /** {@code _NEVER_}: no schedule; sent to delete one. */
    NEVER("_NEVER_");

    private final String wireValue;

    ScheduleFrequency(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as MWS sends it, e.g. {@code _1_DAY_}. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * The frequency of a wire value.
     *
     * @param wireValue e.g. {@code _7_DAYS_}
     * @return the frequency; empty for a value this SDK does not know
     */
    public static Optional<ScheduleFrequency> ofWireValue(String wireValue) {
        for (ScheduleFrequency f : values()) {
            if (f.wireValue.equals(wireValue)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
