package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Signing, calling, parsing and paginating against the real platform. */
@OpenMwsSandbox
class SellersApiTest {

    private static final String[] TWELVE_EU = {"A1PA6795UKMFR9", "A1RKKUPIHCS9HS", "A13V1IB3VIYZZH", "AMEN7PMS3EDWL",
        "A1F83G8C2ARO7P", "APJ6JRA9NG5V4", "A1805IZSGTT6HS", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9", "A33AVAJ2PDY3EV",
        "A17E79C6D8DWNP", "ARBP9OOSHTCHU"};

    private final Events events = new Events();

    private MwsClient client(Sandbox sandbox, SandboxDeveloper developer) {
        return MwsClient.builder()
                .endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("SellersApiTest", "1.0")
                .listener(events)
                .build();
    }

    /** A developer registered in Europe (by a German seller account), so that EU sellers can authorize it. */
    static SandboxDeveloper euDeveloper(Sandbox sandbox) {
        return sandbox.newDeveloper(sandbox.newSeller("A1PA6795UKMFR9"));
    }

    @Test
    void anAuthorizedSellersMarketplacesAreListedWithTheirDetails(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        MwsClient client = client(sandbox, developer);

        List<MarketplaceParticipation> participations = client.sellers().listMarketplaceParticipations(
                SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER")));

        assertThat(participations).extracting(MarketplaceParticipation::marketplaceId)
                .containsExactly("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        assertThat(participations.get(0).sellerId()).isEqualTo(seller.sellerId());
        assertThat(participations.get(0).hasSellerSuspendedListings()).isFalse();
        assertThat(participations.get(0).marketplace()).hasValue(new MarketplaceDetails("ATVPDKIKX0DER", "Amazon.com",
                "US", "USD", "en_US", "www.amazon.com"));
        assertThat(participations.get(1).marketplace().orElseThrow().defaultCurrencyCode()).isEqualTo("CAD");
        assertThat(events.all()).singleElement().satisfies(e -> {
            assertThat(e.succeeded()).isTrue();
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.requestId().orElseThrow()).matches("[0-9a-f-]{36}");
            assertThat(e.sellerId()).hasValue(seller.sellerId());
        });
    }

    @Test
    void twelveMarketplacesComeOnTwoPagesThatTheStreamFollows(Sandbox sandbox) {
        SandboxDeveloper developer = euDeveloper(sandbox);
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(TWELVE_EU), developer);
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("A1PA6795UKMFR9"));
        MwsClient client = client(sandbox, developer);

        List<MarketplaceParticipation> all = client.sellers().marketplaceParticipations(seller).toList();

        assertThat(all).extracting(MarketplaceParticipation::marketplaceId).containsExactlyInAnyOrder(TWELVE_EU)
                .startsWith("A1PA6795UKMFR9");
        assertThat(all).allSatisfy(p -> assertThat(p.marketplace()).isPresent());
        assertThat(events.all()).extracting(MwsCallEvent::action)
                .containsExactly("ListMarketplaceParticipations", "ListMarketplaceParticipationsByNextToken");
    }

    @Test
    void theStreamCallsOnlyWhenReadAndOnlyAsFarAsRead(Sandbox sandbox) {
        SandboxDeveloper developer = euDeveloper(sandbox);
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(TWELVE_EU), developer);
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("A1PA6795UKMFR9"));
        MwsClient client = client(sandbox, developer);

        Stream<MarketplaceParticipation> stream = client.sellers().marketplaceParticipations(seller);
        assertThat(events.all()).isEmpty();
        List<MarketplaceParticipation> firstThree = stream.limit(3).toList();

        assertThat(firstThree).hasSize(3);
        assertThat(events.all()).extracting(MwsCallEvent::action).containsExactly("ListMarketplaceParticipations");
    }

    @Test
    void pagesCanBeReadOneAtATimeWithTheToken(Sandbox sandbox) {
        SandboxDeveloper developer = euDeveloper(sandbox);
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(TWELVE_EU), developer);
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("A1PA6795UKMFR9"));
        MwsClient client = client(sandbox, developer);

        Page<MarketplaceParticipation> first = client.sellers().listMarketplaceParticipationsPage(seller);
        Page<MarketplaceParticipation> second = client.sellers()
                .listMarketplaceParticipationsByNextToken(seller, first.nextToken().orElseThrow());

        assertThat(first.items()).hasSize(10);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.requestId()).isNotEqualTo(second.requestId());
        assertThat(first.toString()).doesNotContain(first.nextToken().orElseThrow());
    }

    @Test
    void aDeveloperCallsForItsOwnAccountWithoutAToken(Sandbox sandbox) {
        SandboxSeller own = sandbox.newSeller("ATVPDKIKX0DER");
        SandboxDeveloper developer = sandbox.newDeveloper(own);

        List<MarketplaceParticipation> participations = client(sandbox, developer).sellers()
                .listMarketplaceParticipations(SellerAccess.selfAccess(own.sellerId(), List.of("ATVPDKIKX0DER")));

        assertThat(participations).extracting(MarketplaceParticipation::marketplaceId).containsExactly("ATVPDKIKX0DER");
    }

    @Test
    void aDeveloperGetsTheTokenOfItsOwnAccountOnly(Sandbox sandbox) {
        SandboxSeller own = sandbox.newSeller("ATVPDKIKX0DER");
        SandboxDeveloper developer = sandbox.newDeveloper(own);
        SandboxSeller other = sandbox.newSeller("ATVPDKIKX0DER");
        SandboxAuthorization grant = sandbox.authorize(other, developer);
        MwsClient client = client(sandbox, developer);

        String token = client.sellers().getAuthToken(SellerAccess.selfAccess(own.sellerId(), List.of("ATVPDKIKX0DER")));
        MwsException denied = org.assertj.core.api.Assertions.catchThrowableOfType(MwsException.class,
                () -> client.sellers().getAuthToken(SellerAccess.of(other.sellerId(), grant.mwsAuthToken(),
                        List.of("ATVPDKIKX0DER"))));

        assertThat(token).startsWith("amzn.mws.");
        assertThat(client.sellers().getAuthToken(SellerAccess.selfAccess(own.sellerId(), List.of("ATVPDKIKX0DER"))))
                .isEqualTo(token);
        assertThat(denied.kind()).isEqualTo(MwsException.Kind.ACCESS_DENIED);
    }

    @Test
    void theServiceStatusIsReadWithItsTimestamp(Sandbox sandbox) {
        MwsClient client = client(sandbox, sandbox.newDeveloper());

        ServiceStatus status = client.sellers().getServiceStatus();

        assertThat(status.status()).isEqualTo(ServiceStatus.Status.GREEN);
        assertThat(status.isOperational()).isTrue();
        assertThat(status.timestamp()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(status.requestId()).isNotBlank();
        assertThat(events.all()).singleElement().satisfies(e -> assertThat(e.sellerId()).isEmpty());
    }

    @Test
    void callsGoThroughTheCallersHttpClient(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"));
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Executor counted = task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        };
        HttpClient http = HttpClient.newBuilder().executor(counted).build();
        try {
            MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                    .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                    .application("SellersApiTest", "1.0").httpClient(http).listener(events).build();

            List<MarketplaceParticipation> participations = client.sellers().listMarketplaceParticipations(seller);
            int afterFirst = tasks.get();
            ServiceStatus status = client.sellers().getServiceStatus();

            assertThat(participations).isNotEmpty();
            assertThat(status.status()).isEqualTo(ServiceStatus.Status.GREEN);
            assertThat(afterFirst).isPositive();
            assertThat(tasks.get()).isGreaterThan(afterFirst);
            assertThat(events.statuses()).containsExactly(200, 200);
        } finally {
            pool.shutdown(); // the test's own; the SDK never shuts a caller's executor down
        }
    }

    @Test
    void nothingPrintsTheSecretOrTheToken(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        MwsClient client = client(sandbox, developer);
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"));
        client.sellers().listMarketplaceParticipations(seller);

        String printed = client + " " + client.sellers() + " " + seller + " "
                + DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()) + " " + events.all();

        assertThat(printed).doesNotContain(developer.secretKey()).doesNotContain(grant.mwsAuthToken())
                .contains(developer.accessKeyId()).contains(grant.sellerId());
    }
}
