package io.openmws.protocol.useragent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UserAgentParseTest {

    @Test
    void officialJavaClientHeaderParses() {
        ParsedUserAgent p = UserAgent.parse("App/1.0 (Language=Java/1.8.0_x/52.0/Oracle Corporation;"
                + " Platform=Linux/amd64/5.x; MWSClientVersion=2013-09-01)");

        assertThat(p.valid()).as(p.problems().toString()).isTrue();
        assertThat(p.appName()).isEqualTo("App");
        assertThat(p.appVersion()).isEqualTo("1.0");
        assertThat(p.attributes()).containsExactly(
                Map.entry("Language", "Java/1.8.0_x/52.0/Oracle Corporation"),
                Map.entry("Platform", "Linux/amd64/5.x"),
                Map.entry("MWSClientVersion", "2013-09-01"));
    }

    @Test
    void officialPhpClientHeaderParses() {
        ParsedUserAgent p = UserAgent.parse("App/1.0 (Language=PHP/7.x; Platform=Linux/x86_64/5.x;"
                + " MWSClientVersion=2016-09-21)");

        assertThat(p.valid()).isTrue();
        assertThat(p.language()).contains("PHP/7.x");
        assertThat(p.attributes()).containsEntry("MWSClientVersion", "2016-09-21");
    }

    @Test
    void pythonAmazonMwsHeaderParses() {
        ParsedUserAgent p = UserAgent.parse("python-amazon-mws/1.0dev16 (Language=Python)");

        assertThat(p.valid()).isTrue();
        assertThat(p.appName()).isEqualTo("python-amazon-mws");
        assertThat(p.appVersion()).isEqualTo("1.0dev16");
        assertThat(p.language()).contains("Python");
    }

    @Test
    void escapesAreHonoured() {
        ParsedUserAgent p = UserAgent.parse("My\\/App/1.0\\(b (Language=J; a\\=b=x\\;y\\)z\\\\)");

        assertThat(p.valid()).isTrue();
        assertThat(p.appName()).isEqualTo("My/App");
        assertThat(p.appVersion()).isEqualTo("1.0(b");
        assertThat(p.attributes()).containsEntry("a=b", "x;y)z\\");
    }

    @Test
    void anAttributeNameStartingWithCloseParenIsANameNotTheEndOfTheList() {
        // Names escape only '=', so the builder writes ')' in a name as is (found by the round-trip property).
        UserAgent built = UserAgent.builder("\\", "\\").language("\\").attribute(")", "\\").build();
        assertThat(built.header()).isEqualTo("\\\\/\\\\ (Language=\\\\; )=\\\\)");

        ParsedUserAgent p = UserAgent.parse(built.header());
        assertThat(p.problems()).isEmpty();
        assertThat(p.attributes()).containsEntry(")", "\\");
    }

    @Test
    void aHeaderOf500CharactersIsValidAndOf501IsNot() {
        String at500 = "A/1 (Language=" + "x".repeat(485) + ")";
        String at501 = "A/1 (Language=" + "x".repeat(486) + ")";

        assertThat(UserAgent.parse(at500).valid()).isTrue();
        ParsedUserAgent over = UserAgent.parse(at501);
        assertThat(over.valid()).isFalse();
        assertThat(over.problems()).anySatisfy(m -> assertThat(m).contains("501 characters").contains("500"));
        assertThat(over.language()).contains("x".repeat(486));
    }

    @Test
    void missingHeaderIsAcceptedAndReported() {
        for (String missing : new String[] {null, "", "   "}) {
            ParsedUserAgent p = UserAgent.parse(missing);
            assertThat(p.valid()).isFalse();
            assertThat(p.problems()).singleElement().asString().contains("No User-Agent header");
            assertThat(p.appName()).isEmpty();
            assertThat(p.toUserAgent()).isEmpty();
        }
    }

    @Test
    void curlHeaderGivesNameAndVersionAndReportsTheMissingAttributes() {
        ParsedUserAgent p = UserAgent.parse("curl/8.0");

        assertThat(p.appName()).isEqualTo("curl");
        assertThat(p.appVersion()).isEqualTo("8.0");
        assertThat(p.attributes()).isEmpty();
        assertThat(p.valid()).isFalse();
        assertThat(p.problems()).anySatisfy(m -> assertThat(m).contains("No attribute list"));
    }

    @Test
    void browserHeaderIsReadAsFarAsItGoes() {
        ParsedUserAgent p = UserAgent.parse("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");

        assertThat(p.appName()).isEqualTo("Mozilla");
        assertThat(p.appVersion()).isEqualTo("5.0");
        assertThat(p.valid()).isFalse();
        assertThat(p.problems()).anySatisfy(m -> assertThat(m).contains("not Name=Value pairs"));
    }

    @Test
    void headerWithoutSlashGivesOnlyAName() {
        ParsedUserAgent p = UserAgent.parse("SomeTool");
        assertThat(p.appName()).isEqualTo("SomeTool");
        assertThat(p.appVersion()).isEmpty();
        assertThat(p.problems()).anySatisfy(m -> assertThat(m).contains("No '/'"));
    }

    @Test
    void structuralDeviationsAreEachReported() {
        assertThat(UserAgent.parse("App/1 (Platform=x)").problems())
                .containsExactly("No Language attribute; MWS requires it.");
        assertThat(UserAgent.parse("App/1 (Language=J; Platform=x").problems())
                .containsExactly("The attribute list is not closed with ')'.");
        assertThat(UserAgent.parse("App/1 (Language=J) trailing").problems())
                .containsExactly("Unexpected text after the attribute list: 'trailing'.");
        assertThat(UserAgent.parse("App/1 (Language=J; Language=K)").problems())
                .containsExactly("The attribute Language appears more than once; the first is kept.");
        assertThat(UserAgent.parse("App/1 (Language=J; Language=K)").language()).contains("J");
        assertThat(UserAgent.parse("/1 (Language=J)").problems()).containsExactly("No application name before '/'.");
    }
}
