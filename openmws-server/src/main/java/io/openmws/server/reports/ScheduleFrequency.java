package io.openmws.server.reports;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The {@code Schedule} values of ManageReportSchedule (mws-data-apis.md §3.1) and their periods. */
public enum ScheduleFrequency {
    MINUTES_15("_15_MINUTES_", Duration.ofMinutes(15)),
    MINUTES_30("_30_MINUTES_", Duration.ofMinutes(30)),
    HOUR_1("_1_HOUR_", Duration.ofHours(1)),
    HOURS_2("_2_HOURS_", Duration.ofHours(2)),
    HOURS_4("_4_HOURS_", Duration.ofHours(4)),
    HOURS_8("_8_HOURS_", Duration.ofHours(8)),
    HOURS_12("_12_HOURS_", Duration.ofHours(12)),
    HOURS_72("_72_HOURS_", Duration.ofHours(72)),
    DAY_1("_1_DAY_", Duration.ofDays(1)),
    DAYS_2("_2_DAYS_", Duration.ofDays(2)),
    DAYS_7("_7_DAYS_", Duration.ofDays(7)),
    DAYS_14("_14_DAYS_", Duration.ofDays(14)),
    DAYS_15("_15_DAYS_", Duration.ofDays(15)),
    DAYS_30("_30_DAYS_", Duration.ofDays(30)),
    /** Deletes the schedule. */
    NEVER("_NEVER_", null);

    private final String value;
    private final Duration period;

    ScheduleFrequency(String value, Duration period) {
        this.value = value;
        this.period = period;
    }

    /** The wire value, e.g. {@code _1_DAY_}. */
    public String value() {
        return value;
    }

    /** The time between two reports; null for {@link #NEVER}. */
    public Duration period() {
        return period;
    }

    public static Optional<ScheduleFrequency> of(String value) {
        return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst();
    }
}
