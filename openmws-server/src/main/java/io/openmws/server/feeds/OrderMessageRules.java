package io.openmws.server.feeds;

import io.openmws.server.feeds.MessageRules.Invalid;
import io.openmws.server.orders.OrderFeedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The field rules of the order feeds (../shared/spec/mws-data-apis.md §2.4-§2.6): one message in, the
 * {@link OrderFeedMessage} it asks for, or an {@link Invalid} that becomes its error (5000 in XML feeds;
 * 99001 for a blank required column and 90205 for a value not allowed in flat files, as the catalog feeds
 * answer). Whether the order exists and can take the change is the orders feature's to answer.
 */
final class OrderMessageRules {

    static final String ACKNOWLEDGEMENT = "_POST_ORDER_ACKNOWLEDGEMENT_DATA_";
    static final String FULFILLMENT = "_POST_ORDER_FULFILLMENT_DATA_";
    static final String FLAT_FULFILLMENT = "_POST_FLAT_FILE_FULFILLMENT_DATA_";
    static final String FLAT_ACKNOWLEDGEMENT = "_POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA_";

    /** Longest AmazonOrderID and AmazonOrderItemCode read (what a report keeps); real ones are 19 and 14. */
    static final int MAX_ID = 40;
    /** Longest seller id (MerchantOrderID, MerchantOrderItemID, MerchantFulfillmentID). */
    static final int MAX_MERCHANT_ID = 64;

    /** The OrderAcknowledgement CancelReason values (XSD), also the flat file's cancellation-reason-code. */
    static final Set<String> CANCEL_REASONS = Set.of("NoInventory", "ShippingAddressUndeliverable", "CustomerExchange",
            "BuyerCanceled", "GeneralAdjustment", "CarrierCreditDecision", "RiskAssessmentInformationNotValid",
            "CarrierCoverageFailure", "CustomerReturn", "MerchandiseNotReceived");

    /** The OrderFulfillment CarrierCode values (XSD, 2015 release); any other carrier goes in CarrierName. */
    static final Set<String> CARRIER_CODES = Set.of("USPS", "UPS", "UPSMI", "FedEx", "DHL", "Fastway", "GLS", "GO!",
            "Hermes Logistik Gruppe", "Royal Mail", "Parcelforce", "City Link", "TNT", "Target", "SagawaExpress",
            "NipponExpress", "YamatoTransport", "DHL Global Mail", "UPS Mail Innovations", "FedEx SmartPost", "OSM",
            "OnTrac", "Streamlite", "Newgistics", "Canada Post", "Blue Package", "Chronopost", "Deutsche Post", "DPD",
            "La Poste", "Parcelnet", "Poste Italiane", "SDA", "Smartmail", "FEDEX_JP", "JP_EXPRESS", "NITTSU",
            "SAGAWA", "YAMATO", "BlueDart", "AFL/Fedex", "Aramex", "India Post", "Professional", "DTDC",
            "Overnite Express", "First Flight", "Delhivery", "Lasership", "Yodel", "Other");

    private OrderMessageRules() {
    }

    static OrderFeedMessage interpret(String feedType, FeedRecord r) throws Invalid {
        return switch (feedType) {
            case FULFILLMENT -> fulfillment(r);
            case FLAT_FULFILLMENT -> flatFulfillment(r);
            case ACKNOWLEDGEMENT -> acknowledgement(r);
            case FLAT_ACKNOWLEDGEMENT -> flatAcknowledgement(r);
            default -> throw new IllegalStateException("No order rules for " + feedType);
        };
    }

    /** The order a message names, for the report's AdditionalInfo when it is refused before it is applied. */
    static String orderIdOf(FeedRecord r) {
        return r.first("AmazonOrderID").or(() -> r.first("order-id")).map(String::strip)
                .filter(id -> id.length() <= MAX_ID).orElse(null);
    }

    // ---- _POST_ORDER_FULFILLMENT_DATA_

    static OrderFeedMessage.Shipment fulfillment(FeedRecord r) throws Invalid {
        notDelete(r);
        String orderId = optional(r, "AmazonOrderID", MAX_ID, false);
        String merchantOrderId = optional(r, "MerchantOrderID", MAX_MERCHANT_ID, false);
        if (orderId == null && merchantOrderId == null) {
            throw xml("The message names no order: give its AmazonOrderID (or the MerchantOrderID an acknowledgement"
                    + " set).");
        }
        if (orderId != null && merchantOrderId != null) {
            throw xml("Give either AmazonOrderID or MerchantOrderID, not both.");
        }
        String date = r.first("FulfillmentDate").orElseThrow(() -> xml("The message has no FulfillmentDate."));
        Instant shipDate = MessageRules.date(date, "FulfillmentDate");
        String carrierCode = optional(r, "FulfillmentData.CarrierCode", 50, false);
        if (carrierCode != null && !CARRIER_CODES.contains(carrierCode)) {
            throw xml("Value '" + carrierCode + "' is not facet-valid for CarrierCode: it is not one of the carrier"
                    + " codes; name any other carrier in CarrierName.");
        }
        String carrierName = optional(r, "FulfillmentData.CarrierName", 100, false);
        if (carrierCode != null && carrierName != null) {
            throw xml("FulfillmentData holds either CarrierCode or CarrierName, not both.");
        }
        List<String> codes = r.all("Item.AmazonOrderItemCode");
        List<String> merchantCodes = r.all("Item.MerchantOrderItemID");
        List<String> quantities = r.all("Item.Quantity");
        int count = Math.max(codes.size(), Math.max(merchantCodes.size(), quantities.size()));
        List<OrderFeedMessage.Line> lines = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String code = value(codes, i);
            String merchantCode = value(merchantCodes, i);
            if (code == null && merchantCode == null) {
                throw xml("Item " + (i + 1) + " has no AmazonOrderItemCode.");
            }
            limit(code != null ? "AmazonOrderItemCode" : "MerchantOrderItemID", code != null ? code : merchantCode,
                    code != null ? MAX_ID : MAX_MERCHANT_ID, false);
            if (!seen.add(code != null ? code : "merchant:" + merchantCode)) {
                throw xml("Item " + (code != null ? code : merchantCode) + " appears twice in the message; give each"
                        + " item once with its whole quantity.");
            }
            String q = value(quantities, i);
            lines.add(new OrderFeedMessage.Line(code, code != null ? null : merchantCode,
                    q == null ? null : quantity(q, false)));
        }
        return new OrderFeedMessage.Shipment(r.messageId(), orderId, merchantOrderId,
                optional(r, "MerchantFulfillmentID", MAX_MERCHANT_ID, false), shipDate, carrierCode, carrierName,
                optional(r, "FulfillmentData.ShippingMethod", 100, false),
                optional(r, "FulfillmentData.ShipperTrackingNumber", 100, false), lines);
    }

    // ---- _POST_FLAT_FILE_FULFILLMENT_DATA_

    static OrderFeedMessage.Shipment flatFulfillment(FeedRecord r) throws Invalid {
        String orderId = required(r, "order-id", MAX_ID);
        String itemId = optional(r, "order-item-id", MAX_ID, true);
        String q = r.first("quantity").orElse(null);
        if (q != null && itemId == null) {
            throw flat("quantity goes with an order-item-id; leave both blank to ship every unit of the order.");
        }
        Instant shipDate;
        try {
            shipDate = MessageRules.date(required(r, "ship-date", 40), "ship-date");
        } catch (Invalid e) {
            throw e.code == MessageRules.XML_SCHEMA ? flat(e.getMessage()) : e;
        }
        String carrierCode = optional(r, "carrier-code", 50, true);
        if (carrierCode != null && !CARRIER_CODES.contains(carrierCode)) {
            throw flat("carrier-code '" + carrierCode + "' is not one of the carrier codes; name any other carrier"
                    + " in carrier-name.");
        }
        List<OrderFeedMessage.Line> lines = itemId == null ? List.of()
                : List.of(new OrderFeedMessage.Line(itemId, null, q == null ? null : quantity(q, true)));
        return new OrderFeedMessage.Shipment(r.messageId(), orderId, null, null, shipDate, carrierCode,
                optional(r, "carrier-name", 100, true), optional(r, "ship-method", 100, true),
                optional(r, "tracking-number", 100, true), lines);
    }

    // ---- _POST_ORDER_ACKNOWLEDGEMENT_DATA_

    static OrderFeedMessage.Acknowledgement acknowledgement(FeedRecord r) throws Invalid {
        notDelete(r);
        String orderId = r.first("AmazonOrderID").map(String::strip)
                .orElseThrow(() -> xml("The message has no AmazonOrderID."));
        limit("AmazonOrderID", orderId, MAX_ID, false);
        String merchantOrderId = optional(r, "MerchantOrderID", MAX_MERCHANT_ID, false);
        String status = r.first("StatusCode").map(String::strip)
                .orElseThrow(() -> xml("The message has no StatusCode (Success or Failure)."));
        if (!status.equals("Success") && !status.equals("Failure")) {
            throw xml("Value '" + status + "' is not facet-valid for StatusCode: Success or Failure.");
        }
        boolean success = status.equals("Success");
        List<String> codes = r.all("Item.AmazonOrderItemCode");
        List<String> merchantCodes = r.all("Item.MerchantOrderItemID");
        List<String> reasons = r.all("Item.CancelReason");
        int count = Math.max(codes.size(), Math.max(merchantCodes.size(), reasons.size()));
        List<OrderFeedMessage.AcknowledgedItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = value(codes, i);
            if (code == null) {
                throw xml("Item " + (i + 1) + " has no AmazonOrderItemCode.");
            }
            limit("AmazonOrderItemCode", code, MAX_ID, false);
            String merchantCode = value(merchantCodes, i);
            limit("MerchantOrderItemID", merchantCode, MAX_MERCHANT_ID, false);
            String reason = value(reasons, i);
            if (reason != null && success) {
                throw xml("CancelReason goes with StatusCode Failure only; item " + code + " has one.");
            }
            items.add(new OrderFeedMessage.AcknowledgedItem(code, merchantCode, reason(reason, false)));
        }
        return new OrderFeedMessage.Acknowledgement(r.messageId(), orderId, merchantOrderId, success, items);
    }

    // ---- _POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA_ (the Seller Central order cancellation file)

    static OrderFeedMessage.Acknowledgement flatAcknowledgement(FeedRecord r) throws Invalid {
        String orderId = required(r, "order-id", MAX_ID);
        String reason = r.first("cancellation-reason-code").map(String::strip).orElse(null);
        String itemId = optional(r, "amazon-order-item-code", MAX_ID, true);
        if ((reason == null) != (itemId == null)) {
            throw flat("cancellation-reason-code and amazon-order-item-code go together: give both or neither.");
        }
        List<OrderFeedMessage.AcknowledgedItem> items = itemId == null ? List.of()
                : List.of(new OrderFeedMessage.AcknowledgedItem(itemId, null, reason(reason, true)));
        return new OrderFeedMessage.Acknowledgement(r.messageId(), orderId, null, false, items);
    }

    // ---- values

    private static String reason(String reason, boolean flat) throws Invalid {
        if (reason != null && !CANCEL_REASONS.contains(reason)) {
            throw new Invalid(flat ? MessageRules.INVALID_VALUE : MessageRules.XML_SCHEMA, "Value '" + reason
                    + "' is not facet-valid for " + (flat ? "cancellation-reason-code" : "CancelReason") + ": one of "
                    + String.join(", ", CANCEL_REASONS.stream().sorted().toList()) + ".");
        }
        return reason;
    }

    private static int quantity(String value, boolean flat) throws Invalid {
        int q = MessageRules.quantity(value, flat);
        if (q == 0) {
            throw new Invalid(flat ? MessageRules.INVALID_VALUE : MessageRules.XML_SCHEMA,
                    "Value '0' is not facet-valid for quantity: a shipped quantity is at least 1.");
        }
        return q;
    }

    private static String required(FeedRecord r, String column, int max) throws Invalid {
        String v = r.first(column).map(String::strip).orElse(null);
        if (v == null) {
            throw new Invalid(MessageRules.REQUIRED_MISSING, "The required column " + column + " is blank.");
        }
        return limit(column, v, max, true);
    }

    private static String optional(FeedRecord r, String field, int max, boolean flat) throws Invalid {
        String v = r.first(field).map(String::strip).orElse(null);
        return limit(field.substring(field.lastIndexOf('.') + 1), v, max, flat);
    }

    private static String limit(String name, String value, int max, boolean flat) throws Invalid {
        if (value != null && value.length() > max) {
            throw new Invalid(flat ? MessageRules.INVALID_VALUE : MessageRules.XML_SCHEMA, name + " is longer than "
                    + max + " characters.");
        }
        return value;
    }

    /** The i-th value of an aligned Item field (see {@link FeedRecord}), null when absent or blank. */
    private static String value(List<String> values, int i) {
        if (i >= values.size() || values.get(i).isBlank()) {
            return null;
        }
        return values.get(i).strip();
    }

    private static void notDelete(FeedRecord r) throws Invalid {
        if ("Delete".equals(r.operationType())) {
            throw xml("OperationType Delete does not apply to order messages.");
        }
    }

    private static Invalid xml(String message) {
        return new Invalid(MessageRules.XML_SCHEMA, message);
    }

    private static Invalid flat(String message) {
        return new Invalid(MessageRules.INVALID_VALUE, message);
    }
}
