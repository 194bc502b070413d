package io.openmws.server.orders;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the next page of an order's lines; shares {@code ListOrderItems}' throttle bucket. */
@Component
class ListOrderItemsByNextToken extends OrdersOperation {

    ListOrderItemsByNextToken(OrdersProtocol api, OrderQueries queries) {
        super("ListOrderItemsByNextToken", api, queries);
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        OrdersProtocol.ItemsPage page = api.itemsPage(call, OrdersProtocol.nextToken(call));
        api.writeItemsPage(result, call, queries, page.amazonOrderId(), page.afterSeq());
    }
}
