package io.openmws.server.feeds;

import io.openmws.protocol.Text;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What the six Feeds operations share (docs/protocol.md, "Feeds API"): the calling seller's account,
 * the filters of a request, {@code FeedSubmissionInfo}, and the NextToken of a list.
 */
@Component
class FeedsApi {

    /** Every {@code FeedProcessingStatus} MWS documents; the platform uses the first four. */
    static final Set<String> STATUSES = Set.of(FeedSubmission.SUBMITTED, FeedSubmission.IN_PROGRESS,
            FeedSubmission.DONE, FeedSubmission.CANCELLED, "_AWAITING_ASYNCHRONOUS_REPLY_", "_IN_SAFETY_NET_",
            "_UNCONFIRMED_");
    static final int DEFAULT_MAX_COUNT = 10;
    static final int MAX_MAX_COUNT = 100;

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_]{1,100}");
    private static final String TOKEN_VERSION = "f1";

    /** One page's request: the filters, its size, and where it starts (null: at the newest). */
    record Page(FeedQuery query, int maxCount, Long beforeIdExclusive) {}

    private final SellerAccounts accounts;

    FeedsApi(SellerAccounts accounts) {
        this.accounts = accounts;
    }

    /** The internal id of the calling seller's account; {@code AccessDenied} unless it is active. */
    long accountId(MwsCall call) {
        return accounts.bySellerId(call.sellerId()).filter(SellerAccount::active).map(SellerAccount::id)
                .orElseThrow(() -> new MwsException(MwsError.accessDenied()));
    }

    /**
     * The filters of a request. Only the named lists are read: each operation takes its own
     * ({@code FeedSubmissionIdList.Id.N}, {@code FeedProcessingStatusList.Status.N}).
     */
    static FeedQuery query(MwsCall call, boolean withIds, boolean withStatuses) {
        List<Long> ids = new ArrayList<>();
        if (withIds) {
            for (String id : call.list("FeedSubmissionIdList.Id")) {
                if (!ID.matcher(id).matches()) {
                    throw MwsException.invalidParameter("Invalid FeedSubmissionId: " + abbreviate(id) + ".");
                }
                ids.add(Long.parseLong(id));
            }
        }
        List<String> types = call.list("FeedTypeList.Type");
        for (String type : types) {
            if (!TYPE.matcher(type).matches()) {
                throw MwsException.invalidParameter("Invalid FeedType: " + abbreviate(type) + ".");
            }
        }
        List<String> statuses = withStatuses ? call.list("FeedProcessingStatusList.Status") : List.of();
        for (String status : statuses) {
            if (!STATUSES.contains(status)) {
                throw MwsException.invalidParameter("Invalid FeedProcessingStatus: " + abbreviate(status) + ".");
            }
        }
        Instant from = date(call, "SubmittedFromDate");
        Instant to = date(call, "SubmittedToDate");
        if (from != null && to != null && from.isAfter(to)) {
            throw MwsException.invalidParameter("SubmittedFromDate must not be after SubmittedToDate.");
        }
        return new FeedQuery(ids, types, statuses, from, to);
    }

    /** {@code MaxCount}: 1 to 100, 10 when absent. */
    static int maxCount(MwsCall call) {
        String value = call.parameter("MaxCount").orElse("");
        if (value.isEmpty()) {
            return DEFAULT_MAX_COUNT;
        }
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_MAX_COUNT) {
            throw MwsException.invalidParameter("MaxCount must be a whole number from 1 to " + MAX_MAX_COUNT + ".");
        }
        return Integer.parseInt(value);
    }

    private static Instant date(MwsCall call, String name) {
        String value = call.parameter(name).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(value)
                    + ". Use ISO 8601, e.g. 2020-06-25T12:32:14Z.");
        }
    }

    /** Writes one {@code FeedSubmissionInfo}, in the documentation's element order. */
    static void writeInfo(MwsXmlWriter xml, FeedSubmission s) throws IOException {
        xml.start("FeedSubmissionInfo")
                .element("FeedSubmissionId", s.feedSubmissionId())
                .element("FeedType", s.feedType())
                .element("SubmittedDate", Timestamps.formatWithOffset(s.submittedAt()))
                .element("FeedProcessingStatus", s.status());
        if (s.startedAt() != null) {
            xml.element("StartedProcessingDate", Timestamps.formatWithOffset(s.startedAt()));
        }
        if (s.completedAt() != null) {
            xml.element("CompletedProcessingDate", Timestamps.formatWithOffset(s.completedAt()));
        }
        xml.end();
    }

    /**
     * Writes a list page: {@code NextToken} when more follows, {@code HasNext}, the infos. The page
     * holds at most {@code maxCount + 1} submissions, the last of which only tells that more follow.
     */
    static void writePage(MwsXmlWriter xml, MwsCall call, Page request, List<FeedSubmission> fetched)
            throws IOException {
        boolean hasNext = fetched.size() > request.maxCount();
        List<FeedSubmission> page = hasNext ? fetched.subList(0, request.maxCount()) : fetched;
        if (hasNext) {
            xml.element("NextToken", token(call, new Page(request.query(), request.maxCount(),
                    page.get(page.size() - 1).id())));
        }
        xml.element("HasNext", hasNext);
        for (FeedSubmission s : page) {
            writeInfo(xml, s);
        }
    }

    /** A NextToken: the page's filters, size and position, bound to the seller and the developer. */
    static String token(MwsCall call, Page page) {
        FeedQuery q = page.query();
        String text = String.join("|", TOKEN_VERSION, call.sellerId(), call.developerId(),
                Integer.toString(page.maxCount()), Long.toString(page.beforeIdExclusive()),
                String.join(",", q.feedSubmissionIds().stream().map(String::valueOf).toList()),
                String.join(",", q.feedTypes()), String.join(",", q.statuses()),
                q.submittedFrom() == null ? "" : q.submittedFrom().toString(),
                q.submittedTo() == null ? "" : q.submittedTo().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The page a NextToken stands for; {@code NextTokenCorrupted} unless this server issued it to this caller. */
    static Page page(MwsCall call, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length != 10 || !TOKEN_VERSION.equals(parts[0]) || !parts[1].equals(call.sellerId())
                    || !parts[2].equals(call.developerId()) || !parts[3].matches("[1-9][0-9]{0,2}")
                    || !parts[4].matches("[1-9][0-9]{0,18}")) {
                throw corrupted();
            }
            int maxCount = Integer.parseInt(parts[3]);
            if (maxCount > MAX_MAX_COUNT) {
                throw corrupted();
            }
            List<Long> ids = new ArrayList<>();
            for (String id : split(parts[5])) {
                if (!ID.matcher(id).matches()) {
                    throw corrupted();
                }
                ids.add(Long.parseLong(id));
            }
            List<String> statuses = split(parts[7]);
            if (!STATUSES.containsAll(statuses)) {
                throw corrupted();
            }
            FeedQuery query = new FeedQuery(ids, split(parts[6]), statuses,
                    parts[8].isEmpty() ? null : Instant.parse(parts[8]), parts[9].isEmpty() ? null : Instant.parse(parts[9]));
            return new Page(query, maxCount, Long.parseLong(parts[4]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupted();
        }
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",", -1));
    }

    private static MwsException corrupted() {
        return MwsException.of(MwsErrorCode.NEXT_TOKEN_CORRUPTED, MwsErrorCode.NEXT_TOKEN_CORRUPTED.defaultMessage());
    }

    static String abbreviate(String value) {
        return Text.abbreviate(value, 103);
    }
}
