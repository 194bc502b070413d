package io.openmws.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code openmws orders sync} against the platform: per-seller files, resuming, a revoked seller, bad input. */
@OpenMwsSandbox(shared = true)
class OrdersSyncTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @TempDir
    Path out;

    private static List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(JSON::readTree).toList();
    }

    private static List<String> ids(Path file) throws IOException {
        return lines(file).stream().map(n -> n.get("amazonOrderId").asString()).toList();
    }

    @Test
    void eachSellersOrdersGoToItsOwnFileAndARerunWritesOnlyWhatChangedAfter(Sandbox sandbox) throws IOException {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization mugs = m.newStoredSeller();
        SandboxAuthorization trains = m.newStoredSeller();
        m.liveListing(mugs, "MUG-1", "12.50", 100);
        m.liveListing(trains, "TRAIN-1", "30.00", 100);
        Instant since = sandbox.now().minus(Duration.ofMinutes(5));
        String mug1 = m.placeOrder(mugs, "MUG-1", 1);
        String mug2 = m.placeOrder(mugs, "MUG-1", 2);
        String train1 = m.placeOrder(trains, "TRAIN-1", 1);
        // ListOrders ends its window two minutes before the platform's now.
        sandbox.advance(Duration.ofMinutes(3));

        // Pages of one order: the mugs seller's two orders come on two pages.
        CliRunner.Result first = m.cli().run("orders", "sync", "--since", since.toString(), "--out", out.toString(),
                "--page-size", "1", "-v");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path mugsFile = out.resolve(mugs.sellerId()).resolve("orders.jsonl");
        Path trainsFile = out.resolve(trains.sellerId()).resolve("orders.jsonl");
        assertThat(ids(mugsFile)).containsExactlyInAnyOrder(mug1, mug2);
        assertThat(ids(trainsFile)).containsExactly(train1);
        // Buyers' names and addresses: owner-only.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mugsFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mugsFile.getParent()))).isEqualTo("rwx------");
        JsonNode twoMugs = lines(mugsFile).stream().filter(n -> n.get("amazonOrderId").asString().equals(mug2))
                .findFirst().orElseThrow();
        assertThat(twoMugs.get("orderStatus").asString()).isEqualTo("Pending");
        assertThat(twoMugs.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("sellerSku").asString()).isEqualTo("MUG-1");
            assertThat(item.get("quantityOrdered").asInt()).isEqualTo(2);
        });
        assertThat(first.out()).contains("SELLER ID", mugs.sellerId(), trains.sellerId()).doesNotContain("FAILED");
        // No terminal: no bars; -v's line per request only.
        assertThat(first.err().lines()).allSatisfy(l -> assertThat(l).startsWith("openmws: "))
                .anySatisfy(l -> assertThat(l).startsWith("openmws: Orders/ListOrdersByNextToken for " + mugs.sellerId()));
        Properties state = new Properties();
        try (var in = Files.newInputStream(out.resolve(mugs.sellerId()).resolve("sync-state.properties"))) {
            state.load(in);
        }
        Instant resumeFrom = Instant.parse(state.getProperty("lastUpdateDate"));
        assertThat(resumeFrom).isAfter(since);

        // Changes after the first window: one cancellation, one new order of the other seller.
        m.cancelOrder(mugs, mug1);
        String train2 = m.placeOrder(trains, "TRAIN-1", 3);
        sandbox.advance(Duration.ofMinutes(3));

        CliRunner.Result second = m.cli().run("orders", "sync", "--out", out.toString(), "--output", "json");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(ids(mugsFile)).hasSize(3).last().isEqualTo(mug1);
        assertThat(lines(mugsFile).get(2).get("orderStatus").asString()).isEqualTo("Canceled");
        assertThat(ids(trainsFile)).hasSize(2).last().isEqualTo(train2);
        JsonNode results = JSON.readTree(second.out());
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("result").asString()).isEqualTo("OK");
            assertThat(r.get("orders").asString()).isEqualTo("1");
        });
        assertThat(results).anySatisfy(r -> assertThat(r.get("from").asString()).isEqualTo(resumeFrom.toString()));
    }

    @Test
    void aRevokedSellerFailsWithAccessDeniedWhileTheOthersSync(Sandbox sandbox) throws IOException {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization kept = m.newStoredSeller();
        SandboxAuthorization revoked = m.newStoredSeller();
        sandbox.revoke(revoked);
        String since = sandbox.now().minus(Duration.ofHours(1)).toString();

        CliRunner.Result r = m.cli().run("orders", "sync", "--since", since, "--out", out.toString(), "--output", "csv");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out().lines().filter(l -> l.startsWith(kept.sellerId() + ","))).singleElement()
                .satisfies(l -> assertThat(l).startsWith(kept.sellerId() + ",OK,0,"));
        assertThat(r.out().lines().filter(l -> l.startsWith(revoked.sellerId() + ","))).singleElement()
                .satisfies(l -> assertThat(l).startsWith(revoked.sellerId() + ",FAILED,,").contains("AccessDenied"));
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(out.resolve(kept.sellerId()).resolve("sync-state.properties")).exists();
        assertThat(out.resolve(revoked.sellerId())).doesNotExist();

        // Only the revoked seller again, with -x: its stack trace, and exit 1 as none worked.
        CliRunner.Result alone = m.cli().run("orders", "sync", "--since", since, "--out", out.toString(),
                "--seller", revoked.sellerId(), "-x");
        assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(1);
        assertThat(alone.err()).contains("Seller " + revoked.sellerId() + ":", "MwsException", "\tat ");
    }

    @Test
    void badInputIsOneLineNamingTheArgumentAndWritesNothing(Sandbox sandbox) {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization seller = m.newStoredSeller();
        Path dir = out.resolve("orders");

        CliRunner.Result neverSynced = m.cli().run("orders", "sync", "--out", dir.toString());
        CliRunner.Result badDate = m.cli().run("orders", "sync", "--since", "yesterday", "--out", dir.toString());
        CliRunner.Result unknownSeller = m.cli().run("orders", "sync", "--since", "2026-01-01", "--out", dir.toString(),
                "--seller", "A0000000000000");
        CliRunner.Result noOut = m.cli().run("orders", "sync", "--since", "2026-01-01");
        CliRunner.Result bigPages = m.cli().run("orders", "sync", "--since", "2026-01-01", "--out", dir.toString(),
                "--page-size", "101");

        assertThat(neverSynced.exitCode()).isEqualTo(2);
        assertThat(neverSynced.err()).isEqualTo("openmws orders sync: --since: expected a date: seller "
                + seller.sellerId() + " was never synced into " + dir + ", so there is nothing to continue from\n");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).startsWith("openmws orders sync: --since: expected an ISO date").hasLineCount(1);
        assertThat(unknownSeller.exitCode()).isEqualTo(2);
        assertThat(unknownSeller.err()).startsWith("openmws orders sync: --seller: expected the Seller ID of a stored"
                + " seller; 'A0000000000000' is not stored").hasLineCount(1);
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out").hasLineCount(1);
        assertThat(bigPages.exitCode()).isEqualTo(2);
        assertThat(bigPages.err()).isEqualTo("openmws orders sync: --page-size: expected 1 to 100; got 101\n");
        assertThat(dir).doesNotExist();
    }

    @Test
    void everyBulkVerbHasHelpWithExamplesAndNeedsNoProfileForIt() {
        CliRunner cli = new CliRunner(home);
        for (String[] verb : new String[][] {{"orders", "sync"}, {"feeds", "submit"}, {"reports", "get"},
            {"orders"}, {"feeds"}, {"reports"}}) {
            String[] args = Arrays.copyOf(verb, verb.length + 1);
            args[verb.length] = "--help";
            CliRunner.Result help = cli.run(args);
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.out()).contains("Usage: openmws " + String.join(" ", verb), "Examples:", "  openmws " + verb[0]);
        }
        CliRunner.Result noVerb = cli.run("orders");
        assertThat(noVerb.exitCode()).isEqualTo(2);
        assertThat(noVerb.err()).startsWith("openmws orders: Missing required subcommand").hasLineCount(1);
        assertThat(home.resolve(".openmws")).doesNotExist();
    }
}
