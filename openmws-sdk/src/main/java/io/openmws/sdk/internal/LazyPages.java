package io.openmws.sdk.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a paged list operation as a lazy stream: the first call when the stream is first read, each
 * {@code ByNextToken} call only when the items before it are consumed, none after the stream is left.
 */
public final class LazyPages {

    private LazyPages() {
    }

    /**
     * A lazy stream over every page.
     *
     * @param first calls the operation
     * @param next calls its {@code ByNextToken} sequel with a token
     * @param items a page's items
     * @param nextToken a page's token, empty on the last page
     * @param <P> the page type
     * @param <T> the item type
     * @return the items of every page in order
     */
    public static <P, T> Stream<T> stream(Supplier<P> first, Function<String, P> next, Function<P, List<T>> items,
                                          Function<P, Optional<String>> nextToken) {
        Iterator<T> iterator = new Iterator<>() {
            private P page;
            private Iterator<T> current;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (page != null && nextToken.apply(page).isEmpty()) {
                        return false;
                    }
                    page = page == null ? first.get() : next.apply(nextToken.apply(page).orElseThrow());
                    current = items.apply(page).iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
