package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Pacing, retrying after throttling and clock-skew correction against the real platform.
 *
 * <p>The platform's throttle buckets count on its movable platform clock; its ±15-minute Timestamp
 * check and {@code x-mws-timestamp} count on real time. So pacing is tested with a client whose buckets
 * count on the platform clock ({@link PlatformTime}) while the test moves it forward a minute at a time
 * (both sides then see the same minutes pass; the platform alone decides whether a call was too early),
 * and skew is tested with a client clock that is 20 minutes off real time.
 */
@OpenMwsSandbox
class ThrottlingAndSkewTest {

    private final Events events = new Events();

    private SellerAccess authorizedSeller(Sandbox sandbox, SandboxDeveloper developer) {
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        return SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"));
    }

    private MwsClient.Builder client(Sandbox sandbox, SandboxDeveloper developer) {
        return MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("ThrottlingAndSkewTest", "1.0").listener(events);
    }

    @Test
    void pacingKeepsABurstOfFiftyCallsFreeOf503s(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SellerAccess seller = authorizedSeller(sandbox, developer);
        PlatformTime platform = new PlatformTime(sandbox);
        // No retries: a single 503 would fail the call and the test.
        MwsClient client = client(sandbox, developer).retryPolicy(RetryPolicy.none())
                .throttling(Throttling.builder().clock(platform).build()).build();
        AtomicBoolean done = new AtomicBoolean();
        ScheduledExecutorService minutes = Executors.newSingleThreadScheduledExecutor();
        // A minute of platform time every 100 ms of real time: 15 calls at once, then one a minute.
        minutes.scheduleWithFixedDelay(() -> {
            if (!done.get()) {
                platform.advance(Duration.ofMinutes(1));
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        Instant start = platform.instant();
        List<Instant> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                client.sellers().listMarketplaceParticipationsPage(seller);
                sent.add(platform.instant());
            }
        } finally {
            done.set(true);
            minutes.shutdown();
            minutes.awaitTermination(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.between(start, sent.get(49));

        assertThat(events.statuses()).hasSize(50).containsOnly(200);
        // The bucket holds 15 and gets one back a minute: the other 35 calls need 35 minutes (plus the 2% margin).
        assertThat(took).isBetween(Duration.ofMinutes(35), Duration.ofMinutes(40));
        assertThat(Duration.between(start, sent.get(14))).isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void aThrottledCallWaitsForARestoredSlotAndSucceeds(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        SellerAccess seller = SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER"));
        // Another program uses up the bucket behind the SDK's back.
        for (int i = 0; i < 15; i++) {
            assertThat(RawCalls.listMarketplaceParticipations(sandbox, developer, grant)).isEqualTo(200);
        }
        assertThat(RawCalls.listMarketplaceParticipations(sandbox, developer, grant)).isEqualTo(503);
        PlatformTime platform = new PlatformTime(sandbox);
        CountDownLatch throttled = new CountDownLatch(1);
        MwsClient client = client(sandbox, developer)
                .throttling(Throttling.builder().clock(platform).build())
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(50)).build())
                .listener(e -> {
                    if (e.errorKind().filter(MwsException.Kind.THROTTLED::equals).isPresent()) {
                        throttled.countDown();
                    }
                })
                .build();
        ScheduledExecutorService time = Executors.newSingleThreadScheduledExecutor();
        // Two minutes pass once the SDK has been told "throttled": two slots come back.
        time.execute(() -> {
            try {
                throttled.await();
                Thread.sleep(300);
                platform.advance(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            List<MarketplaceParticipation> participations = client.sellers().listMarketplaceParticipations(seller);

            assertThat(participations).isNotEmpty();
        } finally {
            time.shutdownNow();
        }
        assertThat(events.all()).extracting(MwsCallEvent::httpStatus).containsExactly(503, 200);
        assertThat(events.all().get(0).willRetry()).isTrue();
        assertThat(events.all().get(0).errorCode()).hasValue("RequestThrottled");
    }

    @Test
    void aClientClockTwentyMinutesBehindIsCorrectedFromTheServersTimestamp(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SellerAccess seller = authorizedSeller(sandbox, developer);
        MwsClient client = client(sandbox, developer)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20))).build();

        List<MarketplaceParticipation> participations = client.sellers().listMarketplaceParticipations(seller);

        assertThat(participations).isNotEmpty();
        assertThat(events.all()).extracting(MwsCallEvent::httpStatus).containsExactly(400, 200);
        assertThat(events.all().get(0).errorCode()).hasValue("RequestExpired");
        assertThat(client.clockSkew()).isBetween(Duration.ofMinutes(20).minusSeconds(5), Duration.ofMinutes(20).plusSeconds(5));

        events.clear();
        client.sellers().getServiceStatus();
        assertThat(events.statuses()).containsExactly(200);
    }

    @Test
    void aClientClockTwentyMinutesAheadIsCorrectedToo(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        MwsClient client = client(sandbox, developer)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).build();

        ServiceStatus status = client.sellers().getServiceStatus();

        assertThat(status.status()).isEqualTo(ServiceStatus.Status.GREEN);
        assertThat(events.statuses()).containsExactly(400, 200);
        assertThat(client.clockSkew().toMinutes()).isBetween(-21L, -19L);
    }
}
