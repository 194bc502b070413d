package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.MwsClient.Answer;
import io.openmws.server.testing.PortalClient;
import io.openmws.server.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway answers before it knows who calls: addresses, parameters, keys. Every answer is an
 * {@code ErrorResponse} in the right namespace with the MWS headers, never a portal page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayErrorsTest {

    static final String SELLERS_NS = "https://mws.amazonservices.com/Sellers/2011-07-01";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    CallLog callLog;

    @Autowired
    JdbcClient jdbc;

    MwsClient mws() {
        return new MwsClient(port);
    }

    @Test
    void anUnknownPathIsInvalidAddressBeforeAuthentication() {
        Answer missingVersion = mws().postForm("/Sellers/", "Action=ListMarketplaceParticipations&AWSAccessKeyId=x");
        Answer unknownSection = mws().get("/Widgets/2011-07-01?Action=Anything");
        Answer wrongVersion = mws().postForm("/Orders/2011-01-01", "Action=ListOrders");

        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.errorCode()).isEqualTo("InvalidAddress");
        assertThat(missingVersion.error().namespace()).isEqualTo("https://mws.amazonservices.com/");
        assertThat(missingVersion.error().errors().get(0).message())
                .isEqualTo("Resource /Sellers/ is not found on this server. API Version is missing");
        assertThat(unknownSection.status()).isEqualTo(404);
        assertThat(unknownSection.errorCode()).isEqualTo("InvalidAddress");
        assertThat(wrongVersion.status()).isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesTheMwsHeaders() {
        Answer answer = mws().postForm("/Sellers/2011-07-01", "Action=ListMarketplaceParticipations");

        assertThat(answer.header("Content-Type")).isEqualTo("text/xml");
        assertThat(answer.header("x-mws-request-id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(answer.error().requestId()).contains(answer.header("x-mws-request-id"));
        assertThat(answer.header("x-mws-timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(answer.body()).startsWith("<?xml version=\"1.0\"?>").contains("<RequestID>");
        assertThat(answer.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void missingParametersAreInvalidParameterValue() {
        Answer noAction = mws().postForm("/Sellers/2011-07-01", "Version=2011-07-01");
        Answer noVersion = mws().postForm("/Sellers/2011-07-01", "Action=ListMarketplaceParticipations");
        Answer noKey = mws().postForm("/Sellers/2011-07-01", "Action=ListMarketplaceParticipations&Version=2011-07-01");

        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(noAction.error().errors().get(0).message()).isEqualTo("Missing required parameter Action.");
        assertThat(noAction.error().namespace()).isEqualTo(SELLERS_NS);
        assertThat(noVersion.error().errors().get(0).message()).isEqualTo("Missing required parameter Version.");
        assertThat(noKey.error().errors().get(0).message()).isEqualTo("Missing required parameter AWSAccessKeyId.");
    }

    @Test
    void anUnknownOperationOnAKnownPathIsInvalidAddress() {
        Answer answer = mws().postForm("/Sellers/2011-07-01", "Action=ListEverything&Version=2011-07-01");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("InvalidAddress");
        assertThat(answer.error().namespace()).isEqualTo(SELLERS_NS);
    }

    @Test
    void aVersionThatDoesNotMatchThePathIsRefused() {
        Answer answer = mws().postForm("/Sellers/2011-07-01",
                "Action=ListMarketplaceParticipations&Version=2013-09-01&AWSAccessKeyId=AKIAEXAMPLEEXAMPLE12");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().errors().get(0).message()).contains("2013-09-01").contains("2011-07-01");
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKeyId() {
        Answer answer = mws().postForm("/Sellers/2011-07-01",
                "Action=ListMarketplaceParticipations&Version=2011-07-01&AWSAccessKeyId=AKIAEXAMPLEEXAMPLE12"
                        + "&SignatureVersion=2&SignatureMethod=HmacSHA256&Signature=abc%3D&Timestamp=2020-01-01T00%3A00%3A00Z");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo("InvalidAccessKeyId");
        assertThat(answer.error().errors().get(0).message())
                .isEqualTo("The AWS Access Key Id you provided does not exist in our records.");
    }

    @Test
    void malformedParametersAreInvalidParameterValue() {
        Answer duplicated = mws().postForm("/Sellers/2011-07-01?Action=ListMarketplaceParticipations",
                "Action=ListMarketplaceParticipations");
        Answer badEscape = mws().postForm("/Sellers/2011-07-01", "Action=List%ZZ");
        Answer binary = mws().send(HttpRequest.newBuilder(URI.create(mws().base() + "/Sellers/2011-07-01"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, '=', '%'})));

        assertThat(duplicated.status()).isEqualTo(400);
        assertThat(duplicated.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(binary.status()).isEqualTo(400);
    }

    @Test
    void aUserAgentOver500CharactersIsRefused() {
        Answer answer = mws().send(HttpRequest.newBuilder(URI.create(mws().base() + "/Sellers/2011-07-01"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "App/1.0 (Language=Java; X=" + "y".repeat(500) + ")")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "Action=ListMarketplaceParticipations&Version=2011-07-01&AWSAccessKeyId=AKIAEXAMPLEEXAMPLE12")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().errors().get(0).message()).contains("User-Agent").contains("500");
    }

    @Test
    void feedsAndReportsAreServedAtTheRootButThePortalKeepsItsFrontPage() {
        Answer api = mws().postForm("/", "Action=GetReportList&Version=2009-01-01");
        PortalClient browser = new PortalClient(port);

        assertThat(api.header("Content-Type")).isEqualTo("text/xml");
        assertThat(api.error().namespace()).isEqualTo("http://mws.amazonaws.com/doc/2009-01-01/");
        assertThat(browser.get("/").body()).contains("Create your Professional account");
        assertThat(browser.get("/login").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"})
    void onlyGetAndPostAreServed(String method) {
        MwsClient.RawAnswer answer = mws().sendRaw(method,
                "/Sellers/2011-07-01?Action=ListMarketplaceParticipations&Version=2011-07-01",
                Map.of("User-Agent", "test/1.0 (Language=Java)"), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Allow")).isEqualTo("GET, POST");
        assertThat(answer.header("x-mws-request-id")).isNotBlank();
        if (!"HEAD".equals(method)) {
            assertThat(answer.error().errors().get(0).code()).isEqualTo("InvalidRequest");
            assertThat(answer.error().errors().get(0).message()).isEqualTo(
                    "MWS serves GET and POST only; " + method + " is not accepted.");
        }
    }

    @Test
    void aBodyCutShortIsInputStreamDisconnectedAndRecordedSo() throws IOException {
        String reply;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /Sellers/2011-07-01 HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n"
                    + "Connection: close\r\n\r\nAction=ListMarketplaceParticipations&Vers")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();    // the client hangs up mid-body; it can still read the answer
            try (InputStream in = socket.getInputStream()) {
                reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        assertThat(reply).startsWith("HTTP/1.1 400").contains("<Code>InputStreamDisconnected</Code>");
        String requestId = reply.replaceAll("(?s).*x-mws-request-id: ([0-9a-f-]{36}).*", "$1");
        callLog.flush();
        var row = jdbc.sql("SELECT http_status, error_code FROM mws_call WHERE request_id = ?").param(requestId)
                .query().singleRow();
        assertThat(((Number) row.get("http_status")).intValue()).isEqualTo(400);
        assertThat(row.get("error_code")).isEqualTo("InputStreamDisconnected");
    }
}
