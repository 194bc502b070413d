package io.openmws.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.cli.config.Profiles;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openmws reports get} against the platform: a report to a file, to standard output, to a folder for
 * several sellers; and the progress display in a real pseudo-terminal.
 */
@OpenMwsSandbox(shared = true)
class ReportsGetTest {

    private static final String LISTINGS = "_GET_MERCHANT_LISTINGS_DATA_";
    private static final String HEADER = "item-name\titem-description\tlisting-id\tseller-sku";

    @TempDir
    Path home;

    @TempDir
    Path dir;

    @Test
    void oneSellersReportGoesToTheFileOrToStandardOutput(Sandbox sandbox) throws IOException {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization seller = m.newStoredSeller();
        m.liveListing(seller, "MUG-1", "12.50", 10);
        Path file = dir.resolve("listings.txt");

        CliRunner.Result toFile = m.cli().run("reports", "get", "--type", LISTINGS, "--out", file.toString());

        assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        assertThat(lines.get(0)).startsWith(HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\tMUG-1\t", "12.50");
        assertThat(toFile.out().lines()).hasSize(2);
        assertThat(toFile.out().lines().skip(1)).singleElement().satisfies(row -> assertThat(row)
                .startsWith(seller.sellerId() + "  OK").contains(" " + Files.size(file) + " ", file.toString()));
        assertThat(toFile.err()).isEmpty();
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        CliRunner.Result toStdout = m.cli().run("reports", "get", "--type", LISTINGS);

        assertThat(toStdout.exitCode()).as(toStdout.toString()).isZero();
        assertThat(toStdout.out()).isEqualTo(Files.readString(file, StandardCharsets.ISO_8859_1));
        assertThat(toStdout.err()).startsWith("Seller " + seller.sellerId() + ": report ").endsWith(" bytes, MD5 checked\n");
    }

    @Test
    void severalSellersNeedAFolderThatGetsOneFileEach(Sandbox sandbox) throws IOException {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization first = m.newStoredSeller();
        SandboxAuthorization second = m.newStoredSeller();
        m.liveListing(first, "MUG-1", "12.50", 10);
        m.liveListing(second, "TRAIN-1", "30.00", 3);

        CliRunner.Result noOut = m.cli().run("reports", "get", "--type", LISTINGS);
        CliRunner.Result badType = m.cli().run("reports", "get", "--type", "listings", "--out", dir.toString());
        CliRunner.Result badPeriod = m.cli().run("reports", "get", "--type", LISTINGS, "--out", dir.toString(),
                "--start", "2026-02-01", "--end", "2026-01-01");

        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).startsWith("openmws reports get: --out: expected a folder for the reports of 2 sellers")
                .hasLineCount(1);
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).startsWith("openmws reports get: --type: 'listings' is not a report type").hasLineCount(1);
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).startsWith("openmws reports get: --end: expected a date after --start").hasLineCount(1);
        assertThat(noOut.out() + badType.out() + badPeriod.out()).isEmpty();

        Path folder = dir.resolve("reports");
        CliRunner.Result r = m.cli().run("reports", "get", "--type", LISTINGS, "--out", folder.toString(), "-o", "csv");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(folder.resolve(first.sellerId() + "-" + LISTINGS + ".txt"), StandardCharsets.ISO_8859_1))
                .startsWith(HEADER).contains("\tMUG-1\t").doesNotContain("TRAIN-1");
        assertThat(Files.readString(folder.resolve(second.sellerId() + "-" + LISTINGS + ".txt"), StandardCharsets.ISO_8859_1))
                .startsWith(HEADER).contains("\tTRAIN-1\t").doesNotContain("MUG-1");
        assertThat(r.out().lines()).hasSize(3).first().isEqualTo("sellerId,result,reportRequestId,reportId,bytes,file,detail");
    }

    /**
     * The real launcher's process in a pseudo-terminal ({@code script} from util-linux): the bars are drawn on
     * standard error while the report is requested, generated and downloaded, and the display ends before the
     * results, which are the last line, whole.
     */
    @Test
    void theProgressDisplayIsDrawnAtARealTerminalAndEndsCleanly(Sandbox sandbox) throws Exception {
        Marketplace m = new Marketplace(sandbox, home);
        SandboxAuthorization seller = m.newStoredSeller();
        m.liveListing(seller, "MUG-1", "12.50", 10);
        Path file = dir.resolve("listings.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", quote(java), "-cp", quote(System.getProperty("java.class.path")),
                "io.openmws.cli.OpenMws", "reports", "get", "--type", LISTINGS, "--out", quote(file.toString()));
        ProcessBuilder pb = new ProcessBuilder("script", "-qefc", command, "/dev/null").redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put(Profiles.HOME_ENV, home.resolve(".openmws").toString());
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove(Profiles.PROFILE_ENV);

        Process process = pb.start();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(captured);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = captured.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Sellers", "Processing", "Download", "100%");
        assertThat(output).endsWith("\n");
        List<String> lines = output.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as(output).startsWith(seller.sellerId() + "  OK").contains(file.toString())
                .doesNotContain("\r", "\u001b");
        assertThat(lines.get(lines.size() - 2)).as(output).startsWith("SELLER ID").doesNotContain("\r", "\u001b");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).startsWith(HEADER);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
