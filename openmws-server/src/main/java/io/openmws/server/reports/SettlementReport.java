package io.openmws.server.reports;

import io.openmws.server.finances.SettlementExport;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code _GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_}, one settlement period's payout (mws-data-apis.md §3.3),
 * in its 36 columns: first the summary row (settlement-id, the period, the deposit date, the total and the
 * currency, nothing else), then one row per amount of every financial event of the period, exactly the
 * components ListFinancialEvents shows for the group, so the rows add up to the total.
 *
 * <p>A row's {@code transaction-type} is {@code Order} for a shipment's amounts and {@code Refund} for a
 * refund's. Charges go in {@code price-type}/{@code price-amount} ({@code Principal}, {@code Shipping},
 * {@code Tax}, {@code ShippingTax}), fees in {@code item-related-fee-type}/{@code item-related-fee-amount}
 * ({@code Commission}, {@code FixedClosingFee}, {@code RefundCommission}), a promotion in
 * {@code promotion-id}/{@code promotion-type} ({@code Principal})/{@code promotion-amount}. A shipment's
 * number on the orders side is its {@code shipment-id}, a refund's its {@code adjustment-id};
 * {@code quantity-purchased} is on each item's first row only, so the column adds up to the units.
 * Every row carries the {@code settlement-id}; {@code deposit-date} is empty when nothing was transferred.
 */
@Component
class SettlementReport implements ReportGenerator {

    static final String[] HEADER = {"settlement-id", "settlement-start-date", "settlement-end-date", "deposit-date",
            "total-amount", "currency", "transaction-type", "order-id", "merchant-order-id", "adjustment-id",
            "shipment-id", "marketplace-name", "shipment-fee-type", "shipment-fee-amount", "order-fee-type",
            "order-fee-amount", "fulfillment-id", "posted-date", "order-item-code", "merchant-order-item-id",
            "merchant-adjustment-item-id", "sku", "quantity-purchased", "price-type", "price-amount",
            "item-related-fee-type", "item-related-fee-amount", "misc-fee-amount", "other-fee-amount",
            "other-fee-reason-description", "promotion-id", "promotion-type", "promotion-amount",
            "direct-payment-type", "direct-payment-amount", "other-amount"};

    private final SettlementExport settlements;

    SettlementReport(SettlementExport settlements) {
        this.settlements = settlements;
    }

    @Override
    public Set<String> reportTypes() {
        return Set.of(ReportTypes.SETTLEMENT);
    }

    @Override
    public long generate(ReportJob job, ReportOutput out) throws IOException {
        out.header(HEADER);
        Optional<SettlementExport.Period> found = job.financialEventGroupId() == null ? Optional.empty()
                : settlements.period(job.accountId(), job.financialEventGroupId());
        if (found.isEmpty()) {
            out.flush();
            return out.rows();
        }
        SettlementExport.Period period = found.get();
        String settlementId = Long.toString(period.settlementId());
        String[] v = new String[HEADER.length];
        v[0] = settlementId;
        v[1] = ReportFormats.iso(period.start());
        v[2] = ReportFormats.iso(period.end());
        v[3] = ReportFormats.iso(period.depositDate());
        v[4] = ReportFormats.money(period.total());
        v[5] = period.currency();
        out.row(v);
        String[] row = new String[HEADER.length];
        settlements.forEachAmount(job.accountId(), period.financialEventGroupId(), a -> {
            boolean refund = "RefundEvent".equals(a.eventType());
            Arrays.fill(row, null);
            row[0] = settlementId;
            row[6] = refund ? "Refund" : "Order";
            row[7] = a.amazonOrderId();
            row[8] = a.sellerOrderId();
            row[9] = refund ? a.sourceId() : null;
            row[10] = refund ? null : a.sourceId();
            row[11] = a.marketplaceName();
            row[16] = "MFN";
            row[17] = ReportFormats.iso(a.postedDate());
            row[18] = a.orderItemId();
            row[21] = a.sku();
            row[22] = a.firstOfItem() ? Integer.toString(a.quantity()) : null;
            String amount = ReportFormats.money(a.amount());
            switch (a.kind()) {
                case "Charge" -> {
                    row[23] = "ShippingCharge".equals(a.type()) ? "Shipping" : a.type();
                    row[24] = amount;
                }
                case "Fee" -> {
                    row[25] = a.type();
                    row[26] = amount;
                }
                default -> {
                    row[30] = a.promotionId();
                    row[31] = "Principal";
                    row[32] = amount;
                }
            }
            out.row(row);
        });
        out.flush();
        return out.rows();
    }
}
