package io.openmws.server.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;

/**
 * The sandbox's shipping, tax and date rules for a placed order (docs/orders.md), exact with
 * {@link BigDecimal}: every amount is a line total rounded half-even to the currency's minor unit
 * (cents; whole yen), kept with two decimals as the Orders API shows it.
 *
 * <ul>
 *   <li>Shipping is a share of the line's item price by shipment service level: Standard 5%, Expedited
 *       10%, SecondDay 15%, NextDay 20%. A share, not a fixed fee, so it means the same in every currency.
 *   <li>Tax is added on top at the marketplace country's rate ({@link #TAX_RATES}), on the item price and
 *       on the shipping price separately.
 *   <li>EarliestShipDate is the purchase; LatestShipDate is the end (23:59:59 UTC) of the day the
 *       largest fulfillment latency of the lines ends (2 days when a listing has none); delivery starts
 *       the days of the service level's transit after those ({@link Level}).
 * </ul>
 */
final class OrderPricing {

    /** Days a listing without a fulfillment latency needs to ship. */
    static final int DEFAULT_LATENCY_DAYS = 2;

    /** Tax rate in percent by the marketplace's country code. */
    static final Map<String, BigDecimal> TAX_RATES = Map.ofEntries(
            Map.entry("US", new BigDecimal("7.25")), Map.entry("CA", new BigDecimal("13")),
            Map.entry("MX", new BigDecimal("16")), Map.entry("BR", new BigDecimal("17")),
            Map.entry("AE", new BigDecimal("5")), Map.entry("DE", new BigDecimal("19")),
            Map.entry("EG", new BigDecimal("14")), Map.entry("ES", new BigDecimal("21")),
            Map.entry("FR", new BigDecimal("20")), Map.entry("BE", new BigDecimal("21")),
            Map.entry("GB", new BigDecimal("20")), Map.entry("IN", new BigDecimal("18")),
            Map.entry("IT", new BigDecimal("22")), Map.entry("NL", new BigDecimal("21")),
            Map.entry("PL", new BigDecimal("23")), Map.entry("SA", new BigDecimal("15")),
            Map.entry("SE", new BigDecimal("25")), Map.entry("TR", new BigDecimal("20")),
            Map.entry("SG", new BigDecimal("9")), Map.entry("AU", new BigDecimal("10")),
            Map.entry("JP", new BigDecimal("10")), Map.entry("CN", new BigDecimal("13")));

    /**
     * A ShipmentServiceLevelCategory with its shipping share (percent of the item price) and transit
     * days (earliest, latest) after shipping.
     */
    enum Level {
        Standard("Std", "5", 3, 5),
        Expedited("Exp", "10", 2, 3),
        SecondDay("SecondDay", "15", 2, 2),
        NextDay("NextDay", "20", 1, 1);

        final String prefix;
        final BigDecimal sharePercent;
        final int transitMin;
        final int transitMax;

        Level(String prefix, String sharePercent, int transitMin, int transitMax) {
            this.prefix = prefix;
            this.sharePercent = new BigDecimal(sharePercent);
            this.transitMin = transitMin;
            this.transitMax = transitMax;
        }

        /** The free-text ShipServiceLevel, e.g. {@code Std US Dom}. */
        String shipServiceLevel(String countryCode) {
            return prefix + " " + countryCode + " Dom";
        }

        static Level parse(String name) {
            for (Level l : values()) {
                if (l.name().equalsIgnoreCase(name)) {
                    return l;
                }
            }
            return null;
        }
    }

    /** The dates an order shows, by {@link OrderPricing}'s rule. */
    record Dates(Instant earliestShip, Instant latestShip, Instant earliestDelivery, Instant latestDelivery) {}

    private OrderPricing() {}

    static BigDecimal shipping(BigDecimal itemPrice, Level level, String currency) {
        return percent(itemPrice, level.sharePercent, currency);
    }

    static BigDecimal tax(BigDecimal amount, String countryCode, String currency) {
        return percent(amount, TAX_RATES.getOrDefault(countryCode, BigDecimal.ZERO), currency);
    }

    /** {@code amount x percent / 100}, rounded half-even to the currency's minor unit, two decimals. */
    static BigDecimal percent(BigDecimal amount, BigDecimal percent, String currency) {
        return amount.multiply(percent).movePointLeft(2).setScale(minorDigits(currency), RoundingMode.HALF_EVEN)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code amount x part / whole}, rounded like {@link #percent}: one part of a line's amount. */
    static BigDecimal share(BigDecimal amount, int part, int whole, String currency) {
        return amount.multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), minorDigits(currency), RoundingMode.HALF_EVEN)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    static int minorDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(0, Math.min(2, digits));
    }

    static Dates dates(Instant purchase, int latencyDays, Level level) {
        Instant latestShip = purchase.plus(Duration.ofDays(latencyDays)).atOffset(ZoneOffset.UTC).toLocalDate()
                .atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
        Instant earliestDelivery = latestShip.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(level.transitMin));
        Instant latestDelivery = latestShip.plus(Duration.ofDays(level.transitMax));
        return new Dates(purchase, latestShip, earliestDelivery, latestDelivery);
    }
}
