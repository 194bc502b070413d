package io.openmws.sdk;

/** Who ships an order: Amazon ({@code AFN}, Fulfilment by Amazon) or the seller ({@code MFN}). */
public enum FulfillmentChannel {
    /** Amazon Fulfilment Network. */
    AFN,
    /** Merchant Fulfilment Network: the seller ships. */
    MFN
}
