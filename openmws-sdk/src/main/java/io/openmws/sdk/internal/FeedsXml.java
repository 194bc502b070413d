package io.openmws.sdk.internal;

import io.openmws.protocol.Text;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.CancelledFeedSubmissions;
import io.openmws.sdk.FeedProcessingStatus;
import io.openmws.sdk.FeedSubmissionInfo;
import io.openmws.sdk.Page;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads the Feeds API's answers (spec §1) with the hardened streaming parser: any namespace, children in
 * any order (live answers put {@code FeedProcessingStatus} before {@code FeedSubmissionId}), unknown
 * elements ignored; strict about the root element, which names the operation.
 */
public final class FeedsXml {

    private FeedsXml() {
    }

    /** A parser of {@code SubmitFeedResponse}: its one {@code FeedSubmissionInfo}. */
    public static ResponseParser<FeedSubmissionInfo> submitted() {
        return (body, requestId) -> SellersXml.read(body, "SubmitFeedResponse", r -> {
            List<FeedSubmissionInfo> infos = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "FeedSubmissionInfo".equals(r.getLocalName())) {
                    infos.add(info(SellersXml.children(r)));
                }
            }
            if (infos.size() != 1) {
                throw new IOException("it holds " + infos.size() + " <FeedSubmissionInfo> elements, not one");
            }
            return infos.get(0);
        });
    }

    /** A parser of {@code GetFeedSubmissionList[ByNextToken]Response}. */
    public static Page<FeedSubmissionInfo> list(InputStream body, String action, String headerRequestId) throws IOException {
        return SellersXml.read(body, action + "Response", r -> {
            String nextToken = null;
            Boolean hasNext = null;
            String requestId = null;
            List<FeedSubmissionInfo> infos = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "NextToken" -> nextToken = SafeXml.elementText(r).strip();
                    case "HasNext" -> hasNext = bool(SafeXml.elementText(r), "HasNext");
                    case "FeedSubmissionInfo" -> infos.add(info(SellersXml.children(r)));
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // the Result container, or an element this SDK does not know
                    }
                }
            }
            boolean more = hasNext != null ? hasNext : nextToken != null && !nextToken.isEmpty();
            if (more && (nextToken == null || nextToken.isEmpty())) {
                throw new IOException("<HasNext> is true but there is no <NextToken>");
            }
            return new Page<>(infos, more ? Optional.of(nextToken) : Optional.empty(),
                    SellersXml.firstNonBlank(headerRequestId, requestId));
        });
    }

    /** A parser of {@code GetFeedSubmissionCountResponse}: its {@code Count}. */
    public static ResponseParser<Long> count() {
        return (body, requestId) -> SellersXml.read(body, "GetFeedSubmissionCountResponse", r -> {
            Long count = null;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Count".equals(r.getLocalName())) {
                    count = number(SafeXml.elementText(r), "Count");
                }
            }
            if (count == null) {
                throw new IOException("it has no <Count>");
            }
            return count;
        });
    }

    /** A parser of {@code CancelFeedSubmissionsResponse}. */
    public static ResponseParser<CancelledFeedSubmissions> cancelled() {
        return (body, headerRequestId) -> SellersXml.read(body, "CancelFeedSubmissionsResponse", r -> {
            Long count = null;
            String requestId = null;
            List<FeedSubmissionInfo> infos = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Count" -> count = number(SafeXml.elementText(r), "Count");
                    case "FeedSubmissionInfo" -> infos.add(info(SellersXml.children(r)));
                    case "RequestId", "RequestID" -> requestId = SafeXml.elementText(r).strip();
                    default -> {
                        // containers and unknown elements
                    }
                }
            }
            if (count == null) {
                throw new IOException("it has no <Count>");
            }
            return new CancelledFeedSubmissions(count, infos, SellersXml.firstNonBlank(headerRequestId, requestId));
        });
    }

    static FeedSubmissionInfo info(Map<String, String> m) throws IOException {
        String id = m.get("FeedSubmissionId");
        if (id == null || id.isEmpty()) {
            throw new IOException("a <FeedSubmissionInfo> has no <FeedSubmissionId>");
        }
        String status = m.getOrDefault("FeedProcessingStatus", "");
        FeedProcessingStatus parsed = FeedProcessingStatus.ofWireValue(status).orElseThrow(() -> new IOException(
                "<FeedProcessingStatus> of feed " + Text.abbreviate(id, 24) + " is '" + Text.abbreviate(status, 40)
                        + "', not one MWS documents (_SUBMITTED_, _IN_PROGRESS_, _DONE_, _CANCELLED_, ...)"));
        Instant submitted = date(m.get("SubmittedDate"), "SubmittedDate")
                .orElseThrow(() -> new IOException("a <FeedSubmissionInfo> has no <SubmittedDate>"));
        return new FeedSubmissionInfo(id, m.getOrDefault("FeedType", ""), submitted, parsed,
                date(m.get("StartedProcessingDate"), "StartedProcessingDate"),
                date(m.get("CompletedProcessingDate"), "CompletedProcessingDate"));
    }

    private static Optional<Instant> date(String text, String name) throws IOException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Timestamps.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IOException("<" + name + "> is not a date-time: " + e.getMessage());
        }
    }

    /** A {@code true}/{@code false} element, strictly. */
    static boolean bool(String text, String name) throws IOException {
        String t = text.strip();
        if ("true".equalsIgnoreCase(t)) {
            return true;
        }
        if ("false".equalsIgnoreCase(t)) {
            return false;
        }
        throw new IOException("<" + name + "> is '" + Text.abbreviate(t, 20) + "', not true or false");
    }

    /** A whole-number element such as {@code Count}. */
    static long number(String text, String name) throws IOException {
        String t = text.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IOException("<" + name + "> is '" + Text.abbreviate(t, 20) + "', not a number");
        }
    }
}
