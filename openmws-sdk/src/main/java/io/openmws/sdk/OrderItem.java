package io.openmws.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of an order (spec §4.4): which product, how many ordered and shipped, and what it costs. The
 * prices are line totals (unit price times quantity); MWS leaves them out while the order is {@code Pending}.
 *
 * @param asin the product's ASIN
 * @param sellerSku the seller's SKU
 * @param orderItemId the line's id, 14 digits; what fulfillment and acknowledgement feeds call
 *     {@code AmazonOrderItemCode}
 * @param title the product's title
 * @param quantityOrdered units ordered
 * @param quantityShipped units shipped so far (0 when MWS leaves it out)
 * @param numberOfItems units in one ordered product ({@code ProductInfo/NumberOfItems})
 * @param itemPrice the line's price
 * @param shippingPrice its shipping charge
 * @param giftWrapPrice its gift wrap charge
 * @param itemTax tax on the price
 * @param shippingTax tax on shipping
 * @param giftWrapTax tax on gift wrap
 * @param shippingDiscount discount on shipping
 * @param shippingDiscountTax tax on that discount
 * @param promotionDiscount discount from promotions
 * @param promotionDiscountTax tax on that discount
 * @param promotionIds the promotions that applied
 * @param codFee cash-on-delivery fee
 * @param codFeeDiscount discount on it
 * @param isGift bought as a gift
 * @param giftMessageText the gift message
 * @param giftWrapLevel the gift wrap chosen
 * @param conditionId {@code New}, {@code Used}, {@code Collectible}, ...
 * @param conditionSubtypeId e.g. {@code Mint}, {@code Good}
 * @param conditionNote the seller's note on the condition
 * @param scheduledDeliveryStartDate start of a scheduled delivery
 * @param scheduledDeliveryEndDate end of a scheduled delivery
 * @param priceDesignation {@code BusinessPrice} for business prices
 * @param serialNumberRequired whether the seller must give serial numbers
 * @param isTransparency whether Transparency codes are required
 */
public record OrderItem(String asin, Optional<String> sellerSku, String orderItemId, Optional<String> title,
                        int quantityOrdered, int quantityShipped, OptionalInt numberOfItems, Optional<Money> itemPrice,
                        Optional<Money> shippingPrice, Optional<Money> giftWrapPrice, Optional<Money> itemTax,
                        Optional<Money> shippingTax, Optional<Money> giftWrapTax, Optional<Money> shippingDiscount,
                        Optional<Money> shippingDiscountTax, Optional<Money> promotionDiscount,
                        Optional<Money> promotionDiscountTax, List<String> promotionIds, Optional<Money> codFee,
                        Optional<Money> codFeeDiscount, boolean isGift, Optional<String> giftMessageText,
                        Optional<String> giftWrapLevel, Optional<String> conditionId, Optional<String> conditionSubtypeId,
                        Optional<String> conditionNote, Optional<Instant> scheduledDeliveryStartDate,
                        Optional<Instant> scheduledDeliveryEndDate, Optional<String> priceDesignation,
                        boolean serialNumberRequired, boolean isTransparency) {

    /** Checks the required parts and copies the list. */
    public OrderItem {
        Objects.requireNonNull(asin, "asin");
        Objects.requireNonNull(orderItemId, "orderItemId");
        promotionIds = List.copyOf(promotionIds);
    }
}
