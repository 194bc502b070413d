package io.openmws.server.orders;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.gateway.MwsCall;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Orders API: the seller's orders created or updated in a window, oldest first, filtered (mws-data-apis.md §4.1). */
@Component
class ListOrders extends OrdersOperation {

    ListOrders(OrdersProtocol api, OrderQueries queries) {
        super("ListOrders", api, queries);
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        SellerAccount account = api.account(call);
        ListOrdersQuery query = OrdersProtocol.query(call, account);
        api.writeOrdersPage(result, call, query, queries.list(account.id(), query, null, query.maxResults() + 1));
    }
}
