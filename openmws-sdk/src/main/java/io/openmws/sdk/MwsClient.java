package io.openmws.sdk;

import io.openmws.protocol.marketplace.Region;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.useragent.UserAgent;
import io.openmws.sdk.internal.CallExecutor;
import io.openmws.sdk.internal.MwsCall;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point of the SDK: one client per developer account and endpoint, shared by every seller
 * and every thread.
 *
 * <pre>{@code
 * MwsClient client = MwsClient.builder()
 *         .endpoint(URI.create("http://localhost:8080"))   // or .region(Region.NA) for the real hosts
 *         .credentials(DeveloperCredentials.of(accessKeyId, secretKey))
 *         .application("AcmeSync", "2.1")                    // the User-Agent
 *         .build();
 * SellerAccess seller = SellerAccess.of(sellerId, mwsAuthToken, List.of("ATVPDKIKX0DER"));
 * List<MarketplaceParticipation> p = client.sellers().listMarketplaceParticipations(seller);
 * }</pre>
 *
 * <p>Every call is signed with Signature Version 2 and sent as a {@code POST} with a form body (by
 * default), with a {@code User-Agent} of the application plus {@code Language=Java/<version>;
 * Platform=<os>/<arch>}. Calls are paced per (seller, operation group) with the published limits
 * ({@link Throttling}), retried on throttling and service errors ({@link RetryPolicy}), and their
 * Timestamp is corrected once when the endpoint says it expired. Failures are {@link MwsException}s.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the Secret Key.
 */
public final class MwsClient {

    private static final Map<Region, String> REGION_HOSTS = Map.of(
            Region.NA, "https://mws.amazonservices.com",
            Region.EU, "https://mws-eu.amazonservices.com",
            Region.FE, "https://mws-fe.amazonservices.com",
            Region.CN, "https://mws.amazonservices.com.cn");

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final UserAgent userAgent;
    private final DeveloperCredentials credentials;
    private final CallExecutor executor;
    private final SellersApi sellers;
    private final FeedsApi feeds;
    private final OrdersApi orders;
    private final FinancesApi finances;
    private final ReportsApi reports;

    private MwsClient(Builder b, URI endpoint, UserAgent userAgent) {
        this.endpoint = endpoint;
        this.userAgent = userAgent;
        this.credentials = b.credentials;
        this.executor = new CallExecutor(new CallExecutor.Config(CallExecutor.Endpoint.of(endpoint), b.credentials,
                RequestSigner.of(SigningSecret.of(b.credentials.secretKey().reveal()), b.signatureMethod),
                userAgent.header(), b.clock, b.httpClient != null ? b.httpClient : ownHttpClient(b),
                b.requestTimeout, b.requestMethod, b.retryPolicy, b.throttling, b.listeners));
        this.sellers = new SellersApi(executor);
        this.feeds = new FeedsApi(executor);
        this.orders = new OrdersApi(executor);
        this.finances = new FinancesApi(executor);
        this.reports = new ReportsApi(executor);
    }

    /** The client's own HttpClient, when the caller gave none: HTTP/1.1, no redirects, the builder's timeout and proxy. */
    private static HttpClient ownHttpClient(Builder b) {
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(b.connectTimeout != null ? b.connectTimeout : DEFAULT_CONNECT_TIMEOUT);
        if (b.proxy != null) {
            http.proxy(b.proxy);
        }
        return http.build();
    }

    /**
     * The real MWS endpoint of a region, as {@link Builder#region} uses it.
     *
     * @param region the developer's region
     * @return e.g. {@code https://mws-eu.amazonservices.com} for {@link Region#EU}
     */
    public static URI endpointOf(Region region) {
        return URI.create(REGION_HOSTS.get(Objects.requireNonNull(region, "region")));
    }

    /** A builder; {@code endpoint} (or {@code region}), {@code credentials} and {@code application} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Sellers API. */
    public SellersApi sellers() {
        return sellers;
    }

    /** The Feeds API: submit feeds, follow them, download their processing reports. */
    public FeedsApi feeds() {
        return feeds;
    }

    /** The Reports API: request, follow, download and schedule reports, and acknowledge them. */
    public ReportsApi reports() {
        return reports;
    }

    /** The Orders API: list, fetch and poll a seller's orders and their items. */
    public OrdersApi orders() {
        return orders;
    }

    /** The Finances API: settlement periods and the shipment and refund events in them. */
    public FinancesApi finances() {
        return finances;
    }

    /**
     * Sends any operation, signed exactly like the typed ones, and streams its answer, whatever its status, into
     * {@code body}: MWS Scratchpad in code. The call is paced like every call and sent once; only a
     * {@code RequestExpired} answer makes the client correct the Timestamp and send it a second time (that
     * first answer is not written). Listeners hear of it as of any call.
     *
     * <pre>{@code
     * ByteArrayOutputStream xml = new ByteArrayOutputStream();
     * RawResponse answer = client.call(RawRequest.builder(ApiSection.SELLERS, "ListMarketplaceParticipations")
     *         .seller(seller).build(), xml);
     * if (!answer.succeeded()) { ... }                           // 401 with an ErrorResponse, say
     * System.out.println(answer.signing());                      // the string to sign, token masked
     * }</pre>
     *
     * @param request the operation, its seller and its own parameters
     * @param body receives the answer's body: the operation's XML, an {@code ErrorResponse}, or whatever the
     *     endpoint sent; flushed, not closed
     * @return the status, headers, request id, the endpoint's time, how long it took and what was signed
     * @throws MwsException of kind {@code COMMUNICATION} when no answer came (or it broke off), {@code INTERRUPTED}
     *     when the thread was interrupted; never for an answer, whatever its status
     * @throws java.io.UncheckedIOException when writing to {@code body} fails
     */
    public RawResponse call(RawRequest request, OutputStream body) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(body, "body");
        return executor.send(new MwsCall(request.section(), request.action(), request.seller(), request.parameters()),
                body);
    }

    /** The endpoint calls go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** The User-Agent sent with every request. */
    public UserAgent userAgent() {
        return userAgent;
    }

    /**
     * How far the endpoint's clock is from this client's, as learned from a {@code RequestExpired} answer
     * (endpoint minus client); zero until one was seen. Timestamps are sent corrected by it.
     */
    public Duration clockSkew() {
        return executor.skew();
    }

    /** {@code MwsClient[http://localhost:8080, DeveloperCredentials[AKIA..., secret redacted]]}. */
    @Override
    public String toString() {
        return "MwsClient[" + endpoint + ", " + credentials + "]";
    }

    /** Collects the settings of an {@link MwsClient}. Not thread-safe; the client it builds is. */
    public static final class Builder {
        private URI endpoint;
        private DeveloperCredentials credentials;
        private UserAgent.Builder userAgent;
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout;
        private Duration requestTimeout = Duration.ofMinutes(1);
        private ProxySelector proxy;
        private HttpClient httpClient;
        private SignatureMethod signatureMethod = SignatureMethod.HMAC_SHA256;
        private RequestMethod requestMethod = RequestMethod.POST;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Throttling throttling = Throttling.defaults();
        private final List<MwsCallListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The endpoint: any server that speaks MWS, e.g. {@code http://localhost:8080} for a local OpenMWS
         * platform. A path in it (a proxy's prefix) goes before the section paths.
         *
         * @param endpoint an {@code https} (or {@code http}) URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * The real MWS endpoint of a region: {@code mws.amazonservices.com} (NA),
         * {@code mws-eu.amazonservices.com} (EU), {@code mws-fe.amazonservices.com} (FE),
         * {@code mws.amazonservices.com.cn} (CN).
         *
         * @param region the developer's region
         * @return this builder
         */
        public Builder region(Region region) {
            return endpoint(endpointOf(region));
        }

        /** The developer account's access key. */
        public Builder credentials(DeveloperCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The application, for the User-Agent: {@code AcmeSync/2.1 (Language=Java/17.0.15; Platform=Linux/amd64)}.
         *
         * @param name the application's name
         * @param version its version
         * @return this builder
         */
        public Builder application(String name, String version) {
            this.userAgent = UserAgent.builder(name, version).jvmDefaults();
            return this;
        }

        /**
         * Adds an attribute to the User-Agent, after {@code Language} and {@code Platform}.
         *
         * @param name e.g. {@code MWSClientVersion}
         * @param value its value
         * @return this builder
         * @throws IllegalStateException when {@link #application} was not called first
         */
        public Builder userAgentAttribute(String name, String value) {
            if (userAgent == null) {
                throw new IllegalStateException("Call application(name, version) before adding User-Agent attributes");
            }
            userAgent.attribute(name, value);
            return this;
        }

        /** The clock Timestamps are taken from; the system's UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long to wait for a connection; 10 seconds by default. Not with {@link #httpClient(HttpClient)}:
         * the caller's client has its own.
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long to wait for an answer to one request; 1 minute by default. Applies to every request, with
         * the caller's {@link #httpClient(HttpClient)} too.
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** An HTTP proxy; none by default. Not with {@link #httpClient(HttpClient)}: the caller's client has its own. */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * The caller's own {@link HttpClient}, for its TLS settings ({@code SSLContext}, {@code SSLParameters}),
         * proxy, authenticator, executor, HTTP version or redirect policy; by default the client builds its own
         * (HTTP/1.1, no redirects, {@link #connectTimeout} and {@link #proxy}).
         *
         * <p>The client then uses it as it is and builds none: its connect timeout, proxy, version and redirects
         * are the caller's, so {@link #connectTimeout} and {@link #proxy} cannot be set as well. The
         * {@link #requestTimeout} still applies to each request. The client never closes it or shuts its
         * executor down: it stays the caller's, and may be shared with other code and other {@code MwsClient}s.
         *
         * <pre>{@code
         * HttpClient http = HttpClient.newBuilder().sslContext(corporateTrust).executor(pool).build();
         * MwsClient client = MwsClient.builder().endpoint(endpoint).credentials(credentials)
         *         .application("AcmeSync", "2.1").httpClient(http).build();
         * }</pre>
         *
         * @param client the HTTP client to send with
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The HMAC to sign with; {@code HmacSHA256} by default, as MWS recommends. */
        public Builder signatureMethod(SignatureMethod method) {
            this.signatureMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /** {@code POST} with a form body (the default) or {@code GET} with a query string. */
        public Builder requestMethod(RequestMethod method) {
            this.requestMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /** When to retry; {@link RetryPolicy#defaults()} by default. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Client-side pacing; {@link Throttling#defaults()} by default. */
        public Builder throttling(Throttling throttling) {
            this.throttling = Objects.requireNonNull(throttling, "throttling");
            return this;
        }

        /** Adds a listener that hears of every HTTP request. */
        public Builder listener(MwsCallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalStateException when the endpoint, the credentials or the application is missing, or
         *     when {@link #httpClient} is given together with {@link #connectTimeout} or {@link #proxy}
         */
        public MwsClient build() {
            if (endpoint == null) {
                throw new IllegalStateException("No endpoint: call endpoint(URI.create(\"http://localhost:8080\")) for a"
                        + " local OpenMWS platform, or region(Region.NA) for the real MWS hosts");
            }
            if (credentials == null) {
                throw new IllegalStateException("No credentials: call credentials(DeveloperCredentials.of(accessKeyId,"
                        + " secretKey)) with the developer account's access key");
            }
            if (userAgent == null) {
                throw new IllegalStateException("No application: call application(\"YourApp\", \"1.0\"); MWS asks every"
                        + " program to name itself in the User-Agent");
            }
            if (httpClient != null && (connectTimeout != null || proxy != null)) {
                throw new IllegalStateException("httpClient(...) was given, and " + (proxy != null ? "proxy" : "connectTimeout")
                        + "(...) too: the caller's HttpClient brings its own connect timeout and proxy. Set them on"
                        + " HttpClient.newBuilder() instead, or leave httpClient(...) out");
            }
            CallExecutor.Endpoint.of(endpoint); // fails early with a clear message
            return new MwsClient(this, endpoint, userAgent.build());
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive; got " + d);
            }
            return d;
        }
    }
}
