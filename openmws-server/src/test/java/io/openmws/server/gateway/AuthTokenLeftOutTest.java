package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SignatureDoesNotMatch's echo of the string to sign leaves out the MWS Auth Token's value, and only that. */
class AuthTokenLeftOutTest {

    @Test
    void theTokensValueIsLeftOutWhereverItSits() {
        String signed = "POST\nmws.amazonservices.com\n/Sellers/2011-07-01\n"
                + "AWSAccessKeyId=AKIAEXAMPLE&Action=ListMarketplaceParticipations&MWSAuthToken=amzn.mws.4ea38b7b-f563"
                + "&SellerId=A1EXAMPLE&XMWSAuthToken=kept";

        assertThat(CallAdmission.withoutAuthToken(signed)).isEqualTo("POST\nmws.amazonservices.com\n/Sellers/2011-07-01\n"
                + "AWSAccessKeyId=AKIAEXAMPLE&Action=ListMarketplaceParticipations&MWSAuthToken=(left-out)"
                + "&SellerId=A1EXAMPLE&XMWSAuthToken=kept");
        assertThat(CallAdmission.withoutAuthToken("GET\nh\n/\nMWSAuthToken=amzn.mws.x"))
                .isEqualTo("GET\nh\n/\nMWSAuthToken=(left-out)");
        assertThat(CallAdmission.withoutAuthToken("GET\nh\n/\nAction=A&MWSAuthToken="))
                .isEqualTo("GET\nh\n/\nAction=A&MWSAuthToken=(left-out)");
    }
}
