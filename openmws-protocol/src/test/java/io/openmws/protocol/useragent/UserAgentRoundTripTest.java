package io.openmws.protocol.useragent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class UserAgentRoundTripTest {

    /** Independent of the implementation: what the official clients' clean() does to a part. */
    private static String cleaned(String s) {
        return s.replaceAll("\\s", " ").replaceAll(" {2,}", " ").trim();
    }

    @Provide
    Arbitrary<String> part() {
        // Printable ISO-8859-1 (what a header carries), weighted towards the characters that need escaping.
        Arbitrary<Character> special = Arbitraries.of('\\', '/', '(', ')', '=', ';', ' ', '\t', '\n');
        Arbitrary<Character> printable = Arbitraries.chars().range(' ', '~').range('\u00A0', '\u00FF');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, special),
                        net.jqwik.api.Tuple.of(2, printable))
                .list().ofMinSize(1).ofMaxSize(20)
                .map(chars -> {
                    StringBuilder b = new StringBuilder();
                    chars.forEach(b::append);
                    return b.toString();
                })
                .filter(s -> !cleaned(s).isEmpty());
    }

    @Property(tries = 1000)
    void parsingABuiltHeaderGivesBackEveryPart(
            @ForAll("part") String app, @ForAll("part") String version, @ForAll("part") String language,
            @ForAll @Size(max = 3) List<@From("part") String> names,
            @ForAll @Size(max = 3) List<@From("part") String> values) {
        UserAgent.Builder builder = UserAgent.builder(app, version).language(language);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Language", cleaned(language));
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            builder.attribute(names.get(i), values.get(i));
            expected.put(cleaned(names.get(i)), cleaned(values.get(i)));
        }
        UserAgent built = builder.build();

        ParsedUserAgent parsed = UserAgent.parse(built.header());

        assertThat(parsed.problems()).as(built.header()).isEmpty();
        assertThat(parsed.appName()).isEqualTo(cleaned(app));
        assertThat(parsed.appVersion()).isEqualTo(cleaned(version));
        assertThat(new ArrayList<>(parsed.attributes().entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(parsed.toUserAgent()).contains(built);
    }

    @Property(tries = 500)
    void parsingNeverThrowsOnArbitraryText(@ForAll String header) {
        ParsedUserAgent parsed = UserAgent.parse(header);
        assertThat(parsed.valid()).isEqualTo(parsed.problems().isEmpty());
    }
}
