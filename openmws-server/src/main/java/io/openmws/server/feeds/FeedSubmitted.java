package io.openmws.server.feeds;

/**
 * Published (ApplicationEventPublisher) after a submission's row is committed: the engine's cue to
 * process the seller's queue.
 *
 * @param id the submission's internal id ({@link FeedSubmission#id()})
 */
public record FeedSubmitted(long id, long accountId) {}
