package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gateway benchmark's ceiling (issue 18): with profile {@code benchmark} a constant answer that
 * no security filter touches. Without the profile the path does not exist (HealthTest checks that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(BareEndpoint.PROFILE)
class BareEndpointTest {

    @LocalServerPort
    int port;

    @Test
    void answersOutsideEverySecurityChain() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + BareEndpoint.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("ok");
        // The portal chain would have added its headers and, for an anonymous visitor of a page
        // that is not public, sent it to /login: none of that happened.
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).isEmpty();
        assertThat(answer.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
