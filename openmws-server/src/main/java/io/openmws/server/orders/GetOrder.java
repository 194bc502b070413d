package io.openmws.server.orders;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Orders API: up to 50 of the seller's orders by id; unknown ids and other sellers' orders are left out (§4.2). */
@Component
class GetOrder implements MwsOperation {

    private final OrdersApi api;
    private final OrderQueries queries;

    GetOrder(OrdersApi api, OrderQueries queries) {
        this.api = api;
        this.queries = queries;
    }

    @Override
    public ApiSection section() {
        return ApiSection.ORDERS;
    }

    @Override
    public String action() {
        return "GetOrder";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        List<String> ids = OrdersApi.orderIds(call);
        long accountId = api.account(call).id();
        OrdersApi.writeOrders(result, OrdersApi.inOrder(ids, queries.byAmazonOrderIds(accountId, ids)));
    }
}
