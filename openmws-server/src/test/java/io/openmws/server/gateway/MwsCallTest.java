package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.useragent.UserAgent;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operation reads from a call: list parameters, and the client's mistakes as MWS errors. */
class MwsCallTest {

    private static MwsCall call(Map<String, String> parameters) {
        return new MwsCall(ApiSection.SELLERS, "ListMarketplaceParticipations", "r-1", MwsParameters.of(parameters),
                "123456789012", "A1SELLER00001", false, UserAgent.parse("test/1.0 (Language=Java)"),
                Instant.EPOCH, InputStream.nullInputStream());
    }

    @Test
    void aListIsReadInIndexOrder() {
        MwsCall call = call(Map.of("MarketplaceId.Id.2", "B", "MarketplaceId.Id.1", "A", "MarketplaceId.Id.10", "C"));

        assertThat(call.list("MarketplaceId.Id")).containsExactly("A", "B", "C");
    }

    @Test
    void aListGivenBothBareAndNumberedIsTheClientsMistakeNotOurs() {
        MwsCall call = call(Map.of("MarketplaceId.Id", "A", "MarketplaceId.Id.1", "B"));

        assertThatThrownBy(() -> call.list("MarketplaceId.Id")).isInstanceOfSatisfying(MwsException.class,
                e -> assertThat(e.error().code()).isEqualTo("InvalidParameterValue"));
    }
}
