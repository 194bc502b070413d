package io.openmws.server.finances;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The sandbox's fees (README "Finances fee table", docs/finances.md): what Amazon keeps of a sale and
 * gives back on a refund. Real fees depend on category, program and date; the sandbox uses one simple,
 * exact table so integrators can predict every amount to the cent:
 * <ul>
 *   <li>{@code Commission}: 15% of the item's principal, at least 30 minor units per unit (0.30 in
 *       dollars, euros or pounds; 30 yen), rounded half-even to the currency's minor unit;</li>
 *   <li>{@code FixedClosingFee}: 180 minor units per unit (1.80; 180 yen), every item, since the
 *       sandbox does not know media categories;</li>
 *   <li>on a refund, the commission of the refunded principal (same rule) is given back, and
 *       {@code RefundCommission} keeps 20% of that, at most 500 minor units (5.00; 500 yen); the
 *       closing fee is not given back.</li>
 * </ul>
 */
final class FeeTable {

    static final BigDecimal COMMISSION_RATE = new BigDecimal("0.15");
    static final long COMMISSION_MINIMUM_MINOR = 30;
    static final long CLOSING_FEE_MINOR = 180;
    static final BigDecimal REFUND_COMMISSION_RATE = new BigDecimal("0.20");
    static final long REFUND_COMMISSION_MAXIMUM_MINOR = 500;

    private FeeTable() {
    }

    /** The number of decimals of the currency's minor unit: 2 for USD, EUR, GBP; 0 for JPY. */
    static int scale(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /** The amount at the currency's scale, rounded half-even. */
    static BigDecimal money(String currency, BigDecimal amount) {
        return amount.setScale(scale(currency), RoundingMode.HALF_EVEN);
    }

    /** A count of the currency's minor units as an amount: 30 is 0.30 USD or 30 JPY. */
    static BigDecimal minor(String currency, long units) {
        return BigDecimal.valueOf(units, scale(currency));
    }

    /** The commission on a principal for a quantity (positive: the caller signs it). */
    static BigDecimal commission(String currency, BigDecimal principal, int quantity) {
        BigDecimal rate = money(currency, principal.multiply(COMMISSION_RATE));
        BigDecimal minimum = minor(currency, COMMISSION_MINIMUM_MINOR * quantity);
        return rate.max(minimum);
    }

    /** The closing fee for a quantity (positive). */
    static BigDecimal closingFee(String currency, int quantity) {
        return minor(currency, CLOSING_FEE_MINOR * quantity);
    }

    /** What Amazon keeps of a commission it gives back on a refund (positive). */
    static BigDecimal refundCommission(String currency, BigDecimal givenBack) {
        BigDecimal kept = money(currency, givenBack.multiply(REFUND_COMMISSION_RATE));
        BigDecimal maximum = minor(currency, REFUND_COMMISSION_MAXIMUM_MINOR);
        return kept.min(maximum);
    }
}
