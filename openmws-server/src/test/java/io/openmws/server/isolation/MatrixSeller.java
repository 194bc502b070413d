package io.openmws.server.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One seller of the isolation matrix and the data it holds, filled in as the scene is built: its
 * listings' SKUs, its orders and their items, its feeds, report requests, reports and financial
 * event groups. Every value here belongs to this seller alone, so any of them in an answer given for
 * another seller is a leak.
 */
final class MatrixSeller {

    final int index;
    final String sellerId;
    final long accountId;
    final List<String> skus = new ArrayList<>();
    /** Each order's id with its item ids, in the order placed. */
    final Map<String, List<String>> orders = new LinkedHashMap<>();
    final List<String> feedIds = new ArrayList<>();
    final List<String> reportRequestIds = new ArrayList<>();
    /** The reports of {@link #reportRequestIds} first, then any other (the settlement report). */
    final List<String> reportIds = new ArrayList<>();
    final List<String> groupIds = new ArrayList<>();

    MatrixSeller(int index, String sellerId, long accountId) {
        this.index = index;
        this.sellerId = sellerId;
        this.accountId = accountId;
    }

    String firstOrder() {
        return orders.keySet().iterator().next();
    }

    List<String> orderItems() {
        return orders.values().stream().flatMap(List::stream).toList();
    }

    /** Every value that names this seller or its data (whole words of an answer are compared with these). */
    Set<String> fingerprints() {
        Set<String> all = new LinkedHashSet<>();
        all.add(sellerId);
        all.addAll(skus);
        all.addAll(orders.keySet());
        all.addAll(orderItems());
        all.addAll(feedIds);
        all.addAll(reportRequestIds);
        all.addAll(reportIds);
        all.addAll(groupIds);
        return all;
    }

    @Override
    public String toString() {
        return "seller " + index + " (" + sellerId + ")";
    }
}
