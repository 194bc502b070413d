package io.openmws.server.orders;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the next page of a {@code ListOrders}, with the same filters and size; shares its throttle bucket. */
@Component
class ListOrdersByNextToken implements MwsOperation {

    private final OrdersApi api;
    private final OrderQueries queries;

    ListOrdersByNextToken(OrdersApi api, OrderQueries queries) {
        this.api = api;
        this.queries = queries;
    }

    @Override
    public ApiSection section() {
        return ApiSection.ORDERS;
    }

    @Override
    public String action() {
        return "ListOrdersByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        OrdersApi.ListPage page = api.listPage(call, OrdersApi.nextToken(call));
        long accountId = api.account(call).id();
        api.writeOrdersPage(result, call, page.query(),
                queries.list(accountId, page.query(), page.from(), page.query().maxResults() + 1));
    }
}
