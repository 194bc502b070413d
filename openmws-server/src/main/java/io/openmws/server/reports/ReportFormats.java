package io.openmws.server.reports;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How values look in the flat-file reports of mws-data-apis.md §3.3, one rule per kind of value. */
final class ReportFormats {

    /** {@code 2013-01-07 07:35:42 PST}: the listings reports' dates, in the marketplace's local time. */
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);
    /** {@code 2017-01-19T09:53:02+00:00}: the order and settlement reports' dates, in UTC. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** The zone each marketplace's reports show local times in, by country (Amazon.com and .ca: Pacific). */
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("US", ZoneId.of("America/Los_Angeles")), Map.entry("CA", ZoneId.of("America/Los_Angeles")),
            Map.entry("MX", ZoneId.of("America/Mexico_City")), Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
            Map.entry("GB", ZoneId.of("Europe/London")), Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("FR", ZoneId.of("Europe/Paris")), Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("ES", ZoneId.of("Europe/Madrid")), Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")), Map.entry("SE", ZoneId.of("Europe/Stockholm")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")), Map.entry("TR", ZoneId.of("Europe/Istanbul")),
            Map.entry("AE", ZoneId.of("Asia/Dubai")), Map.entry("SA", ZoneId.of("Asia/Riyadh")),
            Map.entry("EG", ZoneId.of("Africa/Cairo")), Map.entry("IN", ZoneId.of("Asia/Kolkata")),
            Map.entry("SG", ZoneId.of("Asia/Singapore")), Map.entry("AU", ZoneId.of("Australia/Sydney")),
            Map.entry("JP", ZoneId.of("Asia/Tokyo")), Map.entry("CN", ZoneId.of("Asia/Shanghai")));

    /** The listing-id's alphabet: digits and capitals, as in {@code 0708QHIDPCS}. */
    private static final char[] BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final long SPREAD = 36L * 36 * 36 * 36 * 36 * 36 * 36;
    /**
     * Coprime with 36, so {@code ref * MIXER + OFFSET} modulo 36^7 is a bijection: distinct listings, distinct
     * ids. Small enough that the product of a reduced ref and it stays within a long.
     */
    private static final long MIXER = 100_000_007L;
    private static final long OFFSET = 17L * 36 * 36 * 36 * 36 * 36 * 36;

    private ReportFormats() {}

    static ZoneId zoneOf(String marketplaceId) {
        return Marketplaces.byId(marketplaceId).map(Marketplace::countryCode).map(ZONES::get).orElse(ZoneOffset.UTC);
    }

    /** An instant as the listings reports show it: local time of the marketplace with its zone's abbreviation. */
    static String localDateTime(Instant instant, ZoneId zone) {
        return instant == null ? null : LOCAL_DATE_TIME.format(instant.atZone(zone));
    }

    /** An instant as the order and settlement reports show it: {@code 2017-01-19T09:53:02+00:00}. */
    static String iso(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }

    /** A price or amount as a plain decimal ({@code 12.50}, never {@code 1.25E+1}); null stays empty. */
    static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** The orders reports' {@code fulfillment-channel}: {@code Merchant} for MFN, {@code Amazon} for AFN. */
    static String fulfillmentChannel(String channel) {
        return "AFN".equals(channel) ? "Amazon" : "Merchant";
    }

    static String number(Integer n) {
        return n == null ? null : n.toString();
    }

    /**
     * The {@code listing-id} of a listing, like {@code 0708QHIDPCS}: the month and day it was opened, then
     * seven base-36 characters spread from its row id. Stable while the listing exists, and two listings
     * never share one below 36^7 (78 billion) rows.
     */
    static String listingId(long listingRef, Instant openedAt, ZoneId zone) {
        StringBuilder id = new StringBuilder(11);
        if (openedAt != null) {
            var local = openedAt.atZone(zone);
            id.append(String.format(Locale.ROOT, "%02d%02d", local.getMonthValue(), local.getDayOfMonth()));
        } else {
            id.append("0000");
        }
        long spread = (Math.floorMod(listingRef, SPREAD) * MIXER + OFFSET) % SPREAD;
        char[] tail = new char[7];
        for (int i = 6; i >= 0; i--) {
            tail[i] = BASE36[(int) (spread % 36)];
            spread /= 36;
        }
        return id.append(tail).toString();
    }

    /** The inventory loader's {@code product-id-type} code (§2.4): 1 ASIN, 2 ISBN, 3 UPC, 4 EAN; else null. */
    static String productIdTypeCode(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "ASIN" -> "1";
            case "ISBN" -> "2";
            case "UPC" -> "3";
            case "EAN" -> "4";
            default -> null;
        };
    }

    /** The inventory loader's {@code item-condition} code (§2.4): 11 New, 1-4 Used, 5-8 Collectible, 10 Refurbished. */
    static String itemConditionCode(String conditionType) {
        if (conditionType == null) {
            return "11";
        }
        return switch (conditionType) {
            case "UsedLikeNew" -> "1";
            case "UsedVeryGood" -> "2";
            case "UsedGood" -> "3";
            case "UsedAcceptable" -> "4";
            case "CollectibleLikeNew" -> "5";
            case "CollectibleVeryGood" -> "6";
            case "CollectibleGood" -> "7";
            case "CollectibleAcceptable" -> "8";
            case "Refurbished" -> "10";
            case "New" -> "11";
            default -> null;
        };
    }
}
