package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PercentEncodingTest {

    static Stream<Arguments> encodings() {
        return Stream.of(
                arguments("space is encoded as %20, never +", "a b", "a%20b"),
                arguments("plus is encoded", "a+b", "a%2Bb"),
                arguments("asterisk is encoded as %2A", "a*b", "a%2Ab"),
                arguments("tilde is kept", "a~b", "a~b"),
                arguments("slash is encoded", "a/b", "a%2Fb"),
                arguments("equals is encoded", "a=b", "a%3Db"),
                arguments("ampersand is encoded", "a&b", "a%26b"),
                arguments("colon and at are encoded", "12:00@x", "12%3A00%40x"),
                arguments("percent is encoded", "50%", "50%25"),
                arguments("unreserved characters are kept", "AZaz09-_.~", "AZaz09-_.~"),
                arguments("reserved punctuation ' ( ) ! is encoded", "'()!", "%27%28%29%21"),
                arguments("two-byte UTF-8 (e acute)", "é", "%C3%A9"),
                arguments("three-byte UTF-8 (euro sign)", "€", "%E2%82%AC"),
                arguments("four-byte UTF-8 (emoji, a surrogate pair in Java)", "\uD83D\uDE00", "%F0%9F%98%80"),
                arguments("control characters are encoded", "a\nb\t", "a%0Ab%09"),
                arguments("empty stays empty", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void encodesPerRfc3986(String description, String decoded, String expected) {
        assertThat(PercentEncoding.encode(decoded)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void byteEncoderAgreesWithStringEncoder(String description, String decoded, String expected) {
        ByteSink sink = new ByteSink(1);
        PercentEncoding.appendEncoded(sink, decoded);
        assertThat(sink.asString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void decodingTheEncodingGivesTheValueBack(String description, String decoded, String expected) {
        assertThat(PercentEncoding.decodeFormComponent(expected)).isEqualTo(decoded);
    }

    static Stream<Arguments> transportDecodings() {
        return Stream.of(
                arguments("plus is a space in form transport", "a+b", "a b"),
                arguments("lowercase hex is accepted", "%c3%a9%2a", "é*"),
                arguments("%7E from Java's UrlEncodedFormEntity is a tilde", "a%7Eb", "a~b"),
                arguments("%2B is a literal plus", "a%2Bb", "a+b"),
                arguments("unencoded reserved characters are taken as they are", "a*b:c/d", "a*b:c/d"),
                arguments("raw non-ASCII is taken as the character", "Ünï", "Ünï"),
                arguments("mixed", "x+%E2%82%ac+y", "x € y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transportDecodings")
    void decodesFormTransportEncoding(String description, String encoded, String expected) {
        assertThat(PercentEncoding.decodeFormComponent(encoded)).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("a lone percent", "50%"),
                arguments("a percent with one digit", "a%2"),
                arguments("a percent with non-hex digits", "a%zzb"),
                arguments("a percent with full-width digits", "a%\uFF11\uFF12"),
                arguments("bytes that are not UTF-8", "%C3%28"),
                arguments("a truncated multi-byte sequence", "%E2%82"),
                arguments("an encoded surrogate (CESU-8)", "%ED%A0%BD"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("malformed")
    void malformedTransportEncodingIsRefused(String description, String encoded) {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentEncoding.decodeFormComponent(encoded));
    }

    @Test
    void invalidEscapeMessageSaysHowToWriteAPercent() {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentEncoding.decodeFormComponent("50%"))
                .withMessageContaining("%25");
    }

    @Test
    void loneSurrogateCannotBeEncoded() {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentEncoding.encode("a\uD83Db"))
                .withMessageContaining("surrogate");
        assertThatIllegalArgumentException().isThrownBy(() -> PercentEncoding.encode("\uDE00"));
    }

    @Test
    void decodesOnlyTheGivenRange() {
        assertThat(PercentEncoding.decodeFormComponent("A=a+b&C", 2, 5)).isEqualTo("a b");
    }
}
