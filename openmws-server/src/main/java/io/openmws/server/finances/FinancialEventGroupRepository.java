package io.openmws.server.finances;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code financial_event_group} table: settlement periods, each read and changed within its seller. */
@Repository
class FinancialEventGroupRepository {

    private static final String COLUMNS = """
            id, account_id, group_id, currency, processing_status, period_start, period_end, original_total,
            beginning_balance, event_count, fund_transfer_status, fund_transfer_date, trace_id, account_tail""";

    /** Where a page of groups starts: after this (start, id), or at the first when null. */
    record After(Instant start, long id) {}

    private final JdbcClient jdbc;

    FinancialEventGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the seller's ledger in the currency until the transaction ends, so postings and closings of
     * its groups happen one at a time (no two Open groups, no event into a group being closed). The row
     * is made on first use; a concurrent first use waits for the other and then finds it.
     */
    void lockLedger(long accountId, String currency) {
        if (lockedLedger(accountId, currency)) {
            return;
        }
        jdbc.sql("INSERT INTO financial_ledger (account_id, currency) VALUES (:account, :currency)"
                        + " ON CONFLICT DO NOTHING")
                .param("account", accountId).param("currency", currency).update();
        if (!lockedLedger(accountId, currency)) {
            throw new IllegalStateException("The ledger of account " + accountId + " in " + currency + " is missing");
        }
    }

    private boolean lockedLedger(long accountId, String currency) {
        return jdbc.sql("SELECT account_id FROM financial_ledger WHERE account_id = :account AND currency = :currency"
                        + " FOR UPDATE")
                .param("account", accountId).param("currency", currency).query(Long.class).optional().isPresent();
    }

    Optional<EventGroup> open(long accountId, String currency) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM financial_event_group"
                        + " WHERE account_id = :account AND currency = :currency AND processing_status = 'Open'"
                        + " ORDER BY period_start LIMIT 1")
                .param("account", accountId).param("currency", currency)
                .query(FinancialEventGroupRepository::group).optional();
    }

    Optional<EventGroup> byId(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM financial_event_group WHERE account_id = :account AND id = :id")
                .param("account", accountId).param("id", id)
                .query(FinancialEventGroupRepository::group).optional();
    }

    /** The start of the seller's first period in the currency, the anchor of its 14-day grid. */
    Optional<Instant> firstStart(long accountId, String currency) {
        return jdbc.sql("SELECT period_start FROM financial_event_group WHERE account_id = :account"
                        + " AND currency = :currency ORDER BY period_start LIMIT 1")
                .param("account", accountId).param("currency", currency)
                .query((rs, n) -> SqlTime.read(rs, "period_start")).optional();
    }

    /** The end of the seller's latest period in the currency. */
    Optional<Instant> lastEnd(long accountId, String currency) {
        return jdbc.sql("SELECT period_end FROM financial_event_group WHERE account_id = :account"
                        + " AND currency = :currency ORDER BY period_end DESC LIMIT 1")
                .param("account", accountId).param("currency", currency)
                .query((rs, n) -> SqlTime.read(rs, "period_end")).optional();
    }

    long insertOpen(long accountId, String groupId, String currency, Instant start, Instant end) {
        jdbc.sql("""
                        INSERT INTO financial_event_group (account_id, group_id, currency, processing_status,
                            period_start, period_end)
                        VALUES (:account, :groupId, :currency, 'Open', :start, :end)""")
                .param("account", accountId).param("groupId", groupId).param("currency", currency)
                .param("start", SqlTime.of(start)).param("end", SqlTime.of(end))
                .update();
        return jdbc.sql("SELECT id FROM financial_event_group WHERE group_id = :groupId AND account_id = :account")
                .param("groupId", groupId).param("account", accountId).query(Long.class).single();
    }

    void addEvent(long accountId, long id, BigDecimal amount) {
        jdbc.sql("UPDATE financial_event_group SET original_total = original_total + :amount,"
                        + " event_count = event_count + 1 WHERE account_id = :account AND id = :id")
                .param("amount", amount).param("account", accountId).param("id", id).update();
    }

    void close(long accountId, long id, String fundTransferStatus, Instant fundTransferDate, String traceId,
               String accountTail, Instant closedAt) {
        jdbc.sql("""
                        UPDATE financial_event_group SET processing_status = 'Closed',
                            fund_transfer_status = :status, fund_transfer_date = :date, trace_id = :trace,
                            account_tail = :tail, closed_at = :closedAt
                        WHERE account_id = :account AND id = :id AND processing_status = 'Open'""")
                .param("status", fundTransferStatus)
                .param("date", fundTransferDate == null ? null : SqlTime.of(fundTransferDate))
                .param("trace", traceId).param("tail", accountTail).param("closedAt", SqlTime.of(closedAt))
                .param("account", accountId).param("id", id)
                .update();
    }

    /**
     * Open groups whose period ended before {@code now}, of every seller: the closing job's work, a
     * batch at a time (the job then acts on each within its seller).
     */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, account_id, currency FROM financial_event_group WHERE processing_status = 'Open'"
                        + " AND period_end <= :now ORDER BY period_end, id LIMIT :limit")
                .param("now", SqlTime.of(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("account_id"), rs.getString("currency")))
                .list();
    }

    record Due(long id, long accountId, String currency) {}

    /**
     * A page of the seller's groups that started in [{@code after}, {@code before}) or started before
     * {@code after} and were still Open at {@code after}, leaving out closed ones that started before
     * {@code oldest}; by start, then id.
     */
    List<EventGroup> page(long accountId, Instant after, Instant before, Instant oldest, After from, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM financial_event_group WHERE account_id = :account"
                        + " AND period_start < :before"
                        + " AND (period_start >= :after OR closed_at IS NULL OR period_end > :after)"
                        + " AND (period_start >= :oldest OR processing_status = 'Open')"
                        + (from == null ? "" : " AND (period_start > :fromStart OR (period_start = :fromStart AND id > :fromId))")
                        + " ORDER BY period_start, id LIMIT :limit")
                .param("account", accountId).param("after", SqlTime.of(after)).param("before", SqlTime.of(before))
                .param("oldest", SqlTime.of(oldest))
                .param("fromStart", from == null ? null : SqlTime.of(from.start()))
                .param("fromId", from == null ? 0L : from.id())
                .param("limit", limit)
                .query(FinancialEventGroupRepository::group).list();
    }

    /** The seller's group with this FinancialEventGroupId. */
    Optional<Long> refOf(long accountId, String groupId) {
        return jdbc.sql("SELECT id FROM financial_event_group WHERE account_id = :account AND group_id = :groupId")
                .param("account", accountId).param("groupId", groupId).query(Long.class).optional();
    }

    private static EventGroup group(ResultSet rs, int row) throws SQLException {
        return new EventGroup(rs.getLong("id"), rs.getLong("account_id"), rs.getString("group_id"),
                rs.getString("currency"), rs.getString("processing_status"), SqlTime.read(rs, "period_start"),
                SqlTime.read(rs, "period_end"), rs.getBigDecimal("original_total"),
                rs.getBigDecimal("beginning_balance"), rs.getInt("event_count"), rs.getString("fund_transfer_status"),
                SqlTime.read(rs, "fund_transfer_date"), rs.getString("trace_id"), rs.getString("account_tail"));
    }
}
