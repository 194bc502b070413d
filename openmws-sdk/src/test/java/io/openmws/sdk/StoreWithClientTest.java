package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.sdk.internal.SecretSeal;
import io.openmws.sdk.store.JdbcSellerCredentialStore;
import io.openmws.sdk.store.SellerStatus;
import io.openmws.sdk.store.StoredSeller;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store and the client together: calls for stored sellers, and a revoked one marked for re-authorization. */
@OpenMwsSandbox
class StoreWithClientTest {

    @Test
    void aSellerWhoseCallIsDeniedIsMarkedAsNeedingReauthorization(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        JdbcSellerCredentialStore store = JdbcSellerCredentialStore.builder()
                .url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .keysetJson(SecretSeal.newKeysetJson()).build();
        store.saveDeveloperCredentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()));
        store.add(StoredSeller.builder(grant.sellerId()).name("Test seller").mwsAuthToken(grant.mwsAuthToken())
                .marketplaceIds(grant.marketplaces()).authorizedOn(LocalDate.ofInstant(grant.authorizedAt(), ZoneOffset.UTC))
                .build());
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(store.developerCredentials().orElseThrow())
                .application("StoreWithClientTest", "1.0")
                .listener(store.reauthorizationMarker())
                .build();
        StoredSeller stored = store.get(grant.sellerId()).orElseThrow();
        assertThat(client.sellers().listMarketplaceParticipations(stored.access())).isNotEmpty();
        assertThat(stored.expiresOn()).isEqualTo(LocalDate.ofInstant(grant.expiresAt(), ZoneOffset.UTC));

        RawCalls.control(sandbox, "/sandbox/v1/authorizations/" + grant.sellerId() + "/" + developer.developerId() + "/revoke");
        assertThatThrownBy(() -> client.sellers().listMarketplaceParticipations(stored.access()))
                .isInstanceOf(MwsException.class);

        StoredSeller marked = store.get(grant.sellerId()).orElseThrow();
        assertThat(marked.status()).isEqualTo(SellerStatus.NEEDS_REAUTHORIZATION);
        assertThat(marked.statusReason().orElseThrow()).startsWith("AccessDenied on Sellers/ListMarketplaceParticipations (RequestId ");
    }
}
