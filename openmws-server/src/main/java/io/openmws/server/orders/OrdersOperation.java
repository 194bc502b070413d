package io.openmws.server.orders;

import io.openmws.protocol.ApiSection;
import io.openmws.server.gateway.MwsOperation;

/**
 * An operation of the Orders API section: its action name, and the two pieces every one of them uses,
 * the section's rules and elements ({@link OrdersProtocol}) and the seller-scoped reads ({@link OrderQueries}).
 */
abstract class OrdersOperation implements MwsOperation {

    private final String action;
    final OrdersProtocol api;
    final OrderQueries queries;

    OrdersOperation(String action, OrdersProtocol api, OrderQueries queries) {
        this.action = action;
        this.api = api;
        this.queries = queries;
    }

    @Override
    public final ApiSection section() {
        return ApiSection.ORDERS;
    }

    @Override
    public final String action() {
        return action;
    }
}
