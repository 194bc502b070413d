package io.openmws.server.orders;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the seller's orders created or updated in a window, oldest first, filtered (mws-data-apis.md §4.1). */
@Component
class ListOrders implements MwsOperation {

    private final OrdersApi api;
    private final OrderQueries queries;

    ListOrders(OrdersApi api, OrderQueries queries) {
        this.api = api;
        this.queries = queries;
    }

    @Override
    public ApiSection section() {
        return ApiSection.ORDERS;
    }

    @Override
    public String action() {
        return "ListOrders";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        SellerAccount account = api.account(call);
        ListOrdersQuery query = OrdersApi.query(call, account);
        api.writeOrdersPage(result, call, query, queries.list(account.id(), query, null, query.maxResults() + 1));
    }
}
