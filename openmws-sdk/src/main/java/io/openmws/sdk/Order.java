package io.openmws.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One order as the Orders API (2013-09-01) describes it (spec §4.3). What MWS may leave out is optional:
 * while an order is {@code Pending} it shows no buyer, no shipping address and no total; booleans MWS leaves
 * out are {@code false}. Its items come from {@link OrdersApi#listOrderItems}.
 *
 * @param amazonOrderId e.g. {@code 902-3159896-1390916}
 * @param sellerOrderId the seller's own id for the order
 * @param purchaseDate when it was placed
 * @param lastUpdateDate when it last changed (every status change moves it)
 * @param orderStatus where it stands
 * @param fulfillmentChannel who ships it
 * @param salesChannel the marketplace's name, e.g. {@code Amazon.com}
 * @param orderChannel the channel within it
 * @param shipServiceLevel the shipping service, free text
 * @param shippingAddress where it goes
 * @param orderTotal what the buyer pays
 * @param numberOfItemsShipped units shipped
 * @param numberOfItemsUnshipped units still to ship
 * @param paymentMethod how it is paid
 * @param paymentMethodDetails e.g. {@code Standard}, {@code CreditCard}
 * @param marketplaceId e.g. {@code ATVPDKIKX0DER}
 * @param buyerEmail the buyer's anonymized address ({@code ...@marketplace.amazon.com})
 * @param buyerName the buyer's name
 * @param shipmentServiceLevelCategory {@code Standard}, {@code Expedited}, {@code NextDay}, ...
 * @param orderType {@code StandardOrder}, {@code Preorder}, ...
 * @param earliestShipDate start of the window to ship in
 * @param latestShipDate end of the window to ship in
 * @param earliestDeliveryDate start of the promised delivery window
 * @param latestDeliveryDate end of the promised delivery window
 * @param isBusinessOrder an Amazon Business order
 * @param purchaseOrderNumber the business buyer's purchase order number
 * @param isPrime a Prime order
 * @param isPremiumOrder a premium shipping order
 * @param isGlobalExpressEnabled a Global Express order
 * @param isReplacementOrder a replacement for another order
 * @param replacedOrderId the order it replaces
 */
public record Order(String amazonOrderId, Optional<String> sellerOrderId, Instant purchaseDate, Instant lastUpdateDate,
                    OrderStatus orderStatus, Optional<FulfillmentChannel> fulfillmentChannel, Optional<String> salesChannel,
                    Optional<String> orderChannel, Optional<String> shipServiceLevel, Optional<Address> shippingAddress,
                    Optional<Money> orderTotal, OptionalInt numberOfItemsShipped, OptionalInt numberOfItemsUnshipped,
                    Optional<PaymentMethod> paymentMethod, List<String> paymentMethodDetails, Optional<String> marketplaceId,
                    Optional<String> buyerEmail, Optional<String> buyerName, Optional<String> shipmentServiceLevelCategory,
                    Optional<String> orderType, Optional<Instant> earliestShipDate, Optional<Instant> latestShipDate,
                    Optional<Instant> earliestDeliveryDate, Optional<Instant> latestDeliveryDate, boolean isBusinessOrder,
                    Optional<String> purchaseOrderNumber, boolean isPrime, boolean isPremiumOrder,
                    boolean isGlobalExpressEnabled, boolean isReplacementOrder, Optional<String> replacedOrderId) {

    /** Checks the required parts and copies the list. */
    public Order {
        Objects.requireNonNull(amazonOrderId, "amazonOrderId");
        Objects.requireNonNull(purchaseDate, "purchaseDate");
        Objects.requireNonNull(lastUpdateDate, "lastUpdateDate");
        Objects.requireNonNull(orderStatus, "orderStatus");
        paymentMethodDetails = List.copyOf(paymentMethodDetails);
    }
}
