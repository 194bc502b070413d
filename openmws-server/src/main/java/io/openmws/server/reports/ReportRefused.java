package io.openmws.server.reports;

/**
 * A report request or schedule the platform will not take; nothing was stored. The API turns each
 * reason into its MWS error, the portal into a form message.
 */
public class ReportRefused extends RuntimeException {

    public enum Reason {
        /** Not a report type the platform knows: {@code InvalidReportType}. */
        INVALID_REPORT_TYPE,
        /** A type only the platform produces (settlement): {@code InvalidReportType}, saying so. */
        NOT_REQUESTABLE,
        /** A type ManageReportSchedule cannot schedule: {@code InvalidReportType}, saying so. */
        NOT_SCHEDULABLE,
        /** Not a {@code Schedule} value: {@code InvalidScheduleFrequency}. */
        INVALID_SCHEDULE,
        /** A marketplace the seller does not sell in: {@code InvalidParameterValue}. */
        MARKETPLACE_NOT_PARTICIPATING,
        /** {@code StartDate} after {@code EndDate}, or a date in the future: {@code InvalidParameterValue}. */
        INVALID_DATES,
        /** The seller's account is not active: {@code AccessDenied}. */
        ACCOUNT_INACTIVE
    }

    private final Reason reason;

    public ReportRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
