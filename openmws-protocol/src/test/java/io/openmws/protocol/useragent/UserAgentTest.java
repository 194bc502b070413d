package io.openmws.protocol.useragent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAgentTest {

    @Test
    void buildsTheDocumentedFormatWithLanguageFirst() {
        UserAgent ua = UserAgent.builder("AcmeSync", "2.1").attribute("Platform", "Linux/amd64")
                .language("Java/17.0.15").attribute("MWSClientVersion", "2013-09-01").build();

        assertThat(ua.header())
                .isEqualTo("AcmeSync/2.1 (Language=Java/17.0.15; Platform=Linux/amd64; MWSClientVersion=2013-09-01)");
        assertThat(ua.toString()).isEqualTo(ua.header());
        assertThat(ua.language()).isEqualTo("Java/17.0.15");
    }

    /** One row per escaping rule of docs/protocol.md §7; '|' separates the columns because ',' and ';' are data. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "slash in app name          | My/App  | 1.0       | Platform | x      | My\\/App/1.0 (Language=J; Platform=x)",
            "backslash in app name      | A\\B    | 1.0       | Platform | x      | A\\\\B/1.0 (Language=J; Platform=x)",
            "paren in app name is kept  | A(B     | 1.0       | Platform | x      | A(B/1.0 (Language=J; Platform=x)",
            "open paren in version      | App     | 1.0(beta  | Platform | x      | App/1.0\\(beta (Language=J; Platform=x)",
            "backslash in version       | App     | 1\\0      | Platform | x      | App/1\\\\0 (Language=J; Platform=x)",
            "slash in version is kept   | App     | 1/0)      | Platform | x      | App/1/0) (Language=J; Platform=x)",
            "equals in attribute name   | App     | 1.0       | a=b      | x      | App/1.0 (Language=J; a\\=b=x)",
            "backslash in attribute name| App     | 1.0       | a\\b     | x      | App/1.0 (Language=J; a\\\\b=x)",
            "semicolon in name is kept  | App     | 1.0       | a;b)     | x      | App/1.0 (Language=J; a;b)=x)",
            "semicolon in value         | App     | 1.0       | Platform | x;y    | App/1.0 (Language=J; Platform=x\\;y)",
            "close paren in value       | App     | 1.0       | Platform | x)y    | App/1.0 (Language=J; Platform=x\\)y)",
            "backslash in value         | App     | 1.0       | Platform | x\\y   | App/1.0 (Language=J; Platform=x\\\\y)",
            "equals slash paren in value kept | App | 1.0     | Platform | a=b/(c | App/1.0 (Language=J; Platform=a=b/(c)",
    })
    void escapesEachPartByItsOwnRule(String rule, String app, String version, String name, String value,
                                     String expected) {
        UserAgent ua = UserAgent.builder(app, version).language("J").attribute(name, value).build();
        assertThat(ua.header()).isEqualTo(expected);
    }

    @Test
    void whitespaceIsTrimmedAndCollapsedInEveryPart() {
        UserAgent ua = UserAgent.builder("  My \t\n App ", " 1.0  beta ").language(" Java\r\n17 ")
                .attribute(" Plat  form ", "\tLinux   amd64\t").build();

        assertThat(ua.header()).isEqualTo("My App/1.0 beta (Language=Java 17; Plat form=Linux amd64)");
        assertThat(ua.appName()).isEqualTo("My App");
        assertThat(ua.attributes()).containsEntry("Plat form", "Linux amd64");
    }

    @Test
    void jvmDefaultsDescribeThisJavaAndPlatform() {
        UserAgent ua = UserAgent.builder("AcmeSync", "2.1").jvmDefaults()
                .attribute("MWSClientVersion", "2013-09-01").build();

        assertThat(ua.attributes()).containsExactly(
                Map.entry("Language", "Java/" + System.getProperty("java.version")),
                Map.entry("Platform", System.getProperty("os.name") + "/" + System.getProperty("os.arch")),
                Map.entry("MWSClientVersion", "2013-09-01"));
    }

    @Test
    void aHeaderOfExactly500CharactersIsBuiltAnd501IsRefused() {
        // "A/1 (Language=" + value + ")" is 15 characters around the value.
        UserAgent ok = UserAgent.builder("A", "1").language("x".repeat(485)).build();
        assertThat(ok.header()).hasSize(500);

        assertThatThrownBy(() -> UserAgent.builder("A", "1").language("x".repeat(486)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("501 characters")
                .hasMessageContaining("more than 500");
    }

    @Test
    void escapingCountsTowardsTheLimit() {
        assertThatThrownBy(() -> UserAgent.builder("A", "1").language(";".repeat(243)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("501 characters");
    }

    @Test
    void missingLanguageIsRefusedWithAHint() {
        assertThatThrownBy(() -> UserAgent.builder("App", "1.0").attribute("Platform", "x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Language").hasMessageContaining("jvmDefaults()");
    }

    @Test
    void blankPartsAndCharactersAHeaderCannotCarryAreRefused() {
        assertThatThrownBy(() -> UserAgent.builder(" \t", "1.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application name is blank");
        assertThatThrownBy(() -> UserAgent.builder("App", "1.0").attribute("Platform", "a\u0000b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> UserAgent.builder("App\u65E5", "1.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+65E5");
        assertThat(UserAgent.builder("Zürich", "1.0").language("J").build().header()).startsWith("Zürich/");
    }
}
