package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Integrate in five minutes" program, taken from the README as it is written, run the way
 * the README says (the JDK's single-file launcher, with the protocol and SDK classes on the class path and
 * the credentials in the environment) against a platform.
 */
@OpenMwsSandbox
class ReadmeExampleTest {

    private static final String HEADING = "## Integrate in five minutes";

    private static final String FEEDS_HEADING = "### Feeds: submit a file and await its processing report";

    private static final String ORDERS_HEADING = "### Orders and finances";

    private static final String REPORTS_HEADING = "### Reports: request, await, download, read";

    static String exampleFromReadme() throws Exception {
        return exampleFromReadme(HEADING);
    }

    static String exampleFromReadme(String heading) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf(heading);
        assertThat(section).as("the README has a section '%s'", heading).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void theReadmeProgramListsTheDemoSellersMarketplaces(Sandbox sandbox, @TempDir Path dir) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxSeller seller = sandbox.newSeller("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        String program = exampleFromReadme();
        assertThat(program.lines().count()).isLessThanOrEqualTo(25);

        String output = run(sandbox, dir, program, "ListMyMarketplaces.java", developer, grant);

        assertThat(output.lines().toList()).isEqualTo(List.of("ATVPDKIKX0DER Amazon.com", "A2EUQ1WTGCTBG2 Amazon.ca",
                "Sellers API: GREEN"));
    }

    @Test
    void theReadmeFeedProgramSubmitsAFileAndPrintsItsReport(Sandbox sandbox, @TempDir Path dir) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller("ATVPDKIKX0DER"), developer);
        Path prices = dir.resolve("prices.txt");
        Files.writeString(prices, "sku\tprice\tquantity\nNO-SUCH-SKU\t9.99\t3\n", StandardCharsets.UTF_8);

        String output = run(sandbox, dir, exampleFromReadme(FEEDS_HEADING), "SubmitPrices.java", developer, grant,
                prices.toString());

        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("Submitted feed [0-9]{11}");
        assertThat(lines.get(1)).isEqualTo("1 processed, 0 successful");
        assertThat(lines.get(2)).startsWith("NO-SUCH-SKU ");
    }

    @Test
    void theReadmeOrdersProgramPrintsTheChangedOrdersTheirItemsAndWhereToResume(Sandbox sandbox, @TempDir Path dir)
            throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller("ATVPDKIKX0DER"), developer);
        sellMugs(sandbox, developer, grant);
        java.time.Instant since = sandbox.now().minusSeconds(1);
        Buyers buyers = new Buyers(sandbox);
        String first = buyers.place(grant.sellerId(), "ATVPDKIKX0DER", "MUG-1", 2).get("amazonOrderId").asString();
        String second = buyers.place(grant.sellerId(), "ATVPDKIKX0DER", "MUG-1", 1).get("amazonOrderId").asString();
        sandbox.advance(java.time.Duration.ofMinutes(3));

        String output = run(sandbox, dir, exampleFromReadme(ORDERS_HEADING), "ChangedOrders.java", developer, grant,
                since.toString());

        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 4)).containsExactlyInAnyOrder(first + " Pending -", "  MUG-1 x 2",
                second + " Pending -", "  MUG-1 x 1");
        assertThat(lines.indexOf("  MUG-1 x 2")).isEqualTo(lines.indexOf(first + " Pending -") + 1);
        assertThat(lines.get(4)).matches("Resume from 20[0-9-]+T[0-9:.]+Z");
    }

    @Test
    void theReadmeReportsProgramDownloadsTheActiveListingsAndPrintsThem(Sandbox sandbox, @TempDir Path dir)
            throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller("ATVPDKIKX0DER"), developer);
        sellMugs(sandbox, developer, grant);
        Path file = dir.resolve("listings.txt");

        String output = run(sandbox, dir, exampleFromReadme(REPORTS_HEADING), "ActiveListings.java", developer, grant,
                file.toString());

        assertThat(output.lines().toList()).containsExactly("MUG-1 12.50 10");
        assertThat(Files.readString(file, java.nio.charset.Charset.forName("windows-1252"))).startsWith("item-name\t");
    }

    /** The seller's live listing the Orders and Reports programs see: MUG-1 at 12.50, 10 in stock. */
    private static void sellMugs(Sandbox sandbox, SandboxDeveloper developer, SandboxAuthorization grant) throws Exception {
        MwsClient client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("ReadmeExampleTest", "1.0").build();
        Buyers.liveListing(client, SellerAccess.of(grant.sellerId(), grant.mwsAuthToken(), List.of("ATVPDKIKX0DER")),
                "MUG-1", "12.50", 10);
    }

    /** Runs a README program with the JDK's single-file launcher, the credentials in its environment; answers its output. */
    private static String run(Sandbox sandbox, Path dir, String program, String fileName, SandboxDeveloper developer,
                              SandboxAuthorization grant, String... args) throws Exception {
        Path source = dir.resolve(fileName);
        Files.writeString(source, program, StandardCharsets.UTF_8);
        String classPath = String.join(File.pathSeparator,
                Path.of("..", "openmws-protocol", "target", "classes").toString(), Path.of("target", "classes").toString());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath, source.toString()));
        command.addAll(List.of(args));
        ProcessBuilder java = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = java.environment();
        env.put("MWS_ENDPOINT", sandbox.baseUrl().toString());
        env.put("MWS_ACCESS_KEY_ID", developer.accessKeyId());
        env.put("MWS_SECRET_KEY", developer.secretKey());
        env.put("MWS_SELLER_ID", grant.sellerId());
        env.put("MWS_AUTH_TOKEN", grant.mwsAuthToken());
        env.put("MWS_MARKETPLACE_ID", "ATVPDKIKX0DER");
        Process run = java.start();
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isZero();
        return output;
    }
}
