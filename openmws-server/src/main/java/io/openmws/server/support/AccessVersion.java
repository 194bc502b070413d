package io.openmws.server.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of who may call and for which seller, shared by every node through the
 * {@code access_version} row: what lets a node keep access keys, grants, seller accounts and throttling
 * switches between calls and still refuse a revoked token, a deactivated key or a suspended developer,
 * and answer a seller's new marketplaces, at the very next call on every node.
 *
 * <p>Two rules make that hold:
 * <ul>
 *   <li>Every change to who may call {@linkplain #moved() moves} the version, in the transaction that
 *       makes the change (just before it commits), or right after the change when there is no
 *       transaction: in both cases before the change's own request is answered.</li>
 *   <li>A node remembers a value together with the version it read <em>before</em> reading the value,
 *       and uses it only while {@link #current()} is no newer. A request reads the version again unless
 *       a reading began after the request arrived ({@link RequestStart}): a change committed before a
 *       client sent its call is then seen by that call, while concurrent requests share one reading.
 *       Outside a request (background work) every {@link #current()} reads the row.</li>
 * </ul>
 * A value read after a change is tagged with a version no older than the change's, and a value read
 * before it with an older one, so no node serves a value from before a change once the change's
 * request has been answered.
 */
@Component
public class AccessVersion {

    /** A reading of the version, and when it began ({@link System#nanoTime()}). */
    private record Reading(long version, long beganNanos) {}

    private final JdbcClient jdbc;
    private final AtomicReference<Reading> newest = new AtomicReference<>();

    AccessVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The version as of this request's arrival or later; a value remembered with a version at least
     * this one is current.
     */
    public long current() {
        Reading known = newest.get();
        if (known != null && RequestStart.inRequest() && !RequestStart.readBefore(known.beganNanos())) {
            return known.version();
        }
        long began = System.nanoTime();
        Reading fresh = new Reading(read(), began);
        newest.accumulateAndGet(fresh, (a, b) -> a == null || b.beganNanos() - a.beganNanos() > 0 ? b : a);
        return fresh.version();
    }

    /**
     * Notes that who may call has changed: moves the version just before the current transaction
     * commits (once per transaction, however many changes it makes), or now when there is none. Call
     * it after the change's statement.
     */
    public void moved() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            move();
            return;
        }
        // The synchronizations are the current transaction's own (an inner REQUIRES_NEW gets a list of its own).
        if (TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(MoveBeforeCommit.class::isInstance)) {
            return;   // this transaction moves it already
        }
        TransactionSynchronizationManager.registerSynchronization(new MoveBeforeCommit());
    }

    /**
     * {@link #moved()} when {@code changed}, for a statement that changes its row only when the row is
     * in the state expected; returns {@code changed}.
     */
    public boolean movedIf(boolean changed) {
        if (changed) {
            moved();
        }
        return changed;
    }

    /** Whether the current transaction has changed who may call (its move is still to come). */
    private static boolean changingNow() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(MoveBeforeCommit.class::isInstance);
    }

    /** Moves the version last, so that its row stays locked only while the transaction commits. */
    private final class MoveBeforeCommit implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            move();
        }
    }

    /**
     * A map of this node that keeps what {@code load} read while {@link #current()} stays at the version
     * read before it. Bounded: past {@code maxEntries} it starts empty again (callers that come and go,
     * or a flood of unknown ids, cost reads, never memory).
     */
    public <K, V> Cache<K, V> cache(int maxEntries, Function<K, V> load) {
        return new Cache<>(this, maxEntries, load);
    }

    /** See {@link #cache}. */
    public static final class Cache<K, V> {

        private record Entry<V>(long version, V value) {}

        private final AccessVersion version;
        private final int maxEntries;
        private final Function<K, V> load;
        private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

        private Cache(AccessVersion version, int maxEntries, Function<K, V> load) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("A cache holds at least one entry");
            }
            this.version = version;
            this.maxEntries = maxEntries;
            this.load = load;
        }

        /**
         * The value for {@code key} as of this request's arrival or later: remembered, or loaded now.
         * Inside a transaction that has changed who may call, always loaded: its move comes at commit.
         */
        public V get(K key) {
            if (changingNow()) {
                return load.apply(key);   // this transaction's own change is not in the version until it commits
            }
            long now = version.current();   // before the load: a change committed after it moves the version past now
            Entry<V> known = entries.get(key);
            if (known != null && known.version() >= now) {
                return known.value();
            }
            V value = load.apply(key);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.merge(key, new Entry<>(now, value), (a, b) -> a.version() >= b.version() ? a : b);
            return value;
        }

        /** How many entries this node holds now. */
        public int size() {
            return entries.size();
        }
    }

    private void move() {
        jdbc.sql("UPDATE access_version SET version = version + 1 WHERE id = 1").update();
    }

    private long read() {
        return jdbc.sql("SELECT version FROM access_version WHERE id = 1").query(Long.class).single();
    }
}
