package io.openmws.sdk;

import java.math.BigDecimal;
import java.util.List;

/** Exact sums of financial event amounts, for {@link FinancialEvent#total()}. */
final class Sums {

    private Sums() {
    }

    static BigDecimal charges(List<ChargeComponent> charges) {
        return charges.stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal fees(List<FeeComponent> fees) {
        return fees.stream().map(f -> f.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal promotions(List<Promotion> promotions) {
        return promotions.stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal items(List<ShipmentItem> items) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ShipmentItem i : items) {
            sum = sum.add(charges(i.charges())).add(charges(i.chargeAdjustments())).add(fees(i.fees()))
                    .add(fees(i.feeAdjustments())).add(promotions(i.promotions())).add(promotions(i.promotionAdjustments()));
        }
        return sum;
    }
}
