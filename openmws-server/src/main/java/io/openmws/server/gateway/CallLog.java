package io.openmws.server.gateway;

import io.openmws.server.support.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every MWS call without slowing it: calls go into a bounded queue that one background
 * thread writes to {@code mws_call} in batches. When the database cannot keep up and the queue is
 * full, records are dropped and counted rather than holding up API calls. Stopping the server
 * writes what is queued.
 *
 * <p>What a client sent is fitted to the columns before it is queued (see {@link Entry}), so a
 * hostile value cannot fail an insert; should the database refuse a batch anyway, its records are
 * written one by one and only the refused ones are lost. The writer thread survives whatever a
 * batch throws, and {@link #record} starts a new one if it has died all the same.
 */
@Component
public class CallLog implements SmartLifecycle {

    /**
     * One call as recorded. {@code developerId} and {@code sellerId} are null when not known. Values
     * the client chose (the seller id, the User-Agent) are cut to their column's width and cleared of
     * NUL characters, which PostgreSQL refuses in text.
     */
    record Entry(String requestId, Instant calledAt, String developerId, String sellerId, String section,
                 String action, int httpStatus, String errorCode, String userAgent, long latencyMicros) {
        Entry {
            requestId = requestId == null ? "unknown" : fit(requestId, 36);
            developerId = fit(developerId, 12);
            sellerId = fit(sellerId, 20);
            section = fit(section, 20);
            action = fit(action, 100);
            errorCode = fit(errorCode, 50);
            userAgent = fit(userAgent, 500);
            latencyMicros = Math.min(Math.max(latencyMicros, 0), Integer.MAX_VALUE);
        }

        private static String fit(String value, int width) {
            if (value == null) {
                return null;
            }
            String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
            return clean.length() <= width ? clean : clean.substring(0, width);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    private static final int BATCH = 500;
    /** How long the writer waits for more records after the first of a batch. */
    private static final Duration GATHER = Duration.ofMillis(100);
    private static final String INSERT = """
            INSERT INTO mws_call (request_id, called_at, developer_id, seller_id, section, action, http_status,
                                  error_code, user_agent, latency_micros)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(100_000);
    private final AtomicLong dropped = new AtomicLong();
    // Held while entries are between the queue and the database, so that flush() sees them written.
    private final ReentrantLock writing = new ReentrantLock(true);
    private volatile boolean running;
    private volatile Thread writer;

    CallLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    void record(Entry entry) {
        if (running && !writer.isAlive()) {
            startWriter();
        }
        if (!queue.offer(entry)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 10_000 == 0) {
                log.warn("Call log is behind: {} call records dropped so far", n);
            }
        }
    }

    /** Writes everything queued so far (tests and shutdown). */
    public void flush() {
        writing.lock();
        try {
            List<Entry> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                writeBatch(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            writing.lock();
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                boolean interrupted = gather(batch);
                writeBatch(batch);
                if (interrupted) {
                    Thread.currentThread().interrupt();   // after the write: what was gathered is not lost
                }
            } catch (InterruptedException e) {
                // Only stop() may end the writer; a stray interrupt must not silence the call log.
                if (!running) {
                    return;
                }
            } catch (Throwable e) {
                log.error("The call log writer hit an unexpected failure; {} call records are lost", batch.size(), e);
            } finally {
                batch.clear();
                writing.unlock();
            }
        }
    }

    /**
     * Adds to the batch what comes within {@link #GATHER} of its first entry, up to {@link #BATCH}: a
     * commit costs far more than a row (on the embedded H2, {@code WRITE_DELAY=0} writes its store at
     * each one), so a busy gateway's records go in a few commits a second instead of many small ones.
     *
     * @return whether the thread was interrupted meanwhile (the caller writes the batch first)
     */
    private boolean gather(List<Entry> batch) {
        long deadline = System.nanoTime() + GATHER.toNanos();
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0) {
                return false;
            }
            try {
                Entry next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return false;
                }
                batch.add(next);
            } catch (InterruptedException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes one batch; when the database refuses it, writes its records one at a time so that only
     * the refused ones are lost, and counts those.
     */
    void writeBatch(List<Entry> batch) {
        try {
            write(batch);
        } catch (RuntimeException batchFailure) {
            int lost = 0;
            for (Entry entry : batch) {
                try {
                    write(List.of(entry));
                } catch (RuntimeException e) {
                    lost++;
                    log.warn("Could not write the record of call {}: {}", entry.requestId(), e.toString());
                }
            }
            if (lost > 0) {
                dropped.addAndGet(lost);
            }
        }
    }

    /**
     * One transaction per batch: all of it or none (so a refused batch written again row by row
     * duplicates nothing), and one commit instead of one per row, which on H2 is a write of its store
     * each (under load the writer cost as much CPU as the gateway it records).
     */
    private void write(List<Entry> batch) {
        transaction.executeWithoutResult(status -> insert(batch));
    }

    private void insert(List<Entry> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, e) -> {
            ps.setString(1, e.requestId());
            ps.setObject(2, SqlTime.of(e.calledAt()));
            ps.setString(3, e.developerId());
            ps.setString(4, e.sellerId());
            ps.setString(5, e.section());
            ps.setString(6, e.action());
            ps.setInt(7, e.httpStatus());
            ps.setString(8, e.errorCode());
            ps.setString(9, e.userAgent());
            ps.setLong(10, e.latencyMicros());
        });
    }

    /** How many call records were lost since start: refused by the database, or beyond the queue. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void start() {
        running = true;
        startWriter();
    }

    private synchronized void startWriter() {
        if (writer != null && writer.isAlive()) {
            return;
        }
        if (writer != null) {
            log.warn("The call log writer had stopped; starting a new one");
        }
        writer = new Thread(this::run, "mws-call-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    /** Stops after the web server (higher phases stop first), so the last calls are written too. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
