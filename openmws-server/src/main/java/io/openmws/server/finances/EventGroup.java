package io.openmws.server.finances;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One financial event group (a settlement period) as stored: what {@code FinancialEventGroup} shows.
 *
 * @param start the period's start ({@code FinancialEventGroupStart})
 * @param end   the period's end, 14 days later ({@code FinancialEventGroupEnd}, shown once Closed)
 */
record EventGroup(long id, long accountId, String groupId, String currency, String status, Instant start, Instant end,
                  BigDecimal originalTotal, BigDecimal beginningBalance, int eventCount, String fundTransferStatus,
                  Instant fundTransferDate, String traceId, String accountTail) {

    static final String OPEN = "Open";
    static final String CLOSED = "Closed";

    boolean open() {
        return OPEN.equals(status);
    }
}
