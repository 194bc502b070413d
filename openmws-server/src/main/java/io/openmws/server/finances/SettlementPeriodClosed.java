package io.openmws.server.finances;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A financial event group closed: one seller's settlement period in one currency ended and was paid
 * out. Published synchronously inside the transaction that closed the group, so what listens (the
 * Reports feature's settlement report) commits or rolls back with it and sees every period once.
 * Periods without events close too, with a total of zero and no fund transfer.
 *
 * @param accountId          the seller's account
 * @param financialEventGroupId the group's {@code FinancialEventGroupId}
 * @param periodStart        {@code FinancialEventGroupStart}
 * @param periodEnd          {@code FinancialEventGroupEnd}, 14 days later
 * @param currency           ISO 4217 code of every amount in the group
 * @param originalTotal      the sum of the group's events' amounts (at the currency's scale)
 * @param eventCount         how many events the group holds
 * @param fundTransferStatus {@code Successful}, or {@code Unknown} when nothing was transferred
 * @param fundTransferDate   when the total was transferred; null when nothing was
 * @param traceId            the transfer's trace id; null when nothing was transferred
 * @param accountTail        the last digits of the seller's bank account; null when nothing was transferred
 */
public record SettlementPeriodClosed(long accountId, String financialEventGroupId, Instant periodStart,
                                     Instant periodEnd, String currency, BigDecimal originalTotal, int eventCount,
                                     String fundTransferStatus, Instant fundTransferDate, String traceId,
                                     String accountTail) {
}
