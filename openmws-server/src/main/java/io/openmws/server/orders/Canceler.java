package io.openmws.server.orders;

/**
 * Who canceled an order: the buyer (the sandbox control API, before anything shipped) or the seller
 * (an order acknowledgement with {@code StatusCode} Failure). Recorded in {@code canceled_by}; a
 * seller's {@code NoInventory} cancellation is the one that does not put the units back in stock.
 */
public enum Canceler {
    BUYER,
    SELLER
}
