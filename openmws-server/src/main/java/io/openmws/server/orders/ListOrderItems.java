package io.openmws.server.orders;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the lines of one of the seller's orders, a page at a time (mws-data-apis.md §4.2, §4.4). */
@Component
class ListOrderItems implements MwsOperation {

    private final OrdersApi api;
    private final OrderQueries queries;

    ListOrderItems(OrdersApi api, OrderQueries queries) {
        this.api = api;
        this.queries = queries;
    }

    @Override
    public ApiSection section() {
        return ApiSection.ORDERS;
    }

    @Override
    public String action() {
        return "ListOrderItems";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        api.writeItemsPage(result, call, queries, OrdersApi.orderId(call.required("AmazonOrderId")), 0);
    }
}
