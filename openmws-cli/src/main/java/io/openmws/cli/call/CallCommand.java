package io.openmws.cli.call;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.ExitCode;
import io.openmws.cli.Output;
import io.openmws.cli.OwnerOnly;
import io.openmws.cli.Terminal;
import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.SafeXml;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.RawRequest;
import io.openmws.sdk.RawResponse;
import io.openmws.sdk.SigningTrace;
import io.openmws.sdk.store.StoredSeller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openmws call}: any signed operation, as MWS Scratchpad sends it. The answer, whatever its status, is
 * printed as it came (XML) or as JSON; an error answer also gives a one-line summary on standard error and
 * exit 1. {@code --show-signing} prints what was signed (the MWS Auth Token masked, the Secret Key never),
 * to compare with what another client signs.
 *
 * <p>The answer goes to a temporary owner-only file first, so that a large one (a report) is never held in
 * memory and its error code can be read back; the file is deleted at the end.
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send any MWS operation, signed with the profile's key, and print the answer (XML as it came,"
                + " or --output json). With --seller the stored seller's SellerId and MWS Auth Token are added;"
                + " everything else is given as Name=Value, exactly as MWS names it."},
        footerHeading = "%nExamples:%n",
        footer = {"  openmws call Sellers GetServiceStatus",
            "  openmws call Sellers ListMarketplaceParticipations --seller A2986ZQ066CH2F",
            "  openmws call Orders ListOrders --seller A2986ZQ066CH2F MarketplaceId.Id.1=ATVPDKIKX0DER \\",
            "      CreatedAfter=2026-11-01T00:00:00Z --output json",
            "  openmws call Reports GetReportList --seller A2986ZQ066CH2F --show-signing",
            "",
            "Sections: Sellers, Orders, Feeds, Reports, Finances (any case). Exit 1 when the answer is an error."})
public final class CallCommand implements Callable<Integer> {

    /** Past this, JSON is refused: converting needs the answer as a tree, and MWS pages are far smaller. */
    static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SECTION", description = "Sellers, Orders, Feeds, Reports or Finances.")
    private String section;

    @Parameters(index = "1", paramLabel = "ACTION", description = "The operation, e.g. ListOrders.")
    private String action;

    @Parameters(index = "2..*", paramLabel = "Name=Value", description = "The operation's own parameters.")
    private List<String> parameters = new ArrayList<>();

    @Option(names = "--seller", paramLabel = "SELLER_ID",
            description = "A stored seller: adds its SellerId and MWS Auth Token.")
    private String sellerId;

    @Option(names = "--show-signing",
            description = "Print the canonical query and the string to sign on standard error (token masked).")
    private boolean showSigning;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Output output = cli.output();
        if (output.format() == Output.Format.CSV) {
            throw CliFailure.usage("--output", "expected table (the XML as it came) or json for call; csv has no"
                    + " meaning for an XML answer");
        }
        ApiSection apiSection = ApiSection.byName(section).orElseThrow(() -> CliFailure.usage("SECTION", "expected one"
                + " of " + Arrays.stream(ApiSection.values()).map(ApiSection::sectionName).collect(Collectors.joining(", "))
                + "; got '" + section + "'"));
        RawRequest request = request(cli, apiSection);
        MwsClient client = cli.client();

        Path answer = tempFile();
        try {
            RawResponse response;
            try (OutputStream body = Files.newOutputStream(answer)) {
                response = client.call(request, body);
            }
            if (showSigning) {
                printSigning(cli.terminal(), response.signing());
            }
            print(cli, output, response, answer);
            if (response.succeeded()) {
                return ExitCode.OK;
            }
            cli.terminal().err().println("openmws call: HTTP " + response.httpStatus() + errorOf(answer).map(c -> " " + c)
                    .orElse("") + response.requestId().map(id -> " (RequestId " + id + ")").orElse(""));
            return ExitCode.FAILED;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the answer in " + answer, e);
        } finally {
            try {
                Files.deleteIfExists(answer);
            } catch (IOException e) {
                cli.terminal().err().println("openmws call: could not delete " + answer + ": " + e.getMessage());
            }
        }
    }

    private RawRequest request(Cli cli, ApiSection apiSection) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : parameters) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw CliFailure.usage("'" + p + "'", "expected Name=Value, e.g. MarketplaceId.Id.1=ATVPDKIKX0DER");
            }
            String name = p.substring(0, eq);
            if (values.putIfAbsent(name, p.substring(eq + 1)) != null) {
                throw CliFailure.usage(name, "expected once; it was given twice");
            }
        }
        RawRequest.Builder b = RawRequest.builder(apiSection, action);
        if (sellerId != null) {
            StoredSeller seller = cli.profile().store().get(sellerId.strip()).orElseThrow(() -> CliFailure.usage(
                    "--seller", "expected a stored seller (see 'openmws sellers list'); '" + sellerId.strip()
                            + "' is not stored in profile '" + cli.profile().name() + "'"));
            b.seller(seller.access());
        }
        try {
            values.forEach(b::parameter);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("Name=Value", e.getMessage());
        }
    }

    private static void print(Cli cli, Output output, RawResponse response, Path answer) throws IOException {
        OutputStream out = cli.terminal().out();
        boolean xml = response.header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("xml")).orElse(false);
        if (output.format() == Output.Format.JSON && xml) {
            if (Files.size(answer) > MAX_JSON_BYTES) {
                throw CliFailure.usage("--output", "expected an answer under " + MAX_JSON_BYTES / (1024 * 1024)
                        + " MiB for json; this one has " + Files.size(answer) + " bytes: print it as XML");
            }
            try (InputStream in = Files.newInputStream(answer)) {
                XmlToJson.convert(in, out);
            }
            return;
        }
        if (output.format() == Output.Format.JSON) {
            output.info("openmws call: the answer is not XML (" + response.header("Content-Type").orElse("no Content-Type")
                    + "); printed as it came");
        }
        Files.copy(answer, out);
        out.flush();
    }

    private static void printSigning(Terminal terminal, SigningTrace signing) {
        terminal.err().println("Signed with " + signing.method() + " (the MWS Auth Token masked, the Secret Key never shown)");
        terminal.err().println("Canonical query:");
        terminal.err().println("  " + signing.canonicalQuery());
        terminal.err().println("String to sign:");
        signing.stringToSign().lines().forEach(l -> terminal.err().println("  " + l));
        terminal.err().flush();
    }

    /** The first {@code Code} of an {@code ErrorResponse}; empty when the answer is not one. */
    static Optional<String> errorOf(Path answer) {
        try (InputStream in = Files.newInputStream(answer)) {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Code")) {
                    return Optional.of(r.getElementText().strip());
                }
            }
            return Optional.empty();
        } catch (IOException | XMLStreamException e) {
            return Optional.empty();
        }
    }

    private static Path tempFile() {
        try {
            return OwnerOnly.createTempFile("openmws-call-", ".answer");
        } catch (IOException e) {
            throw CliFailure.failed("Could not create a temporary file for the answer: " + e.getMessage(), e);
        }
    }
}
