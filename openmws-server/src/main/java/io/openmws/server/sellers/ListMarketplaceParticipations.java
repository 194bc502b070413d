package io.openmws.server.sellers;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Sellers API: the marketplaces the seller participates in (docs/protocol.md §8). */
@Component
class ListMarketplaceParticipations implements MwsOperation {

    private final MarketplaceParticipations participations;

    ListMarketplaceParticipations(MarketplaceParticipations participations) {
        this.participations = participations;
    }

    @Override
    public ApiSection section() {
        return ApiSection.SELLERS;
    }

    @Override
    public String action() {
        return "ListMarketplaceParticipations";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        participations.write(call, 0, result);
    }
}
