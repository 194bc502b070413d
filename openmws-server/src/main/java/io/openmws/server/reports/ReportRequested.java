package io.openmws.server.reports;

/**
 * A report request was committed: the engine schedules its generation. Published after the commit of
 * the transaction that stored it, so the engine never looks for a row it cannot see yet.
 *
 * @param id the request's internal id
 */
record ReportRequested(long accountId, long id) {}
