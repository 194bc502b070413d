package io.openmws.server.reports;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.finances.SettlementPeriodClosed;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The settlement report of every closed settlement period: when Finances closes a period it publishes
 * {@link SettlementPeriodClosed} inside its closing transaction, and this inserts the request for the
 * period's report in that same transaction (source {@code PLATFORM}, scheduled, the period's dates and
 * group), so a period closes with its request or not at all. Generation starts after the commit.
 */
@Component
class ReportSettlements {

    private final Reports reports;
    private final ReportRepository repository;
    private final SellerAccounts accounts;
    private final Clock clock;

    ReportSettlements(Reports reports, ReportRepository repository, SellerAccounts accounts, Clock clock) {
        this.reports = reports;
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void periodClosed(SettlementPeriodClosed closed) {
        // A period is reported once: the unique index would refuse a second request, and on PostgreSQL
        // spoil the closing transaction with it, so look first.
        if (repository.settlementRequested(closed.accountId(), closed.financialEventGroupId())) {
            return;
        }
        reports.submit(new ReportRepository.NewRow(0, closed.accountId(), null, ReportRequest.SOURCE_PLATFORM,
                ReportTypes.SETTLEMENT, List.of(marketplaceOf(closed)), closed.periodStart(), closed.periodEnd(), null,
                true, clock.instant(), closed.financialEventGroupId()));
    }

    /** The seller's marketplace paid in the period's currency (its home marketplace when none is). */
    private String marketplaceOf(SettlementPeriodClosed closed) {
        SellerAccount account = accounts.byId(closed.accountId()).orElseThrow();
        for (String id : account.marketplaceIds()) {
            if (Marketplaces.byId(id).map(Marketplace::currencyCode).filter(closed.currency()::equals).isPresent()) {
                return id;
            }
        }
        return account.homeMarketplaceId();
    }
}
