package io.openmws.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of a list operation: its items and, when there are more, the {@code NextToken} that the
 * operation's {@code ByNextToken} sequel takes ({@code docs/protocol.md} §9). Most programs use the
 * lazy streams, which follow the tokens themselves; pages are for resuming later from a saved token.
 *
 * @param items the page's items, in the endpoint's order
 * @param nextToken the token for the next page; empty on the last page
 * @param requestId the answer's request id
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextToken, String requestId) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextToken, "nextToken");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextToken.isPresent();
    }

    /** Shows the item count and whether a token follows, not the token (it is long and opaque). */
    @Override
    public String toString() {
        return "Page[" + items.size() + " items, " + (hasNext() ? "more follow" : "last") + ", requestId=" + requestId + "]";
    }
}
