package io.openmws.cli.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openmws call}: any operation against the platform, its answer as XML or JSON, and its signing. */
@OpenMwsSandbox(shared = true)
class CallCommandTest {

    @TempDir
    Path home;

    private CliRunner cli;
    private SandboxDeveloper developer;
    private SandboxAuthorization grant;

    @BeforeEach
    void configured(Sandbox sandbox) {
        developer = sandbox.newDeveloper();
        grant = sandbox.authorize(sandbox.newSeller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"), developer);
        cli = new CliRunner(home);
        cli.configure(sandbox, developer);
        cli.storeSeller(grant);
    }

    @Test
    void aSellersCallPrintsTheXmlAsItCameOrAsJson() {
        CliRunner.Result xml = cli.run("call", "sellers", "ListMarketplaceParticipations", "--seller", grant.sellerId());

        assertThat(xml.exitCode()).as(xml.toString()).isZero();
        assertThat(xml.out()).startsWith("<?xml").contains("<ListMarketplaceParticipationsResponse",
                "<MarketplaceId>ATVPDKIKX0DER</MarketplaceId>", "<MarketplaceId>A2EUQ1WTGCTBG2</MarketplaceId>");
        assertThat(xml.err()).isEmpty();

        CliRunner.Result json = cli.run("call", "Sellers", "ListMarketplaceParticipations", "--seller", grant.sellerId(),
                "--output", "json");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).startsWith("{").contains("\"ListMarketplaceParticipationsResponse\"", "\"Marketplace\" : [",
                "\"DefaultCurrencyCode\" : \"CAD\"");
    }

    @Test
    void parametersGoAsGivenAndAnErrorAnswerIsPrintedWithExitOne() {
        CliRunner.Result orders = cli.run("call", "Orders", "ListOrders", "--seller", grant.sellerId(),
                "MarketplaceId.Id.1=ATVPDKIKX0DER", "CreatedAfter=2020-01-01T00:00:00Z");
        assertThat(orders.exitCode()).as(orders.toString()).isZero();
        assertThat(orders.out()).contains("<ListOrdersResponse", "<Orders");

        CliRunner.Result missing = cli.run("call", "Orders", "ListOrders", "--seller", grant.sellerId(),
                "MarketplaceId.Id.1=ATVPDKIKX0DER");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("<ErrorResponse", "<Code>");
        assertThat(missing.err()).matches("openmws call: HTTP 400 \\w+ \\(RequestId [0-9a-f-]+\\)\\n");
    }

    @Test
    void aRevokedSellerGetsAccessDenied(Sandbox sandbox) {
        sandbox.revoke(grant);

        CliRunner.Result denied = cli.run("call", "Sellers", "ListMarketplaceParticipations", "--seller", grant.sellerId());

        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.out()).contains("<Code>AccessDenied</Code>");
        assertThat(denied.err()).startsWith("openmws call: HTTP 401 AccessDenied (RequestId ");
    }

    @Test
    void showSigningPrintsTheStringToSignWithTheTokenMaskedAndNoSecret(Sandbox sandbox) {
        CliRunner.Result r = cli.run("call", "Sellers", "ListMarketplaceParticipations", "--seller", grant.sellerId(),
                "--show-signing");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String host = sandbox.baseUrl().getHost() + ":" + sandbox.baseUrl().getPort();
        assertThat(r.err()).contains("String to sign:", "  POST\n  " + host + "\n  /Sellers/2011-07-01\n  AWSAccessKeyId="
                + developer.accessKeyId() + "&Action=ListMarketplaceParticipations&MWSAuthToken="
                + grant.mwsAuthToken().substring(0, 4));
        assertThat(r.err() + r.out()).doesNotContain(grant.mwsAuthToken()).doesNotContain(developer.secretKey());
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNothingIsSent() {
        CliRunner.Result section = cli.run("call", "Shipping", "Ship");
        assertThat(section.exitCode()).isEqualTo(2);
        assertThat(section.err()).startsWith("openmws call: SECTION: expected one of Sellers").endsWith("got 'Shipping'\n");

        CliRunner.Result noEquals = cli.run("call", "Orders", "ListOrders", "CreatedAfter");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.err()).isEqualTo("openmws call: 'CreatedAfter': expected Name=Value, e.g."
                + " MarketplaceId.Id.1=ATVPDKIKX0DER\n");

        CliRunner.Result added = cli.run("call", "Orders", "ListOrders", "Timestamp=2020-01-01T00:00:00Z");
        assertThat(added.exitCode()).isEqualTo(2);
        assertThat(added.err()).startsWith("openmws call: Name=Value: The parameter Timestamp is one the client adds")
                .hasLineCount(1);

        CliRunner.Result unknownSeller = cli.run("call", "Sellers", "ListMarketplaceParticipations", "--seller", "A1NOSUCH");
        assertThat(unknownSeller.exitCode()).isEqualTo(2);
        assertThat(unknownSeller.err()).startsWith("openmws call: --seller: expected a stored seller");

        CliRunner.Result csv = cli.run("call", "Sellers", "GetServiceStatus", "--output", "csv");
        assertThat(csv.exitCode()).isEqualTo(2);
    }

    @Test
    void verboseDescribesEachRequestAndOnlyStackTracesShowATrace() {
        CliRunner.Result verbose = cli.run("-v", "call", "Sellers", "ListMarketplaceParticipations", "--seller",
                grant.sellerId());
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.err()).matches("openmws: Sellers/ListMarketplaceParticipations for " + grant.sellerId()
                + " -> HTTP 200 in \\d+ ms \\(RequestId [0-9a-f-]+\\)\\n");

        CliRunner.Result saved = cli.runWithInput("x".repeat(40) + "\n", "configure", "--profile", "down", "--endpoint",
                "http://127.0.0.1:1", "--access-key-id", developer.accessKeyId(), "--no-check");
        assertThat(saved.exitCode()).as(saved.toString()).isZero();

        CliRunner.Result down = cli.run("call", "Sellers", "GetServiceStatus", "--profile", "down");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).startsWith("openmws call: COMMUNICATION").contains("http://127.0.0.1:1").hasLineCount(1);

        CliRunner.Result traced = cli.run("call", "Sellers", "GetServiceStatus", "--profile", "down", "-x");
        assertThat(traced.exitCode()).isEqualTo(1);
        assertThat(traced.err()).startsWith("openmws call: COMMUNICATION").contains("\tat io.openmws.sdk.");
    }
}
