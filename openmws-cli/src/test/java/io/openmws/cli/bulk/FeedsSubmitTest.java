package io.openmws.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.sdk.FeedSubmissionFilter;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code openmws feeds submit} against the platform: one file to every seller, processing summaries, bad input. */
@OpenMwsSandbox(shared = true)
class FeedsSubmitTest {

    private static final String PRICES = "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @TempDir
    Path dir;

    private static JsonNode row(JsonNode rows, String sellerId) {
        for (JsonNode r : rows) {
            if (r.get("sellerId").asString().equals(sellerId)) {
                return r;
            }
        }
        throw new AssertionError("No row for " + sellerId + " in " + rows);
    }

    @Test
    void aFeedGoesToEverySellerAndWaitSummarisesEachProcessingReport(Sandbox sandbox) throws IOException {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization withMug = m.newStoredSeller();
        SandboxAuthorization without = m.newStoredSeller();
        m.product(withMug, "MUG-1");
        Path feed = Files.writeString(dir.resolve("prices.txt"),
                "sku\tprice\tquantity\nMUG-1\t9.99\t5\nNO-SUCH-SKU\t1.00\t1\n", StandardCharsets.UTF_8);

        CliRunner.Result r = m.cli().run("feeds", "submit", "--type", PRICES, feed.toString(), "--wait", "--output", "json");

        // Records with errors do not fail the command: both feeds were submitted and processed.
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode rows = JSON.readTree(r.out());
        assertThat(rows).hasSize(2);
        JsonNode one = row(rows, withMug.sellerId());
        assertThat(one.get("result").asString()).isEqualTo("OK");
        assertThat(one.get("feedSubmissionId").asString()).matches("[0-9]+");
        assertThat(one.get("status").asString()).isEqualTo("_DONE_");
        assertThat(one.get("processed").asString()).isEqualTo("2");
        assertThat(one.get("successful").asString()).isEqualTo("1");
        assertThat(one.get("withError").asString()).isEqualTo("1");
        assertThat(one.get("withWarning").asString()).isEqualTo("0");
        assertThat(one.get("detail").asString()).isEqualTo("1 records failed; see the processing report");
        JsonNode other = row(rows, without.sellerId());
        assertThat(other.get("processed").asString()).isEqualTo("2");
        assertThat(other.get("successful").asString()).isEqualTo("0");
        assertThat(other.get("withError").asString()).isEqualTo("2");
        assertThat(r.err()).isEmpty();
        // The product feed of the fixture, then ours; the other seller has ours only.
        assertThat(m.client().feeds().count(Marketplace.access(withMug), FeedSubmissionFilter.all())).isEqualTo(2);
        assertThat(m.client().feeds().count(Marketplace.access(without), FeedSubmissionFilter.all())).isEqualTo(1);

        // Without --wait: the submission's id and status, for the one seller asked for.
        CliRunner.Result submitted = m.cli().run("feeds", "submit", "--type", PRICES, feed.toString(),
                "--seller", without.sellerId(), "--output", "csv");
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(submitted.out().lines()).hasSize(2);
        assertThat(submitted.out().lines().skip(1)).singleElement()
                .satisfies(l -> assertThat(l).matches(without.sellerId() + ",OK,[0-9]+,_SUBMITTED_,,,,,"));
    }

    @Test
    void aMissingFileOrAWrongTypeSendsNothing(Sandbox sandbox) throws IOException {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization seller = m.newStoredSeller();
        Path missing = dir.resolve("missing.txt");
        Path feed = Files.writeString(dir.resolve("prices.txt"), "sku\tprice\tquantity\nX-1\t1.00\t1\n");

        CliRunner.Result noFile = m.cli().run("feeds", "submit", "--type", PRICES, missing.toString(), "--wait");
        CliRunner.Result aFolder = m.cli().run("feeds", "submit", "--type", PRICES, dir.toString());
        CliRunner.Result malformedType = m.cli().run("feeds", "submit", "--type", "post_prices", feed.toString());
        CliRunner.Result unknownType = m.cli().run("feeds", "submit", "--type", "_POST_NO_SUCH_FEED_", feed.toString());
        CliRunner.Result badMarketplace = m.cli().run("feeds", "submit", "--type", PRICES, feed.toString(),
                "--marketplace", "nope");
        CliRunner.Result noParallel = m.cli().run("feeds", "submit", "--type", PRICES, feed.toString(), "--parallel", "0");

        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).isEqualTo("openmws feeds submit: FILE: expected a readable feed file; " + missing
                + " does not exist\n");
        assertThat(aFolder.exitCode()).isEqualTo(2);
        assertThat(aFolder.err()).startsWith("openmws feeds submit: FILE: expected a readable feed file;").hasLineCount(1);
        assertThat(malformedType.exitCode()).isEqualTo(2);
        assertThat(malformedType.err()).startsWith("openmws feeds submit: --type: 'post_prices' is not a feed type")
                .hasLineCount(1);
        assertThat(unknownType.exitCode()).as(unknownType.toString()).isEqualTo(2);
        assertThat(unknownType.err()).startsWith("openmws feeds submit: --type: expected a feed type the endpoint"
                + " accepts; it answered InvalidFeedType").hasLineCount(1);
        assertThat(badMarketplace.exitCode()).isEqualTo(2);
        assertThat(badMarketplace.err()).startsWith("openmws feeds submit: --marketplace: ").hasLineCount(1);
        assertThat(noParallel.exitCode()).isEqualTo(2);
        assertThat(noParallel.err()).isEqualTo("openmws feeds submit: --parallel: expected 1 to 32; got 0\n");
        assertThat(noFile.out() + aFolder.out() + malformedType.out() + unknownType.out() + badMarketplace.out()
                + noParallel.out()).isEmpty();
        assertThat(m.client().feeds().count(Marketplace.access(seller), FeedSubmissionFilter.all())).isZero();
    }
}
