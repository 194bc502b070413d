package io.openmws.server.sellers;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sellers API {@code GetAuthToken}: a seller calling its own account with its own developer keys gets
 * the MWS Auth Token of that self-access. Self-access needs no token at all, so the token is derived
 * from the pair (the same on every call and node, and worth nothing for any other seller); for any
 * other seller the call is denied.
 */
@Component
class GetAuthToken implements MwsOperation {

    @Override
    public ApiSection section() {
        return ApiSection.SELLERS;
    }

    @Override
    public String action() {
        return "GetAuthToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        if (!call.selfAccess()) {
            throw new MwsException(MwsError.accessDeniedToOperation(ApiSection.SELLERS, action()));
        }
        UUID token = UUID.nameUUIDFromBytes(("openmws-self-access|" + call.sellerId() + "|" + call.developerId())
                .getBytes(StandardCharsets.UTF_8));
        result.element("MWSAuthToken", "amzn.mws." + token);
    }
}
