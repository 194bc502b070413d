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

    private final OrdersApi api;
    private final OrderQueries queries;

    ListOrderItemsByNextToken(OrdersApi api, OrderQueries queries) {
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
        OrdersApi.ItemsPage page = api.itemsPage(call, OrdersApi.nextToken(call));
        api.writeItemsPage(result, call, queries, page.amazonOrderId(), page.afterSeq());
    }
}
