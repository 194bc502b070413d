package io.openmws.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that records what it receives and answers with the scripted responses in turn
 * (the last one again when the script runs out). It stands for "any other MWS endpoint", or for an HTTP
 * proxy: requests sent through it carry the absolute URI and the origin's Host header.
 */
final class StubEndpoint implements AutoCloseable {

    /** One received request. */
    record Received(String method, URI uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** One scripted answer; {@code text/xml} unless its headers name another Content-Type. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer xml(int status, String body, Map<String, String> headers) {
            return new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        /** A raw download: these bytes with these headers. */
        static Answer bytes(int status, byte[] body, Map<String, String> headers) {
            return new Answer(status, headers, body);
        }
    }

    static final String PARTICIPATIONS = "<?xml version=\"1.0\"?>\n"
            + "<ListMarketplaceParticipationsResponse xmlns=\"https://mws.amazonservices.com/Sellers/2011-07-01\">"
            + "<ListMarketplaceParticipationsResult><ListParticipations><Participation>"
            + "<MarketplaceId>ATVPDKIKX0DER</MarketplaceId><SellerId>A1EXAMPLESELLER</SellerId>"
            + "<HasSellerSuspendedListings>No</HasSellerSuspendedListings></Participation></ListParticipations>"
            + "<ListMarketplaces><Marketplace><MarketplaceId>ATVPDKIKX0DER</MarketplaceId><Name>Amazon.com</Name>"
            + "<DefaultCountryCode>US</DefaultCountryCode><DefaultCurrencyCode>USD</DefaultCurrencyCode>"
            + "<DefaultLanguageCode>en_US</DefaultLanguageCode><DomainName>www.amazon.com</DomainName></Marketplace>"
            + "</ListMarketplaces></ListMarketplaceParticipationsResult>"
            + "<ResponseMetadata><RequestId>007a5d0a-4029-4825-a97d-dae1ab378367</RequestId></ResponseMetadata>"
            + "</ListMarketplaceParticipationsResponse>";

    static String error(String code, String message) {
        return "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"https://mws.amazonservices.com/Sellers/2011-07-01\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestID>dba0b719-f4c3-4b26-a08a-2582b37111a4</RequestID></ErrorResponse>";
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();

    StubEndpoint(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = script.size() > 1 ? script.pollFirst() : script.peekFirst();
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
        }
        byte[] bytes = answer.body();
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
