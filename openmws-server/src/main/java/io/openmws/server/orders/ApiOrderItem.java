package io.openmws.server.orders;

import java.math.BigDecimal;

/**
 * One line of an order as {@code ListOrderItems} shows it (mws-data-apis.md §4.4). {@code seq} is the
 * line's place in its order, which item pages are keyed on. The amounts are line totals.
 */
record ApiOrderItem(
        int seq,
        String orderItemId,
        String sku,
        String asin,
        String title,
        String conditionType,
        int quantityOrdered,
        int quantityShipped,
        BigDecimal itemPrice,
        BigDecimal shippingPrice,
        BigDecimal itemTax,
        BigDecimal shippingTax,
        BigDecimal promotionDiscount) {}
