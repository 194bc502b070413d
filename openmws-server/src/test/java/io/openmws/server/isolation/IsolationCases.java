package io.openmws.server.isolation;

import io.openmws.protocol.ApiSection;
import io.openmws.server.testing.MwsClient.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the isolation matrix calls, one case per operation: the parameters of a call made with a
 * seller's own ids and NextTokens, what a developer the seller actively authorized must get back, and
 * the calls that put another seller's ids or NextTokens into the same operation, with the documented
 * error (or the empty answer) they must get instead. A developer without an active authorization gets
 * {@code AccessDenied} for every one of them, whatever it sends.
 */
final class IsolationCases {

    // The lists whose NextTokens the scene harvests, for each authorized pair.
    static final String PARTICIPATIONS = "participations";
    static final String FEEDS = "feeds";
    static final String REPORT_REQUESTS = "reportRequests";
    static final String REPORTS = "reports";
    static final String ORDERS = "orders";
    static final String ORDER_ITEMS = "orderItems";
    static final String EVENTS = "events";
    static final String GROUPS = "groups";

    static final String US = "ATVPDKIKX0DER";
    static final String LISTINGS_REPORT = "_GET_MERCHANT_LISTINGS_DATA_";
    static final String PRICE_FEED = "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";

    /** A seller's data, and the NextTokens that were issued to the developer that calls. */
    record Data(MatrixSeller seller, Map<String, String> tokens) {
        String token(String list) {
            String token = tokens.get(list);
            if (token == null) {
                throw new IllegalStateException("No " + list + " NextToken was harvested for " + seller);
            }
            return token;
        }
    }

    /** The verdict on an answer for the seller of {@code own}: null when right, else what is wrong. */
    interface Check {
        String problem(Answer a, Data own);
    }

    /**
     * A call with another seller's ids or NextTokens. {@code tokenOnly}: it carries NextTokens only, so it
     * is also made with tokens of the same seller issued to another developer.
     */
    record Foreign(String name, boolean tokenOnly, Function<Data, Map<String, String>> params, Check check) {}

    /** One operation: its call with the seller's own data, what an authorized caller gets, the foreign calls. */
    record Case(ApiSection section, String action, Function<Data, Map<String, String>> params, Check granted,
                List<Foreign> foreign) {
        String key() {
            return key(section, action);
        }

        static String key(ApiSection section, String action) {
            return section.sectionName() + "/" + action;
        }
    }

    private final Map<String, Case> cases = new LinkedHashMap<>();
    private final String since;

    /** @param since a date before every order, event and group of the scene (ISO 8601) */
    IsolationCases(String since) {
        this.since = since;
        sellers();
        feeds();
        reports();
        orders();
        finances();
        for (ApiSection section : ApiSection.values()) {
            add(new Case(section, "GetServiceStatus", d -> Map.of(), ok(has("Status")), List.of()));
        }
    }

    /** Every case, by section and action. */
    Map<String, Case> all() {
        return cases;
    }

    private void sellers() {
        ApiSection s = ApiSection.SELLERS;
        add(new Case(s, "ListMarketplaceParticipations", d -> Map.of(), ok(hasAll(d -> List.of(d.seller().sellerId))),
                List.of()));
        add(new Case(s, "ListMarketplaceParticipationsByNextToken", d -> Map.of("NextToken", d.token(PARTICIPATIONS)),
                ok(hasAll(d -> List.of(d.seller().sellerId))), List.of(corruptedToken(PARTICIPATIONS))));
        // Only a seller's own developer gets the token of its self-access: an authorized one is denied too.
        add(new Case(s, "GetAuthToken", d -> Map.of(), error(401, "AccessDenied"), List.of()));
    }

    private void feeds() {
        ApiSection s = ApiSection.FEEDS;
        add(new Case(s, "SubmitFeed", d -> Map.of("FeedType", PRICE_FEED, "MarketplaceIdList.Id.1", US),
                ok(has("FeedSubmissionId")), List.of()));
        add(new Case(s, "GetFeedSubmissionList", d -> Map.of("FeedSubmissionIdList.Id.1", d.seller().feedIds.get(0)),
                ok(hasAll(d -> List.of(d.seller().feedIds.get(0)))),
                List.of(new Foreign("another seller's FeedSubmissionId", false,
                        d -> Map.of("FeedSubmissionIdList.Id.1", d.seller().feedIds.get(0)), ok(lacks("FeedSubmissionInfo"))))));
        add(new Case(s, "GetFeedSubmissionListByNextToken", d -> Map.of("NextToken", d.token(FEEDS)),
                ok(hasAny(d -> d.seller().feedIds)), List.of(corruptedToken(FEEDS))));
        add(new Case(s, "GetFeedSubmissionCount", d -> Map.of(), ok(has("Count")), List.of()));
        // The seller's feeds are _DONE_: nothing to cancel, and the answer says so.
        add(new Case(s, "CancelFeedSubmissions", d -> Map.of("FeedSubmissionIdList.Id.1", d.seller().feedIds.get(0)),
                ok(count(0)), List.of(new Foreign("another seller's FeedSubmissionId", false,
                        d -> Map.of("FeedSubmissionIdList.Id.1", d.seller().feedIds.get(0)), ok(count(0))))));
        add(new Case(s, "GetFeedSubmissionResult", d -> Map.of("FeedSubmissionId", d.seller().feedIds.get(0)),
                ok(hasAll(d -> List.of(d.seller().feedIds.get(0)))),
                List.of(new Foreign("another seller's FeedSubmissionId", false,
                        d -> Map.of("FeedSubmissionId", d.seller().feedIds.get(0)), error(400, "InvalidFeedSubmissionId")))));
    }

    private void reports() {
        ApiSection s = ApiSection.REPORTS;
        add(new Case(s, "RequestReport", d -> Map.of("ReportType", LISTINGS_REPORT), ok(has("ReportRequestId")),
                List.of()));
        add(new Case(s, "GetReportRequestList",
                d -> Map.of("ReportRequestIdList.Id.1", d.seller().reportRequestIds.get(0)),
                ok(hasAll(d -> List.of(d.seller().reportRequestIds.get(0)))),
                List.of(new Foreign("another seller's ReportRequestId", false,
                        d -> Map.of("ReportRequestIdList.Id.1", d.seller().reportRequestIds.get(0)),
                        ok(lacks("ReportRequestInfo"))))));
        add(new Case(s, "GetReportRequestListByNextToken", d -> Map.of("NextToken", d.token(REPORT_REQUESTS)),
                ok(hasAny(d -> d.seller().reportRequestIds)), List.of(corruptedToken(REPORT_REQUESTS))));
        add(new Case(s, "GetReportRequestCount", d -> Map.of(), ok(has("Count")), List.of()));
        add(new Case(s, "CancelReportRequests",
                // A finished request is counted and answered as it is, not cancelled.
                d -> Map.of("ReportRequestIdList.Id.1", d.seller().reportRequestIds.get(0)),
                ok(hasAll(d -> List.of(d.seller().reportRequestIds.get(0)))),
                List.of(new Foreign("another seller's ReportRequestId", false,
                        d -> Map.of("ReportRequestIdList.Id.1", d.seller().reportRequestIds.get(0)),
                        error(400, "InvalidReportRequestId")))));
        add(new Case(s, "GetReportList", d -> Map.of("ReportRequestIdList.Id.1", d.seller().reportRequestIds.get(0)),
                ok(hasAll(d -> List.of(d.seller().reportIds.get(0)))),
                List.of(new Foreign("another seller's ReportRequestId", false,
                        d -> Map.of("ReportRequestIdList.Id.1", d.seller().reportRequestIds.get(0)),
                        ok(lacks("ReportInfo"))))));
        add(new Case(s, "GetReportListByNextToken", d -> Map.of("NextToken", d.token(REPORTS)),
                ok(hasAny(d -> d.seller().reportIds)), List.of(corruptedToken(REPORTS))));
        add(new Case(s, "GetReportCount", d -> Map.of(), ok(has("Count")), List.of()));
        add(new Case(s, "GetReport", d -> Map.of("ReportId", d.seller().reportIds.get(0)),
                ok(hasAll(d -> d.seller().skus)), List.of(new Foreign("another seller's ReportId", false,
                        d -> Map.of("ReportId", d.seller().reportIds.get(0)), error(400, "InvalidReportId")))));
        add(new Case(s, "ManageReportSchedule",
                d -> Map.of("ReportType", "_GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_", "Schedule", "_30_DAYS_"),
                ok(count(1)), List.of()));
        add(new Case(s, "GetReportScheduleList", d -> Map.of(), ok(has("HasNext")), List.of()));
        // No schedule list has a second page: no NextToken opens one, the seller's own included.
        add(new Case(s, "GetReportScheduleListByNextToken", d -> Map.of("NextToken", d.token(REPORT_REQUESTS)),
                error(400, "NextTokenCorrupted"), List.of(corruptedToken(REPORT_REQUESTS))));
        add(new Case(s, "GetReportScheduleCount", d -> Map.of(), ok(has("Count")), List.of()));
        add(new Case(s, "UpdateReportAcknowledgements",
                d -> Map.of("ReportIdList.Id.1", d.seller().reportIds.get(0), "Acknowledged", "true"),
                ok(hasAll(d -> List.of(d.seller().reportIds.get(0)))),
                List.of(new Foreign("another seller's ReportId", false,
                        d -> Map.of("ReportIdList.Id.1", d.seller().reportIds.get(0), "Acknowledged", "true"),
                        error(400, "InvalidReportId")))));
    }

    private void orders() {
        ApiSection s = ApiSection.ORDERS;
        add(new Case(s, "ListOrders", d -> Map.of("CreatedAfter", since, "MarketplaceId.Id.1", US),
                ok(hasAll(d -> List.copyOf(d.seller().orders.keySet()))), List.of()));
        add(new Case(s, "ListOrdersByNextToken", d -> Map.of("NextToken", d.token(ORDERS)),
                ok(hasAny(d -> List.copyOf(d.seller().orders.keySet()))), List.of(corruptedToken(ORDERS))));
        add(new Case(s, "GetOrder", d -> Map.of("AmazonOrderId.Id.1", d.seller().firstOrder()),
                ok(hasAll(d -> List.of(d.seller().firstOrder()))),
                List.of(new Foreign("another seller's AmazonOrderId", false,
                        d -> Map.of("AmazonOrderId.Id.1", d.seller().firstOrder()), ok(lacks("Order"))))));
        add(new Case(s, "ListOrderItems", d -> Map.of("AmazonOrderId", d.seller().firstOrder()),
                ok(hasAny(d -> d.seller().orders.get(d.seller().firstOrder()))),
                List.of(new Foreign("another seller's AmazonOrderId", false,
                        d -> Map.of("AmazonOrderId", d.seller().firstOrder()), error(400, "InvalidParameterValue")))));
        add(new Case(s, "ListOrderItemsByNextToken", d -> Map.of("NextToken", d.token(ORDER_ITEMS)),
                ok(hasAny(d -> d.seller().orderItems())), List.of(corruptedToken(ORDER_ITEMS))));
    }

    private void finances() {
        ApiSection s = ApiSection.FINANCES;
        add(new Case(s, "ListFinancialEventGroups", d -> Map.of("FinancialEventGroupStartedAfter", since),
                ok(hasAll(d -> d.seller().groupIds)), List.of()));
        add(new Case(s, "ListFinancialEventGroupsByNextToken", d -> Map.of("NextToken", d.token(GROUPS)),
                ok(hasAny(d -> d.seller().groupIds)), List.of(corruptedToken(GROUPS))));
        add(new Case(s, "ListFinancialEvents", d -> Map.of("AmazonOrderId", d.seller().firstOrder()),
                ok(hasAll(d -> List.of(d.seller().firstOrder()))), List.of(
                        new Foreign("another seller's AmazonOrderId", false,
                                d -> Map.of("AmazonOrderId", d.seller().firstOrder()), ok(lacks("AmazonOrderId"))),
                        new Foreign("another seller's FinancialEventGroupId", false,
                                d -> Map.of("FinancialEventGroupId", d.seller().groupIds.get(0)),
                                ok(lacks("AmazonOrderId"))))));
        add(new Case(s, "ListFinancialEventsByNextToken", d -> Map.of("NextToken", d.token(EVENTS)),
                ok(hasAny(d -> List.copyOf(d.seller().orders.keySet()))), List.of(corruptedToken(EVENTS))));
    }

    private void add(Case c) {
        if (cases.put(c.key(), c) != null) {
            throw new IllegalStateException("Two cases for " + c.key());
        }
    }

    // ---- checks

    private static Foreign corruptedToken(String list) {
        return new Foreign("a NextToken issued for another seller or developer", true,
                d -> Map.of("NextToken", d.token(list)), error(400, "NextTokenCorrupted"));
    }

    /** 200, and whatever else {@code then} asks. */
    static Check ok(Check then) {
        return (a, own) -> a.status() != 200 ? "expected 200, got " + a.status() : then.problem(a, own);
    }

    /** The MWS error envelope with this status and code. */
    static Check error(int status, String code) {
        return (a, own) -> {
            if (a.status() != status) {
                return "expected " + status + " " + code + ", got " + a.status();
            }
            try {
                String actual = a.errorCode();
                return code.equals(actual) ? null : "expected error " + code + ", got " + actual;
            } catch (AssertionError notAnEnvelope) {
                return "not an ErrorResponse";
            }
        };
    }

    private static Check has(String element) {
        return (a, own) -> a.body().contains("<" + element + ">") ? null : "no <" + element + ">";
    }

    private static Check lacks(String element) {
        return (a, own) -> a.body().contains("<" + element + ">") ? "an answer with <" + element + ">" : null;
    }

    private static Check count(int expected) {
        Pattern p = Pattern.compile("<Count>(\\d+)</Count>");
        return (a, own) -> {
            Matcher m = p.matcher(a.body());
            return m.find() && Integer.parseInt(m.group(1)) == expected ? null : "expected <Count>" + expected + "</Count>";
        };
    }

    private static Check hasAll(Function<Data, List<String>> values) {
        return (a, own) -> {
            List<String> missing = new ArrayList<>();
            for (String v : values.apply(own)) {
                if (!words(a.body()).containsKey(v)) {
                    missing.add(v);
                }
            }
            return missing.isEmpty() ? null : "the seller's own " + missing + " missing";
        };
    }

    private static Check hasAny(Function<Data, List<String>> values) {
        return (a, own) -> {
            Map<String, Boolean> words = words(a.body());
            return values.apply(own).stream().anyMatch(words::containsKey) ? null
                    : "none of the seller's own " + values.apply(own);
        };
    }

    /** The whole words of an answer: ids, SKUs and Seller IDs are compared with these, never as substrings. */
    static Map<String, Boolean> words(String body) {
        Map<String, Boolean> words = new HashMap<>();
        int start = -1;
        for (int i = 0; i <= body.length(); i++) {
            boolean part = i < body.length() && isWordChar(body.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                words.put(body.substring(start, i), Boolean.TRUE);
                start = -1;
            }
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '=';
    }
}
