package io.openmws.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's secrets scan, the integrator's side: every verb of {@code openmws} run the way a user would
 * (secrets typed, from the environment and in files; verbose, with the signing shown, with stack traces
 * on failure), then everything it printed, everything the SDK and the CLI logged at every level, and every
 * byte it left under the home folder are searched for the developer's Secret Key and the seller's MWS
 * Auth Token, plain, URL-encoded and Base64. Neither may appear anywhere: the CLI shows a token masked and
 * keeps both only encrypted in the profile's store.
 */
@OpenMwsSandbox(shared = true)
class EveryVerbSecretsScanTest {

    @TempDir
    Path home;

    @TempDir
    Path dir;

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> logged = new ArrayList<>();

    @Test
    void noVerbPrintsLogsOrLeavesASecretInTheClear(Sandbox sandbox) throws IOException {
        Handler capture = captureSdkAndCliLogs();
        try {
            Marketplace m = new Marketplace(sandbox, home);
            SandboxDeveloper second = sandbox.newDeveloper();
            SandboxAuthorization seller = sandbox.authorize(sandbox.newSeller(Marketplace.US), m.developer());
            m.liveListing(seller, "MUG-1", "12.50", 100);
            m.placeOrder(seller, "MUG-1", 1);
            sandbox.advance(Duration.ofMinutes(3));
            Path secretFile = dir.resolve("secret");
            Files.writeString(secretFile, second.secretKey() + "\n");
            Path feed = dir.resolve("prices.txt");
            Files.writeString(feed, "sku\tprice\tquantity\nMUG-1\t13.00\t90\n");

            // A second profile configured by typing, and one from a file.
            run("configure typed", m.cli().runWithInput(sandbox.baseUrl() + "\n" + second.accessKeyId() + "\n"
                    + second.secretKey() + "\n", "configure", "--profile", "typed"));
            run("configure from a file", m.cli().run("configure", "--profile", "file", "--endpoint",
                    sandbox.baseUrl().toString(), "--access-key-id", second.accessKeyId(), "--secret-key-file",
                    secretFile.toString()));
            run("configure --show", m.cli().run("configure", "--show"));
            // The seller: its token typed, then again from the environment.
            run("sellers add", m.cli().runWithInput(seller.mwsAuthToken() + "\n", "-v", "sellers", "add", "--seller-id",
                    seller.sellerId(), "--marketplace", Marketplace.US, "--name", "Mugs"));
            m.cli().env("MWS_AUTH_TOKEN", seller.mwsAuthToken());
            run("sellers add --replace", m.cli().run("sellers", "add", "--seller-id", seller.sellerId(),
                    "--marketplace", Marketplace.US, "--replace"));
            m.cli().unsetEnv("MWS_AUTH_TOKEN");
            run("sellers list", m.cli().run("sellers", "list", "--output", "json"));
            run("sellers show", m.cli().run("sellers", "show", seller.sellerId(), "--output", "csv"));
            run("sellers check", m.cli().run("-v", "sellers", "check"));
            run("call", m.cli().run("-v", "call", "Sellers", "ListMarketplaceParticipations", "--seller",
                    seller.sellerId(), "--show-signing", "--output", "json"));
            run("call refused", m.cli().run("-v", "-x", "call", "Orders", "ListOrders", "--seller", seller.sellerId(),
                    "CreatedAfter=not-a-date"));
            run("doctor", m.cli().run("-v", "doctor", "--output", "json"));
            run("orders sync", m.cli().run("-v", "orders", "sync", "--since", sandbox.now().minus(Duration.ofHours(1))
                    .toString(), "--out", dir.resolve("orders").toString()));
            run("feeds submit", m.cli().run("-v", "feeds", "submit", "--type",
                    "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", feed.toString(), "--wait"));
            run("reports get", m.cli().run("-v", "reports", "get", "--type", "_GET_MERCHANT_LISTINGS_DATA_", "--out",
                    dir.resolve("listings.txt").toString()));
            // The seller revokes: every verb that calls now fails, with its message and, with -x, a trace.
            sandbox.revoke(seller);
            run("call after revocation", m.cli().run("-x", "call", "Sellers", "ListMarketplaceParticipations",
                    "--seller", seller.sellerId()));
            run("sellers check after revocation", m.cli().run("-v", "sellers", "check"));
            run("sellers remove", m.cli().run("sellers", "remove", seller.sellerId()));

            assertThat(sources).as("every verb ran").hasSizeGreaterThan(15);
            sources.put("SDK and CLI log records, every level", String.join("\n", logged));
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    sources.put("file " + home.relativize(f), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(sources.keySet()).as("the profile's store was scanned").anyMatch(s -> s.contains("profiles"));

            Map<String, String> secrets = Map.of(
                    "Secret Key", m.developer().secretKey(),
                    "second Secret Key", second.secretKey(),
                    "MWS Auth Token", seller.mwsAuthToken(),
                    "MWS Auth Token without its prefix", seller.mwsAuthToken().substring("amzn.mws.".length()));
            // The scan can fail: a leak written the way it would be (URL-encoded) is found.
            assertThat(found(Map.of("a leaked token", "MWSAuthToken=" + URLEncoder.encode(seller.mwsAuthToken(),
                    StandardCharsets.UTF_8)), secrets)).isNotEmpty();
            assertThat(found(sources, secrets)).isEmpty();
        } finally {
            release(capture);
        }
    }

    private void run(String name, CliRunner.Result result) {
        sources.put("stdout of " + name, result.out());
        sources.put("stderr of " + name, result.err());
    }

    /** Each (source, secret, form) where a secret appears. */
    private static List<String> found(Map<String, String> sources, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        for (var secret : secrets.entrySet()) {
            String value = secret.getValue();
            Map<String, String> forms = Map.of("plain", value,
                    "URL-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8),
                    "Base64", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            for (var source : sources.entrySet()) {
                for (var form : forms.entrySet()) {
                    if (source.getValue().contains(form.getValue())) {
                        found.add(secret.getKey() + " (" + form.getKey() + ") in " + source.getKey());
                    }
                }
            }
        }
        return found;
    }

    /** Held here: java.util.logging keeps loggers only weakly, and a collected one would lose its settings. */
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("io.openmws.sdk"), Logger.getLogger("io.openmws.cli"));

    /** Every record of the SDK's and the CLI's loggers, at every level, whatever the launcher prints. */
    private Handler captureSdkAndCliLogs() {
        SimpleFormatter format = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(format.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        for (Logger logger : LOGGERS) {
            logger.setLevel(Level.ALL);
            logger.addHandler(handler);
        }
        return handler;
    }

    private static void release(Handler handler) {
        for (Logger logger : LOGGERS) {
            logger.removeHandler(handler);
            logger.setLevel(null);
        }
    }
}
