package io.openmws.server.orders;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the next page of an order's lines; shares {@code ListOrderItems}' throttle bucket. */
@Component
class ListOrderItemsByNextToken implements MwsOperation {

    private final OrdersProtocol api;
    private final OrderQueries queries;

    ListOrderItemsByNextToken(OrdersProtocol api, OrderQueries queries) {
        this.api = api;
        this.queries = queries;
    }

    @Override
    public ApiSection section() {
        return ApiSection.ORDERS;
    }

    @Override
    public String action() {
        return "ListOrderItemsByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        OrdersProtocol.ItemsPage page = api.itemsPage(call, OrdersProtocol.nextToken(call));
        api.writeItemsPage(result, call, queries, page.amazonOrderId(), page.afterSeq());
    }
}
