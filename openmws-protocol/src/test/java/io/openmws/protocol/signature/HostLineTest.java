package io.openmws.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostLineTest {

    static Stream<Arguments> endpoints() {
        return Stream.of(
                arguments("https default port is omitted", "https", "mws.amazonservices.com", 443, "mws.amazonservices.com"),
                arguments("http default port is omitted", "http", "localhost", 80, "localhost"),
                arguments("no port (-1) means the default", "https", "mws-eu.amazonservices.com", -1, "mws-eu.amazonservices.com"),
                arguments("a non-default port is appended", "https", "localhost", 8443, "localhost:8443"),
                arguments("443 over http is not default", "http", "localhost", 443, "localhost:443"),
                arguments("the host is lowercased", "HTTPS", "MWS.AmazonServices.COM", 443, "mws.amazonservices.com"),
                arguments("an IPv6 literal gets brackets", "https", "::1", 8443, "[::1]:8443"),
                arguments("a bracketed IPv6 literal is kept", "https", "[::1]", -1, "[::1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void buildsTheHostLineFromTheEndpoint(String description, String scheme, String host, int port, String expected) {
        assertThat(HostLine.forEndpoint(scheme, host, port)).isEqualTo(expected);
    }

    @Test
    void theHostHeaderIsTakenVerbatimButLowercased() {
        assertThat(HostLine.fromHostHeader("LocalHost:8443")).isEqualTo("localhost:8443");
        assertThat(HostLine.fromHostHeader("mws.amazonservices.com:443")).isEqualTo("mws.amazonservices.com:443");
    }

    @Test
    void aMissingHostHeaderIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostLine.fromHostHeader(null));
        assertThatIllegalArgumentException().isThrownBy(() -> HostLine.fromHostHeader(" "));
    }

    @Test
    void anUnsupportedSchemeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostLine.forEndpoint("ftp", "x", -1));
    }

    static Stream<Arguments> portRemovals() {
        return Stream.of(
                arguments("localhost:8443", "localhost"),
                arguments("[::1]:8443", "[::1]"),
                arguments("localhost", null),
                arguments("[::1]", null),
                arguments("::1", null));
    }

    @ParameterizedTest(name = "{0} without port is {1}")
    @MethodSource("portRemovals")
    void removesOnlyARealPort(String hostLine, String expected) {
        assertThat(HostLine.withoutPort(hostLine).orElse(null)).isEqualTo(expected);
    }
}
