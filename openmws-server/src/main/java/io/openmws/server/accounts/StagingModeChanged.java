package io.openmws.server.accounts;

/**
 * Published inside the transaction that switched an account's staging mode, so listeners (the
 * catalog) change what depends on it in the same transaction: a switch and its effects commit together.
 */
public record StagingModeChanged(long accountId, boolean staging) {
}
