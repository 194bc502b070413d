package io.openmws.server.feeds;

import io.openmws.server.catalog.ListingChange;
import io.openmws.server.catalog.ListingChange.Kind;
import io.openmws.server.orders.OrderFeedMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field rules of each feed type (../shared/spec/mws-data-apis.md §2): one message in, either the
 * {@link ListingChange} it asks for or the error {@link MessageResult} that answers it. Pure: no
 * database, so every rule is tested on its own. What depends on the catalog (an unknown SKU, a new
 * product missing attributes) is the catalog's to answer; the order feeds' rules are in
 * {@link OrderMessageRules}, and what depends on the orders is the orders feature's to answer.
 */
final class MessageRules {

    /** XML: a value the schema does not allow, or a required element missing (§2.7). */
    static final int XML_SCHEMA = 5000;
    /** Flat file: a value that is not allowed (§2.7). */
    static final int INVALID_VALUE = 90205;
    /** Flat file: a required column is blank (§2.7). */
    static final int REQUIRED_MISSING = 99001;
    /** A message of a feed type this platform accepts but does not apply (chosen; not in §2.7). */
    static final int TYPE_NOT_APPLIED = 90000;

    static final int MAX_SKU = 40;
    static final int MAX_QUANTITY = 1_000_000_000;
    static final int MAX_LATENCY = 30;
    static final BigDecimal MAX_PRICE = new BigDecimal("9999999999999999.99");

    static final Set<String> PRODUCT_ID_TYPES = Set.of("ASIN", "ISBN", "UPC", "EAN", "GTIN", "GCID", "PZN");
    static final Set<String> CONDITIONS = Set.of("New", "UsedLikeNew", "UsedVeryGood", "UsedGood", "UsedAcceptable",
            "CollectibleLikeNew", "CollectibleVeryGood", "CollectibleGood", "CollectibleAcceptable", "Refurbished",
            "Club");
    /** The inventory loader's {@code item-condition} codes. */
    static final Map<String, String> ITEM_CONDITIONS = Map.ofEntries(Map.entry("1", "UsedLikeNew"),
            Map.entry("2", "UsedVeryGood"), Map.entry("3", "UsedGood"), Map.entry("4", "UsedAcceptable"),
            Map.entry("5", "CollectibleLikeNew"), Map.entry("6", "CollectibleVeryGood"),
            Map.entry("7", "CollectibleGood"), Map.entry("8", "CollectibleAcceptable"), Map.entry("10", "Refurbished"),
            Map.entry("11", "New"));
    /** The inventory loader's {@code product-id-type} codes. */
    static final Map<String, String> PRODUCT_ID_CODES = Map.of("1", "ASIN", "2", "ISBN", "3", "UPC", "4", "EAN");

    /** A message's meaning: exactly one of the three is set. */
    record Outcome(ListingChange change, OrderFeedMessage order, MessageResult error) {
        static Outcome of(ListingChange change) {
            return new Outcome(change, null, null);
        }

        static Outcome of(OrderFeedMessage order) {
            return new Outcome(null, order, null);
        }

        static Outcome error(MessageResult error) {
            return new Outcome(null, null, error);
        }
    }

    /** A field that breaks a rule; becomes the message's error. */
    static final class Invalid extends Exception {
        final int code;

        Invalid(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private MessageRules() {
    }

    static Outcome interpret(String feedType, FeedRecord record) {
        String sku = record.first("SKU").or(() -> record.first("sku")).orElse(null);
        boolean flat = FeedTypes.formatOf(feedType).orElse(FeedTypes.Format.XML) == FeedTypes.Format.FLAT_FILE;
        if (FeedTypes.ORDERS.contains(feedType)) {
            String order = OrderMessageRules.orderIdOf(record);
            if (!record.problems().isEmpty()) {
                return Outcome.error(MessageResult.error(record.messageId(), flat ? INVALID_VALUE : XML_SCHEMA,
                        String.join("; ", record.problems()), order));
            }
            try {
                return Outcome.of(OrderMessageRules.interpret(feedType, record));
            } catch (Invalid e) {
                return Outcome.error(MessageResult.error(record.messageId(), e.code, e.getMessage(), order));
            }
        }
        if (!FeedTypes.CATALOG.contains(feedType)) {
            return Outcome.error(MessageResult.error(record.messageId(), TYPE_NOT_APPLIED, "Feed type " + feedType
                    + " is accepted but not applied by this platform; the message was not applied.", sku));
        }
        if (!record.problems().isEmpty()) {
            return Outcome.error(MessageResult.error(record.messageId(), flat ? INVALID_VALUE : XML_SCHEMA,
                    String.join("; ", record.problems()), sku));
        }
        try {
            String checkedSku = sku(record, sku, flat);
            ListingChange change = switch (feedType) {
                case "_POST_PRODUCT_DATA_" -> product(record, checkedSku);
                case "_POST_INVENTORY_AVAILABILITY_DATA_" -> inventory(record, checkedSku);
                case "_POST_PRODUCT_PRICING_DATA_" -> price(record, checkedSku);
                case "_POST_FLAT_FILE_INVLOADER_DATA_" -> inventoryLoader(record, checkedSku);
                case "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_" -> priceAndQuantity(record, checkedSku);
                default -> throw new IllegalStateException("No rules for " + feedType);
            };
            return Outcome.of(change);
        } catch (Invalid e) {
            return Outcome.error(MessageResult.error(record.messageId(), e.code, e.getMessage(), sku));
        }
    }

    private static String sku(FeedRecord record, String sku, boolean flat) throws Invalid {
        if (sku == null) {
            throw flat ? new Invalid(REQUIRED_MISSING, "The required column sku is blank.")
                    : new Invalid(XML_SCHEMA, "The message has no SKU.");
        }
        String s = sku.strip();
        if (s.length() > MAX_SKU) {
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, "The SKU is longer than " + MAX_SKU + " characters.");
        }
        return s;
    }

    // ---- _POST_PRODUCT_DATA_

    static ListingChange product(FeedRecord r, String sku) throws Invalid {
        Kind kind = switch (r.operationType() == null || r.operationType().isEmpty() ? "Update" : r.operationType()) {
            case "Delete" -> Kind.DELETE;
            case "PartialUpdate" -> Kind.PATCH_PRODUCT;
            default -> Kind.REPLACE_PRODUCT;
        };
        if (kind == Kind.DELETE) {
            return ListingChange.delete(r.messageId(), sku);
        }
        String type = r.first("StandardProductID.Type").orElse(null);
        String value = r.first("StandardProductID.Value").orElse(null);
        if ((type == null) != (value == null)) {
            throw xml("StandardProductID needs both Type and Value.");
        }
        if (type != null) {
            type = productIdType(type, false);
            value = productId(type, value, false);
        }
        List<String> bullets = r.fields().containsKey("DescriptionData.BulletPoint")
                ? r.all("DescriptionData.BulletPoint").stream().map(String::strip).filter(b -> !b.isEmpty()).toList()
                : null;
        if (bullets != null && bullets.size() > 5) {
            throw xml("At most 5 BulletPoint elements are allowed; the message has " + bullets.size() + ".");
        }
        if (bullets != null) {
            for (String b : bullets) {
                limit("BulletPoint", b, 500, false);
            }
        }
        String condition = r.first("Condition.ConditionType").map(String::strip).orElse(null);
        if (condition != null && !CONDITIONS.contains(condition)) {
            throw xml("ConditionType '" + condition + "' is not one of " + String.join(", ", sorted(CONDITIONS)) + ".");
        }
        return new ListingChange(r.messageId(), sku, kind, new ListingChange.Product(type, value,
                text(r, "DescriptionData.Title", 500), text(r, "DescriptionData.Brand", 100),
                text(r, "DescriptionData.Manufacturer", 100), text(r, "DescriptionData.Description", 2000), bullets,
                text(r, "ProductTaxCode", 40), condition, text(r, "Condition.ConditionNote", 2000)), null);
    }

    // ---- _POST_INVENTORY_AVAILABILITY_DATA_

    static ListingChange inventory(FeedRecord r, String sku) throws Invalid {
        notDelete(r, "Inventory");
        Integer quantity = r.first("Quantity").isPresent() ? quantity(r.first("Quantity").get(), false) : null;
        Optional<String> available = r.first("Available");
        if (available.isPresent()) {
            if (quantity != null) {
                throw xml("Give either Quantity or Available, not both.");
            }
            String a = available.get().strip();
            if (!a.equals("true") && !a.equals("false") && !a.equals("1") && !a.equals("0")) {
                throw xml("Available must be true or false, not '" + a + "'.");
            }
            // Available=false closes the offer; true leaves the quantity as it is.
            quantity = a.equals("false") || a.equals("0") ? 0 : null;
        }
        Integer latency = r.first("FulfillmentLatency").isPresent()
                ? latency(r.first("FulfillmentLatency").get(), false) : null;
        return new ListingChange(r.messageId(), sku, Kind.PATCH_OFFER, null,
                new ListingChange.Offer(null, null, null, null, null, false, quantity, latency));
    }

    // ---- _POST_PRODUCT_PRICING_DATA_

    static ListingChange price(FeedRecord r, String sku) throws Invalid {
        notDelete(r, "Price");
        BigDecimal price = null;
        String currency = null;
        if (r.first("StandardPrice").isPresent()) {
            price = price(r.first("StandardPrice").get(), "StandardPrice", false);
            currency = currency(r.first("StandardPrice@currency").orElse(null), "StandardPrice");
        }
        BigDecimal salePrice = null;
        Instant start = null;
        Instant end = null;
        boolean hasSale = r.fields().keySet().stream().anyMatch(k -> k.startsWith("Sale."));
        if (hasSale) {
            salePrice = price(r.first("Sale.SalePrice").orElseThrow(() -> xml("Sale needs a SalePrice.")),
                    "SalePrice", false);
            String saleCurrency = currency(r.first("Sale.SalePrice@currency").orElse(null), "SalePrice");
            start = date(r.first("Sale.StartDate").orElseThrow(() -> xml("Sale needs a StartDate.")), "StartDate");
            end = date(r.first("Sale.EndDate").orElseThrow(() -> xml("Sale needs an EndDate.")), "EndDate");
            if (!end.isAfter(start)) {
                throw xml("The sale's EndDate must come after its StartDate.");
            }
            if (currency != null && !currency.equals(saleCurrency) && !"DEFAULT".equals(currency)
                    && !"DEFAULT".equals(saleCurrency)) {
                throw xml("SalePrice is in " + saleCurrency + " but StandardPrice in " + currency + ".");
            }
            currency = currency == null || "DEFAULT".equals(currency) ? saleCurrency : currency;
        }
        if (price == null && !hasSale) {
            throw xml("The message has no StandardPrice.");
        }
        return new ListingChange(r.messageId(), sku, Kind.PATCH_OFFER, null,
                new ListingChange.Offer(price, currency, salePrice, start, end, false, null, null));
    }

    // ---- _POST_FLAT_FILE_INVLOADER_DATA_

    static ListingChange inventoryLoader(FeedRecord r, String sku) throws Invalid {
        String addDelete = r.first("add-delete").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("a");
        switch (addDelete) {
            case "d", "x" -> {
                return ListingChange.delete(r.messageId(), sku);
            }
            case "a" -> {
                // below
            }
            default -> throw flat("add-delete must be a (add or update), d or x (delete), not '" + addDelete + "'.");
        }
        String type = r.first("product-id-type").orElse(null);
        String value = r.first("product-id").orElse(null);
        if ((type == null) != (value == null)) {
            throw flat("product-id and product-id-type go together: give both or neither.");
        }
        if (type != null) {
            type = productIdType(type, true);
            value = productId(type, value, true);
        }
        String condition = null;
        if (r.first("item-condition").isPresent()) {
            String code = r.first("item-condition").get().strip();
            condition = ITEM_CONDITIONS.get(code);
            if (condition == null) {
                throw flat("item-condition must be one of 1-8, 10 or 11, not '" + code + "'.");
            }
        }
        BigDecimal price = r.first("price").isPresent() ? price(r.first("price").get(), "price", true) : null;
        Integer quantity = r.first("quantity").isPresent() ? quantity(r.first("quantity").get(), true) : null;
        Integer latency = r.first("leadtime-to-ship").isPresent()
                ? latency(r.first("leadtime-to-ship").get(), true) : null;
        String note = r.first("item-note").orElse(null);
        if (note != null && note.length() > 2000) {
            throw flat("item-note is longer than 2000 characters.");
        }
        String taxCode = r.first("product-tax-code").orElse(null);
        if (taxCode != null && taxCode.length() > 40) {
            throw flat("product-tax-code is longer than 40 characters.");
        }
        return new ListingChange(r.messageId(), sku, Kind.UPSERT_OFFER,
                new ListingChange.Product(type, value, null, null, null, null, null, taxCode, condition, note),
                new ListingChange.Offer(price, null, null, null, null, false, quantity, latency));
    }

    // ---- _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_

    static ListingChange priceAndQuantity(FeedRecord r, String sku) throws Invalid {
        BigDecimal price = r.first("price").isPresent() ? price(r.first("price").get(), "price", true) : null;
        Integer quantity = r.first("quantity").isPresent() ? quantity(r.first("quantity").get(), true) : null;
        Optional<String> lead = r.first("leadtime-to-ship").or(() -> r.first("handling-time"));
        Integer latency = lead.isPresent() ? latency(lead.get(), true) : null;
        return new ListingChange(r.messageId(), sku, Kind.PATCH_OFFER, null,
                new ListingChange.Offer(price, null, null, null, null, false, quantity, latency));
    }

    // ---- values

    private static void notDelete(FeedRecord r, String messageType) throws Invalid {
        if ("Delete".equals(r.operationType())) {
            throw xml("OperationType Delete does not apply to " + messageType + " messages; delete the SKU with a"
                    + " product feed.");
        }
    }

    private static String productIdType(String type, boolean flat) throws Invalid {
        String t = type.strip();
        if (flat) {
            String named = PRODUCT_ID_CODES.get(t);
            t = named != null ? named : t.toUpperCase(Locale.ROOT);
            if (!PRODUCT_ID_CODES.containsValue(t)) {
                throw flat("product-id-type must be 1 (ASIN), 2 (ISBN), 3 (UPC) or 4 (EAN), not '" + type + "'.");
            }
            return t;
        }
        if (!PRODUCT_ID_TYPES.contains(t)) {
            throw xml("StandardProductID Type '" + t + "' is not one of " + String.join(", ", sorted(PRODUCT_ID_TYPES))
                    + ".");
        }
        return t;
    }

    private static String productId(String type, String value, boolean flat) throws Invalid {
        String v = value.strip();
        boolean ok = switch (type) {
            case "ASIN" -> v.matches("[A-Z0-9]{10}");
            case "UPC" -> v.matches("\\d{12}");
            case "EAN" -> v.matches("\\d{13}");
            case "ISBN" -> v.matches("\\d{9}[\\dX]|\\d{13}");
            case "GTIN" -> v.matches("\\d{14}");
            default -> v.matches("[A-Za-z0-9]{1,16}");
        };
        if (!ok) {
            String what = switch (type) {
                case "ASIN" -> "10 capital letters or digits";
                case "UPC" -> "12 digits";
                case "EAN" -> "13 digits";
                case "ISBN" -> "10 or 13 digits";
                case "GTIN" -> "14 digits";
                default -> "1 to 16 letters or digits";
            };
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, "The " + type + " '" + v + "' is not valid: it has "
                    + what + ".");
        }
        return v;
    }

    static BigDecimal price(String value, String field, boolean flat) throws Invalid {
        BigDecimal p;
        try {
            p = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, field + " '" + value.strip() + "' is not a number.");
        }
        if (p.signum() <= 0 || p.compareTo(MAX_PRICE) > 0 || p.stripTrailingZeros().scale() > 2) {
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, field + " " + value.strip()
                    + " is not a valid price: above 0, at most 2 decimals.");
        }
        return p.setScale(2);
    }

    static Integer quantity(String value, boolean flat) throws Invalid {
        String q = value.strip();
        int parsed;
        try {
            parsed = Integer.parseInt(q);
        } catch (NumberFormatException e) {
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, "quantity '" + q
                    + "' is not a whole number from 0 to " + MAX_QUANTITY + ".");
        }
        if (parsed < 0 || parsed > MAX_QUANTITY) {
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, "Value '" + q
                    + "' is not facet-valid for quantity: a whole number from 0 to " + MAX_QUANTITY + ".");
        }
        return parsed;
    }

    static Integer latency(String value, boolean flat) throws Invalid {
        String l = value.strip();
        try {
            int days = Integer.parseInt(l);
            if (days >= 1 && days <= MAX_LATENCY) {
                return days;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, "The handling time '" + l
                + "' is not a whole number of days from 1 to " + MAX_LATENCY + ".");
    }

    private static String currency(String currency, String field) throws Invalid {
        if (currency == null) {
            throw xml(field + " needs a currency attribute (the marketplace's currency, or DEFAULT).");
        }
        String c = currency.strip();
        if (!c.matches("[A-Z]{3}|DEFAULT")) {
            throw xml(field + " currency '" + c + "' is not a currency code.");
        }
        return c;
    }

    static Instant date(String value, String field) throws Invalid {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw xml(field + " '" + v + "' is not a date such as 2026-01-31 or 2026-01-31T00:00:00Z.");
        }
    }

    private static String text(FeedRecord r, String field, int max) throws Invalid {
        String v = r.first(field).map(String::strip).orElse(null);
        return limit(field.substring(field.lastIndexOf('.') + 1), v, max, false);
    }

    private static String limit(String name, String value, int max, boolean flat) throws Invalid {
        if (value != null && value.length() > max) {
            throw new Invalid(flat ? INVALID_VALUE : XML_SCHEMA, name + " is longer than " + max + " characters.");
        }
        return value;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static Invalid xml(String message) {
        return new Invalid(XML_SCHEMA, message);
    }

    private static Invalid flat(String message) {
        return new Invalid(INVALID_VALUE, message);
    }
}
