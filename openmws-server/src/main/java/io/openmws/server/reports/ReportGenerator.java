package io.openmws.server.reports;

import java.io.IOException;
import java.util.Set;

/**
 * Produces the rows of one or more report types, streaming them from the database into a
 * {@link ReportOutput} in constant memory (mws-data-apis.md §3.3). Generators are beans; the engine
 * finds the one for a request's type, runs it inside a read-only transaction (so PostgreSQL streams
 * rows with a cursor when a fetch size is set) and stores what it wrote.
 */
public interface ReportGenerator {

    /** The {@code ReportType} values this generator produces. */
    Set<String> reportTypes();

    /**
     * Writes the header and every row of the report. Never holds more than a bounded batch of rows.
     *
     * @return the number of data rows written (0 makes the request {@code _DONE_NO_DATA_})
     */
    long generate(ReportJob job, ReportOutput out) throws IOException;
}
