package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.catalog.ListingChange;
import io.openmws.server.catalog.ListingChange.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageRulesTest {

    private static final String PRODUCT = "_POST_PRODUCT_DATA_";
    private static final String INVENTORY = "_POST_INVENTORY_AVAILABILITY_DATA_";
    private static final String PRICE = "_POST_PRODUCT_PRICING_DATA_";
    private static final String LOADER = "_POST_FLAT_FILE_INVLOADER_DATA_";
    private static final String PQ = "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";

    private static FeedRecord record(String operation, String... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return new FeedRecord(7, operation, fields, List.of());
    }

    private static ListingChange change(String type, FeedRecord r) {
        MessageRules.Outcome o = MessageRules.interpret(type, r);
        assertThat(o.error()).as("error").isNull();
        return o.change();
    }

    private static MessageResult error(String type, FeedRecord r) {
        MessageRules.Outcome o = MessageRules.interpret(type, r);
        assertThat(o.change()).as("change").isNull();
        assertThat(o.error().messageId()).isEqualTo(7);
        assertThat(o.error().resultCode()).isEqualTo("Error");
        return o.error();
    }

    @Test
    void productUpdateCarriesIdentityAndDescription() {
        ListingChange c = change(PRODUCT, record("Update", "SKU", "ABC-1", "StandardProductID.Type", "UPC",
                "StandardProductID.Value", "012345678905", "DescriptionData.Title", " A kettle ",
                "DescriptionData.Brand", "Acme", "DescriptionData.BulletPoint", "Boils", "DescriptionData.BulletPoint",
                "Whistles", "Condition.ConditionType", "UsedGood", "ProductTaxCode", "A_GEN_NOTAX"));
        assertThat(c.kind()).isEqualTo(Kind.REPLACE_PRODUCT);
        assertThat(c.sku()).isEqualTo("ABC-1");
        assertThat(c.product().productIdType()).isEqualTo("UPC");
        assertThat(c.product().productId()).isEqualTo("012345678905");
        assertThat(c.product().title()).isEqualTo("A kettle");
        assertThat(c.product().bulletPoints()).containsExactly("Boils", "Whistles");
        assertThat(c.product().conditionType()).isEqualTo("UsedGood");
        assertThat(c.product().productTaxCode()).isEqualTo("A_GEN_NOTAX");
    }

    @Test
    void productOperationTypesMapToKinds() {
        assertThat(change(PRODUCT, record("PartialUpdate", "SKU", "A", "DescriptionData.Title", "T")).kind())
                .isEqualTo(Kind.PATCH_PRODUCT);
        assertThat(change(PRODUCT, record("Delete", "SKU", "A")).kind()).isEqualTo(Kind.DELETE);
        assertThat(change(PRODUCT, record("", "SKU", "A")).kind()).isEqualTo(Kind.REPLACE_PRODUCT);
    }

    @Test
    void productFieldRulesAreSchemaErrors() {
        assertThat(error(PRODUCT, record("Update", "SKU", "A", "StandardProductID.Type", "UPC")).messageCode())
                .isEqualTo(5000);
        assertThat(error(PRODUCT, record("Update", "SKU", "A", "StandardProductID.Type", "UPC",
                "StandardProductID.Value", "123")).description()).contains("12 digits");
        assertThat(error(PRODUCT, record("Update", "SKU", "A", "StandardProductID.Type", "SKU",
                "StandardProductID.Value", "123")).messageCode()).isEqualTo(5000);
        assertThat(error(PRODUCT, record("Update", "SKU", "A", "Condition.ConditionType", "Mint")).messageCode())
                .isEqualTo(5000);
        assertThat(error(PRODUCT, record("Update", "SKU", "A", "DescriptionData.Title", "x".repeat(501)))
                .description()).contains("Title is longer than 500");
        FeedRecord sixBullets = record("Update", "SKU", "A", "DescriptionData.BulletPoint", "1",
                "DescriptionData.BulletPoint", "2", "DescriptionData.BulletPoint", "3", "DescriptionData.BulletPoint",
                "4", "DescriptionData.BulletPoint", "5", "DescriptionData.BulletPoint", "6");
        assertThat(error(PRODUCT, sixBullets).description()).contains("At most 5 BulletPoint");
        assertThat(error(PRODUCT, record("Update", "DescriptionData.Title", "T")).description()).contains("no SKU");
        assertThat(error(PRODUCT, record("Update", "SKU", "S".repeat(41))).messageCode()).isEqualTo(5000);
    }

    @Test
    void readerProblemsAnswerTheMessage() {
        FeedRecord bad = new FeedRecord(7, "Update", Map.of("SKU", List.of("A")), List.of("Unexpected <Foo>"));
        MessageResult xml = error(PRODUCT, bad);
        assertThat(xml.messageCode()).isEqualTo(5000);
        assertThat(xml.description()).isEqualTo("Unexpected <Foo>");
        assertThat(xml.sku()).isEqualTo("A");
        assertThat(error(PQ, new FeedRecord(7, "", Map.of("sku", List.of("A")), List.of("too long"))).messageCode())
                .isEqualTo(90205);
    }

    @Test
    void inventoryQuantityAvailabilityAndLatency() {
        ListingChange c = change(INVENTORY, record("Update", "SKU", "A", "Quantity", "12", "FulfillmentLatency", "3"));
        assertThat(c.kind()).isEqualTo(Kind.PATCH_OFFER);
        assertThat(c.offer().quantity()).isEqualTo(12);
        assertThat(c.offer().fulfillmentLatency()).isEqualTo(3);
        assertThat(change(INVENTORY, record("Update", "SKU", "A", "Available", "false")).offer().quantity()).isZero();
        assertThat(change(INVENTORY, record("Update", "SKU", "A", "Available", "true")).offer().quantity()).isNull();
        assertThat(error(INVENTORY, record("Update", "SKU", "A", "Quantity", "-5")).description())
                .contains("Value '-5' is not facet-valid");
        assertThat(error(INVENTORY, record("Update", "SKU", "A", "FulfillmentLatency", "0")).messageCode())
                .isEqualTo(5000);
        assertThat(error(INVENTORY, record("Update", "SKU", "A", "Quantity", "1", "Available", "true")).messageCode())
                .isEqualTo(5000);
        assertThat(error(INVENTORY, record("Delete", "SKU", "A")).messageCode()).isEqualTo(5000);
    }

    @Test
    void priceWithSale() {
        ListingChange c = change(PRICE, record("Update", "SKU", "A", "StandardPrice", "19.9", "StandardPrice@currency",
                "USD", "Sale.StartDate", "2026-01-01", "Sale.EndDate", "2026-01-31T12:00:00Z", "Sale.SalePrice",
                "14.99", "Sale.SalePrice@currency", "USD"));
        assertThat(c.offer().price()).isEqualByComparingTo("19.90");
        assertThat(c.offer().currency()).isEqualTo("USD");
        assertThat(c.offer().salePrice()).isEqualByComparingTo(new BigDecimal("14.99"));
        assertThat(c.offer().saleStart()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(c.offer().saleEnd()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no currency        | StandardPrice, 10.00",
            "zero price         | StandardPrice, 0, StandardPrice@currency, USD",
            "three decimals     | StandardPrice, 1.005, StandardPrice@currency, USD",
            "not a number       | StandardPrice, ten, StandardPrice@currency, USD",
            "bad currency       | StandardPrice, 10, StandardPrice@currency, dollars",
            "nothing to price   | MAP, 10",
            "sale without dates | StandardPrice, 10, StandardPrice@currency, USD, Sale.SalePrice, 8, Sale.SalePrice@currency, USD",
            "sale ends first    | Sale.StartDate, 2026-02-01, Sale.EndDate, 2026-01-01, Sale.SalePrice, 8, Sale.SalePrice@currency, USD",
            "sale in other currency | StandardPrice, 10, StandardPrice@currency, USD, Sale.StartDate, 2026-01-01, Sale.EndDate, 2026-02-01, Sale.SalePrice, 8, Sale.SalePrice@currency, EUR",
    })
    void invalidPricesAreSchemaErrors(String description, String pairs) {
        String[] p = pairs.split("\\s*,\\s*");
        String[] withSku = new String[p.length + 2];
        withSku[0] = "SKU";
        withSku[1] = "A";
        System.arraycopy(p, 0, withSku, 2, p.length);
        assertThat(error(PRICE, record("Update", withSku)).messageCode()).isEqualTo(5000);
    }

    @Test
    void inventoryLoaderAddsWithCodesAndDeletes() {
        ListingChange c = change(LOADER, record("", "sku", "A", "product-id", "B000000001", "product-id-type", "1",
                "price", "5", "quantity", "3", "item-condition", "11", "item-note", "Boxed", "leadtime-to-ship", "2",
                "add-delete", "a"));
        assertThat(c.kind()).isEqualTo(Kind.UPSERT_OFFER);
        assertThat(c.product().productIdType()).isEqualTo("ASIN");
        assertThat(c.product().conditionType()).isEqualTo("New");
        assertThat(c.product().conditionNote()).isEqualTo("Boxed");
        assertThat(c.offer().price()).isEqualByComparingTo("5.00");
        assertThat(c.offer().quantity()).isEqualTo(3);
        assertThat(c.offer().fulfillmentLatency()).isEqualTo(2);
        assertThat(change(LOADER, record("", "sku", "A", "product-id", "012345678905", "product-id-type", "UPC"))
                .product().productIdType()).isEqualTo("UPC");
        assertThat(change(LOADER, record("", "sku", "A", "add-delete", "x")).kind()).isEqualTo(Kind.DELETE);
        assertThat(change(LOADER, record("", "sku", "A", "add-delete", "D")).kind()).isEqualTo(Kind.DELETE);
    }

    @Test
    void inventoryLoaderFieldRules() {
        assertThat(error(LOADER, record("", "price", "5")).messageCode()).isEqualTo(99001);
        assertThat(error(LOADER, record("", "sku", "A", "add-delete", "z")).messageCode()).isEqualTo(90205);
        assertThat(error(LOADER, record("", "sku", "A", "product-id", "1")).messageCode()).isEqualTo(90205);
        assertThat(error(LOADER, record("", "sku", "A", "product-id", "1", "product-id-type", "9")).messageCode())
                .isEqualTo(90205);
        assertThat(error(LOADER, record("", "sku", "A", "item-condition", "9")).messageCode()).isEqualTo(90205);
        assertThat(error(LOADER, record("", "sku", "A", "quantity", "-1")).messageCode()).isEqualTo(90205);
    }

    @Test
    void priceAndQuantityOnlyPatchesTheOffer() {
        ListingChange c = change(PQ, record("", "sku", "A", "price", "12.50", "quantity", "0", "handling-time", "4"));
        assertThat(c.kind()).isEqualTo(Kind.PATCH_OFFER);
        assertThat(c.offer().price()).isEqualByComparingTo("12.50");
        assertThat(c.offer().currency()).isNull();
        assertThat(c.offer().quantity()).isZero();
        assertThat(c.offer().fulfillmentLatency()).isEqualTo(4);
        assertThat(error(PQ, record("", "sku", "A", "price", "-1")).messageCode()).isEqualTo(90205);
        assertThat(error(PQ, record("", "sku", "A", "quantity", "1.5")).messageCode()).isEqualTo(90205);
        assertThat(error(PQ, record("", "sku", "A", "leadtime-to-ship", "31")).messageCode()).isEqualTo(90205);
    }

    @Test
    void orderFeedsAreReadButNotApplied() {
        MessageResult r = error("_POST_ORDER_FULFILLMENT_DATA_", record("", "AmazonOrderID", "111-1234567-1234567"));
        assertThat(r.messageCode()).isEqualTo(18028);
        assertThat(r.description()).contains("111-1234567-1234567").contains("not applied");
        assertThat(error("_POST_PRODUCT_IMAGE_DATA_", record("", "SKU", "A")).messageCode()).isEqualTo(90000);
    }
}
