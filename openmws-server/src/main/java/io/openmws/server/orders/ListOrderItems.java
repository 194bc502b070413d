package io.openmws.server.orders;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the lines of one of the seller's orders, a page at a time (mws-data-apis.md §4.2, §4.4). */
@Component
class ListOrderItems extends OrdersOperation {

    ListOrderItems(OrdersProtocol api, OrderQueries queries) {
        super("ListOrderItems", api, queries);
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        api.writeItemsPage(result, call, queries, OrdersProtocol.orderId(call.required("AmazonOrderId")), 0);
    }
}
