package io.openmws.server.sellers;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Sellers API: the next page of participations; shares the parent's throttle bucket (docs/protocol.md §6). */
@Component
class ListMarketplaceParticipationsByNextToken implements MwsOperation {

    private final MarketplaceParticipations participations;

    ListMarketplaceParticipationsByNextToken(MarketplaceParticipations participations) {
        this.participations = participations;
    }

    @Override
    public ApiSection section() {
        return ApiSection.SELLERS;
    }

    @Override
    public String action() {
        return "ListMarketplaceParticipationsByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        String token = call.parameter("NextToken").filter(t -> !t.isBlank())
                .orElseThrow(() -> new MwsException(MwsError.missingNextToken()));
        participations.write(call, participations.offsetOf(token, call), result);
    }
}
