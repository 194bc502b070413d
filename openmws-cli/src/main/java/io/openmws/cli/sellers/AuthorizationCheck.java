package io.openmws.cli.sellers;

import io.openmws.sdk.MarketplaceParticipation;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.store.SellerCredentialStore;
import io.openmws.sdk.store.SellerStatus;
import io.openmws.sdk.store.StoredSeller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The live check of stored sellers' authorizations, shared by {@code sellers check} and {@code doctor}: one
 * {@code ListMarketplaceParticipations} per seller, a few sellers at a time (the SDK paces each seller's calls
 * within its quota), and the store brought in line with the answers: a refused seller is marked for
 * re-authorization (the client's listener does it; checked here), a marked one that works again is active again.
 */
public final class AuthorizationCheck {

    /** How many sellers are called at once: enough to overlap round trips, few enough to be a polite client. */
    public static final int CONCURRENCY = 4;

    /** What the endpoint said of one seller. */
    public enum Outcome {
        /** The call worked. */
        OK,
        /** {@code AccessDenied}: the token was revoked, expired or is wrong. */
        ACCESS_DENIED,
        /** Any other failure: no answer, throttled, a service error. */
        FAILED;

        /** As the table shows it: {@code OK}, {@code ACCESS DENIED}, {@code FAILED}. */
        public String label() {
            return name().replace('_', ' ');
        }
    }

    /**
     * One seller's result.
     *
     * @param seller the seller as stored before the check
     * @param outcome what the endpoint said
     * @param liveMarketplaces the marketplaces the seller participates in (empty unless OK)
     * @param detail for people: the MWS error, or what changed in the store; never a token
     */
    public record Result(StoredSeller seller, Outcome outcome, List<String> liveMarketplaces, String detail) {
    }

    private final MwsClient client;
    private final SellerCredentialStore store;

    /**
     * A check.
     *
     * @param client a client whose listener marks refused sellers in {@code store}
     * @param store the store the sellers come from
     */
    public AuthorizationCheck(MwsClient client, SellerCredentialStore store) {
        this.client = client;
        this.store = store;
    }

    /**
     * Checks the sellers, {@link #CONCURRENCY} at a time.
     *
     * @param sellers the sellers to check
     * @return one result per seller, in the order given
     */
    public List<Result> run(List<StoredSeller> sellers) {
        if (sellers.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENCY, sellers.size()), r -> {
            Thread t = new Thread(r, "openmws-sellers-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (StoredSeller s : sellers) {
                futures.add(pool.submit(() -> check(s)));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), sellers.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result check(StoredSeller seller) {
        List<String> live;
        try {
            live = client.sellers().marketplaceParticipations(seller.access())
                    .map(MarketplaceParticipation::marketplaceId).distinct().toList();
        } catch (MwsException e) {
            String detail = e.code() + ": " + e.endpointMessage() + e.requestId().map(r -> " [RequestId " + r + "]").orElse("");
            if (e.kind() == MwsException.Kind.ACCESS_DENIED) {
                return new Result(seller, Outcome.ACCESS_DENIED, List.of(), detail + "; " + ensureMarked(seller, detail));
            }
            return new Result(seller, Outcome.FAILED, List.of(), detail);
        }
        List<String> notThere = seller.marketplaceIds().stream().filter(m -> !live.contains(m)).toList();
        String detail = notThere.isEmpty() ? "" : "no longer sells in " + String.join(" ", notThere);
        if (seller.status() == SellerStatus.NEEDS_REAUTHORIZATION) {
            store.update(seller.toBuilder().status(SellerStatus.ACTIVE).statusReason(null).build());
            detail = (detail.isEmpty() ? "" : detail + "; ") + "authorized again: marked active";
        }
        return new Result(seller, Outcome.OK, live, detail);
    }

    /** The client's listener marks a refused seller; should it not have (another listener setup), mark it here. */
    private String ensureMarked(StoredSeller seller, String detail) {
        boolean marked = store.get(seller.sellerId()).map(s -> s.status() == SellerStatus.NEEDS_REAUTHORIZATION)
                .orElse(false);
        if (!marked) {
            store.markNeedsReauthorization(seller.sellerId(), "AccessDenied on Sellers/ListMarketplaceParticipations: "
                    + detail);
        }
        return "marked for re-authorization";
    }

    private static Result await(Future<Result> future, StoredSeller seller) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Result(seller, Outcome.FAILED, List.of(), String.valueOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(seller, Outcome.FAILED, List.of(), "interrupted");
        }
    }
}
