package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import java.io.IOException;

/**
 * One MWS API operation, declared as a bean by the feature that owns it. The gateway finds it by
 * section and action, authenticates and throttles the call, then asks it to write its result.
 */
public interface MwsOperation {

    ApiSection section();

    /** The {@code Action} parameter's value, e.g. {@code ListMarketplaceParticipations}. */
    String action();

    /** Whether the call must name a seller ({@code SellerId} or {@code Merchant}); most do. */
    default boolean needsSeller() {
        return true;
    }

    /**
     * Writes the content of {@code <{Action}Result>}: the gateway has opened the response and result
     * elements and closes them, with the {@code ResponseMetadata}, after this returns.
     *
     * @throws MwsException for an error the client should see (nothing written so far is sent)
     */
    void writeResult(MwsCall call, MwsXmlWriter result) throws IOException;
}
