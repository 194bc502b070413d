package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalQueryTest {

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("names sort case-sensitively by byte (docs/protocol.md §3.1 example)",
                        params("Merchant", "m", "MarketplaceId.Id.2", "b", "Marketplace", "x",
                                "MarketplaceId.Id.10", "a", "MWSAuthToken", "t"),
                        "MWSAuthToken=t&Marketplace=x&MarketplaceId.Id.10=a&MarketplaceId.Id.2=b&Merchant=m"),
                arguments("Id.10 sorts before Id.2 (bytes, not numbers)",
                        params("X.Id.2", "2", "X.Id.10", "10", "X.Id.1", "1"),
                        "X.Id.1=1&X.Id.10=10&X.Id.2=2"),
                arguments("uppercase sorts before lowercase",
                        params("b", "1", "B", "2", "a", "3", "A", "4"),
                        "A=4&B=2&a=3&b=1"),
                arguments("an empty value keeps its =", params("MWSAuthToken", "", "Action", "X"),
                        "Action=X&MWSAuthToken="),
                arguments("Signature is never signed", params("Signature", "abc=", "Action", "X"), "Action=X"),
                arguments("names are encoded too", params("a b", "1", "a*", "2"), "a%20b=1&a%2A=2"),
                arguments("values with & and = are encoded", params("A", "x=1&y=2"), "A=x%3D1%26y%3D2"),
                arguments("a supplementary character sorts after U+FFFD (UTF-8 order, not UTF-16 order)",
                        params("\uD83D\uDE00", "emoji", "\uFFFD", "replacement"),
                        "%EF%BF%BD=replacement&%F0%9F%98%80=emoji"),
                arguments("no parameters give an empty line", params(), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void buildsTheCanonicalQuery(String description, Map<String, String> parameters, String expected) {
        assertThat(CanonicalQuery.of(parameters)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aMapAlreadySortedByNameOrderGivesTheSameResult(String description, Map<String, String> parameters,
                                                        String expected) {
        TreeMap<String, String> sorted = new TreeMap<>(CanonicalQuery.NAME_ORDER);
        sorted.putAll(parameters);
        assertThat(CanonicalQuery.of(sorted)).isEqualTo(expected);
    }

    @Test
    void aTreeMapWithNaturalOrderIsResortedInUtf8Order() {
        TreeMap<String, String> natural = new TreeMap<>();
        natural.put("\uD83D\uDE00", "e");
        natural.put("\uFFFD", "r");
        // String.compareTo puts the surrogate pair first; UTF-8 byte order does not
        assertThat(natural.firstKey()).isEqualTo("\uD83D\uDE00");
        assertThat(CanonicalQuery.of(natural)).startsWith("%EF%BF%BD=r");
    }

    @Test
    void nameOrderMatchesUtf8ByteOrder() {
        List<String> names = new ArrayList<>(List.of("a", "B", "\u00E9", "\uE000", "\uD800\uDC00", "\uFFFF",
                "MarketplaceId.Id.2", "MarketplaceId.Id.10", "", "Z"));
        List<String> byBytes = new ArrayList<>(names);
        byBytes.sort((x, y) -> java.util.Arrays.compareUnsigned(
                x.getBytes(java.nio.charset.StandardCharsets.UTF_8), y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        names.sort(CanonicalQuery.NAME_ORDER);
        assertThat(names).containsExactlyElementsOf(byBytes);
    }
}
