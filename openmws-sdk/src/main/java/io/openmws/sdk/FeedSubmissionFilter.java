package io.openmws.sdk;

import io.openmws.protocol.Text;
import io.openmws.protocol.ids.FeedSubmissionId;
import io.openmws.protocol.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which feed submissions a list, count or cancel call is about: ids, feed types, statuses, a submission
 * date range and, for lists, the page size. Every part is optional; an empty filter matches every
 * submission of the last 90 days.
 *
 * <pre>{@code
 * FeedSubmissionFilter.builder().feedTypes("_POST_PRODUCT_DATA_").statuses(FeedProcessingStatus.DONE)
 *         .submittedFrom(Instant.parse("2026-11-01T00:00:00Z")).maxCount(50).build();
 * FeedSubmissionFilter.ids("51793018437");
 * }</pre>
 *
 * <p>Not every operation takes every part (spec §1.3): {@code GetFeedSubmissionCount} takes no ids and no
 * page size, {@code CancelFeedSubmissions} no statuses and no page size; {@link FeedsApi} refuses a filter
 * with a part the operation does not take rather than drop it. Immutable.
 */
public final class FeedSubmissionFilter {

    /** The largest page MWS serves. */
    public static final int MAX_COUNT = 100;

    static final Pattern FEED_TYPE = Pattern.compile("_[A-Z0-9_]+_");

    private static final FeedSubmissionFilter ALL = builder().build();

    private final List<String> ids;
    private final List<String> feedTypes;
    private final List<FeedProcessingStatus> statuses;
    private final Instant submittedFrom;
    private final Instant submittedTo;
    private final Integer maxCount;

    private FeedSubmissionFilter(Builder b) {
        this.ids = List.copyOf(b.ids);
        this.feedTypes = List.copyOf(b.feedTypes);
        this.statuses = List.copyOf(b.statuses);
        this.submittedFrom = b.submittedFrom;
        this.submittedTo = b.submittedTo;
        this.maxCount = b.maxCount;
    }

    /** No filter: every submission (for a cancel: every cancellable one). */
    public static FeedSubmissionFilter all() {
        return ALL;
    }

    /** The submissions with these ids. */
    public static FeedSubmissionFilter ids(String... feedSubmissionIds) {
        return builder().ids(feedSubmissionIds).build();
    }

    /** A builder of an empty filter. */
    public static Builder builder() {
        return new Builder();
    }

    /** The FeedSubmissionIds; empty for any. */
    public List<String> ids() {
        return ids;
    }

    /** The feed types; empty for any. */
    public List<String> feedTypes() {
        return feedTypes;
    }

    /** The statuses; empty for any. */
    public List<FeedProcessingStatus> statuses() {
        return statuses;
    }

    /** The earliest submission date, inclusive. */
    public Optional<Instant> submittedFrom() {
        return Optional.ofNullable(submittedFrom);
    }

    /** The latest submission date. */
    public Optional<Instant> submittedTo() {
        return Optional.ofNullable(submittedTo);
    }

    /** The page size of a list, 1 to 100; empty for the endpoint's default (10). */
    public OptionalInt maxCount() {
        return maxCount == null ? OptionalInt.empty() : OptionalInt.of(maxCount);
    }

    /** The operations and which parts of a filter each takes. */
    enum Operation {
        LIST("GetFeedSubmissionList", true, true, true),
        COUNT("GetFeedSubmissionCount", false, true, false),
        CANCEL("CancelFeedSubmissions", true, false, false);

        final String action;
        final boolean ids;
        final boolean statuses;
        final boolean maxCount;

        Operation(String action, boolean ids, boolean statuses, boolean maxCount) {
            this.action = action;
            this.ids = ids;
            this.statuses = statuses;
            this.maxCount = maxCount;
        }
    }

    /**
     * The request parameters of this filter for an operation.
     *
     * @throws IllegalArgumentException when the filter has a part the operation does not take
     */
    Map<String, String> parameters(Operation operation) {
        if (!operation.ids && !ids.isEmpty()) {
            throw new IllegalArgumentException(operation.action + " takes no FeedSubmissionIds; count them with list(...)"
                    + " or leave ids out of the filter");
        }
        if (!operation.statuses && !statuses.isEmpty()) {
            throw new IllegalArgumentException(operation.action + " takes no statuses: only _SUBMITTED_ submissions"
                    + " can be cancelled; leave statuses out of the filter");
        }
        if (!operation.maxCount && maxCount != null) {
            throw new IllegalArgumentException(operation.action + " takes no MaxCount; leave maxCount out of the filter");
        }
        Map<String, String> p = new LinkedHashMap<>();
        list(p, "FeedSubmissionIdList.Id.", ids);
        list(p, "FeedTypeList.Type.", feedTypes);
        list(p, "FeedProcessingStatusList.Status.", statuses.stream().map(FeedProcessingStatus::wireValue).toList());
        if (submittedFrom != null) {
            p.put("SubmittedFromDate", Timestamps.format(submittedFrom));
        }
        if (submittedTo != null) {
            p.put("SubmittedToDate", Timestamps.format(submittedTo));
        }
        if (maxCount != null) {
            p.put("MaxCount", Integer.toString(maxCount));
        }
        return p;
    }

    private static void list(Map<String, String> p, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.put(prefix + (i + 1), values.get(i));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedSubmissionFilter f && ids.equals(f.ids) && feedTypes.equals(f.feedTypes)
                && statuses.equals(f.statuses) && Objects.equals(submittedFrom, f.submittedFrom)
                && Objects.equals(submittedTo, f.submittedTo) && Objects.equals(maxCount, f.maxCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, feedTypes, statuses, submittedFrom, submittedTo, maxCount);
    }

    @Override
    public String toString() {
        return "FeedSubmissionFilter[ids=" + ids + ", feedTypes=" + feedTypes + ", statuses=" + statuses
                + ", submittedFrom=" + submittedFrom + ", submittedTo=" + submittedTo + ", maxCount=" + maxCount + "]";
    }

    /** Collects the parts of a filter; each method replaces what it sets. Not thread-safe. */
    public static final class Builder {
        private List<String> ids = List.of();
        private List<String> feedTypes = List.of();
        private List<FeedProcessingStatus> statuses = List.of();
        private Instant submittedFrom;
        private Instant submittedTo;
        private Integer maxCount;

        private Builder() {
        }

        /** The FeedSubmissionIds (decimal numbers as SubmitFeed returned them). */
        public Builder ids(String... feedSubmissionIds) {
            return ids(List.of(feedSubmissionIds));
        }

        /** The FeedSubmissionIds (decimal numbers as SubmitFeed returned them). */
        public Builder ids(Collection<String> feedSubmissionIds) {
            List<String> checked = new ArrayList<>();
            for (String id : feedSubmissionIds) {
                checked.add(checkId(id));
            }
            this.ids = checked;
            return this;
        }

        /** The feed types, e.g. {@code _POST_PRODUCT_DATA_}. */
        public Builder feedTypes(String... feedTypes) {
            return feedTypes(List.of(feedTypes));
        }

        /** The feed types, e.g. {@code _POST_PRODUCT_DATA_}. */
        public Builder feedTypes(Collection<String> feedTypes) {
            List<String> checked = new ArrayList<>();
            for (String type : feedTypes) {
                checked.add(checkFeedType(type));
            }
            this.feedTypes = checked;
            return this;
        }

        /** The statuses. */
        public Builder statuses(FeedProcessingStatus... statuses) {
            return statuses(List.of(statuses));
        }

        /** The statuses. */
        public Builder statuses(Collection<FeedProcessingStatus> statuses) {
            this.statuses = List.copyOf(statuses);
            return this;
        }

        /** Submissions received at or after this instant. */
        public Builder submittedFrom(Instant from) {
            this.submittedFrom = Objects.requireNonNull(from, "from");
            return this;
        }

        /** Submissions received before this instant. */
        public Builder submittedTo(Instant to) {
            this.submittedTo = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * The page size of a list.
         *
         * @param maxCount 1 to 100
         * @return this builder
         */
        public Builder maxCount(int maxCount) {
            if (maxCount < 1 || maxCount > MAX_COUNT) {
                throw new IllegalArgumentException("maxCount is 1 to " + MAX_COUNT + ", the page sizes MWS serves; got "
                        + maxCount);
            }
            this.maxCount = maxCount;
            return this;
        }

        /**
         * The filter.
         *
         * @throws IllegalArgumentException when {@code submittedFrom} is after {@code submittedTo}
         */
        public FeedSubmissionFilter build() {
            if (submittedFrom != null && submittedTo != null && submittedFrom.isAfter(submittedTo)) {
                throw new IllegalArgumentException("submittedFrom " + submittedFrom + " is after submittedTo " + submittedTo);
            }
            return new FeedSubmissionFilter(this);
        }
    }

    static String checkId(String id) {
        if (!FeedSubmissionId.isValid(id)) {
            throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(id), 30) + "' is not a FeedSubmissionId:"
                    + " expected the decimal number SubmitFeed returned, e.g. 51793018437");
        }
        return id;
    }

    static String checkFeedType(String type) {
        if (type == null || !FEED_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("'" + Text.abbreviate(String.valueOf(type), 60) + "' is not a feed type:"
                    + " expected e.g. _POST_PRODUCT_DATA_ or _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_");
        }
        return type;
    }
}
