package io.openmws.server.orders;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Orders API: up to 50 of the seller's orders by id; unknown ids and other sellers' orders are left out (§4.2). */
@Component
class GetOrder extends OrdersOperation {

    GetOrder(OrdersProtocol api, OrderQueries queries) {
        super("GetOrder", api, queries);
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        List<String> ids = OrdersProtocol.orderIds(call);
        long accountId = api.account(call).id();
        OrdersProtocol.writeOrders(result, OrdersProtocol.inOrder(ids, queries.byAmazonOrderIds(accountId, ids)));
    }
}
