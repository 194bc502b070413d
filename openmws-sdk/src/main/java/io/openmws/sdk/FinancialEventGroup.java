package io.openmws.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A settlement period (Finances' {@code FinancialEventGroup}, spec §5.1): the events posted between its start
 * and end, and the total paid out for them. The newest group is {@code Open}: it has no end and no fund
 * transfer yet.
 *
 * @param financialEventGroupId the opaque id {@link FinancialEventFilter#byGroup} takes
 * @param processingStatus {@code Open} or {@code Closed}
 * @param fundTransferStatus e.g. {@code Successful}; empty while open
 * @param originalTotal the group's total in the marketplace's currency
 * @param convertedTotal the total in the currency paid out
 * @param fundTransferDate when the money was transferred
 * @param traceId the bank transfer's trace id
 * @param accountTail the last digits of the bank account
 * @param beginningBalance the balance carried in
 * @param financialEventGroupStart the start of the period
 * @param financialEventGroupEnd its end; empty while open
 */
public record FinancialEventGroup(String financialEventGroupId, String processingStatus,
                                  Optional<String> fundTransferStatus, Optional<Money> originalTotal,
                                  Optional<Money> convertedTotal, Optional<Instant> fundTransferDate,
                                  Optional<String> traceId, Optional<String> accountTail,
                                  Optional<Money> beginningBalance, Instant financialEventGroupStart,
                                  Optional<Instant> financialEventGroupEnd) {

    /** Checks the required parts. */
    public FinancialEventGroup {
        Objects.requireNonNull(financialEventGroupId, "financialEventGroupId");
        Objects.requireNonNull(processingStatus, "processingStatus");
        Objects.requireNonNull(financialEventGroupStart, "financialEventGroupStart");
    }

    /** Whether the group still takes events ({@code ProcessingStatus} {@code Open}). */
    public boolean isOpen() {
        return "Open".equals(processingStatus);
    }
}
