package io.openmws.cli.config;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.ExitCode;
import io.openmws.cli.OpenMws;
import io.openmws.cli.Secrets;
import io.openmws.cli.Table;
import io.openmws.cli.Terminal;
import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.protocol.marketplace.Region;
import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openmws configure}: the endpoint, the developer's access key and the application of a profile.
 * Values come from options, from the environment ({@code --from-env}), or from questions (the Secret Key
 * without echo); the Secret Key is never an argument. The access key is tried with a signed
 * {@code GetServiceStatus} before anything is saved, so a wrong key or endpoint stores nothing.
 */
@Command(name = "configure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Set up a profile: the MWS endpoint (a URL, or a region: NA, EU, FE, CN), your developer"
                + " Access Key ID and Secret Key, and the application name and version every call's User-Agent"
                + " carries. The Secret Key is asked without echo (or read from a file, or from MWS_SECRET_KEY with"
                + " --from-env), tried against the endpoint, and kept encrypted under ~/.openmws."},
        footerHeading = "%nExamples:%n",
        footer = {"  openmws configure                                   # asks for each value",
            "  openmws configure --endpoint http://localhost:8080 --access-key-id AKIAIOSFODNN7EXAMPLE",
            "  openmws configure --endpoint EU --secret-key-file ~/secrets/mws-eu.key --profile eu",
            "  MWS_ENDPOINT=http://localhost:8080 MWS_ACCESS_KEY_ID=... MWS_SECRET_KEY=... openmws configure --from-env",
            "  openmws configure --show"})
public final class ConfigureCommand implements Callable<Integer> {

    /** The variables {@code --from-env} reads: the SDK example's. */
    static final String ENDPOINT_ENV = "MWS_ENDPOINT";
    static final String ACCESS_KEY_ENV = "MWS_ACCESS_KEY_ID";
    static final String SECRET_KEY_ENV = "MWS_SECRET_KEY";

    @Spec
    private CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL|REGION",
            description = "The MWS endpoint: a URL (http://localhost:8080) or a region (NA, EU, FE, CN) for its real host.")
    private String endpoint;

    @Option(names = "--access-key-id", paramLabel = "ID", description = "Your developer Access Key ID (20 characters).")
    private String accessKeyId;

    @Option(names = "--secret-key-file", paramLabel = "FILE",
            description = "Read the Secret Key from the first line of this file instead of asking.")
    private Path secretKeyFile;

    @Option(names = "--application", paramLabel = "NAME",
            description = "Your application's name, first in the User-Agent (default: openmws-cli).")
    private String applicationName;

    @Option(names = "--application-version", paramLabel = "VERSION",
            description = "Your application's version (default: this tool's version).")
    private String applicationVersion;

    @Option(names = "--from-env",
            description = "Take the endpoint, Access Key ID and Secret Key from MWS_ENDPOINT, MWS_ACCESS_KEY_ID and"
                    + " MWS_SECRET_KEY; ask nothing.")
    private boolean fromEnv;

    @Option(names = "--no-check", description = "Save without trying the access key against the endpoint.")
    private boolean noCheck;

    @Option(names = "--show", description = "Show the profile's settings (the Secret Key masked) and change nothing.")
    private boolean show;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Profile profile = cli.profile();
        if (show) {
            return show(cli, profile);
        }
        Optional<ProfileSettings> current = profile.settings();
        Optional<DeveloperCredentials> currentKey = current.isPresent() ? profile.store().developerCredentials()
                : Optional.empty();
        Terminal terminal = cli.terminal();

        URI url = endpoint(terminal, current);
        AccessKeyId keyId = accessKeyId(terminal, currentKey);
        SecretKey secret = secretKey(terminal, currentKey);
        String appName = applicationName != null ? applicationName
                : current.map(ProfileSettings::applicationName).orElse("openmws-cli");
        String appVersion = applicationVersion != null ? applicationVersion
                : current.map(ProfileSettings::applicationVersion).orElse(OpenMws.version());
        ProfileSettings settings = new ProfileSettings(url, appName, appVersion);
        DeveloperCredentials credentials = DeveloperCredentials.of(keyId, secret);
        MwsClient client = client(settings, credentials);

        if (!noCheck) {
            check(client);
        }
        profile.store().saveDeveloperCredentials(credentials);
        profile.save(settings);
        cli.output().info("Saved profile '" + profile.name() + "': " + url + ", Access Key ID " + keyId.value()
                + ", Secret Key " + Secrets.mask(secret.reveal()) + " (encrypted in " + profile.dir() + ")"
                + (noCheck ? "; not tried against the endpoint" : "; the endpoint accepted the key"));
        return ExitCode.OK;
    }

    private int show(Cli cli, Profile profile) {
        ProfileSettings settings = profile.requireSettings();
        Optional<DeveloperCredentials> key = profile.store().developerCredentials();
        cli.output().printRecord(Table.of(Table.column("profile", "Profile"), Table.column("endpoint", "Endpoint"),
                        Table.column("accessKeyId", "Access Key ID"), Table.column("secretKey", "Secret Key"),
                        Table.column("application", "Application"), Table.column("folder", "Folder"))
                .row(profile.name(), settings.endpoint().toString(),
                        key.map(k -> k.accessKeyId().value()).orElse(null),
                        key.map(k -> Secrets.mask(k.secretKey().reveal())).orElse(null),
                        settings.applicationName() + "/" + settings.applicationVersion(), profile.dir().toString()));
        return ExitCode.OK;
    }

    private URI endpoint(Terminal terminal, Optional<ProfileSettings> current) {
        String source = "--endpoint";
        String value = endpoint;
        if (value == null && fromEnv) {
            source = ENDPOINT_ENV;
            value = terminal.env(ENDPOINT_ENV).orElseThrow(() -> missingVariable(ENDPOINT_ENV, "the endpoint URL or region"));
        }
        if (value == null) {
            String shown = current.map(s -> " [" + s.endpoint() + "]").orElse("");
            value = terminal.readLine("Endpoint (URL, or region NA, EU, FE, CN)" + shown + ": ")
                    .filter(s -> !s.isEmpty())
                    .or(() -> current.map(s -> s.endpoint().toString()))
                    .orElseThrow(() -> CliFailure.usage("--endpoint", "expected a URL like http://localhost:8080 or a"
                            + " region (NA, EU, FE, CN); none was given"));
            source = "the endpoint";
        }
        return parseEndpoint(source, value);
    }

    /** A region name for its real host, or an absolute http(s) URL with a host and no query. */
    static URI parseEndpoint(String source, String value) {
        String v = value.strip();
        for (Region region : Region.values()) {
            if (region.name().equalsIgnoreCase(v)) {
                return MwsClient.endpointOf(region);
            }
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw CliFailure.usage(source, "expected an http(s) URL with a host, like http://localhost:8080, or a region ("
                + Arrays.stream(Region.values()).map(Region::name).collect(Collectors.joining(", ")) + "); got '" + v + "'");
    }

    private AccessKeyId accessKeyId(Terminal terminal, Optional<DeveloperCredentials> current) {
        String source = "--access-key-id";
        String value = accessKeyId;
        if (value == null && fromEnv) {
            source = ACCESS_KEY_ENV;
            value = terminal.env(ACCESS_KEY_ENV).orElseThrow(() -> missingVariable(ACCESS_KEY_ENV, "the Access Key ID"));
        }
        if (value == null) {
            String shown = current.map(k -> " [" + k.accessKeyId().value() + "]").orElse("");
            value = terminal.readLine("Access Key ID" + shown + ": ").filter(s -> !s.isEmpty())
                    .or(() -> current.map(k -> k.accessKeyId().value()))
                    .orElseThrow(() -> CliFailure.usage("--access-key-id", "expected your developer Access Key ID;"
                            + " none was given"));
            source = "the Access Key ID";
        }
        String v = value.strip();
        if (!AccessKeyId.isValid(v)) {
            throw CliFailure.usage(source, "expected 20 letters and digits, like AKIAIOSFODNN7EXAMPLE; got '" + v
                    + "' (" + v.length() + " characters)");
        }
        return AccessKeyId.of(v);
    }

    private SecretKey secretKey(Terminal terminal, Optional<DeveloperCredentials> current) {
        if (secretKeyFile != null) {
            return secretKeyFromFile();
        }
        if (fromEnv) {
            String v = terminal.env(SECRET_KEY_ENV).orElseThrow(() -> missingVariable(SECRET_KEY_ENV, "the Secret Key"));
            return validSecret(SECRET_KEY_ENV, v);
        }
        String keep = current.isPresent() ? " [Enter keeps " + Secrets.mask(current.get().secretKey().reveal()) + "]" : "";
        Optional<char[]> typed = terminal.readSecret("Secret Key" + keep + ": ");
        if (typed.isEmpty()) {
            return current.map(DeveloperCredentials::secretKey).orElseThrow(() -> CliFailure.usage("Secret Key",
                    "expected it typed at the prompt, in --secret-key-file or in MWS_SECRET_KEY with --from-env;"
                            + " none was given"));
        }
        char[] chars = typed.get();
        try {
            return validSecret("the Secret Key typed", new String(chars));
        } finally {
            Terminal.wipe(chars);
        }
    }

    private SecretKey secretKeyFromFile() {
        String firstLine;
        try {
            firstLine = Files.readAllLines(secretKeyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw CliFailure.usage("--secret-key-file", "expected a readable file with the Secret Key on its first line;"
                    + " could not read " + secretKeyFile + " (" + e.getClass().getSimpleName() + ")");
        }
        return validSecret("--secret-key-file", firstLine);
    }

    /** Never echoes the value: only its length, which is what is usually wrong (a cut or padded paste). */
    private static SecretKey validSecret(String source, String value) {
        String v = value.strip();
        if (!SecretKey.isValid(v)) {
            throw CliFailure.usage(source, "expected a Secret Key of " + SecretKey.LENGTH + " characters; got "
                    + v.length() + " characters");
        }
        return SecretKey.of(v);
    }

    private MwsClient client(ProfileSettings settings, DeveloperCredentials credentials) {
        try {
            return MwsClient.builder().endpoint(settings.endpoint()).credentials(credentials)
                    .application(settings.applicationName(), settings.applicationVersion()).build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(applicationName != null ? "--application" : "--application-version",
                    "expected a name and version fit for a User-Agent: " + e.getMessage());
        }
    }

    /** A signed call that needs no seller: a wrong key, secret or endpoint fails here and nothing is saved. */
    private static void check(MwsClient client) {
        try {
            client.sellers().getServiceStatus();
        } catch (MwsException e) {
            throw CliFailure.failed(e.getMessage() + ". Nothing was saved (--no-check saves without trying)", e);
        }
    }

    private static CliFailure missingVariable(String name, String what) {
        return CliFailure.usage(name, "expected " + what + " in the environment for --from-env; the variable is not set");
    }
}
