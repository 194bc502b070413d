package io.openmws.cli.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections to a profile's H2 store, for several {@code openmws} processes at once (a cron's
 * {@code orders sync} while someone runs {@code sellers list}). An embedded H2 file is open in one process at a
 * time: another process that opens it meanwhile gets error 90020, "Database may be already in use". The
 * store opens a connection per operation and H2 closes the file with the last one, so the file is busy only
 * for milliseconds at a time; a connection here waits for it, with a short random back-off, up to
 * {@link #PATIENCE}, instead of failing the command.
 */
final class StoreDataSource implements DataSource {

    /** How long a process waits for another to let go of the file. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** H2's "Database may be already in use". */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private final String url;

    StoreDataSource(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url, "", "");
            } catch (SQLException e) {
                if (e.getErrorCode() != DATABASE_ALREADY_OPEN) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new SQLException("The profile's store is in use by another openmws process and stayed so for "
                            + PATIENCE.toSeconds() + " seconds", e.getSQLState(), e.getErrorCode(), e);
                }
                pause();
            }
        }
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the profile's store", e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager's log writer is the process's; nothing of its own to set
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the wait for the file is PATIENCE; H2 has no login to time out
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("No parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** The URL only: it holds no password. */
    @Override
    public String toString() {
        return "StoreDataSource[" + url + "]";
    }
}
