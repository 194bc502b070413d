package io.openmws.server.support;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * An H2 database file that another process holds (H2's error 90020, "Database may be already in
 * use"), found however deep the connection pool and Flyway wrapped it, reported as one paragraph
 * and what to do. Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    /** {@code org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1}; H2 is a runtime dependency only. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                // H2 names the file: "Database may be already in use: "<path>". Possible solutions: ..."
                int start = message.indexOf('"');
                int end = start < 0 ? -1 : message.indexOf('"', start + 1);
                String file = end > start ? message.substring(start + 1, end) : "the H2 database file";
                return new FailureAnalysis(
                        "The H2 database " + file + " (spring.datasource.url) is in use by another process: an"
                                + " embedded H2 file database can be opened by one process at a time, and another"
                                + " OpenMWS server, an H2 console or a database tool has it open.",
                        "Stop the other process (or close the tool's connection) and start again, or point"
                                + " spring.datasource.url at another file. Several servers sharing one database need"
                                + " PostgreSQL (see README, PostgreSQL).",
                        sql);
            }
        }
        return null;
    }
}
