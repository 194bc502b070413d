package io.openmws.protocol.useragent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the User-Agent builder and parser (QuickTheories). */
class UserAgentRoundTripTest {

    /** Independent of the implementation: what the official clients' clean() does to a part. */
    private static String cleaned(String s) {
        return s.replaceAll("\\s", " ").replaceAll(" {2,}", " ").trim();
    }

    static Gen<String> part() {
        // Printable ISO-8859-1 (what a header carries), weighted towards the characters that need escaping.
        Gen<Character> special = arbitrary().pick('\\', '/', '(', ')', '=', ';', ' ', '\t', '\n');
        Gen<Character> printable = Generate.pick(printableLatin1());
        return lists().of(Generate.frequency(Pair.of(1, special), Pair.of(2, printable))).ofSizeBetween(1, 20)
                .map(chars -> {
                    StringBuilder b = new StringBuilder();
                    chars.forEach(b::append);
                    return b.toString();
                })
                .assuming(s -> !cleaned(s).isEmpty());
    }

    private static List<Character> printableLatin1() {
        List<Character> chars = new ArrayList<>();
        for (char c = ' '; c <= '~'; c++) {
            chars.add(c);
        }
        for (char c = '\u00A0'; c <= '\u00FF'; c++) {
            chars.add(c);
        }
        return chars;
    }

    @Test
    void parsingABuiltHeaderGivesBackEveryPart() {
        Gen<List<String[]>> attributes = lists().of(part().zip(part(), (n, v) -> new String[] {n, v}))
                .ofSizeBetween(0, 3);
        qt().withExamples(1000).forAll(part(), part(), part(), attributes).checkAssert((app, version, language, attrs) -> {
            UserAgent.Builder builder = UserAgent.builder(app, version).language(language);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("Language", cleaned(language));
            for (String[] attr : attrs) {
                builder.attribute(attr[0], attr[1]);
                expected.put(cleaned(attr[0]), cleaned(attr[1]));
            }
            UserAgent built = builder.build();

            ParsedUserAgent parsed = UserAgent.parse(built.header());

            assertThat(parsed.problems()).as(built.header()).isEmpty();
            assertThat(parsed.appName()).isEqualTo(cleaned(app));
            assertThat(parsed.appVersion()).isEqualTo(cleaned(version));
            assertThat(new ArrayList<>(parsed.attributes().entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            assertThat(parsed.toUserAgent()).contains(built);
        });
    }

    @Test
    void parsingNeverThrowsOnArbitraryText() {
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 600)).checkAssert(header -> {
            ParsedUserAgent parsed = UserAgent.parse(header);
            assertThat(parsed.valid()).isEqualTo(parsed.problems().isEmpty());
        });
    }
}
