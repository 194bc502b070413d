package io.openmws.sdk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money as MWS writes it: a currency code and an exact decimal amount (Orders' {@code Amount},
 * Finances' {@code CurrencyAmount}). Never a {@code double}: amounts that the seller is paid must add up to
 * the cent.
 *
 * @param currencyCode ISO 4217, e.g. {@code USD}; empty when the endpoint sent none
 * @param amount the amount as sent, scale included ({@code 25.00} stays {@code 25.00}); negative for fees
 *     and refunds in Finances
 */
public record Money(String currencyCode, BigDecimal amount) {

    /** Checks that nothing is missing. */
    public Money {
        Objects.requireNonNull(currencyCode, "currencyCode");
        Objects.requireNonNull(amount, "amount");
    }

    /** {@code USD 25.00}. */
    @Override
    public String toString() {
        return currencyCode + " " + amount.toPlainString();
    }
}
