package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.catalog.ListingChange;
import io.openmws.server.catalog.ListingChange.Kind;
import io.openmws.server.orders.OrderFeedMessage;
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
    private static final String FULFILLMENT = "_POST_ORDER_FULFILLMENT_DATA_";
    private static final String FLAT_FULFILLMENT = "_POST_FLAT_FILE_FULFILLMENT_DATA_";
    private static final String ACK = "_POST_ORDER_ACKNOWLEDGEMENT_DATA_";
    private static final String FLAT_ACK = "_POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA_";

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
        assertThat(o.order()).as("order").isNull();
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

    private static OrderFeedMessage order(String type, FeedRecord r) {
        MessageRules.Outcome o = MessageRules.interpret(type, r);
        assertThat(o.error()).as("error").isNull();
        return o.order();
    }

    @Test
    void anOrderFulfillmentBecomesAShipmentOfItsItems() {
        OrderFeedMessage.Shipment s = (OrderFeedMessage.Shipment) order(FULFILLMENT, record("",
                "AmazonOrderID", "111-1234567-1234567", "MerchantFulfillmentID", "9001",
                "FulfillmentDate", "2026-06-25T10:00:00+02:00", "FulfillmentData.CarrierCode", "UPS",
                "FulfillmentData.ShippingMethod", "Ground", "FulfillmentData.ShipperTrackingNumber", "1Z999",
                "Item.AmazonOrderItemCode", "11111111111111", "Item.Quantity", "",
                "Item.AmazonOrderItemCode", "22222222222222", "Item.Quantity", "3"));
        assertThat(s.messageId()).isEqualTo(7);
        assertThat(s.amazonOrderId()).isEqualTo("111-1234567-1234567");
        assertThat(s.merchantFulfillmentId()).isEqualTo("9001");
        assertThat(s.shipDate()).isEqualTo(Instant.parse("2026-06-25T08:00:00Z"));
        assertThat(s.carrierCode()).isEqualTo("UPS");
        assertThat(s.shippingMethod()).isEqualTo("Ground");
        assertThat(s.trackingNumber()).isEqualTo("1Z999");
        assertThat(s.lines()).containsExactly(new OrderFeedMessage.Line("11111111111111", null, null),
                new OrderFeedMessage.Line("22222222222222", null, 3));
        OrderFeedMessage.Shipment whole = (OrderFeedMessage.Shipment) order(FULFILLMENT, record("",
                "MerchantOrderID", "PO-1", "FulfillmentDate", "2026-06-25", "FulfillmentData.CarrierName", "Bike"));
        assertThat(whole.amazonOrderId()).isNull();
        assertThat(whole.merchantOrderId()).isEqualTo("PO-1");
        assertThat(whole.lines()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FulfillmentDate|2026-01-01||||no order",
            "AmazonOrderID|111-1234567-1234567||||no FulfillmentDate",
            "FulfillmentDate|yesterday|AmazonOrderID|111-1234567-1234567||is not a date",
            "FulfillmentData.CarrierCode|Pigeon|AmazonOrderID|111-1234567-1234567|FulfillmentDate|CarrierName",
            "Item.Quantity|0|AmazonOrderID|111-1234567-1234567|Item.AmazonOrderItemCode|at least 1",
            "Item.Quantity|-2|AmazonOrderID|111-1234567-1234567|Item.AmazonOrderItemCode|facet-valid",
            "Item.Quantity|1|AmazonOrderID|111-1234567-1234567|FulfillmentDate|no AmazonOrderItemCode"})
    void anOrderFulfillmentBreakingTheSchemaIs5000(String f1, String v1, String f2, String v2, String f3,
                                                  String expected) {
        List<String> pairs = new java.util.ArrayList<>(List.of(f1, v1));
        if (f2 != null) {
            pairs.addAll(List.of(f2, v2));
        }
        if (f3 != null) {
            pairs.addAll(List.of(f3, f3.equals("FulfillmentDate") ? "2026-01-01" : "11111111111111"));
        }
        if (!pairs.contains("FulfillmentDate") && !expected.equals("no FulfillmentDate")) {
            pairs.addAll(List.of("FulfillmentDate", "2026-01-01"));
        }
        MessageResult r = error(FULFILLMENT, record("", pairs.toArray(String[]::new)));
        assertThat(r.messageCode()).isEqualTo(5000);
        assertThat(r.description()).contains(expected);
    }

    @Test
    void anItemTwiceInOneFulfillmentIsRefused() {
        MessageResult r = error(FULFILLMENT, record("", "AmazonOrderID", "111-1234567-1234567",
                "FulfillmentDate", "2026-01-01", "Item.AmazonOrderItemCode", "11111111111111", "Item.Quantity", "1",
                "Item.AmazonOrderItemCode", "11111111111111", "Item.Quantity", "1"));
        assertThat(r.messageCode()).isEqualTo(5000);
        assertThat(r.description()).contains("appears twice");
        assertThat(r.sku()).isEqualTo("111-1234567-1234567");
    }

    @Test
    void aFulfillmentRowShipsOneItemOrTheWholeOrder() {
        OrderFeedMessage.Shipment row = (OrderFeedMessage.Shipment) order(FLAT_FULFILLMENT, record("",
                "order-id", "111-1234567-1234567", "order-item-id", "11111111111111", "quantity", "2",
                "ship-date", "2026-06-25", "carrier-code", "USPS", "tracking-number", "9400", "ship-method", "Priority"));
        assertThat(row.lines()).containsExactly(new OrderFeedMessage.Line("11111111111111", null, 2));
        assertThat(row.shipDate()).isEqualTo(Instant.parse("2026-06-25T00:00:00Z"));
        assertThat(row.carrierCode()).isEqualTo("USPS");
        assertThat(row.shippingMethod()).isEqualTo("Priority");
        OrderFeedMessage.Shipment whole = (OrderFeedMessage.Shipment) order(FLAT_FULFILLMENT, record("",
                "order-id", "111-1234567-1234567", "ship-date", "2026-06-25T10:00:00Z", "carrier-name", "Bike"));
        assertThat(whole.lines()).isEmpty();
        assertThat(whole.carrierName()).isEqualTo("Bike");
        assertThat(error(FLAT_FULFILLMENT, record("", "ship-date", "2026-06-25")).messageCode()).isEqualTo(99001);
        assertThat(error(FLAT_FULFILLMENT, record("", "order-id", "1-2-3")).messageCode()).isEqualTo(99001);
        assertThat(error(FLAT_FULFILLMENT, record("", "order-id", "1-2-3", "ship-date", "soon")).messageCode())
                .isEqualTo(90205);
        assertThat(error(FLAT_FULFILLMENT, record("", "order-id", "1-2-3", "ship-date", "2026-06-25",
                "quantity", "1")).messageCode()).isEqualTo(90205);
        assertThat(error(FLAT_FULFILLMENT, record("", "order-id", "1-2-3", "ship-date", "2026-06-25",
                "order-item-id", "1", "quantity", "x")).messageCode()).isEqualTo(90205);
        assertThat(error(FLAT_FULFILLMENT, record("", "order-id", "1-2-3", "ship-date", "2026-06-25",
                "carrier-code", "Pigeon")).messageCode()).isEqualTo(90205);
    }

    @Test
    void anAcknowledgementCarriesTheSellersIdsOrTheCancellation() {
        OrderFeedMessage.Acknowledgement ok = (OrderFeedMessage.Acknowledgement) order(ACK, record("",
                "AmazonOrderID", "111-1234567-1234567", "MerchantOrderID", "PO-1", "StatusCode", "Success",
                "Item.AmazonOrderItemCode", "11111111111111", "Item.MerchantOrderItemID", "L-1"));
        assertThat(ok.success()).isTrue();
        assertThat(ok.merchantOrderId()).isEqualTo("PO-1");
        assertThat(ok.items()).containsExactly(new OrderFeedMessage.AcknowledgedItem("11111111111111", "L-1", null));
        OrderFeedMessage.Acknowledgement failed = (OrderFeedMessage.Acknowledgement) order(ACK, record("",
                "AmazonOrderID", "111-1234567-1234567", "StatusCode", "Failure",
                "Item.AmazonOrderItemCode", "11111111111111", "Item.CancelReason", "NoInventory"));
        assertThat(failed.success()).isFalse();
        assertThat(failed.items().get(0).cancelReason()).isEqualTo("NoInventory");
        assertThat(error(ACK, record("", "StatusCode", "Success")).description()).contains("AmazonOrderID");
        assertThat(error(ACK, record("", "AmazonOrderID", "1", "StatusCode", "Maybe")).description())
                .contains("Success or Failure");
        assertThat(error(ACK, record("", "AmazonOrderID", "1", "StatusCode", "Failure", "Item.AmazonOrderItemCode",
                "1", "Item.CancelReason", "Bored")).messageCode()).isEqualTo(5000);
        assertThat(error(ACK, record("", "AmazonOrderID", "1", "StatusCode", "Success", "Item.AmazonOrderItemCode",
                "1", "Item.CancelReason", "NoInventory")).description()).contains("Failure only");
        assertThat(error(ACK, record("", "AmazonOrderID", "1", "StatusCode", "Success", "MerchantOrderID",
                "x".repeat(65))).messageCode()).isEqualTo(5000);
    }

    @Test
    void aCancellationRowIsAFailureAcknowledgement() {
        OrderFeedMessage.Acknowledgement a = (OrderFeedMessage.Acknowledgement) order(FLAT_ACK, record("",
                "order-id", "111-1234567-1234567", "cancellation-reason-code", "BuyerCanceled",
                "amazon-order-item-code", "11111111111111"));
        assertThat(a.success()).isFalse();
        assertThat(a.items()).containsExactly(
                new OrderFeedMessage.AcknowledgedItem("11111111111111", null, "BuyerCanceled"));
        assertThat(((OrderFeedMessage.Acknowledgement) order(FLAT_ACK, record("", "order-id", "1-2-3"))).items())
                .isEmpty();
        assertThat(error(FLAT_ACK, record("", "cancellation-reason-code", "BuyerCanceled")).messageCode())
                .isEqualTo(99001);
        assertThat(error(FLAT_ACK, record("", "order-id", "1-2-3", "cancellation-reason-code", "BuyerCanceled"))
                .messageCode()).isEqualTo(90205);
        assertThat(error(FLAT_ACK, record("", "order-id", "1-2-3", "cancellation-reason-code", "Bored",
                "amazon-order-item-code", "1")).messageCode()).isEqualTo(90205);
    }

    @Test
    void otherTypesAreAnsweredAsNotApplied() {
        assertThat(error("_POST_PRODUCT_IMAGE_DATA_", record("", "SKU", "A")).messageCode()).isEqualTo(90000);
    }
}
