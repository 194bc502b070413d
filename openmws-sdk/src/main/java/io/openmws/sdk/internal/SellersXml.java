package io.openmws.sdk.internal;

import io.openmws.protocol.Text;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.MarketplaceDetails;
import io.openmws.sdk.MarketplaceParticipation;
import io.openmws.sdk.Page;
import io.openmws.sdk.ServiceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the Sellers API's answers with the hardened streaming parser of {@link SafeXml}
 * ({@code docs/protocol.md} §5.1, §8). Lenient like real clients: any namespace, unknown elements
 * ignored, children in any order; strict about the root element, which names the operation.
 */
public final class SellersXml {

    private SellersXml() {
    }

    /** A parser of {@code ListMarketplaceParticipations[ByNextToken]Response}. */
    public static ResponseParser<Page<MarketplaceParticipation>> participations(String action) {
        return (body, requestId) -> readParticipations(body, action + "Response", requestId);
    }

    /** A parser of {@code GetServiceStatusResponse}. */
    public static ResponseParser<ServiceStatus> serviceStatus() {
        return SellersXml::readServiceStatus;
    }

    /** A parser of {@code GetAuthTokenResponse}: the {@code MWSAuthToken} it holds. */
    public static ResponseParser<String> authToken() {
        return (body, requestId) -> read(body, "GetAuthTokenResponse", r -> {
            String token = null;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "MWSAuthToken".equals(r.getLocalName())) {
                    token = SafeXml.elementText(r).strip();
                }
            }
            if (token == null || token.isEmpty()) {
                throw new IOException("it has no <MWSAuthToken>");
            }
            return token;
        });
    }

    private static Page<MarketplaceParticipation> readParticipations(InputStream body, String root, String headerRequestId)
            throws IOException {
        return read(body, root, r -> {
            String nextToken = null;
            String requestId = null;
            List<Map<String, String>> participations = new ArrayList<>();
            Map<String, MarketplaceDetails> marketplaces = new HashMap<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "Participation" -> participations.add(children(r));
                    case "Marketplace" -> {
                        Map<String, String> m = children(r);
                        String id = m.getOrDefault("MarketplaceId", "");
                        marketplaces.put(id, new MarketplaceDetails(id, m.getOrDefault("Name", ""),
                                m.getOrDefault("DefaultCountryCode", ""), m.getOrDefault("DefaultCurrencyCode", ""),
                                m.getOrDefault("DefaultLanguageCode", ""), m.getOrDefault("DomainName", "")));
                    }
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // a container (Result, ListParticipations, ...) or an element this SDK does not know
                    }
                }
            }
            List<MarketplaceParticipation> items = new ArrayList<>();
            for (Map<String, String> p : participations) {
                String id = p.get("MarketplaceId");
                if (id == null || id.isEmpty()) {
                    throw new IOException("a <Participation> has no <MarketplaceId>");
                }
                items.add(new MarketplaceParticipation(id, p.getOrDefault("SellerId", ""),
                        "Yes".equalsIgnoreCase(p.getOrDefault("HasSellerSuspendedListings", "No")),
                        Optional.ofNullable(marketplaces.get(id))));
            }
            return new Page<>(items, Optional.ofNullable(nextToken).filter(t -> !t.isEmpty()),
                    firstNonBlank(headerRequestId, requestId));
        });
    }

    private static ServiceStatus readServiceStatus(InputStream body, String headerRequestId) throws IOException {
        return read(body, "GetServiceStatusResponse", r -> {
            String status = null;
            String timestamp = null;
            String messageId = null;
            String requestId = null;
            List<ServiceStatus.Message> messages = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Status" -> status = SafeXml.elementText(r).strip();
                    case "Timestamp" -> timestamp = SafeXml.elementText(r).strip();
                    case "MessageId" -> messageId = SafeXml.elementText(r).strip();
                    case "Message" -> {
                        Map<String, String> m = children(r);
                        messages.add(new ServiceStatus.Message(m.getOrDefault("Locale", ""), m.getOrDefault("Text", "")));
                    }
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // containers and unknown elements
                    }
                }
            }
            if (status == null) {
                throw new IOException("it has no <Status>");
            }
            ServiceStatus.Status parsed;
            try {
                parsed = ServiceStatus.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new IOException("<Status> is '" + Text.abbreviate(status, 40) + "', not GREEN, GREEN_I, YELLOW or RED");
            }
            Instant at;
            try {
                at = Timestamps.parse(timestamp);
            } catch (DateTimeParseException e) {
                throw new IOException("<Timestamp> is missing or not a date-time: " + e.getMessage());
            }
            return new ServiceStatus(parsed, at, Optional.ofNullable(messageId).filter(s -> !s.isEmpty()), messages,
                    firstNonBlank(headerRequestId, requestId));
        });
    }

    interface Body<T> {
        T read(XMLStreamReader r) throws XMLStreamException, IOException;
    }

    static <T> T read(InputStream in, String expectedRoot, Body<T> body) throws IOException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!r.isStartElement()) {
                throw new IOException("the body holds no XML element");
            }
            if (!expectedRoot.equals(r.getLocalName())) {
                throw new IOException("the root element is <" + r.getLocalName() + ">, not <" + expectedRoot + ">");
            }
            return body.read(r);
        } catch (XMLStreamException e) {
            throw new IOException("the body is not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // releases parser state only
                }
            }
        }
    }

    /** The text of each child of the current element, by local name; leaves the reader on its end tag. */
    static Map<String, String> children(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> values = new LinkedHashMap<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                values.putIfAbsent(name, SafeXml.elementText(r).strip());
            }
        }
        return values;
    }

    static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null ? "" : b;
    }

}
