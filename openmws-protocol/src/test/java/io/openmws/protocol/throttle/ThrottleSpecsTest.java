package io.openmws.protocol.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.protocol.ApiSection;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ThrottleSpecsTest {

    /**
     * The rows of docs/protocol.md §6 (the table of throttle numbers), one per
     * operation: burst, restore period in seconds, hourly quota (empty = none), bucket group.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SELLERS  | ListMarketplaceParticipations            | 15 | 60  | -    | ListMarketplaceParticipations
            SELLERS  | ListMarketplaceParticipationsByNextToken | 15 | 60  | -    | ListMarketplaceParticipations
            SELLERS  | GetServiceStatus                         | 2  | 300 | -    | GetServiceStatus
            ORDERS   | ListOrders                               | 6  | 60  | -    | ListOrders
            ORDERS   | ListOrdersByNextToken                    | 6  | 60  | -    | ListOrders
            ORDERS   | GetOrder                                 | 6  | 60  | -    | GetOrder
            ORDERS   | ListOrderItems                           | 30 | 2   | -    | ListOrderItems
            ORDERS   | ListOrderItemsByNextToken                | 30 | 2   | -    | ListOrderItems
            ORDERS   | GetServiceStatus                         | 2  | 300 | -    | GetServiceStatus
            FEEDS    | SubmitFeed                               | 15 | 120 | 30   | SubmitFeed
            FEEDS    | GetFeedSubmissionList                    | 10 | 45  | 80   | GetFeedSubmissionList
            FEEDS    | GetFeedSubmissionCount                   | 10 | 45  | 80   | GetFeedSubmissionCount
            FEEDS    | CancelFeedSubmissions                    | 10 | 45  | 80   | CancelFeedSubmissions
            FEEDS    | GetFeedSubmissionResult                  | 15 | 60  | 60   | GetFeedSubmissionResult
            FEEDS    | GetFeedSubmissionListByNextToken         | 30 | 2   | 1800 | GetFeedSubmissionListByNextToken
            FEEDS    | GetServiceStatus                         | 2  | 300 | -    | GetServiceStatus
            REPORTS  | RequestReport                            | 15 | 60  | 60   | RequestReport
            REPORTS  | GetReport                                | 15 | 60  | 60   | GetReport
            REPORTS  | GetReportList                            | 10 | 60  | 60   | GetReportList
            REPORTS  | GetReportRequestList                     | 10 | 45  | 80   | GetReportRequestList
            REPORTS  | GetReportRequestCount                    | 10 | 45  | 80   | GetReportRequestCount
            REPORTS  | CancelReportRequests                     | 10 | 45  | 80   | CancelReportRequests
            REPORTS  | GetReportCount                           | 10 | 45  | 80   | GetReportCount
            REPORTS  | ManageReportSchedule                     | 10 | 45  | 80   | ManageReportSchedule
            REPORTS  | GetReportScheduleList                    | 10 | 45  | 80   | GetReportScheduleList
            REPORTS  | GetReportScheduleCount                   | 10 | 45  | 80   | GetReportScheduleCount
            REPORTS  | UpdateReportAcknowledgements             | 10 | 45  | 80   | UpdateReportAcknowledgements
            REPORTS  | GetReportRequestListByNextToken          | 30 | 2   | 1800 | GetReportRequestListByNextToken
            REPORTS  | GetReportListByNextToken                 | 30 | 2   | 1800 | GetReportListByNextToken
            REPORTS  | GetServiceStatus                         | 2  | 300 | -    | GetServiceStatus
            FINANCES | ListFinancialEvents                      | 30 | 2   | 1800 | ListFinancialEvents
            FINANCES | ListFinancialEventsByNextToken           | 30 | 2   | 1800 | ListFinancialEvents
            FINANCES | ListFinancialEventGroups                 | 30 | 2   | 1800 | ListFinancialEventGroups
            FINANCES | ListFinancialEventGroupsByNextToken      | 30 | 2   | 1800 | ListFinancialEventGroups
            FINANCES | GetServiceStatus                         | 2  | 300 | -    | GetServiceStatus
            PRODUCTS | GetServiceStatus                         | 2  | 300 | -    | GetServiceStatus
            """)
    void everySpecRowIsInTheTable(ApiSection section, String action, int burst, long restoreSeconds,
            Integer hourly, String group) {
        OperationThrottle row = ThrottleSpecs.operation(section, action).orElseThrow();

        assertThat(row.spec().maxQuota()).isEqualTo(burst);
        assertThat(row.spec().restorePeriod()).isEqualTo(Duration.ofSeconds(restoreSeconds));
        assertThat(row.spec().hourlyQuota()).isEqualTo(hourly == null ? OptionalInt.empty() : OptionalInt.of(hourly));
        assertThat(row.group()).isEqualTo(new ThrottleGroup(section, group));
        assertThat(ThrottleSpecs.forOperation(section, action)).contains(row.spec());
        assertThat(ThrottleSpecs.groupOf(section, action)).contains(row.group());
    }

    @Test
    void tableHasExactlyTheSpecRows() {
        assertThat(ThrottleSpecs.all()).hasSize(36);
        assertThat(ThrottleSpecs.all()).extracting(r -> r.section() + "/" + r.action()).doesNotHaveDuplicates();
    }

    @Test
    void byNextTokenSharesTheParentBucketInSellersOrdersAndFinances() {
        assertSameBucket(ApiSection.SELLERS, "ListMarketplaceParticipations", "ListMarketplaceParticipationsByNextToken");
        assertSameBucket(ApiSection.ORDERS, "ListOrders", "ListOrdersByNextToken");
        assertSameBucket(ApiSection.ORDERS, "ListOrderItems", "ListOrderItemsByNextToken");
        assertSameBucket(ApiSection.FINANCES, "ListFinancialEvents", "ListFinancialEventsByNextToken");
        assertSameBucket(ApiSection.FINANCES, "ListFinancialEventGroups", "ListFinancialEventGroupsByNextToken");
        assertThat(ThrottleSpecs.operation(ApiSection.ORDERS, "ListOrdersByNextToken").orElseThrow().sharesBucket())
                .isTrue();
        assertThat(ThrottleSpecs.operation(ApiSection.ORDERS, "ListOrders").orElseThrow().sharesBucket()).isFalse();
    }

    @Test
    void feedsAndReportsByNextTokenHaveTheirOwnBiggerBucket() {
        assertOwnBiggerBucket(ApiSection.FEEDS, "GetFeedSubmissionList", "GetFeedSubmissionListByNextToken");
        assertOwnBiggerBucket(ApiSection.REPORTS, "GetReportRequestList", "GetReportRequestListByNextToken");
        assertOwnBiggerBucket(ApiSection.REPORTS, "GetReportList", "GetReportListByNextToken");
    }

    @Test
    void operationsWithEqualLimitsStillHaveSeparateBuckets() {
        assertThat(ThrottleSpecs.groupOf(ApiSection.ORDERS, "GetOrder"))
                .isNotEqualTo(ThrottleSpecs.groupOf(ApiSection.ORDERS, "ListOrders"));
        assertThat(ThrottleSpecs.groupOf(ApiSection.FEEDS, "GetServiceStatus"))
                .isNotEqualTo(ThrottleSpecs.groupOf(ApiSection.REPORTS, "GetServiceStatus"));
    }

    @ParameterizedTest
    @EnumSource(ApiSection.class)
    void everySectionHasGetServiceStatus(ApiSection section) {
        assertThat(ThrottleSpecs.forOperation(section, "GetServiceStatus"))
                .contains(ThrottleSpec.of(2, Duration.ofMinutes(5)));
    }

    @Test
    void uncoveredOperationsAreEmpty() {
        assertThat(ThrottleSpecs.forOperation(ApiSection.REPORTS, "GetReportScheduleListByNextToken")).isEmpty();
        assertThat(ThrottleSpecs.forOperation(ApiSection.PRODUCTS, "GetMatchingProductForId")).isEmpty();
        assertThat(ThrottleSpecs.forOperation(ApiSection.ORDERS, "SubmitFeed")).isEmpty();
        assertThat(ThrottleSpecs.forOperation(ApiSection.ORDERS, "listorders")).isEmpty();
        assertThat(ThrottleSpecs.forOperation(ApiSection.ORDERS, null)).isEmpty();
        assertThat(ThrottleSpecs.groupOf(ApiSection.SELLERS, "Nope")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} sends quota headers: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            FEEDS    | SubmitFeed                       | true
            FEEDS    | GetFeedSubmissionList            | true
            FEEDS    | GetFeedSubmissionListByNextToken | true
            FEEDS    | GetFeedSubmissionResult          | true
            REPORTS  | GetReport                        | true
            REPORTS  | RequestReport                    | true
            REPORTS  | GetReportList                    | true
            REPORTS  | GetReportListByNextToken         | true
            FEEDS    | GetServiceStatus                 | false
            REPORTS  | GetServiceStatus                 | false
            ORDERS   | ListOrders                       | false
            ORDERS   | ListOrderItemsByNextToken        | false
            SELLERS  | ListMarketplaceParticipations    | false
            FINANCES | ListFinancialEvents              | false
            FINANCES | ListFinancialEventGroups         | false
            FINANCES | ListFinancialEventsByNextToken   | false
            PRODUCTS | GetMatchingProductForId          | false
            ORDERS   | NoSuchAction                     | false
            """)
    void quotaHeadersAreSentOnlyForHourlyQuotasOutsideFinances(ApiSection section, String action, boolean sent) {
        assertThat(ThrottleSpecs.sendsQuotaHeaders(section, action)).isEqualTo(sent);
    }

    @Test
    void quotaExceededMessageMatchesRealMwsExactly() {
        ThrottleSpec spec = ThrottleSpecs.forOperation(ApiSection.FEEDS, "GetFeedSubmissionList").orElseThrow();

        String message = ThrottleSpecs.quotaExceededMessage(
                spec, ApiSection.FEEDS, "GetFeedSubmissionList", Instant.parse("2014-12-18T07:39:00Z"));

        assertThat(message).isEqualTo("You exceeded your quota of 80.0 requests per 1 hour for operation "
                + "Feeds/2009-01-01/GetFeedSubmissionList.  Your quota will reset on Thu Dec 18 07:39:00 UTC 2014");
    }

    @Test
    void quotaExceededMessagePadsTheDayAndDropsSubSeconds() {
        ThrottleSpec spec = ThrottleSpecs.forOperation(ApiSection.REPORTS, "GetReportListByNextToken").orElseThrow();

        String message = ThrottleSpecs.quotaExceededMessage(
                spec, ApiSection.REPORTS, "GetReportListByNextToken", Instant.parse("2020-05-08T11:12:00.398Z"));

        assertThat(message).isEqualTo("You exceeded your quota of 1800.0 requests per 1 hour for operation "
                + "Reports/2009-01-01/GetReportListByNextToken.  Your quota will reset on Fri May 08 11:12:00 UTC 2020");
    }

    @Test
    void quotaExceededMessageNeedsAnHourlyQuota() {
        ThrottleSpec spec = ThrottleSpecs.forOperation(ApiSection.ORDERS, "ListOrders").orElseThrow();

        assertThatThrownBy(() -> ThrottleSpecs.quotaExceededMessage(spec, ApiSection.ORDERS, "ListOrders", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no hourly quota");
    }

    @ParameterizedTest
    @CsvSource({"0, 0.0", "30, 30.0", "80, 80.0", "1800, 1800.0", "36000, 36000.0", "10000000, 10000000.0"})
    void quotaCountsAreWrittenWithOneDecimal(long count, String expected) {
        assertThat(QuotaHeaders.formatCount(count)).isEqualTo(expected);
    }

    @Test
    void negativeQuotaCountIsRejected() {
        assertThatThrownBy(() -> QuotaHeaders.formatCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specRejectsNonsense() {
        assertThatThrownBy(() -> ThrottleSpec.of(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThrottleSpec.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThrottleSpec.of(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThrottleSpec.of(1, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operationRowMustBeInItsGroupsSection() {
        ThrottleGroup ordersGroup = new ThrottleGroup(ApiSection.ORDERS, "ListOrders");

        assertThatThrownBy(() -> new OperationThrottle(
                ApiSection.SELLERS, "ListOrders", ordersGroup, ThrottleSpec.of(1, Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupRendersAsSectionSlashName() {
        assertThat(new ThrottleGroup(ApiSection.ORDERS, "ListOrders")).hasToString("Orders/ListOrders");
    }

    private static void assertSameBucket(ApiSection section, String parent, String byNextToken) {
        OperationThrottle p = ThrottleSpecs.operation(section, parent).orElseThrow();
        OperationThrottle n = ThrottleSpecs.operation(section, byNextToken).orElseThrow();
        assertThat(n.group()).as(byNextToken).isEqualTo(p.group());
        assertThat(n.spec()).as(byNextToken).isEqualTo(p.spec());
    }

    private static void assertOwnBiggerBucket(ApiSection section, String parent, String byNextToken) {
        OperationThrottle p = ThrottleSpecs.operation(section, parent).orElseThrow();
        OperationThrottle n = ThrottleSpecs.operation(section, byNextToken).orElseThrow();
        assertThat(n.group()).as(byNextToken).isNotEqualTo(p.group());
        assertThat(n.sharesBucket()).as(byNextToken).isFalse();
        assertThat(n.spec().maxQuota()).isGreaterThan(p.spec().maxQuota());
        assertThat(n.spec().hourlyQuota().orElseThrow()).isGreaterThan(p.spec().hourlyQuota().orElseThrow());
    }
}
