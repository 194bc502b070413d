package io.openmws.server.fuzz;

import io.openmws.protocol.ApiSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations the hostile-input run knows, with the parameters MWS documents for each: the fuzz
 * starts from a plausible call and breaks it. {@code HostileInputTest} compares this table with the
 * gateway's own registry and fails when an operation is served that has no entry here, so an
 * operation added later cannot escape the fuzz.
 *
 * <p>Only the JDK and the protocol module are used in this package (besides the tests themselves):
 * {@code bench/fuzz/run.sh} compiles it alone and runs it against the packaged jar.
 */
final class FuzzOperations {

    /** What a parameter holds; each kind has its own valid values and its own ways to be wrong. */
    enum Kind { DATE, INT, BOOL, ID, ORDER_ID, FEED_ID, REPORT_REQUEST_ID, REPORT_ID, GROUP_ID, TOKEN, MARKETPLACE,
        FEED_TYPE, REPORT_TYPE, FEED_STATUS, REPORT_STATUS, ORDER_STATUS, CHANNEL, PAYMENT, SCHEDULE, EMAIL, TEXT }

    /** One parameter; a {@code list} one is N-indexed ({@code name.1}, {@code name.2}, ...). */
    record Param(String name, Kind kind, boolean required, boolean list) {}

    /** One operation: where it is served, and its parameters. */
    record Op(ApiSection section, String action, List<Param> params) {
        String key() {
            return section.sectionName() + "/" + action;
        }

        /** The parameter that names the seller: Feeds and Reports still use their older {@code Merchant}. */
        String sellerParameter() {
            return section == ApiSection.FEEDS || section == ApiSection.REPORTS ? "Merchant" : "SellerId";
        }
    }

    private static final Map<String, Op> ALL = new LinkedHashMap<>();

    static {
        ApiSection s = ApiSection.SELLERS;
        op(s, "ListMarketplaceParticipations");
        op(s, "ListMarketplaceParticipationsByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "GetAuthToken");

        s = ApiSection.FEEDS;
        op(s, "SubmitFeed", req("FeedType", Kind.FEED_TYPE), list("MarketplaceIdList.Id", Kind.MARKETPLACE),
                opt("PurgeAndReplace", Kind.BOOL));
        op(s, "GetFeedSubmissionList", list("FeedSubmissionIdList.Id", Kind.FEED_ID), opt("MaxCount", Kind.INT),
                list("FeedTypeList.Type", Kind.FEED_TYPE), list("FeedProcessingStatusList.Status", Kind.FEED_STATUS),
                opt("SubmittedFromDate", Kind.DATE), opt("SubmittedToDate", Kind.DATE));
        op(s, "GetFeedSubmissionListByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "GetFeedSubmissionCount", list("FeedTypeList.Type", Kind.FEED_TYPE),
                list("FeedProcessingStatusList.Status", Kind.FEED_STATUS), opt("SubmittedFromDate", Kind.DATE),
                opt("SubmittedToDate", Kind.DATE));
        op(s, "CancelFeedSubmissions", list("FeedSubmissionIdList.Id", Kind.FEED_ID),
                list("FeedTypeList.Type", Kind.FEED_TYPE), opt("SubmittedFromDate", Kind.DATE),
                opt("SubmittedToDate", Kind.DATE));
        op(s, "GetFeedSubmissionResult", req("FeedSubmissionId", Kind.FEED_ID));

        s = ApiSection.REPORTS;
        op(s, "RequestReport", req("ReportType", Kind.REPORT_TYPE), opt("StartDate", Kind.DATE),
                opt("EndDate", Kind.DATE), opt("ReportOptions", Kind.TEXT), list("MarketplaceIdList.Id", Kind.MARKETPLACE));
        op(s, "GetReportRequestList", list("ReportRequestIdList.Id", Kind.REPORT_REQUEST_ID),
                list("ReportTypeList.Type", Kind.REPORT_TYPE), list("ReportProcessingStatusList.Status", Kind.REPORT_STATUS),
                opt("MaxCount", Kind.INT), opt("RequestedFromDate", Kind.DATE), opt("RequestedToDate", Kind.DATE));
        op(s, "GetReportRequestListByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "GetReportRequestCount", list("ReportTypeList.Type", Kind.REPORT_TYPE),
                list("ReportProcessingStatusList.Status", Kind.REPORT_STATUS), opt("RequestedFromDate", Kind.DATE),
                opt("RequestedToDate", Kind.DATE));
        op(s, "CancelReportRequests", list("ReportRequestIdList.Id", Kind.REPORT_REQUEST_ID),
                list("ReportTypeList.Type", Kind.REPORT_TYPE), list("ReportProcessingStatusList.Status", Kind.REPORT_STATUS),
                opt("RequestedFromDate", Kind.DATE), opt("RequestedToDate", Kind.DATE));
        op(s, "GetReportList", opt("MaxCount", Kind.INT), list("ReportTypeList.Type", Kind.REPORT_TYPE),
                opt("Acknowledged", Kind.BOOL), list("ReportRequestIdList.Id", Kind.REPORT_REQUEST_ID),
                opt("AvailableFromDate", Kind.DATE), opt("AvailableToDate", Kind.DATE));
        op(s, "GetReportListByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "GetReportCount", list("ReportTypeList.Type", Kind.REPORT_TYPE), opt("Acknowledged", Kind.BOOL),
                opt("AvailableFromDate", Kind.DATE), opt("AvailableToDate", Kind.DATE));
        op(s, "GetReport", req("ReportId", Kind.REPORT_ID));
        op(s, "ManageReportSchedule", req("ReportType", Kind.REPORT_TYPE), req("Schedule", Kind.SCHEDULE),
                opt("ScheduleDate", Kind.DATE));
        op(s, "GetReportScheduleList", list("ReportTypeList.Type", Kind.REPORT_TYPE));
        op(s, "GetReportScheduleListByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "GetReportScheduleCount", list("ReportTypeList.Type", Kind.REPORT_TYPE));
        op(s, "UpdateReportAcknowledgements", list("ReportIdList.Id", Kind.REPORT_ID), opt("Acknowledged", Kind.BOOL));

        s = ApiSection.ORDERS;
        op(s, "ListOrders", opt("CreatedAfter", Kind.DATE), opt("CreatedBefore", Kind.DATE),
                opt("LastUpdatedAfter", Kind.DATE), opt("LastUpdatedBefore", Kind.DATE),
                list("OrderStatus.Status", Kind.ORDER_STATUS), list("MarketplaceId.Id", Kind.MARKETPLACE),
                list("FulfillmentChannel.Channel", Kind.CHANNEL), list("PaymentMethod.Method", Kind.PAYMENT),
                opt("BuyerEmail", Kind.EMAIL), opt("SellerOrderId", Kind.TEXT), opt("MaxResultsPerPage", Kind.INT),
                list("TFMShipmentStatus.Status", Kind.TEXT), list("EasyShipShipmentStatus.Status", Kind.TEXT));
        op(s, "ListOrdersByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "GetOrder", list("AmazonOrderId.Id", Kind.ORDER_ID));
        op(s, "ListOrderItems", req("AmazonOrderId", Kind.ORDER_ID));
        op(s, "ListOrderItemsByNextToken", req("NextToken", Kind.TOKEN));

        s = ApiSection.FINANCES;
        op(s, "ListFinancialEventGroups", opt("MaxResultsPerPage", Kind.INT),
                req("FinancialEventGroupStartedAfter", Kind.DATE), opt("FinancialEventGroupStartedBefore", Kind.DATE));
        op(s, "ListFinancialEventGroupsByNextToken", req("NextToken", Kind.TOKEN));
        op(s, "ListFinancialEvents", opt("MaxResultsPerPage", Kind.INT), opt("AmazonOrderId", Kind.ORDER_ID),
                opt("FinancialEventGroupId", Kind.GROUP_ID), opt("PostedAfter", Kind.DATE), opt("PostedBefore", Kind.DATE));
        op(s, "ListFinancialEventsByNextToken", req("NextToken", Kind.TOKEN));

        for (ApiSection section : ApiSection.values()) {
            op(section, "GetServiceStatus");
        }
    }

    private FuzzOperations() {}

    /** Every operation, by key ({@code Section/Action}). */
    static Map<String, Op> all() {
        return ALL;
    }

    /** The operations as a list, in a fixed order (the generator picks by index). */
    static List<Op> list() {
        return new ArrayList<>(ALL.values());
    }

    private static void op(ApiSection section, String action, Param... params) {
        Op op = new Op(section, action, List.of(params));
        if (ALL.put(op.key(), op) != null) {
            throw new IllegalStateException("Two entries for " + op.key());
        }
    }

    private static Param req(String name, Kind kind) {
        return new Param(name, kind, true, false);
    }

    private static Param opt(String name, Kind kind) {
        return new Param(name, kind, false, false);
    }

    private static Param list(String name, Kind kind) {
        return new Param(name, kind, false, true);
    }
}
