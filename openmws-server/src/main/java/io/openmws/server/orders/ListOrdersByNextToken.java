package io.openmws.server.orders;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the next page of a {@code ListOrders}, with the same filters and size; shares its throttle bucket. */
@Component
class ListOrdersByNextToken extends OrdersOperation {

    ListOrdersByNextToken(OrdersProtocol api, OrderQueries queries) {
        super("ListOrdersByNextToken", api, queries);
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        OrdersProtocol.ListPage page = api.listPage(call, OrdersProtocol.nextToken(call));
        long accountId = api.account(call).id();
        api.writeOrdersPage(result, call, page.query(),
                queries.list(accountId, page.query(), page.from(), page.query().maxResults() + 1));
    }
}
