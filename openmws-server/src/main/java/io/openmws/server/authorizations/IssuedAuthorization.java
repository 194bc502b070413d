package io.openmws.server.authorizations;

import io.openmws.protocol.ids.MwsAuthToken;

/**
 * An authorization just made, with its MWS Auth Token in the clear: shown to the seller once, on the
 * page that answers the authorization (or returned by the sandbox control API).
 *
 * @param verificationMailed whether a link to confirm it was mailed (a first authorization of this developer)
 */
public record IssuedAuthorization(Authorization authorization, MwsAuthToken token, boolean verificationMailed) {

    @Override
    public String toString() {
        return "IssuedAuthorization[ref=" + authorization.ref() + ", sellerId=" + authorization.sellerId()
                + ", developerId=" + authorization.developerId() + ", status=" + authorization.status()
                + ", token redacted]";
    }
}
